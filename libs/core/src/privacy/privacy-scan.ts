/**
 * The PII scan for every free text that reaches a dossier, an agenda or an e-mail: case
 * stories, signals, accounts, theories of change, KPI definitions, aanvullende opdrachten and
 * their reacties, meetings. Such text is stored pseudonymised, so text
 * holding a direct identifier is refused, with a message that names the field and the kind
 * of identifier but never repeats the identifier itself (the message ends up in logs,
 * problem+json responses and screenshots).
 *
 * What counts as a direct identifier, and the choices made:
 *
 * - `bsn`: nine digits passing the elfproef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11, not all
 *   zeros), written bare (123456782), grouped 3-3-3 or 4-2-3 (as on a passport) with dots,
 *   dashes or spaces (123.456.782, 123-456-782, 123 456 782, 1234.56.782, 1234 56 782), or
 *   glued to the word (BSN123456782, bsn:123456782, BSN-nr.123-456-782). A space-grouped 4-2-3
 *   starting with a year (2025 12 345) is left alone. A bare eight-digit number is also
 *   checked with a leading zero put back, because spreadsheets drop it (012345672 becomes
 *   12345672); eight digits that read as a compact date (20260102, 01022026) are left
 *   alone. Nine digits that fail the elfproef are not flagged, nor are amounts (after €, $,
 *   £ or EUR, or followed by decimals or euro) and numbers that are part of a longer one.
 * - `e-mailadres`: name@domain.tld, also the Dutch spam-proof spelling name(at)domain.tld.
 * - `telefoonnummer`: Dutch numbers, ten digits from the leading 0 (06-12345678,
 *   06 1234 5678, 06 - 12345678, 010-1234567, (030) 123 45 67) or +31/0031 followed by nine digits
 *   (+31 6 12345678, +31 (0)20 123 4567). Separators are single spaces or dashes; dots are
 *   not accepted because 0.123456789 is a decimal. Dates (01-02-2026 10:00) are taken out
 *   first so a date followed by a time does not read as a number. Service numbers
 *   (0800/0900) are not personal and are not looked for.
 * - `iban`: SEPA IBANs with the length of their country, with or without spaces, upper or
 *   lower case, passing the ISO 7064 mod-97 check. A mistyped IBAN that fails the check is
 *   not flagged.
 * - `postcode-huisnummer`: a Dutch postcode (1234 AB, 1234AB) with a house number after it
 *   (1234 AB 12, 1234AB, 12a, 1234 AB huisnummer 12) or a street address before it
 *   (Dorpsstraat 12, 1234 AB); a Postbus or Antwoordnummer belongs to an organisation and is
 *   left alone. A postcode alone ("in 1234 AB") covers a few streets and is
 *   not a direct identifier; a street and number without postcode is not looked for either.
 *   With a space and lower-case letters (1503 ab 12) the letters must not be a common
 *   two-letter Dutch word, so "tussen 2020 en 2025" and "in 2024 op 12 plekken" are not an
 *   address.
 *
 * Before scanning, the text is normalised: Unicode NFKC (full-width digits and letters become
 * plain ones, no-break spaces plain spaces) and invisible format characters (zero-width
 * spaces and joiners, soft hyphens, word joiners, byte-order marks) removed, so an identifier
 * pasted from a form or typed with a phone's full-width keyboard is found like any other.
 *
 * The scan is a filter for honest mistakes; it does not try to catch deliberate disguise
 * beyond that normalisation.
 */

export const PRIVACY_SOORTEN = [
  'bsn',
  'e-mailadres',
  'telefoonnummer',
  'iban',
  'postcode-huisnummer',
] as const;
export type PrivacySoort = (typeof PRIVACY_SOORTEN)[number];

/** How each kind is named to users. */
export const PRIVACY_SOORT_LABELS: Readonly<Record<PrivacySoort, string>> = {
  bsn: 'BSN (burgerservicenummer)',
  'e-mailadres': 'e-mailadres',
  telefoonnummer: 'telefoonnummer',
  iban: 'IBAN (bankrekeningnummer)',
  'postcode-huisnummer': 'adres (postcode met huisnummer)',
};

