import {
  berekenKpiStatus,
  KpiNorm,
  KpiStatusInput,
  normVoorPeriode,
  valideerNorm,
} from './kpi-status';

function norm(overrides: Partial<KpiNorm> = {}): KpiNorm {
  return { streefwaarde: '80', tolerantieLetOp: '5', tolerantieUitKoers: '10', ...overrides };
}

function status(overrides: Partial<KpiStatusInput>): string {
  return berekenKpiStatus({ waarde: '80', norm: norm(), richting: 'hoger-is-beter', ...overrides })
    .status;
}

describe('berekenKpiStatus', () => {
  describe('hoger is beter (target 80, let op beyond 5 short, uit koers beyond 10 short)', () => {
    it.each([
      ['100', 'op-koers'],
      ['80.01', 'op-koers'],
      ['80', 'op-koers'],
      ['77', 'op-koers'],
      ['75', 'op-koers'], // exactly at the let-op boundary
      ['74.99', 'let-op'], // just past it
      ['72', 'let-op'],
      ['70', 'let-op'], // exactly at the uit-koers boundary
      ['69.999', 'uit-koers'], // just past it
      ['0', 'uit-koers'],
      ['-5', 'uit-koers'],
    ])('%p is %p', (waarde, verwacht) => expect(status({ waarde })).toBe(verwacht));
  });

  describe('lager is beter (wachttijd target 14 dagen, let op beyond 2, uit koers beyond 7)', () => {
    const lager = (waarde: string) =>
      status({
        waarde,
        richting: 'lager-is-beter',
        norm: norm({ streefwaarde: '14', tolerantieLetOp: '2', tolerantieUitKoers: '7' }),
      });
    it.each([
      ['0', 'op-koers'],
      ['13.5', 'op-koers'],
      ['14', 'op-koers'],
      ['16', 'op-koers'],
      ['16.0001', 'let-op'],
      ['21', 'let-op'],
      ['21.1', 'uit-koers'],
      ['365', 'uit-koers'],
    ])('%p is %p', (waarde, verwacht) => expect(lager(waarde)).toBe(verwacht));
  });

  describe('boundaries are exact decimal arithmetic, never float', () => {
    it('79.9 against target 80 with let-op tolerance 0.1 is exactly at the boundary: op koers', () =>
      expect(
        status({
          waarde: '79.9',
          norm: norm({ tolerantieLetOp: '0.1', tolerantieUitKoers: '0.2' }),
        }),
      ).toBe('op-koers'));
    it('accepts JS numbers for the same boundary (79.9 vs 80 − 0.1)', () =>
      expect(
        status({ waarde: 79.9, norm: norm({ tolerantieLetOp: 0.1, tolerantieUitKoers: 0.2 }) }),
      ).toBe('op-koers'));
    it('0.3 against target 0.1 + 0.2 (as decimals) lower-is-better with zero tolerance is op koers', () =>
      expect(
        status({
          waarde: '0.3',
          richting: 'lager-is-beter',
          norm: norm({ streefwaarde: '0.3', tolerantieLetOp: '0', tolerantieUitKoers: '0' }),
        }),
      ).toBe('op-koers'));
    it('uses 30-digit precision without loss', () =>
      expect(
        status({
          waarde: '999999999999999999999999999.9',
          norm: norm({
            streefwaarde: '1000000000000000000000000000',
            tolerantieLetOp: '0',
            tolerantieUitKoers: '1',
          }),
        }),
      ).toBe('let-op'));
  });

  it('with both tolerances 0 any shortfall is uit koers', () => {
    const nul = norm({ tolerantieLetOp: 0, tolerantieUitKoers: 0 });
    expect(status({ waarde: '80', norm: nul })).toBe('op-koers');
    expect(status({ waarde: '79.99', norm: nul })).toBe('uit-koers');
  });

  it('with equal tolerances there is no let-op band', () => {
    const gelijk = norm({ tolerantieLetOp: 5, tolerantieUitKoers: 5 });
    expect(status({ waarde: '75', norm: gelijk })).toBe('op-koers');
    expect(status({ waarde: '74.9', norm: gelijk })).toBe('uit-koers');
  });

  it('returns the signed shortfall as an exact decimal', () => {
    expect(
      berekenKpiStatus({ waarde: '72.5', norm: norm(), richting: 'hoger-is-beter' }),
    ).toMatchObject({
      status: 'let-op',
      tekort: '7.5',
    });
    expect(
      berekenKpiStatus({ waarde: '90', norm: norm(), richting: 'hoger-is-beter' }),
    ).toMatchObject({
      tekort: '-10',
    });
  });

  describe('geen norm', () => {
    it('without a target', () =>
      expect(
        berekenKpiStatus({ waarde: '80', norm: null, richting: 'hoger-is-beter' }),
      ).toMatchObject({
        status: 'geen-norm',
        reden: 'geen-streefwaarde',
      }));
    it.each([null, undefined, 'abc'])('without a (valid) value: %p', (waarde) =>
      expect(berekenKpiStatus({ waarde, norm: norm(), richting: 'hoger-is-beter' })).toMatchObject({
        status: 'geen-norm',
        reden: 'geen-waarde',
      }),
    );
    it('with an unusable norm, explaining why', () => {
      const uitkomst = berekenKpiStatus({
        waarde: '80',
        norm: norm({ tolerantieLetOp: '10', tolerantieUitKoers: '5' }),
        richting: 'hoger-is-beter',
      });
      expect(uitkomst).toMatchObject({ status: 'geen-norm', reden: 'ongeldige-norm' });
      expect(uitkomst.toelichting).toContain('uit koers');
    });
  });

  describe('toelichting in Dutch with the unit', () => {
    it.each([
      [
        { waarde: '72.5', eenheid: 'percentage' as const },
        'De realisatie 72,5% ligt 7,5 procentpunt onder de streefwaarde 80%, meer dan de tolerantie van 5 procentpunt: let op.',
      ],
      [
        { waarde: '77', eenheid: 'aantal' as const },
        'De realisatie 77 ligt 3 onder de streefwaarde 80, binnen de tolerantie van 5: op koers.',
      ],
      [
        { waarde: '80', eenheid: 'score' as const },
        'De realisatie 80 is gelijk aan de streefwaarde 80: op koers.',
      ],
      [
        { waarde: '1200', eenheid: 'euro' as const },
        'De realisatie € 1.200 ligt € 1.120 boven de streefwaarde € 80: op koers.',
      ],
    ])('%p', (overrides, verwacht) =>
      expect(
        berekenKpiStatus({ norm: norm(), richting: 'hoger-is-beter', ...overrides }).toelichting,
      ).toBe(verwacht),
    );
    it('tells what to do when off track (lower is better, days)', () =>
      expect(
        berekenKpiStatus({
          waarde: '30',
          norm: norm({ streefwaarde: '14', tolerantieLetOp: '2', tolerantieUitKoers: '7' }),
          richting: 'lager-is-beter',
          eenheid: 'dagen',
        }).toelichting,
      ).toBe(
        'De realisatie 30 dagen ligt 16 dagen boven de streefwaarde 14 dagen, meer dan de tolerantie van 7 dagen: uit koers. Bespreek de oorzaak in het verantwoordingsgesprek.',
      ));
  });
});

