import { VEELGEBRUIKTE_WACHTWOORDEN } from './veelgebruikte-wachtwoorden';

/**
 * The password policy of NIST SP 800-63B (section 3.1.1.2): a minimum length, no composition
 * rules, but a new password is checked against values that are common, expected or easy to
 * guess — a list of common passwords (also with digits or symbols around them and in
 * leetspeak), repeated characters and sequences (`aaaaaaaaaaaa`, `123456789012`, `qwertyuiop`),
 * and the user's own data (e-mail address, its local part, the name) and the service's name.
 * Returns the reason in Dutch, or undefined when the password may be used.
 */
export const MIN_PASSWORD_LENGTH = 12;

export interface EigenGegevens {
  email?: string;
  naam?: string;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
};

const ALFABET = 'abcdefghijklmnopqrstuvwxyz';
const CIJFERS = '0123456789';
const TOETSENBORDEN = [
  'qwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn',
];

/** Lower case, without spaces and the usual separators, diacritics folded. */
function normaal(tekst: string): string {
  return tekst
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s._\-+,;:'"]/g, '');
}

/** `Welkom2026!` → `welkom`, `w4chtw00rd12` → `wachtwoord`, `1234qwer!!` → `1234qwer`. */
function kernen(s: string): string[] {
  // Every way of cutting digits and symbols off the start and the end.
  const delen: string[] = [];
  for (let begin = 0; begin === 0 || /[^a-z]/.test(s[begin - 1] ?? ''); begin++) {
    for (let eind = s.length; eind - begin >= 3; eind--) {
      delen.push(s.slice(begin, eind));
      if (/[a-z]/.test(s[eind - 1])) break;
    }
    if (begin >= s.length) break;
  }
  const leet = delen.map((deel) => [...deel].map((teken) => LEET[teken] ?? teken).join(''));
  return [...delen, ...leet];
}

function isVeelgebruikt(s: string): boolean {
  return kernen(s).some((kern) => VEELGEBRUIKTE_WACHTWOORDEN.has(kern));
}

function isReeksOfHerhaling(s: string): boolean {
  const tekens = [...s];
  if (new Set(tekens).size < 4) return true;
  // One piece repeated: `welkomwelkom`, `abcabcabcabc`.
  for (let lengte = 1; lengte <= tekens.length / 2; lengte++) {
    if (tekens.length % lengte === 0 && s === s.slice(0, lengte).repeat(tekens.length / lengte))
      return true;
  }
  // A run along the alphabet, the digits or a keyboard row, forwards or backwards.
  return [ALFABET, CIJFERS, ...TOETSENBORDEN].some((reeks) => {
    const rond = reeks.repeat(Math.ceil(s.length / reeks.length) + 1);
    const terug = [...rond].reverse().join('');
    return rond.includes(s) || terug.includes(s);
  });
}

function eigenWoorden(eigen: EigenGegevens): string[] {
  const woorden = ['wijkkompas'];
  if (eigen.email) {
    const email = eigen.email.trim().toLowerCase();
    const lokaal = email.split('@')[0] ?? '';
    woorden.push(email, lokaal, ...lokaal.split(/[._+-]+/));
  }
  if (eigen.naam) woorden.push(eigen.naam, ...eigen.naam.split(/[\s.,'-]+/));
  return woorden.map(normaal).filter((w) => w.length >= 4);
}

export function wachtwoordBezwaar(
  wachtwoord: string,
  eigen: EigenGegevens = {},
): string | undefined {
  if ([...wachtwoord].length < MIN_PASSWORD_LENGTH)
    return `wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens zijn`;
  const s = normaal(wachtwoord);
  if (isReeksOfHerhaling(s))
    return 'wachtwoord is te makkelijk te raden: het bestaat uit herhaalde tekens of een reeks (zoals aaaa, 1234 of qwerty); kies een ander wachtwoord';
  if (isVeelgebruikt(s))
    return 'wachtwoord staat op de lijst van veelgebruikte wachtwoorden en is daardoor makkelijk te raden; kies een ander wachtwoord';
  if (eigenWoorden(eigen).some((woord) => s.includes(woord) || woord.includes(s)))
    return 'wachtwoord mag niet uw e-mailadres, (een deel van) uw naam of de naam Wijkkompas bevatten; kies een ander wachtwoord';
  return undefined;
}