export interface PrivacyBevinding {
  /** The key of the scanned field. */
  veld: string;
  soort: PrivacySoort;
  /** How many of this kind the field holds. */
  aantal: number;
  /** Dutch, names the field and the kind, never the identifier. */
  melding: string;
}

export interface PrivacyScanOpties {
  /** How to name a field in the melding, e.g. { situatie: 'Situatie' }; default the key. */
  veldnamen?: Readonly<Record<string, string>>;
  /**
   * Why the text may not hold identifiers, as the melding says it; default 'Verhalen worden
   * gepseudonimiseerd opgeslagen' (case stories).
   */
  waarom?: string;
}

const STANDAARD_WAAROM = 'Verhalen worden gepseudonimiseerd opgeslagen';

const WEGHALEN: Readonly<Record<PrivacySoort, readonly [string, string]>> = {
  bsn: ['het nummer', 'de nummers'],
  'e-mailadres': ['het e-mailadres', 'de e-mailadressen'],
  telefoonnummer: ['het telefoonnummer', 'de telefoonnummers'],
  iban: ['het rekeningnummer', 'de rekeningnummers'],
  'postcode-huisnummer': ['het adres', 'de adressen'],
};

const MEERVOUD: Readonly<Record<PrivacySoort, string>> = {
  bsn: "BSN's (burgerservicenummers)",
  'e-mailadres': 'e-mailadressen',
  telefoonnummer: 'telefoonnummers',
  iban: "IBAN's (bankrekeningnummers)",
  'postcode-huisnummer': 'adressen (postcode met huisnummer)',
};

function melding(veldnaam: string, soort: PrivacySoort, aantal: number, waarom: string): string {
  const enkel = aantal === 1;
  const wat = enkel ? `een ${PRIVACY_SOORT_LABELS[soort]}` : `${aantal} ${MEERVOUD[soort]}`;
  const weg = `haal ${WEGHALEN[soort][enkel ? 0 : 1]} weg${soort === 'postcode-huisnummer' ? ' of noem alleen de wijk' : ''}`;
  return `Het veld '${veldnaam}' bevat ${wat}. ${waarom}: ${weg}.`;
}

/**
 * The direct identifiers in each field: one bevinding per field and kind, in the order of
 * the fields and then of PRIVACY_SOORTEN. Null, undefined and empty fields are skipped.
 */
export function scanPrivacy(
  velden: Readonly<Record<string, string | null | undefined>>,
  opties: PrivacyScanOpties = {},
): PrivacyBevinding[] {
  const bevindingen: PrivacyBevinding[] = [];
  for (const [veld, tekst] of Object.entries(velden)) {
    if (typeof tekst !== 'string' || tekst.trim() === '') continue;
    const tellingen = telIdentificatoren(tekst);
    const veldnaam = opties.veldnamen?.[veld] ?? veld;
    for (const soort of PRIVACY_SOORTEN) {
      const aantal = tellingen[soort];
      if (aantal > 0)
        bevindingen.push({
          veld,
          soort,
          aantal,
          melding: melding(veldnaam, soort, aantal, opties.waarom ?? STANDAARD_WAAROM),
        });
    }
  }
  return bevindingen;
}

