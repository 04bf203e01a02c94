import { VEELGEBRUIKTE_WACHTWOORDEN } from './veelgebruikte-wachtwoorden';
import { wachtwoordBezwaar } from './wachtwoordbeleid';

describe('wachtwoordBezwaar (NIST 800-63B)', () => {
  const eigen = { email: 'j.jansen@voorbeeldstad.nl', naam: 'Jan Jansen' };

  it.each([
    ['aaaaaaaaaaaa', 'herhaalde tekens'],
    ['abababababab', 'herhaalde tekens'],
    ['123456789012', 'reeks'],
    ['abcdefghijkl', 'reeks'],
    ['lkjihgfedcba', 'reeks'],
    ['qwertyuiopas', 'reeks'],
    ['welkomwelkom', 'herhaalde tekens'],
    ['wachtwoord12', 'veelgebruikte'],
    ['Wachtwoord123!', 'veelgebruikte'],
    ['w4chtw00rd2026', 'veelgebruikte'],
    ['Welkom2026!!', 'veelgebruikte'],
    ['zomer-2025-!!', 'veelgebruikte'],
    ['password1234', 'veelgebruikte'],
    ['iloveyou1234', 'veelgebruikte'],
    ['Ajax19001900', 'veelgebruikte'],
    ['j.jansen@voorbeeldstad.nl', 'e-mailadres'],
    ['jjansen-voorbeeldstad', 'e-mailadres'],
    ['ikbenjansen2026', 'e-mailadres'],
    ['wijkkompas2026!', 'Wijkkompas'],
    ['kort', 'minstens 12'],
  ])('refuses %s (%s)', (wachtwoord, reden) => {
    expect(wachtwoordBezwaar(wachtwoord, eigen)).toContain(reden);
  });

  it.each([
    'lang-genoeg-wachtwoord',
    'een-heel-lang-wachtwoord',
    'paarse olifant fietst snel',
    'Kx9#mQ2vL!p7',
    'smoke-wachtwoord-123',
    'test-wachtwoord-123',
  ])('accepts %s', (wachtwoord) => {
    expect(wachtwoordBezwaar(wachtwoord, eigen)).toBeUndefined();
  });

  it('refuses every word of the shipped list with digits after it, and the list is not tiny', () => {
    expect(VEELGEBRUIKTE_WACHTWOORDEN.size).toBeGreaterThan(800);
    for (const woord of VEELGEBRUIKTE_WACHTWOORDEN) {
      const wachtwoord = /[a-z]/.test(woord)
        ? `${woord}123456789`.slice(0, Math.max(12, woord.length))
        : woord;
      if ([...wachtwoord].length < 12) continue;
      expect([woord, wachtwoordBezwaar(wachtwoord)]).toEqual([woord, expect.any(String)]);
    }
  });
});
