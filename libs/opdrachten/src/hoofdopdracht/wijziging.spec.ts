import { maandDrempel, pasWijzigingToe, plusMaanden, Wijzigingssoort } from './wijziging';

const stand = {
  startdatum: '2019-01-01',
  einddatum: '2026-12-31',
  jaarbudgetten: [
    { jaar: 2025, budgetCenten: 100, indexatieBasispunten: 0 },
    { jaar: 2026, budgetCenten: 200, indexatieBasispunten: 0 },
  ],
  herijkingsmomenten: [],
};

describe('pasWijzigingToe', () => {
  it('a verlenging moves the end date and may add budgets for the new years', () => {
    const r = pasWijzigingToe(stand, {
      soort: Wijzigingssoort.Verlenging,
      ingangsdatum: '2026-07-01',
      einddatum: '2027-12-31',
      jaarbudgetten: [{ jaar: 2027, budgetCenten: 300, indexatieBasispunten: 0 }],
    });
    expect(r.problemen).toEqual([]);
    expect(r.einddatum).toBe('2027-12-31');
    expect(r.jaarbudgetten.map((b) => b.jaar)).toEqual([2025, 2026, 2027]);
  });

  it('a verlenging that does not extend, or lacks an end date, is refused', () => {
    expect(
      pasWijzigingToe(stand, {
        soort: Wijzigingssoort.Verlenging,
        ingangsdatum: '2026-07-01',
        einddatum: '2026-06-30',
      }).problemen.map((p) => p.name),
    ).toEqual(['einddatum']);
    expect(
      pasWijzigingToe(stand, { soort: Wijzigingssoort.Verlenging, ingangsdatum: '2026-07-01' })
        .problemen[0].reason,
    ).toBe('een verlenging heeft einddatum nodig');
  });

  it('a field of another soort is named with the soort that carries it', () => {
    const r = pasWijzigingToe(stand, {
      soort: Wijzigingssoort.Budgetwijziging,
      ingangsdatum: '2026-01-01',
      jaarbudgetten: [{ jaar: 2026, budgetCenten: 1, indexatieBasispunten: 0 }],
      einddatum: '2027-12-31',
    });
    expect(r.problemen).toEqual([
      {
        name: 'einddatum',
        reason:
          'einddatum hoort niet bij een budgetwijziging; dat gaat met een verlenging of beëindiging',
      },
    ]);
  });

  it('an indexering changes only the indexation of years that have a budget', () => {
    const r = pasWijzigingToe(stand, {
      soort: Wijzigingssoort.Indexering,
      ingangsdatum: '2026-01-01',
      indexaties: [
        { jaar: 2026, indexatieBasispunten: 275 },
        { jaar: 2030, indexatieBasispunten: 100 },
      ],
    });
    expect(r.jaarbudgetten.find((b) => b.jaar === 2026)).toEqual({
      jaar: 2026,
      budgetCenten: 200,
      indexatieBasispunten: 275,
    });
    expect(r.problemen.map((p) => p.name)).toEqual(['indexaties.1.jaar']);
  });

  it('a beëindiging ends earlier and drops the years after the new end', () => {
    const r = pasWijzigingToe(stand, {
      soort: Wijzigingssoort.Beeindiging,
      ingangsdatum: '2025-06-01',
      einddatum: '2025-12-31',
    });
    expect(r.problemen).toEqual([]);
    expect(r.jaarbudgetten.map((b) => b.jaar)).toEqual([2025]);
    expect(
      pasWijzigingToe(stand, {
        soort: Wijzigingssoort.Beeindiging,
        ingangsdatum: '2026-01-01',
        einddatum: '2025-12-31',
      }).problemen.map((p) => p.name),
    ).toEqual(['einddatum']);
  });

  it('a scopewijziging must change something in scope', () => {
    expect(
      pasWijzigingToe(stand, {
        soort: Wijzigingssoort.Scopewijziging,
        ingangsdatum: '2026-01-01',
      }).problemen.map((p) => p.name),
    ).toEqual(['soort']);
    expect(
      pasWijzigingToe(stand, {
        soort: Wijzigingssoort.Scopewijziging,
        ingangsdatum: '2026-01-01',
        visie: 'Nieuw',
      }).problemen,
    ).toEqual([]);
  });
});

describe('maandDrempel', () => {
  it('gives the smallest threshold reached, none before 12 months or after the end', () => {
    expect(plusMaanden('2026-01-31', 1)).toBe('2026-02-28');
    expect(plusMaanden('2026-12-08', 12)).toBe('2027-12-08');
    expect(maandDrempel('2025-12-01', '2026-12-31')).toBeNull();
    expect(maandDrempel('2026-01-01', '2026-12-31')).toBe(12);
    expect(maandDrempel('2026-06-30', '2026-12-31')).toBe(12);
    expect(maandDrempel('2026-07-01', '2026-12-31')).toBe(6);
    expect(maandDrempel('2026-12-08', '2026-12-31')).toBe(3);
    expect(maandDrempel('2027-01-01', '2026-12-31')).toBeNull();
  });
});
