import {
  bouwWaardenWeergave,
  isVerplichtInPeriode,
  slechtsteDatakwaliteit,
  WeergaveInvoer,
  WeergaveKpi,
  WeergaveKpiVersie,
  WeergaveWaarde,
} from './weergave';

const P1 = 'p1';
const P2 = 'p2';
const P3 = 'p3';

function versie(overrides: Partial<WeergaveKpiVersie> & { id: string; kpiId: string }) {
  return {
    versie: 1,
    naam: `KPI ${overrides.kpiId}`,
    type: 'outcome',
    eenheid: 'percentage',
    richting: 'hoger-is-beter',
    aggregatie: 'gemiddelde',
    frequentie: 'kwartaal',
    perPerceel: true,
    ...overrides,
  } as WeergaveKpiVersie;
}

function waarde(overrides: Partial<WeergaveWaarde> & { id: string; kpiId: string }) {
  return {
    kpiVersieId: `${overrides.kpiId}-v1`,
    perceelId: null,
    waarde: '0',
    gewicht: null,
    toelichting: null,
    bron: null,
    datakwaliteit: 'betrouwbaar',
    ...overrides,
  } as WeergaveWaarde;
}

function invoer(
  kpis: WeergaveKpi[],
  versies: WeergaveKpiVersie[],
  waarden: WeergaveWaarde[],
  verwacht: WeergaveInvoer['verwacht'] = [],
  periode = '2026-Q2',
): WeergaveInvoer {
  return {
    periode,
    kpis: new Map(kpis.map((k) => [k.id, k])),
    versies: new Map(versies.map((v) => [v.id, v])),
    perceelNamen: new Map([
      [P1, 'Perceel Centrum'],
      [P2, 'Perceel Noord'],
      [P3, 'Perceel Oost'],
    ]),
    waarden,
    verwacht,
  };
}

const norm = (periode: string, streefwaarde: string, letOp = '5', uitKoers = '10') => ({
  periode,
  streefwaarde,
  tolerantieLetOp: letOp,
  tolerantieUitKoers: uitKoers,
});

