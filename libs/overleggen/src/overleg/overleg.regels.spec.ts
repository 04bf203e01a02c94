import { OrganisatieSoort, Rol } from '@wijkkompas/core';
import {
  controleerOverleg,
  DeelnemerGebruiker,
  deelnemerLabel,
  deelnemerToegestaan,
  dubbeleDeelnemers,
  kwartaalLabel,
  magBeheren,
  magStatusWorden,
  OverlegSoort as Soort,
  OverlegStatus as Status,
  vorigKwartaal,
} from './overleg.regels';

const A = '11111111-1111-4111-8111-111111111111';
const K = '22222222-2222-4222-8222-222222222222';
const G = '33333333-3333-4333-8333-333333333333';
const ANDERE_G = '44444444-4444-4444-8444-444444444444';
const ANDERE_A = '55555555-5555-4555-8555-555555555555';

const namen = (soort: Soort, rest: object = {}) =>
  controleerOverleg({ soort, ...rest }).map((f) => f.name);

describe('controleerOverleg', () => {
  it('accepts a complete verantwoordingsgesprek', () => {
    expect(namen(Soort.Verantwoordingsgesprek, { aanbiederId: A, periode: '2026-Q3' })).toEqual([]);
  });
  it('requires an aanbieder and a quarter for a verantwoordingsgesprek', () => {
    expect(namen(Soort.Verantwoordingsgesprek, { periode: '2026-Q3' })).toEqual(['aanbiederId']);
    expect(namen(Soort.Verantwoordingsgesprek, { aanbiederId: A })).toEqual(['periode']);
    expect(namen(Soort.Verantwoordingsgesprek)).toEqual(['aanbiederId', 'periode']);
  });
  it('accepts only quarters written as 2026-Q3', () => {
    for (const fout of ['2026-Q5', '2026-Q0', '2026-K3', '2026Q3', '26-Q3', '2026', ' 2026-Q3'])
      expect(namen(Soort.Stuurgroep, { periode: fout })).toEqual(['periode']);
    expect(namen(Soort.Stuurgroep, { periode: '2026-Q4' })).toEqual([]);
    expect(namen(Soort.Stuurgroep, { periode: null })).toEqual([]);
  });
  it('says in Dutch what is wrong with a bad periode', () => {
    const [fout] = controleerOverleg({ soort: Soort.Stuurgroep, periode: '2026-Q5' });
    expect(fout.reason).toContain('geen kwartaal');
    expect(fout.reason).toContain('2026-Q3');
  });
  it('reports a bad periode once, not also as missing', () => {
    expect(namen(Soort.Verantwoordingsgesprek, { aanbiederId: A, periode: 'Q3' })).toEqual([
      'periode',
    ]);
  });
  it('ties a keten to a ketenoverleg and only to a ketenoverleg', () => {
    expect(namen(Soort.Ketenoverleg, { ketenId: K })).toEqual([]);
    expect(namen(Soort.Ketenoverleg)).toEqual(['ketenId']);
    expect(namen(Soort.Ontwikkeloverleg, { ketenId: K })).toEqual(['ketenId']);
    expect(
      namen(Soort.Verantwoordingsgesprek, { aanbiederId: A, periode: '2026-Q1', ketenId: K }),
    ).toEqual(['ketenId']);
    expect(namen(Soort.Ontwikkeloverleg)).toEqual([]);
    expect(namen(Soort.Stuurgroep, { aanbiederId: A })).toEqual([]);
  });
});

describe('magBeheren', () => {
  it('leaves verantwoordingsgesprek and stuurgroep to the contractmanager', () => {
    for (const soort of [Soort.Verantwoordingsgesprek, Soort.Stuurgroep]) {
      expect(magBeheren([Rol.Contractmanager], soort)).toBe(true);
      expect(magBeheren([Rol.Ketenregisseur], soort)).toBe(false);
      expect(magBeheren([Rol.Beheerder, Rol.Beleidsadviseur], soort)).toBe(false);
    }
  });
  it('lets ketenregisseur and contractmanager plan keten- and ontwikkeloverleg', () => {
    for (const soort of [Soort.Ketenoverleg, Soort.Ontwikkeloverleg]) {
      expect(magBeheren([Rol.Ketenregisseur], soort)).toBe(true);
      expect(magBeheren([Rol.Contractmanager], soort)).toBe(true);
      expect(magBeheren([Rol.Bestuurder], soort)).toBe(false);
    }
  });
  it('never lets a provider plan', () => {
    for (const soort of Object.values(Soort))
      expect(magBeheren([Rol.Directeur, Rol.Teamleider, Rol.Kwaliteitsmedewerker], soort)).toBe(
        false,
      );
  });
});

