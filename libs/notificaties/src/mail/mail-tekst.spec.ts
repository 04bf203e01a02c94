import {
  datumTijd,
  digestMail,
  directeMail,
  escapeHtml,
  MailNotificatie,
  volledigeLink,
} from './mail-tekst';

const opmaak = { publicUrl: 'https://wijkkompas.voorbeeldstad.nl', tijdzone: 'Europe/Amsterdam' };

const n = (overrides: Partial<MailNotificatie> = {}): MailNotificatie => ({
  titel: 'Herinnering: verantwoording 3e kwartaal 2026',
  tekst: 'De verantwoording over het 3e kwartaal moet over 10 dagen binnen zijn.',
  link: '/api/v1/kwartaalverantwoordingen/1',
  gemeenteNaam: 'Gemeente Voorbeeldstad',
  createdAt: new Date('2026-10-20T05:00:00Z'),
  ...overrides,
});

describe('volledigeLink', () => {
  it('puts a path on the public URL', () => {
    expect(volledigeLink('http://l', '/a/b?c=1')).toBe('http://l/a/b?c=1');
  });

  it('drops anything that is not a path on our own site', () => {
    expect(volledigeLink('http://l', null)).toBeNull();
    expect(volledigeLink('http://l', '')).toBeNull();
    expect(volledigeLink('http://l', 'https://phishing.example/x')).toBeNull();
    expect(volledigeLink('http://l', '//phishing.example/x')).toBeNull();
    expect(volledigeLink('http://l', 'relatief/pad')).toBeNull();
  });
});

describe('datumTijd', () => {
  it('writes Dutch dates in the gemeente time zone (summer and winter time)', () => {
    expect(datumTijd(new Date('2026-10-20T05:00:00Z'), 'Europe/Amsterdam')).toBe(
      '20 oktober 2026 om 07:00',
    );
    expect(datumTijd(new Date('2026-12-01T05:00:00Z'), 'Europe/Amsterdam')).toBe(
      '1 december 2026 om 06:00',
    );
  });
});

describe('directeMail', () => {
  const mail = directeMail('Fatima el Amrani', n(), opmaak);

  it('has the title in a Dutch subject with the product prefix', () => {
    expect(mail.onderwerp).toBe('[Wijkkompas] Herinnering: verantwoording 3e kwartaal 2026');
  });

  it('greets, says what happened, links into the product and says when and where', () => {
    expect(mail.tekst).toContain('Beste Fatima el Amrani,');
    expect(mail.tekst).toContain('moet over 10 dagen binnen zijn.');
    expect(mail.tekst).toContain(
      'Bekijk het in Wijkkompas: https://wijkkompas.voorbeeldstad.nl/verantwoordingen/1',
    );
    expect(mail.tekst).toContain('Gemeente Voorbeeldstad, 20 oktober 2026 om 07:00');
    expect(mail.html).toContain('lang="nl"');
    expect(mail.html).toContain('href="https://wijkkompas.voorbeeldstad.nl/verantwoordingen/1"');
  });

  it('explains in the footer why the mail comes and how to change that', () => {
    expect(mail.tekst).toContain('\n-- \n');
    expect(mail.tekst).toContain('meldingen direct per e-mail ontvangt');
    expect(mail.tekst).toContain('meldingsvoorkeur');
    expect(mail.tekst).toContain('één overzicht per dag');
    expect(mail.html).toContain('meldingsvoorkeur');
  });

  it('leaves the link out when there is none', () => {
    const zonder = directeMail('Jan', n({ link: null }), opmaak);
    expect(zonder.tekst).not.toContain('Bekijk het in Wijkkompas');
    expect(zonder.html).not.toContain('<a ');
  });

  it('escapes text in the HTML part and keeps the subject on one line', () => {
    const gevaarlijk = directeMail(
      '<b>x</b>',
      n({ titel: 'Signaal\r\nBcc: iemand@example.com', tekst: 'Over "wachtlijst" & <script>' }),
      opmaak,
    );
    expect(gevaarlijk.onderwerp).toBe('[Wijkkompas] Signaal Bcc: iemand@example.com');
    expect(gevaarlijk.html).not.toContain('<script>');
    expect(gevaarlijk.html).toContain('&#60;script&#62;');
    expect(gevaarlijk.html).not.toContain('<b>x</b>');
    expect(escapeHtml(`a"b'c`)).toBe('a&#34;b&#39;c');
  });
});

describe('digestMail', () => {
  const moment = new Date('2026-10-21T05:00:00Z');

  it('counts in the subject, singular and plural, with the Dutch date', () => {
    expect(digestMail('Jan', [n()], opmaak, moment).onderwerp).toBe(
      '[Wijkkompas] Uw overzicht van 21 oktober 2026: 1 melding',
    );
    expect(digestMail('Jan', [n(), n({ titel: 'B' })], opmaak, moment).onderwerp).toBe(
      '[Wijkkompas] Uw overzicht van 21 oktober 2026: 2 meldingen',
    );
  });

  it('lists every notification oldest first with its time, text and link', () => {
    const mail = digestMail(
      'Jan',
      [
        n({ titel: 'Later', createdAt: new Date('2026-10-20T12:30:00Z'), link: null }),
        n({ titel: 'Eerder', createdAt: new Date('2026-10-20T05:00:00Z') }),
      ],
      opmaak,
      moment,
    );
    expect(mail.tekst).toContain('zijn er 2 nieuwe meldingen voor u');
    const eerder = mail.tekst.indexOf('* Eerder (20 oktober 2026 om 07:00)');
    const later = mail.tekst.indexOf('* Later (20 oktober 2026 om 14:30)');
    expect(eerder).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(eerder);
    expect(mail.tekst).toContain('  https://wijkkompas.voorbeeldstad.nl/verantwoordingen/1');
    expect(mail.html.match(/<li /g)).toHaveLength(2);
    expect(mail.html.match(/<a /g)).toHaveLength(1);
    expect(mail.tekst).toContain('gekozen voor één e-mail per dag');
  });

  it('groups by gemeente for someone who works for two', () => {
    const mail = digestMail(
      'Jan',
      [n({ gemeenteNaam: 'Gemeente A' }), n({ gemeenteNaam: 'Gemeente B' })],
      opmaak,
      moment,
    );
    expect(mail.tekst).toContain('Gemeente A\n==========');
    expect(mail.tekst).toContain('Gemeente B\n==========');
    expect(mail.tekst).toContain('(Gemeente A, Gemeente B)');
    expect(mail.html.match(/<h2 /g)).toHaveLength(2);
  });

  it('refuses an empty digest', () => {
    expect(() => digestMail('Jan', [], opmaak, moment)).toThrow();
  });
});