describe('bouwWaardenWeergave', () => {
  it('aggregates a mean over the percelen and rates total and percelen against the quarter norm before the year norm', () => {
    const w = bouwWaardenWeergave(
      invoer(
        [
          {
            id: 'a',
            code: 'K01',
            ketenIds: ['jeugd'],
            normen: [norm('2026', '60'), norm('2026-Q2', '80')],
          },
        ],
        [versie({ id: 'a-v1', kpiId: 'a' })],
        [
          waarde({ id: 'w1', kpiId: 'a', perceelId: P1, waarde: '82.0000', bron: 'Registratie' }),
          waarde({ id: 'w2', kpiId: 'a', perceelId: P2, waarde: '66.5000', bron: 'Registratie' }),
        ],
        [{ kpiId: 'a', kpiVersieId: 'a-v1', perceelIds: [P1, P2], verplicht: true }],
      ),
    );
    expect(w.ontbrekend).toEqual([]);
    const [groep] = w.waarden;
    expect(groep).toMatchObject({
      code: 'K01',
      norm: { periode: '2026-Q2', streefwaarde: '80' },
      ketenIds: ['jeugd'],
    });
    expect(groep.percelen.map((p) => [p.perceelNaam, p.waarde, p.status])).toEqual([
      ['Perceel Centrum', '82', 'op-koers'],
      ['Perceel Noord', '66.5', 'uit-koers'],
    ]);
    // (82 + 66.5) / 2 = 74.25: 5.75 under 80 → let op
    expect(groep.totaal).toMatchObject({
      id: null,
      waarde: '74.25',
      status: 'let-op',
      compleet: true,
      bron: 'Registratie',
      datakwaliteit: 'betrouwbaar',
    });
    expect(groep.totaal.toelichting).toBe('Gemiddelde over 2 percelen.');
  });

  it('rates only the total of a sum KPI, and reports a missing perceel as incomplete', () => {
    const w = bouwWaardenWeergave(
      invoer(
        [{ id: 's', code: 'K02', ketenIds: [], normen: [norm('2026', '300', '20', '50')] }],
        [versie({ id: 's-v1', kpiId: 's', eenheid: 'aantal', aggregatie: 'som' })],
        [
          waarde({
            id: 'w1',
            kpiId: 's',
            kpiVersieId: 's-v1',
            perceelId: P1,
            waarde: '120',
            bron: 'A',
          }),
          waarde({
            id: 'w2',
            kpiId: 's',
            kpiVersieId: 's-v1',
            perceelId: P2,
            waarde: '140',
            bron: 'B',
            datakwaliteit: 'voorlopig',
          }),
        ],
        [{ kpiId: 's', kpiVersieId: 's-v1', perceelIds: [P1, P2, P3], verplicht: true }],
      ),
    );
    const [groep] = w.waarden;
    expect(groep.percelen.every((p) => p.status === 'geen-norm')).toBe(true);
    expect(groep.percelen[0].statusToelichting).toContain('totaal');
    expect(groep.totaal).toMatchObject({
      waarde: '260',
      status: 'let-op',
      compleet: false,
      bron: 'A; B',
      datakwaliteit: 'onvolledig',
    });
    expect(groep.totaal.toelichting).toContain('Perceel Oost');
    expect(w.ontbrekend).toEqual([
      expect.objectContaining({ kpiId: 's', perceelId: P3, perceelNaam: 'Perceel Oost' }),
    ]);
  });

  it('shows a KPI reported once for the whole aanbieder as its own total', () => {
    const w = bouwWaardenWeergave(
      invoer(
        [{ id: 't', code: 'K03', ketenIds: [], normen: [norm('2026-Q2', '14', '2', '5')] }],
        [
          versie({
            id: 't-v2',
            kpiId: 't',
            versie: 2,
            eenheid: 'dagen',
            richting: 'lager-is-beter',
            perPerceel: false,
          }),
        ],
        [
          waarde({
            id: 'w9',
            kpiId: 't',
            kpiVersieId: 't-v2',
            waarde: '20.0000',
            toelichting: 'Wachtlijst door ziekte',
            datakwaliteit: 'voorlopig',
          }),
        ],
        [{ kpiId: 't', kpiVersieId: 't-v2', perceelIds: [P1], verplicht: true }],
      ),
    );
    expect(w.ontbrekend).toEqual([]);
    expect(w.waarden[0]).toMatchObject({ versie: 2, percelen: [] });
    expect(w.waarden[0].totaal).toMatchObject({
      id: 'w9',
      waarde: '20',
      toelichting: 'Wachtlijst door ziekte',
      datakwaliteit: 'voorlopig',
      status: 'uit-koers',
      compleet: true,
    });
  });

  it('says why a weighted mean has no total and gives no status then', () => {
    const w = bouwWaardenWeergave(
      invoer(
        [{ id: 'g', code: 'K04', ketenIds: [], normen: [norm('2026', '70')] }],
        [versie({ id: 'g-v1', kpiId: 'g', aggregatie: 'gewogen-gemiddelde' })],
        [
          waarde({
            id: 'w1',
            kpiId: 'g',
            kpiVersieId: 'g-v1',
            perceelId: P1,
            waarde: '70',
            gewicht: '100',
          }),
          waarde({ id: 'w2', kpiId: 'g', kpiVersieId: 'g-v1', perceelId: P2, waarde: '90' }),
        ],
      ),
    );
    expect(w.waarden[0].totaal).toMatchObject({ waarde: null, status: 'geen-norm' });
    expect(w.waarden[0].totaal.toelichting).toContain('Perceel Noord');
  });

  it('lists expected KPIs without any figure, skips yearly KPIs that are not due yet, and sorts by code', () => {
    const w = bouwWaardenWeergave(
      invoer(
        [
          { id: 'b', code: 'K10', ketenIds: ['armoede'], normen: [] },
          { id: 'a', code: 'K02', ketenIds: [], normen: [] },
          { id: 'j', code: 'K05', ketenIds: [], normen: [] },
        ],
        [
          versie({ id: 'b-v1', kpiId: 'b', perPerceel: false }),
          versie({ id: 'a-v1', kpiId: 'a' }),
          versie({ id: 'j-v1', kpiId: 'j', frequentie: 'jaar' }),
        ],
        [],
        [
          { kpiId: 'b', kpiVersieId: 'b-v1', perceelIds: [P1], verplicht: true },
          { kpiId: 'a', kpiVersieId: 'a-v1', perceelIds: [P2, P1], verplicht: true },
          { kpiId: 'j', kpiVersieId: 'j-v1', perceelIds: [P1], verplicht: false },
        ],
      ),
    );
    expect(w.waarden).toEqual([]);
    expect(w.ontbrekend.map((o) => [o.code, o.perceelNaam])).toEqual([
      ['K02', 'Perceel Centrum'],
      ['K02', 'Perceel Noord'],
      ['K10', null],
    ]);
    expect(w.ontbrekend[2].ketenIds).toEqual(['armoede']);
  });

  it('gives geen-norm with a reason when the period has no norm', () => {
    const w = bouwWaardenWeergave(
      invoer(
        [{ id: 'a', code: 'K01', ketenIds: [], normen: [norm('2025', '80')] }],
        [versie({ id: 'a-v1', kpiId: 'a' })],
        [waarde({ id: 'w1', kpiId: 'a', perceelId: P1, waarde: '1' })],
      ),
    );
    expect(w.waarden[0].norm).toBeNull();
    expect(w.waarden[0].totaal.status).toBe('geen-norm');
    expect(w.waarden[0].totaal.statusToelichting).toContain('geen streefwaarde');
  });

  it('keeps figures of an older KPI version apart from the current one', () => {
    const w = bouwWaardenWeergave(
      invoer(
        [{ id: 'a', code: 'K01', ketenIds: [], normen: [] }],
        [
          versie({ id: 'a-v1', kpiId: 'a' }),
          versie({ id: 'a-v2', kpiId: 'a', versie: 2, naam: 'Nieuw' }),
        ],
        [
          waarde({ id: 'w1', kpiId: 'a', kpiVersieId: 'a-v2', perceelId: P1, waarde: '1' }),
          waarde({ id: 'w2', kpiId: 'a', kpiVersieId: 'a-v1', perceelId: P2, waarde: '2' }),
        ],
      ),
    );
    expect(w.waarden.map((g) => [g.versie, g.percelen.length])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });
});

describe('slechtsteDatakwaliteit', () => {
  it('takes the least reliable', () => {
    expect(slechtsteDatakwaliteit([])).toBe('betrouwbaar');
    expect(slechtsteDatakwaliteit(['betrouwbaar', 'voorlopig'])).toBe('voorlopig');
    expect(slechtsteDatakwaliteit(['onzeker', 'onvolledig', 'betrouwbaar'])).toBe('onzeker');
  });
});

describe('isVerplichtInPeriode', () => {
  it.each([
    ['kwartaal', '2026-Q1', true],
    ['kwartaal', '2026-Q4', true],
    ['jaar', '2026-Q1', false],
    ['jaar', '2026-Q3', false],
    ['jaar', '2026-Q4', true],
    ['jaar', '2026', true],
  ] as const)('%s in %s: %s', (frequentie, periode, verwacht) =>
    expect(isVerplichtInPeriode(frequentie, periode)).toBe(verwacht),
  );
});