/** How many identifiers of each kind one text holds. */
export function telIdentificatoren(tekst: string): Record<PrivacySoort, number> {
  const tellingen: Record<PrivacySoort, number> = {
    bsn: 0,
    'e-mailadres': 0,
    telefoonnummer: 0,
    iban: 0,
    'postcode-huisnummer': 0,
  };
  // Pasted text carries no-break spaces and typographic dashes; read them as plain ones.
  let rest = normaliseer(tekst)
    .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-');

  // Each kind found is masked before the next is looked for, so the digits of an IBAN or
  // a phone number are not read again as a BSN. The mask is a character no pattern uses.
  const haalWeg = (
    patroon: RegExp,
    soort: PrivacySoort | null,
    lengte: (m: RegExpExecArray) => number,
  ) => {
    const delen: string[] = [];
    let vanaf = 0;
    patroon.lastIndex = 0;
    for (let m = patroon.exec(rest); m; m = patroon.exec(rest)) {
      const n = lengte(m);
      if (n > 0) {
        delen.push(rest.slice(vanaf, m.index), MASKER);
        vanaf = m.index + n;
        if (soort) tellingen[soort]++;
      }
      patroon.lastIndex = n > 0 ? vanaf : m.index + 1;
    }
    if (vanaf > 0) rest = delen.join('') + rest.slice(vanaf);
  };
  const geheel = (m: RegExpExecArray) => m[0].length;
  const als = (test: (m: RegExpExecArray) => boolean) => (m: RegExpExecArray) =>
    test(m) ? m[0].length : 0;

  haalWeg(E_MAIL, 'e-mailadres', geheel);
  haalWeg(IBAN_KANDIDAAT, 'iban', (m) => ibanLengte(m[0]));
  haalWeg(POSTCODE_NA_ADRES, 'postcode-huisnummer', geheel);
  haalWeg(POSTCODE_MET_HUISNUMMER, 'postcode-huisnummer', geheel);
  haalWeg(
    DATUM,
    null,
    als((m) => isDatum(Number(m[1]), Number(m[3]))),
  );
  haalWeg(
    TELEFOON,
    'telefoonnummer',
    als((m) => isTelefoonnummer(m[0])),
  );
  haalWeg(
    BSN_MET_VOORVOEGSEL,
    'bsn',
    als((m) => isGeldigBsn(m[1].replace(/\D/g, ''))),
  );
  haalWeg(
    BSN_GEGROEPEERD,
    'bsn',
    als((m) => isGeldigBsn(m[0].replace(/\D/g, ''))),
  );
  haalWeg(
    BSN_LOS,
    'bsn',
    als((m) => isBsnZonderOpmaak(m[0])),
  );
  return tellingen;
}

const MASKER = '\u0000';

/**
 * NFKC, then invisible format characters (Unicode category Cf: zero-width space and joiners,
 * soft hyphen, word joiner, byte-order mark, direction marks) removed. Only for scanning: the
 * stored text is left as it was sent.
 */
export function normaliseer(tekst: string): string {
  return tekst.normalize('NFKC').replace(/\p{Cf}/gu, '');
}

// ---------------------------------------------------------------------------------------
// BSN

/** The elfproef on exactly nine digits (leading zeros included). */
export function isGeldigBsn(cijfers: string): boolean {
  if (!/^\d{9}$/.test(cijfers) || cijfers === '000000000') return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += (9 - i) * (cijfers.charCodeAt(i) - 48);
  som -= cijfers.charCodeAt(8) - 48;
  return som % 11 === 0;
}

// Not part of a longer number, not an amount: no letter/digit, decimal or grouping before,
// no currency sign before, no decimals, percent sign or "euro" after.
const GEEN_GETAL_ERVOOR = String.raw`(?<![\p{L}\p{N}_]|\p{N}[.,]|[€$£]\s?|EUR\s?)`;
const GEEN_GETAL_ERNA = String.raw`(?![\p{L}\p{N}_]|[.,]\p{N}|\s?(?:%|€|[Ee]uro\b|EUR\b))`;