describe('magStatusWorden', () => {
  it('holds or cancels a planned meeting, and replans a cancelled one', () => {
    expect(magStatusWorden(Status.Gepland, Status.Gehouden)).toBe(true);
    expect(magStatusWorden(Status.Gepland, Status.Geannuleerd)).toBe(true);
    expect(magStatusWorden(Status.Geannuleerd, Status.Gepland)).toBe(true);
  });
  it('keeps a held meeting held, and a cancelled one cannot have been held', () => {
    expect(magStatusWorden(Status.Gehouden, Status.Gepland)).toBe(false);
    expect(magStatusWorden(Status.Gehouden, Status.Geannuleerd)).toBe(false);
    expect(magStatusWorden(Status.Geannuleerd, Status.Gehouden)).toBe(false);
  });
  it('accepts sending the current status again', () => {
    for (const s of Object.values(Status)) expect(magStatusWorden(s, s)).toBe(true);
  });
});

describe('kwartalen', () => {
  it('names a quarter as people say it', () => {
    expect(kwartaalLabel('2026-Q3')).toBe('3e kwartaal 2026');
    expect(kwartaalLabel('2027-Q1')).toBe('1e kwartaal 2027');
    expect(() => kwartaalLabel('2026-Q5')).toThrow(RangeError);
  });
  it('finds the quarter before, across the year boundary', () => {
    expect(vorigKwartaal('2026-Q4')).toBe('2026-Q3');
    expect(vorigKwartaal('2026-Q2')).toBe('2026-Q1');
    expect(vorigKwartaal('2026-Q1')).toBe('2025-Q4');
    expect(() => vorigKwartaal('2026')).toThrow(RangeError);
  });
});

describe('deelnemerToegestaan', () => {
  const gemeenteMedewerker: DeelnemerGebruiker = {
    id: 'u1',
    organisatieId: 'org-g',
    organisatieSoort: OrganisatieSoort.Gemeente,
    organisatieGemeenteId: G,
    rollenInGemeente: ['contractmanager'],
  };
  const aanbiederMedewerker: DeelnemerGebruiker = {
    id: 'u2',
    organisatieId: A,
    organisatieSoort: OrganisatieSoort.Aanbieder,
    organisatieGemeenteId: null,
    rollenInGemeente: ['directeur'],
  };
  it('admits the gemeente’s own people to any meeting', () => {
    expect(deelnemerToegestaan(gemeenteMedewerker, G, A)).toBe(true);
    expect(deelnemerToegestaan(gemeenteMedewerker, G, null)).toBe(true);
  });
  it('refuses people of another gemeente', () => {
    expect(
      deelnemerToegestaan({ ...gemeenteMedewerker, organisatieGemeenteId: ANDERE_G }, G, A),
    ).toBe(false);
    expect(deelnemerToegestaan({ ...gemeenteMedewerker, rollenInGemeente: [] }, G, null)).toBe(
      false,
    );
  });
  it('admits the aanbieder concerned, not another aanbieder', () => {
    expect(deelnemerToegestaan(aanbiederMedewerker, G, A)).toBe(true);
    expect(deelnemerToegestaan(aanbiederMedewerker, G, ANDERE_A)).toBe(false);
  });
  it('admits any aanbieder of the gemeente to a meeting about no aanbieder', () => {
    expect(deelnemerToegestaan(aanbiederMedewerker, G, null)).toBe(true);
    expect(deelnemerToegestaan({ ...aanbiederMedewerker, rollenInGemeente: [] }, G, null)).toBe(
      false,
    );
  });
});

describe('deelnemers', () => {
  it('finds users named twice, leaving guests alone', () => {
    expect(
      dubbeleDeelnemers([
        { gebruikerId: 'a' },
        { gebruikerId: null },
        { gebruikerId: 'b' },
        { gebruikerId: 'a' },
        {},
        {},
        { gebruikerId: 'b' },
      ]),
    ).toEqual([3, 6]);
    expect(dubbeleDeelnemers([])).toEqual([]);
  });
  it('labels a deelnemer with their organisation when known', () => {
    expect(deelnemerLabel({ gebruikerId: null, naam: 'Ria', organisatie: 'GGD', rol: null })).toBe(
      'Ria (GGD)',
    );
    expect(deelnemerLabel({ gebruikerId: null, naam: 'Ria', organisatie: null, rol: null })).toBe(
      'Ria',
    );
  });
});