describe('valideerNorm', () => {
  it('accepts a sound norm', () => expect(valideerNorm(norm())).toEqual([]));
  it('accepts zero tolerances', () =>
    expect(valideerNorm(norm({ tolerantieLetOp: 0, tolerantieUitKoers: 0 }))).toEqual([]));
  it('refuses a negative tolerance', () =>
    expect(valideerNorm(norm({ tolerantieLetOp: '-1' }))).toEqual([
      expect.stringContaining('niet negatief'),
    ]));
  it('refuses an uit-koers tolerance smaller than the let-op tolerance', () =>
    expect(valideerNorm(norm({ tolerantieUitKoers: '4.99' }))).toEqual([
      expect.stringContaining('minstens even groot'),
    ]));
  it('names every field that is not a number', () =>
    expect(
      valideerNorm({ streefwaarde: 'tachtig', tolerantieLetOp: '', tolerantieUitKoers: '1' }),
    ).toHaveLength(2));
});

describe('normVoorPeriode', () => {
  const normen = [
    { periode: '2026', id: 'jaar-2026' },
    { periode: '2026-Q4', id: 'q4-2026' },
    { periode: '2027-Q1', id: 'q1-2027' },
  ];
  it.each([
    ['2026-Q4', 'q4-2026'],
    ['2026-Q2', 'jaar-2026'],
    ['2026', 'jaar-2026'],
    ['2027-Q1', 'q1-2027'],
  ])('%p uses %p', (periode, id) => expect(normVoorPeriode(normen, periode)?.id).toBe(id));
  it.each(['2027', '2027-Q2', '2025-Q1', '2026-Q5', '2026-K3', ''])('%p has no norm', (periode) =>
    expect(normVoorPeriode(normen, periode)).toBeNull(),
  );
});