// Grouped 3-3-3 or 4-2-3 with one kind of separator: dots, dashes or single spaces. A space
// or dash group must not continue a number before or after it ("1 123 456 782",
// "123-456-782-1"); a space-grouped 4-2-3 does not start with a year ("in 2025 12 345").
const BSN_GROEPEN = String.raw`(?:(?<!\p{N} )\d{3} \d{3} \d{3}(?! \p{N})|(?<!\p{N} )(?!(?:19|20)\d\d )\d{4} \d{2} \d{3}(?! \p{N})|\d{3}\.\d{3}\.\d{3}|\d{4}\.\d{2}\.\d{3}|(?<!\p{N}-)(?:\d{3}-\d{3}-\d{3}|\d{4}-\d{2}-\d{3})(?!-\p{N}))`;
const BSN_GEGROEPEERD = new RegExp(
  String.raw`${GEEN_GETAL_ERVOOR}${BSN_GROEPEN}${GEEN_GETAL_ERNA}`,
  'gu',
);
// "BSN123456782", "bsn:123456782", "BSN-nr. 123-456-782", "burgerservicenummer:123456782":
// the word glued to the number, which the patterns above refuse because a letter precedes.
const BSN_MET_VOORVOEGSEL = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:[Bb][Ss][Nn](?:-?(?:[Nn][Rr]\.?|[Nn]ummer))?|[Bb]urgerservicenummer)[ \t]?[:#=-]?[ \t]?(\d{9}|${BSN_GROEPEN})${GEEN_GETAL_ERNA}`,
  'gu',
);
const BSN_LOS = new RegExp(String.raw`${GEEN_GETAL_ERVOOR}\d{8,9}${GEEN_GETAL_ERNA}`, 'gu');

function isBsnZonderOpmaak(cijfers: string): boolean {
  if (cijfers.length === 9) return isGeldigBsn(cijfers);
  return !isCompacteDatum(cijfers) && isGeldigBsn(`0${cijfers}`);
}

/** yyyymmdd or ddmmyyyy with a year 1900–2099. */
function isCompacteDatum(acht: string): boolean {
  const jaarEerst =
    /^(19|20)\d\d/.test(acht) && isDatum(Number(acht.slice(6, 8)), Number(acht.slice(4, 6)));
  const jaarLaatst =
    /^(19|20)\d\d$/.test(acht.slice(4)) &&
    isDatum(Number(acht.slice(0, 2)), Number(acht.slice(2, 4)));
  return jaarEerst || jaarLaatst;
}

function isDatum(dag: number, maand: number): boolean {
  return dag >= 1 && dag <= 31 && maand >= 1 && maand <= 12;
}

// dd-mm-yyyy, d/m/yy, dd.mm.yyyy with one kind of separator; only masked, never reported.
const DATUM =
  /(?<![\p{L}\p{N}_])(\d{1,2})([-/.])(\d{1,2})\2(?:\d{4}|\d{2})(?![\p{L}\p{N}_]|[-/.,]\p{N})/gu;

// ---------------------------------------------------------------------------------------
// E-mail

// Parts are bounded (64 per local part, 63 per domain label, as RFC 5321 allows) so a long
// run of letters and dots costs linear time, not quadratic.
const E_MAIL =
  /(?<![\p{L}\p{N}_.%+-])[\p{L}\p{N}_%+-]{1,64}(?:\.[\p{L}\p{N}_%+-]{1,64})*(?:@|\s?[([]at[)\]]\s?)[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)*\.\p{L}{2,63}(?![\p{L}\p{N}_-])/gu;

// ---------------------------------------------------------------------------------------
// Telefoonnummer

