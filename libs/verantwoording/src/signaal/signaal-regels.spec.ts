import { Actor, OrganisatieSoort, Rol } from '@wijkkompas/core';
import {
  controleerSignaalWijziging,
  isTermijnVerstreken,
  signaalRechten,
  SignaalRechten,
  standaardAntwoordTermijn,
} from './signaal-regels';

function actor(soort: OrganisatieSoort, organisatieId: string, ...rollen: Rol[]): Actor {
  return {
    gebruikerId: 'g1',
    naam: 'Test',
    gemeenteId: 'gem',
    organisatieId,
    organisatieSoort: soort,
    rollen,
    sessieId: 's1',
  };
}

const INBRENGER: SignaalRechten = { inbrenger: true, behandelaar: false };
const BEHANDELAAR: SignaalRechten = { inbrenger: false, behandelaar: true };
const BEIDE: SignaalRechten = { inbrenger: true, behandelaar: true };
const NIEMAND: SignaalRechten = { inbrenger: false, behandelaar: false };

describe('signaalRechten', () => {
  it('makes a provider user of the raising organisation the raiser, never a handler', () => {
    expect(signaalRechten(actor(OrganisatieSoort.Aanbieder, 'a', Rol.Teamleider), 'a')).toEqual(
      INBRENGER,
    );
  });

  it('gives a provider user of another organisation nothing', () => {
    expect(signaalRechten(actor(OrganisatieSoort.Aanbieder, 'b', Rol.Directeur), 'a')).toEqual(
      NIEMAND,
    );
  });

  it('makes ketenregisseur, beleidsadviseur and contractmanager handlers of a provider signal', () => {
    for (const rol of [Rol.Ketenregisseur, Rol.Beleidsadviseur, Rol.Contractmanager])
      expect(signaalRechten(actor(OrganisatieSoort.Gemeente, 'gem-org', rol), 'a')).toEqual(
        BEHANDELAAR,
      );
  });

  it('makes a gemeente handler both raiser and handler of a signal the gemeente raised', () => {
    expect(
      signaalRechten(actor(OrganisatieSoort.Gemeente, 'gem-org', Rol.Beleidsadviseur), 'gem-org'),
    ).toEqual(BEIDE);
  });

  it('gives a bestuurder or beheerder no write rights, even on a gemeente signal', () => {
    for (const rol of [Rol.Bestuurder, Rol.Beheerder])
      expect(signaalRechten(actor(OrganisatieSoort.Gemeente, 'gem-org', rol), 'gem-org')).toEqual(
        NIEMAND,
      );
  });
});

describe('controleerSignaalWijziging', () => {
  it('lets the raiser shape the inbreng, ketens and term while the signal is nieuw', () => {
    expect(
      controleerSignaalWijziging('nieuw', INBRENGER, [
        'titel',
        'waarneming',
        'soort',
        'perceelId',
        'wijkId',
        'periode',
        'ketenIds',
        'antwoordTermijn',
      ]),
    ).toEqual([]);
  });

  it('fixes the inbreng once the gemeente works on it (409-kind), for the raiser and a handler-raiser alike', () => {
    for (const rechten of [INBRENGER, BEIDE]) {
      const fouten = controleerSignaalWijziging('in-analyse', rechten, ['titel', 'waarneming']);
      expect(fouten.map((f) => [f.veld, f.soort])).toEqual([
        ['titel', 'status'],
        ['waarneming', 'status'],
      ]);
      expect(fouten[0].melding).toContain("'in-analyse'");
    }
  });

  it('lets the raiser no longer route after nieuw, but a handler still may', () => {
    expect(controleerSignaalWijziging('geagendeerd', INBRENGER, ['ketenIds'])).toEqual([
      expect.objectContaining({ veld: 'ketenIds', soort: 'status' }),
    ]);
    expect(
      controleerSignaalWijziging('geagendeerd', BEHANDELAAR, ['ketenIds', 'antwoordTermijn']),
    ).toEqual([]);
  });

  it('refuses the raiser the answer fields, as a matter of right (403-kind)', () => {
    const fouten = controleerSignaalWijziging('nieuw', INBRENGER, ['antwoord', 'terugkoppeling']);
    expect(fouten.map((f) => [f.veld, f.soort])).toEqual([
      ['antwoord', 'geen-recht'],
      ['terugkoppeling', 'geen-recht'],
    ]);
  });

  it('refuses a handler who did not raise it the inbreng, whatever the status', () => {
    for (const status of ['nieuw', 'beantwoord'] as const)
      expect(controleerSignaalWijziging(status, BEHANDELAAR, ['waarneming'])).toEqual([
        expect.objectContaining({ veld: 'waarneming', soort: 'geen-recht' }),
      ]);
  });

  it('lets a handler write antwoord and terugkoppeling in every open status, also after beantwoord', () => {
    for (const status of ['nieuw', 'in-analyse', 'geagendeerd', 'beantwoord'] as const)
      expect(
        controleerSignaalWijziging(status, BEHANDELAAR, ['antwoord', 'terugkoppeling']),
      ).toEqual([]);
  });

  it('freezes everything once gesloten', () => {
    const fouten = controleerSignaalWijziging('gesloten', BEIDE, ['titel', 'ketenIds', 'antwoord']);
    expect(fouten.map((f) => f.soort)).toEqual(['status', 'status', 'status']);
    expect(fouten[2].melding).toMatch(/gesloten signaal/);
  });

  it('gives nobody without rights anything, and reports a lack of right before the status', () => {
    expect(
      controleerSignaalWijziging('gesloten', NIEMAND, ['titel', 'antwoordTermijn', 'antwoord']).map(
        (f) => f.soort,
      ),
    ).toEqual(['geen-recht', 'geen-recht', 'geen-recht']);
  });

  it('accepts an empty change', () => {
    expect(controleerSignaalWijziging('gesloten', NIEMAND, [])).toEqual([]);
  });
});

describe('antwoordtermijn', () => {
  it('defaults to six weeks (42 days) after the day it is raised, across a year end', () => {
    expect(standaardAntwoordTermijn('2026-11-23')).toBe('2027-01-04');
    expect(standaardAntwoordTermijn('2026-02-01')).toBe('2026-03-15');
  });

  it('is past only when the term lies before today and the signal still waits for an answer', () => {
    const dag = '2026-11-23';
    expect(isTermijnVerstreken({ status: 'nieuw', antwoordTermijn: '2026-11-22' }, dag)).toBe(true);
    expect(isTermijnVerstreken({ status: 'in-analyse', antwoordTermijn: '2026-01-01' }, dag)).toBe(
      true,
    );
    expect(isTermijnVerstreken({ status: 'geagendeerd', antwoordTermijn: '2026-11-22' }, dag)).toBe(
      true,
    );
    expect(isTermijnVerstreken({ status: 'nieuw', antwoordTermijn: dag }, dag)).toBe(false);
    expect(isTermijnVerstreken({ status: 'nieuw', antwoordTermijn: null }, dag)).toBe(false);
    expect(isTermijnVerstreken({ status: 'beantwoord', antwoordTermijn: '2026-01-01' }, dag)).toBe(
      false,
    );
    expect(isTermijnVerstreken({ status: 'gesloten', antwoordTermijn: '2026-01-01' }, dag)).toBe(
      false,
    );
  });
});
