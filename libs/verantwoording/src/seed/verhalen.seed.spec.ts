import { scanPrivacy } from '@wijkkompas/core';
import { SIGNAAL_SOORTEN } from '../signaal/signaal.entity';
import { controleerSignaalOvergang, SIGNAAL_STATUSSEN } from '../signaal.lifecycle';
import { DEMO_SIGNALEN, DEMO_VERHALEN } from './verhalen.seed';

describe('demo case stories and signals', () => {
  it('hold no direct identifiers: the demo passes the same scan as the API', () => {
    for (const v of DEMO_VERHALEN) {
      const {
        kwartalenTerug: _k,
        perceel: _p,
        wijk: _w,
        kpis: _kp,
        doelen: _d,
        ketens: _ke,
        auteur: _a,
        ...tekst
      } = v;
      expect(scanPrivacy(tekst)).toEqual([]);
    }
    for (const s of DEMO_SIGNALEN)
      expect(
        scanPrivacy({
          titel: s.titel,
          waarneming: s.waarneming,
          antwoord: s.antwoord,
          terugkoppeling: s.terugkoppeling,
        }),
      ).toEqual([]);
  });

  it('give three or four stories per quarter over the last three quarters, within column limits', () => {
    for (const terug of [0, 1, 2]) {
      const aantal = DEMO_VERHALEN.filter((v) => v.kwartalenTerug === terug).length;
      expect(aantal).toBeGreaterThanOrEqual(3);
      expect(aantal).toBeLessThanOrEqual(4);
    }
    for (const v of DEMO_VERHALEN) expect(v.titel.length).toBeLessThanOrEqual(300);
  });

  it('show the loop in every state: one past its term, one beantwoord with feedback, one gesloten with leerorde 2', () => {
    expect(new Set(DEMO_SIGNALEN.map((s) => s.status))).toEqual(new Set(SIGNAAL_STATUSSEN));
    for (const s of DEMO_SIGNALEN) expect(SIGNAAL_SOORTEN).toContain(s.soort);
    const verstreken = DEMO_SIGNALEN.filter(
      (s) => s.antwoordTermijnOver < 0 && ['nieuw', 'in-analyse', 'geagendeerd'].includes(s.status),
    );
    expect(verstreken).toHaveLength(1);
    const beantwoord = DEMO_SIGNALEN.find((s) => s.status === 'beantwoord')!;
    expect(beantwoord.terugkoppeling).toBeTruthy();
    expect(DEMO_SIGNALEN.find((s) => s.status === 'gesloten')!.leerorde).toBe(2);
  });

  it('carry exactly what their status requires (the lifecycle would have let them get there)', () => {
    for (const s of DEMO_SIGNALEN) {
      if (s.status === 'nieuw') continue;
      const vorige = SIGNAAL_STATUSSEN[SIGNAAL_STATUSSEN.indexOf(s.status) - 1];
      expect(
        controleerSignaalOvergang(
          {
            status: vorige,
            antwoord: s.antwoord,
            terugkoppeling: s.terugkoppeling,
            leerorde: s.leerorde,
          },
          s.status,
        ),
      ).toEqual({ ok: true });
      if (s.status !== 'gesloten') expect(s.leerorde).toBeNull();
    }
  });
});
