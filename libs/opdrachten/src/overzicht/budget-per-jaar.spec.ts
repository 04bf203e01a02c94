import { budgetPerJaar, incidenteelPerJaar, structureelVoorJaar } from './budget-per-jaar';

const hoofdopdracht = {
  aanbiederId: 'noord',
  startdatum: '2019-01-01',
  einddatum: '2026-12-31',
  versies: [
    {
      versie: 1,
      ingangsdatum: '2019-01-01',
      jaarbudgetten: [
        { jaar: 2024, budgetCenten: 100_000_000, indexatieBasispunten: 275 },
        { jaar: 2025, budgetCenten: 100_000_000, indexatieBasispunten: 0 },
      ],
    },
    {
      versie: 2,
      ingangsdatum: '2025-07-01',
      jaarbudgetten: [
        { jaar: 2024, budgetCenten: 999_999_999, indexatieBasispunten: 0 },
        { jaar: 2025, budgetCenten: 120_000_000, indexatieBasispunten: 100 },
      ],
    },
  ],
};

describe('structureelVoorJaar', () => {
  it('indexes the yearly budget of the version in force at the end of the year', () => {
    expect(structureelVoorJaar(hoofdopdracht, 2024)).toBe(102_750_000);
    expect(structureelVoorJaar(hoofdopdracht, 2025)).toBe(121_200_000);
  });
  it('counts nothing outside the term or without a yearly budget', () => {
    expect(structureelVoorJaar(hoofdopdracht, 2027)).toBe(0);
    expect(structureelVoorJaar(hoofdopdracht, 2018)).toBe(0);
    expect(structureelVoorJaar(hoofdopdracht, 2026)).toBe(0);
  });
});

describe('incidenteelPerJaar', () => {
  it('spreads by days per year in exact cents', () => {
    const perJaar = incidenteelPerJaar({
      aanbiederId: 'noord',
      startdatum: '2024-07-01',
      einddatum: '2025-06-30',
      budgetCenten: 100,
    });
    // 184 and 181 of 365 days: 50,41 and 49,58 → 50 + 50 after the largest remainder
    expect([...perJaar.entries()]).toEqual([
      [2024, 50],
      [2025, 50],
    ]);
  });
  it('puts a budget within one year wholly in that year', () => {
    expect([
      ...incidenteelPerJaar({
        aanbiederId: 'x',
        startdatum: '2025-03-01',
        einddatum: '2025-05-31',
        budgetCenten: 123456789,
      }),
    ]).toEqual([[2025, 123456789]]);
  });
});

describe('budgetPerJaar', () => {
  it('totals structural and incidental per aanbieder and year, zero rows included', () => {
    const regels = budgetPerJaar(
      ['noord', 'oost'],
      [hoofdopdracht],
      [
        {
          aanbiederId: 'noord',
          startdatum: '2025-01-01',
          einddatum: '2026-12-31',
          budgetCenten: 730_00,
        },
      ],
      2025,
      2026,
    );
    expect(regels).toEqual([
      {
        aanbiederId: 'noord',
        jaar: 2025,
        structureelCenten: 121_200_000,
        incidenteelCenten: 36_500,
        totaalCenten: 121_236_500,
      },
      {
        aanbiederId: 'noord',
        jaar: 2026,
        structureelCenten: 0,
        incidenteelCenten: 36_500,
        totaalCenten: 36_500,
      },
      {
        aanbiederId: 'oost',
        jaar: 2025,
        structureelCenten: 0,
        incidenteelCenten: 0,
        totaalCenten: 0,
      },
      {
        aanbiederId: 'oost',
        jaar: 2026,
        structureelCenten: 0,
        incidenteelCenten: 0,
        totaalCenten: 0,
      },
    ]);
  });
});
