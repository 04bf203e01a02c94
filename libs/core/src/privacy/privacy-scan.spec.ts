import {
  isGeldigBsn,
  isGeldigIban,
  PRIVACY_SOORT_LABELS,
  PRIVACY_SOORTEN,
  PrivacySoort,
  scanPrivacy,
  telIdentificatoren,
} from './privacy-scan';

/** The kinds found in one text, in PRIVACY_SOORTEN order. */
const soorten = (tekst: string): PrivacySoort[] =>
  scanPrivacy({ verhaal: tekst }).map((b) => b.soort);

/** Nine digits: the eight given plus the check digit, or null when none makes it valid. */
function metControlecijfer(acht: string): string | null {
  let som = 0;
  for (let i = 0; i < 8; i++) som += (9 - i) * Number(acht[i]);
  const laatste = som % 11;
  return laatste === 10 ? null : acht + String(laatste);
}

/** Twelve BSNs built with the elfproef from a fixed pseudo-random sequence. */
function gegenereerdeBsns(): string[] {
  const bsns: string[] = [];
  let zaad = 20260401;
  while (bsns.length < 12) {
    zaad = (zaad * 1103515245 + 12345) % 2 ** 31;
    const bsn = metControlecijfer(String(10_000_000 + (zaad % 89_999_999)));
    if (bsn) bsns.push(bsn);
  }
  return bsns;
}

describe('isGeldigBsn', () => {
  it.each(['123456782', '111222333', '012345672', '999999990'])('accepts %s', (bsn) =>
    expect(isGeldigBsn(bsn)).toBe(true),
  );
  it.each(['123456789', '111222334', '000000000', '12345678', '1234567820', '12345678a', ''])(
    'rejects %j',
    (bsn) => expect(isGeldigBsn(bsn)).toBe(false),
  );
  it('rejects every other last digit of a valid BSN', () => {
    for (let d = 0; d <= 9; d++) if (d !== 2) expect(isGeldigBsn(`12345678${d}`)).toBe(false);
  });
});

describe('isGeldigIban', () => {
  it.each([
    'NL91ABNA0417164300',
    'NL91 ABNA 0417 1643 00',
    'nl91abna0417164300',
    'DE89370400440532013000',
    'BE68539007547034',
    'FR1420041010050500013M02606',
    'GB29NWBK60161331926819',
  ])('accepts %s', (iban) => expect(isGeldigIban(iban)).toBe(true));
  it.each([
    ['a wrong check digit', 'NL91ABNA0417164301'],
    ['swapped digits', 'NL19ABNA0417164300'],
    ['the wrong length for NL', 'NL91ABNA04171643000'],
    ['a country outside SEPA', 'US91ABNA0417164300'],
    ['punctuation', 'NL91-ABNA-0417-1643-00'],
  ])('rejects %s', (_, iban) => expect(isGeldigIban(iban)).toBe(false));
});