// A digit, optionally preceded by one separator and a closing parenthesis of an area code.
const CIJFER = String.raw`(?:(?: - |[ -])?\)?[ -]?\d)`;
const TELEFOON = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,+/-])(?:(?:\+|00)31[ -]?(?:\(0\)[ -]?)?|\(?0)\d${CIJFER}{8}(?![\p{L}\p{N}_]|[.,]\p{N})`,
  'gu',
);

function isTelefoonnummer(kandidaat: string): boolean {
  const open = kandidaat.split('(').length - 1;
  const dicht = kandidaat.split(')').length - 1;
  if (open !== dicht || open > 1) return false;
  // Between two digits one space or dash (" - " counts as one); ") " closes an area code.
  if (/[ -]{2,}/.test(kandidaat.replace(/ - /g, '-').replace(/\) /, ')'))) return false;
  let cijfers = kandidaat.replace(/\D/g, '');
  if (cijfers.startsWith('0031')) cijfers = cijfers.slice(4);
  else if (kandidaat.startsWith('+31')) cijfers = cijfers.slice(2);
  else cijfers = cijfers.slice(1);
  if (cijfers.length === 10 && cijfers.startsWith('0')) cijfers = cijfers.slice(1); // +31 (0)6
  return cijfers.length === 9 && cijfers.charAt(0) !== '0';
}

// ---------------------------------------------------------------------------------------
// IBAN

/** SEPA countries and their IBAN length. */
// prettier-ignore
const IBAN_LENGTES: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24,
  FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21,
  LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24,
  SI: 19, SK: 24, SM: 27, VA: 22,
};

// Country code and check digits, then the BBAN, possibly in groups with single spaces. The
// candidate may run on into the next words ("NL91 ABNA 0417 1643 00 en 12"); ibanLengte
// cuts it to the length of its country.
const IBAN_KANDIDAAT = /(?<![\p{L}\p{N}_])[A-Za-z]{2} ?\d{2}(?: ?[A-Za-z0-9]){11,30}/gu;

/** Length in the text of the valid IBAN the candidate starts with, or 0. */
function ibanLengte(kandidaat: string): number {
  const lengte = IBAN_LENGTES[kandidaat.slice(0, 2).toUpperCase()];
  if (!lengte) return 0;
  let tekens = 0;
  let i = 0;
  for (; i < kandidaat.length && tekens < lengte; i++) if (kandidaat[i] !== ' ') tekens++;
  // It must end at a word boundary: NL91ABNA0417164300X is not an IBAN.
  if (tekens < lengte || (i < kandidaat.length && kandidaat[i] !== ' ')) return 0;
  return isGeldigIban(kandidaat.slice(0, i)) ? i : 0;
}

/** Mod-97 check (ISO 7064) of an IBAN, spaces allowed, any case; country length checked. */
export function isGeldigIban(iban: string): boolean {
  const compact = iban.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  if (IBAN_LENGTES[compact.slice(0, 2)] !== compact.length) return false;
  const herschikt = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const teken of herschikt) {
    const code = teken.charCodeAt(0);
    const waarde = code >= 65 ? code - 55 : code - 48;
    rest = (waarde >= 10 ? rest * 100 + waarde : rest * 10 + waarde) % 97;
  }
  return rest === 1;
}

// ---------------------------------------------------------------------------------------
// Postcode met huisnummer

// 1234 AB (capitals) or 1234AB (any case). SA, SD and SS are never issued. The street word
// before a house number starts at a word boundary and is bounded, which keeps long runs of
// letters, dots and dashes linear.
// Two-letter Dutch words that follow a number in running text; with a space, lower-case
// letters that spell one of these are not a postcode ("2020 en 12", "2024 op 12 plekken").
const GEWONE_WOORDEN = String.raw`(?:aa|af|al|as|ca|da|de|di|do|en|er|ex|ge|ha|he|hé|ie|ik|in|is|ja|je|ka|la|ma|me|mi|na|ne|nl|nu|of|om|on|oo|op|pa|re|ri|ta|te|ti|tm|to|uw|vs|wa|we|wo|za|ze|zo|zu)(?!\p{L})`;
const POSTCODE = String.raw`[1-9]\d{3}(?: (?!SA|SD|SS)[A-Z]{2}| (?![Ss][AaDdSs])(?!${GEWONE_WOORDEN})(?![A-Z]{2})[A-Za-z]{2}|(?![Ss][AaDdSs])[A-Za-z]{2})(?!\p{L})`;
const HUISNUMMER = String.raw`\d{1,5}(?:-\d{1,4}|[ -]?[A-Za-z]{1,3}(?!\p{L}))?`;

const POSTCODE_MET_HUISNUMMER = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])${POSTCODE}[ \t]*,?[ \t]*(?:(?:huisnummer|huisnr\.?|nummer|nr\.?|no\.?)[ \t]*:?[ \t]*)?\d{1,5}(?![\p{N}]|[.,]\p{N})`,
  'gu',
);
const POSTCODE_NA_ADRES = new RegExp(
  String.raw`(?<![\p{L}\p{N}_'.-])(?![Pp]ostbus\s|[Aa]ntwoordnummer\s)'?\p{L}[\p{L}'.-]{1,40}\s{1,10}${HUISNUMMER}[ \t]*,?\s*${POSTCODE}`,
  'gu',
);