describe('scanPrivacy', () => {
  describe('normalisation (NFKC, invisible characters removed)', () => {
    it.each([
      ['full-width digits', '\uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13', 'bsn'],
      ['a zero-width space inside', '111\u200b222\u200b333', 'bsn'],
      ['zero-width joiner and non-joiner', '1\u200d11222\u200c333', 'bsn'],
      ['a soft hyphen and a word joiner', '111\u00ad222\u2060333', 'bsn'],
      ['a byte-order mark', '\ufeff111222333', 'bsn'],
      [
        'full-width digits with a zero-width space',
        'BSN \uff11\uff12\uff13\u200b\uff14\uff15\uff16\uff17\uff18\uff12',
        'bsn',
      ],
      ['a full-width at sign', 'mail jan\uff20voorbeeld.nl', 'e-mailadres'],
      ['a full-width postcode', '\uff11\uff15\uff10\uff13 AB 12', 'postcode-huisnummer'],
    ])('finds an identifier written with %s', (_, tekst, soort) =>
      expect(soorten(tekst)).toEqual([soort]),
    );

    it('leaves text without identifiers alone after normalising', () =>
      expect(soorten('ﬁets\u200b en ２０２６')).toEqual([]));
  });

  describe('BSN', () => {
    it.each([
      ['bare', 'Cliënt met BSN 123456782 meldde zich.'],
      ['another classic test number', 'nummer 111222333'],
      ['grouped with dots', 'BSN: 123.456.782'],
      ['grouped with spaces', 'bsn 123 456 782 bekend'],
      ['grouped as on a passport', 'paspoort vermeldt 1234.56.782'],
      ['with its leading zero', 'BSN 012345672.'],
      ['with the leading zero dropped by a spreadsheet', 'BSN 12345672'],
      ['between parentheses', 'de moeder (123456782) belde'],
      ['at the start of the text', '123456782 is het nummer'],
      ['after a year and a space', 'in 2025 123456782 gebeld'],
      ['with a no-break space', 'BSN 123\u00a0456\u00a0782'],
      ['grouped 3-3-3 with dashes', 'nummer 123-456-782 genoteerd'],
      ['grouped 4-2-3 with dashes', 'BSN 1234-56-782'],
      ['grouped 4-2-3 with spaces', 'bsn 1234 56 782 bekend'],
      ['grouped with typographic dashes', 'BSN 123\u2013456\u2013782'],
      ['glued to BSN', 'BSN123456782'],
      ['glued to lower-case bsn', 'zie bsn123456782 in het dossier'],
      ['after bsn and a colon', 'bsn:123456782'],
      ['after BSN and a colon, grouped', 'BSN:123.456.782'],
      ['after BSN-nr.', 'BSN-nr.123456782'],
      ['after bsnnummer, grouped with dashes', 'bsnnummer 123-456-782'],
      ['after Burgerservicenummer and a colon', 'Burgerservicenummer:123456782'],
      ['after BSN and a dash', 'BSN-123456782'],
      ['at the end of a sentence', 'Het nummer is 123-456-782.'],
    ])('finds a BSN %s', (_, tekst) => expect(soorten(tekst)).toEqual(['bsn']));

    it('counts every separator style once', () =>
      expect(
        telIdentificatoren(
          '123456782, 123.456.782, 123-456-782, 123 456 782, 1234 56 782, 1234.56.782, BSN111222333',
        ).bsn,
      ).toBe(7));

    it.each(gegenereerdeBsns())('finds the generated BSN %s', (bsn) => {
      expect(soorten(`Het gezin (BSN ${bsn}) kreeg hulp.`)).toEqual(['bsn']);
      expect(soorten(`BSN ${bsn.slice(0, 3)}.${bsn.slice(3, 6)}.${bsn.slice(6)}`)).toEqual(['bsn']);
    });

    it.each([
      ['nine digits failing the elfproef', 'dossier 123456789'],
      ['nine zeros', 'nummer 000000000'],
      ['dotted digits failing the elfproef', '123.456.789'],
      ['a valid BSN inside a longer number', 'referentie 1234567820'],
      ['a valid BSN after other digits', 'referentie 91234567823'],
      ['a valid BSN with decimals', 'totaal 123456782,50'],
      ['an amount after a euro sign', 'begroting € 123.456.782'],
      ['an amount after EUR', 'EUR 123456782'],
      ['an amount followed by euro', 'budget 123.456.782 euro'],
      ['part of a larger space-grouped number', 'inwoners: 1 123 456 782'],
      ['followed by a further space group', '123 456 782 000'],
      ['a percentage', '123456782%'],
      ['digits in a word', 'code AB123456782'],
      ['eight digits failing the elfproef with a zero', 'klantnummer 12345678'],
      ['dashed digits failing the elfproef', 'zaak 123-456-789'],
      ['spaced 4-2-3 digits failing the elfproef', 'zaak 1234 56 789'],
      ['a glued BSN failing the elfproef', 'BSN123456789'],
      ['bsn: and nine digits failing the elfproef', 'bsn:123456789'],
      ['a dashed group continuing a number', '12-123-456-782'],
      ['a dashed group followed by more digits', '123-456-782-1'],
      ['a 4-2-3 space group starting with a year', 'in 2026 12 345 gezinnen'],
      ['a 4-2-3 space group inside a longer one', '1 1234 56 782'],
      ['an amount with dashes after a euro sign', '€ 123-456-782'],
      ['digits glued to another word', 'ABC123456782'],
      ['a BSN prefix with ten digits', 'BSN1234567820'],
      ['a date range', 'van 01-01-2026 tot 31-03-2026'],
      ['an ISO date', 'op 2026-06-30 123 gesprekken'],
    ])('does not flag %s', (_, tekst) => expect(soorten(tekst)).toEqual([]));

    it.each(['20190104', '20190116', '07012019', '19012019'])(
      'does not flag the compact date %s although 0 + it passes the elfproef',
      (datum) => {
        expect(isGeldigBsn(`0${datum}`)).toBe(true);
        expect(soorten(`gesprek op ${datum}`)).toEqual([]);
      },
    );
  });

  describe('e-mailadres', () => {
    it.each([
      'mail jan.jansen@voorbeeld.nl maar',
      'J.de-Vries+zorg@gemeente.amsterdam',
      'contact: INFO@BUURTTEAM.NL.',
      'schrijf naar info(at)buurtteam.nl',
      'schrijf naar info [at] buurtteam.nl',
      'adres: josé.müller@zorg-noord.nl',
      '<jan@sub.domein.example.org>',
    ])('finds %j', (tekst) => expect(soorten(tekst)).toEqual(['e-mailadres']));

    it.each([
      'volg @buurtteam op social media',
      'jan@localhost',
      'op 12 @ 14 uur',
      'het is at het eind',
      'e-mail ontbreekt',
    ])('does not flag %j', (tekst) => expect(soorten(tekst)).toEqual([]));

    it('reads a phone number used as mailbox name as one e-mail address', () =>
      expect(soorten('0612345678@sms.provider.nl')).toEqual(['e-mailadres']));
  });

  describe('telefoonnummer', () => {
    it.each([
      '0612345678',
      '06-12345678',
      '06 - 12345678',
      '06 12345678',
      '06 1234 5678',
      '06-1234 5678',
      '06 12 34 56 78',
      '06\u201312345678',
      '+31 6 12345678',
      '+31612345678',
      '+31 (0)6 12345678',
      '+31-6-12345678',
      '0031 6 12345678',
      '0031612345678',
      '010-1234567',
      '020 123 4567',
      '(030) 123 45 67',
      '(030)1234567',
      '0111-123456',
      '+31 20 123 4567',
      '+31 (0)10 1234567',
      '(020) 1234567',
      '(020) 123 4567',
      '020-1234567',
      '+31 6 1234 5678',
    ])('finds %j', (nummer) => {
      expect(soorten(`Bel ${nummer} na vijven.`)).toEqual(['telefoonnummer']);
      expect(soorten(nummer)).toEqual(['telefoonnummer']);
    });

    it('finds a number after "tel:"', () =>
      expect(soorten('tel:0612345678')).toEqual(['telefoonnummer']));

    it.each([
      ['a date', 'op 01-02-2026 gesproken'],
      ['a date and a time', 'op 01-02-2026 10:00 gesproken'],
      ['a date with slashes followed by a number', '01/02/2026 12 gezinnen'],
      ['a decimal fraction with a point', 'ratio 0.123456789'],
      ['a decimal fraction with a comma', 'ratio 0,123456789'],
      ['nine digits from 0', 'nummer 061234567'],
      ['eleven digits from 0', '06123456789'],
      ['a number starting with 00 that is not +31', '0044 20 7946 0958'],
      ['a service number', '0800-1234'],
      ['mismatched parentheses', '030) 123 45 67'],
      ['a double separator', '06 -- 12345678'],
      ['two spaces', '06  12345678'],
    ])('does not flag %s', (_, tekst) => expect(soorten(tekst)).toEqual([]));
  });

  describe('IBAN', () => {
    it.each([
      'NL91ABNA0417164300',
      'NL91 ABNA 0417 1643 00',
      'NL 91 ABNA 0417 1643 00',
      'nl91abna0417164300',
      'DE89370400440532013000',
      'DE89 3704 0044 0532 0130 00',
      'BE68 5390 0754 7034',
      'FR1420041010050500013M02606',
      'GB29NWBK60161331926819',
    ])('finds %j', (iban) => {
      expect(soorten(`Rekening ${iban}, graag overmaken.`)).toEqual(['iban']);
      expect(soorten(iban)).toEqual(['iban']);
    });

    it('stops at the length of the country when words follow', () =>
      expect(telIdentificatoren('NL91 ABNA 0417 1643 00 en 12 gezinnen')).toMatchObject({
        iban: 1,
        telefoonnummer: 0,
        bsn: 0,
      }));

    it('counts two IBANs written next to each other', () =>
      expect(telIdentificatoren('NL91ABNA0417164300 NL91 ABNA 0417 1643 00').iban).toBe(2));

    it('does not hide a phone number right after an IBAN', () =>
      expect(soorten('NL91ABNA0417164300 0612345678')).toEqual(['telefoonnummer', 'iban']));

    it.each([
      ['a wrong check digit', 'NL91ABNA0417164301'],
      ['one character too few', 'NL91ABNA041716430'],
      ['a letter glued on', 'NL91ABNA0417164300X'],
      ['a digit glued on', 'NL91ABNA04171643001'],
      ['an unknown country', 'XX91ABNA0417164300'],
      ['inside a word', 'refNL91ABNA0417164300'],
    ])('does not flag %s', (_, tekst) => expect(soorten(tekst)).not.toContain('iban'));

    it('does not read the account digits of a valid IBAN as a phone number or BSN', () =>
      expect(soorten('NL91ABNA0417164300')).toEqual(['iban']));
  });

  describe('postcode met huisnummer', () => {
    it.each([
      'woont op 1234 AB 12',
      'adres 1234AB, 12a',
      '1234AB12',
      '1234 AB huisnummer 12',
      '1234 AB nr. 5',
      '1234ab 12',
      'Dorpsstraat 12, 1234 AB Utrecht',
      'Dorpsstraat 12a 1234AB',
      'Laan van Meerdervoort 1000-2, 2517 AB Den Haag',
      "Burg. 's-Jacobplein 3 bis, 3015 CA",
      'Dorpsstraat 12\n1234 AB Utrecht',
      '1234AB 12a',
      '1234 AB 12-3',
      'postcode 1234 AB, nr 7',
      '1503 ab 12',
      'woont op 1503 ab 12a',
      'Dorpsstraat 12, 1503 ab',
      '1503 Ab 12',
    ])('finds %j', (tekst) => expect(soorten(tekst)).toEqual(['postcode-huisnummer']));

    it('counts an address with the postcode before and after the number once', () =>
      expect(telIdentificatoren('Dorpsstraat 12, 1234 AB 12')['postcode-huisnummer']).toBe(1));

    it.each([
      ['a postcode alone', 'het gezin woont in 1234 AB'],
      ['a postcode and a town', '1234 AB Utrecht'],
      ['a street without postcode', 'Dorpsstraat 12'],
      ['lower-case words between numbers', 'tussen 2020 en 2025 groeide het'],
      ['capitals never issued (SA)', '1234 SA 12'],
      ['capitals never issued (SS)', '1234SS 12'],
      ['a postcode starting with 0', '0123 AB 12'],
      ['a Postbus of an organisation', 'Postbus 123, 1000 AB Amsterdam'],
      ['an Antwoordnummer', 'Antwoordnummer 1234, 3000 VB Rotterdam'],
      ['a postcode followed by a decimal', '1234 AB 12,5'],
      ['a year, a short word and a number', 'in 2024 op 12 plekken, 2023 ca 10'],
      ['a lower-case postcode alone', 'het gezin woont in 1503 ab'],
      ['a year and "tot en met"', 'van 2021 tm 2024'],
    ])('does not flag %s', (_, tekst) => expect(soorten(tekst)).toEqual([]));
  });

  describe('ordinary numbers are no identifiers', () => {
    it.each([
      'begroting € 1.234.567',
      'in 2025',
      '12,5%',
      'op 01-02-2026',
      'op 2026-02-01',
      'KPI 87,5 tegen norm 80',
      'score 7,8 en 1.234 contacten',
      'Q3 2026: 123 gezinnen, 45% binnen 10 dagen',
      '1.234.567,89 euro',
      'dossiers 100 000 en 250 000',
      'tussen 08:30 en 17:00',
      'fte 12,25',
      '31-12-2025 tot 31-03-2026',
      'kosten € 123.456.782 in 2026',
      'bereik 1.234 van 2.000 (61,7%)',
      'Q2-2026: 1234 56 12',
      '3 van de 12 gezinnen, 2026-Q3',
      'formatie 12,5 fte, vacatures 1,2 fte',
      'versie 1.2.3 van het protocol',
      'week 12-14: 456 contacten',
      '',
    ])('finds nothing in %j', (tekst) => expect(soorten(tekst)).toEqual([]));
  });

  describe('bevindingen', () => {
    it('names the field and the kind in Dutch', () =>
      expect(scanPrivacy({ situatie: 'BSN 123456782' })).toEqual([
        {
          veld: 'situatie',
          soort: 'bsn',
          aantal: 1,
          melding:
            "Het veld 'situatie' bevat een BSN (burgerservicenummer). Verhalen worden gepseudonimiseerd opgeslagen: haal het nummer weg.",
        },
      ]));

    it('says how many when there are more, in the plural', () =>
      expect(scanPrivacy({ aanpak: 'bel 0612345678 of 020 123 4567' })[0]).toEqual({
        veld: 'aanpak',
        soort: 'telefoonnummer',
        aantal: 2,
        melding:
          "Het veld 'aanpak' bevat 2 telefoonnummers. Verhalen worden gepseudonimiseerd opgeslagen: haal de telefoonnummers weg.",
      }));

    it('suggests naming the wijk instead of an address', () =>
      expect(scanPrivacy({ x: '1234 AB 12' })[0].melding).toBe(
        "Het veld 'x' bevat een adres (postcode met huisnummer). Verhalen worden gepseudonimiseerd opgeslagen: haal het adres weg of noem alleen de wijk.",
      ));

    it('uses the display name of the field when given', () =>
      expect(
        scanPrivacy({ situatie: 'jan@voorbeeld.nl' }, { veldnamen: { situatie: 'Situatie' } })[0]
          .melding,
      ).toMatch(/^Het veld 'Situatie' bevat een e-mailadres\./));

    it('reports each field separately, fields in order, kinds in a fixed order', () =>
      expect(
        scanPrivacy({
          situatie: 'Mail jan@x.nl, BSN 123456782, rekening NL91ABNA0417164300',
          aanpak: 'Niets bijzonders.',
          resultaat: 'Dorpsstraat 1, 1234 AB en 06-12345678',
        }).map(({ veld, soort }) => `${veld}:${soort}`),
      ).toEqual([
        'situatie:bsn',
        'situatie:e-mailadres',
        'situatie:iban',
        'resultaat:telefoonnummer',
        'resultaat:postcode-huisnummer',
      ]));

    it('skips null, undefined and empty fields', () =>
      expect(scanPrivacy({ a: null, b: undefined, c: '', d: '   ' })).toEqual([]));

    it('returns nothing for a clean story', () =>
      expect(
        scanPrivacy({
          situatie:
            'Een moeder van drie kinderen in wijk Noord meldde zich in het tweede kwartaal van 2026 met schulden van ongeveer € 12.500.',
          aanpak: 'Binnen 10 dagen een plan; 4 gesprekken, 75% van de doelen gehaald.',
        }),
      ).toEqual([]));

    it('never echoes the identifier in a melding', () => {
      const identificatoren = [
        '123456782',
        'jan.jansen@voorbeeld.nl',
        '06-12345678',
        'NL91ABNA0417164300',
        '1234 AB 12',
      ];
      const bevindingen = scanPrivacy({ verhaal: identificatoren.join(' en ') });
      expect(bevindingen.map((b) => b.soort)).toEqual([...PRIVACY_SOORTEN]);
      for (const { melding } of bevindingen) {
        expect(melding).not.toMatch(/\d{2}/);
        for (const id of identificatoren) expect(melding).not.toContain(id);
      }
    });

    it('has a Dutch label for every kind', () =>
      expect(PRIVACY_SOORTEN.map((s) => PRIVACY_SOORT_LABELS[s])).toEqual([
        'BSN (burgerservicenummer)',
        'e-mailadres',
        'telefoonnummer',
        'IBAN (bankrekeningnummer)',
        'adres (postcode met huisnummer)',
      ]));

    it('stays linear on long runs of letters, dots and dashes (no catastrophic backtracking)', () => {
      // Quadratic patterns took over 10 s per text of this size; the timeout below fails them.
      for (const tekst of [
        'b.'.repeat(100_000),
        `a@${'b-'.repeat(100_000)}`,
        "b'".repeat(100_000),
      ]) {
        expect(scanPrivacy({ x: tekst })).toEqual([]);
      }
    }, 5_000);

    it('does not change its result when called repeatedly (no regex state leaks)', () => {
      const tekst = 'BSN 123456782, 06-12345678';
      expect(soorten(tekst)).toEqual(soorten(tekst));
      expect(soorten(tekst)).toEqual(['bsn', 'telefoonnummer']);
    });
  });
});
