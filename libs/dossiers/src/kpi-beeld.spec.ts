import { kwartalenTotEnMet } from './kalender';
import { berekenKwartaal, bouwKpiBeeld } from './kpi-beeld';
import { DossierKpiWaarde, DossierPerceel } from './snapshot';
import { fixtureId, maakSnapshotKpi, maakSnapshotWaarde } from './testing/fixture';

const ZO = fixtureId('perceel', 1);
const ZW = fixtureId('perceel', 2);
const WV = fixtureId('perceel', 3);
const PERCELEN: DossierPerceel[] = [
  { id: ZO, code: 'ZO', naam: 'Zaandam-Oost' },
  { id: ZW, code: 'ZW', naam: 'Zaandam-West' },
];

function w(perceelId: string | null, waarde: string, overrides: Partial<DossierKpiWaarde> = {}) {
  return maakSnapshotWaarde({ perceelId, waarde, ...overrides });
}

describe('berekenKwartaal', () => {
  it('aggregates the perceel figures by the KPI rule and judges the total against the norm', () => {
    const kpi = maakSnapshotKpi({ aggregatie: 'gemiddelde' });
    const k = berekenKwartaal(kpi, '2026-Q3', [w(ZO, '69'), w(ZW, '79')], PERCELEN);
    expect(k).toMatchObject({
      realisatie: '74',
      realisatieBron: 'berekend',
      status: 'let-op', // 6 below 80, tolerances 5 and 10
      statusReden: null,
      tekort: '6',
      ontbrekendePercelen: [],
      norm: { periode: '2026', streefwaarde: '80' },
    });
    expect(k.statusToelichting).toBe(
      'De realisatie 74% ligt 6 procentpunt onder de streefwaarde 80%, meer dan de tolerantie van 5 procentpunt: let op.',
    );
    expect(k.perPerceel.map((p) => [p.perceelCode, p.waarde, p.status])).toEqual([
      ['ZO', '69', 'uit-koers'],
      ['ZW', '79', 'op-koers'],
    ]);
  });

  it('a quarter norm wins over the year norm', () => {
    const kpi = maakSnapshotKpi({
      normen: [
        { periode: '2026', streefwaarde: '80', tolerantieLetOp: '5', tolerantieUitKoers: '10' },
        { periode: '2026-Q3', streefwaarde: '60', tolerantieLetOp: '5', tolerantieUitKoers: '10' },
      ],
    });
    const k = berekenKwartaal(kpi, '2026-Q3', [w(ZO, '62'), w(ZW, '62')], PERCELEN);
    expect(k.norm?.periode).toBe('2026-Q3');
    expect(k.status).toBe('op-koers');
  });

  it('a sum has no per-perceel status: a perceel’s part of a total has no target of its own', () => {
    const kpi = maakSnapshotKpi({ aggregatie: 'som', eenheid: 'aantal' });
    const k = berekenKwartaal(kpi, '2026-Q3', [w(ZO, '30'), w(ZW, '45')], PERCELEN);
    expect(k.realisatie).toBe('75');
    expect(k.perPerceel.map((p) => p.status)).toEqual([null, null]);
  });

  it('a total reported for the whole aanbieder wins over the perceel figures', () => {
    const kpi = maakSnapshotKpi({ aggregatie: 'som', eenheid: 'aantal' });
    const k = berekenKwartaal(
      kpi,
      '2026-Q3',
      [w(ZO, '30'), w(ZW, '45'), w(null, '80', { toelichting: 'Gecorrigeerd totaal' })],
      PERCELEN,
    );
    expect(k).toMatchObject({
      realisatie: '80',
      realisatieBron: 'gerapporteerd',
      ontbrekendePercelen: [],
    });
    expect(k.perPerceel).toHaveLength(2);
    expect(k.toelichtingen[0]).toEqual({
      perceelCode: null,
      perceelNaam: null,
      tekst: 'Gecorrigeerd totaal',
    });
  });

  it('only a total: no perceel breakdown and nothing reported missing', () => {
    const k = berekenKwartaal(maakSnapshotKpi(), '2026-Q3', [w(null, '81')], PERCELEN);
    expect(k).toMatchObject({
      realisatie: '81',
      realisatieBron: 'gerapporteerd',
      perPerceel: [],
      ontbrekendePercelen: [],
    });
  });

  it('a KPI reported per perceel ignores a row without perceel, and lists every perceel it misses', () => {
    const kpi = maakSnapshotKpi({ perPerceel: true, aggregatie: 'som', eenheid: 'aantal' });
    const k = berekenKwartaal(kpi, '2026-Q3', [w(ZO, '30'), w(null, '999')], PERCELEN);
    expect(k).toMatchObject({
      realisatie: '30',
      realisatieBron: 'berekend',
      ontbrekendePercelen: ['ZW'],
    });
    const leeg = berekenKwartaal(kpi, '2026-Q3', [], PERCELEN);
    expect(leeg).toMatchObject({ realisatie: null, ontbrekendePercelen: ['ZO', 'ZW'] });
    expect(leeg.perPerceel.map((p) => p.waarde)).toEqual([null, null]);
  });

  it('a KPI reported once ignores perceel rows', () => {
    const kpi = maakSnapshotKpi({ perPerceel: false });
    const k = berekenKwartaal(kpi, '2026-Q3', [w(ZO, '10'), w(null, '81')], PERCELEN);
    expect(k).toMatchObject({ realisatie: '81', realisatieBron: 'gerapporteerd', perPerceel: [] });
  });

  it('names the percelen that did not report and says the total is incomplete', () => {
    const kpi = maakSnapshotKpi({ aggregatie: 'som', eenheid: 'aantal', normen: [] });
    const k = berekenKwartaal(kpi, '2026-Q3', [w(ZO, '30')], PERCELEN);
    expect(k.realisatie).toBe('30');
    expect(k.ontbrekendePercelen).toEqual(['ZW']);
    expect(k.perPerceel.find((p) => p.perceelCode === 'ZW')?.waarde).toBeNull();
    expect(k.statusToelichting).toContain('ontbreekt: ZW');
    expect(k.datakwaliteit).toBe('onvolledig');
  });

  it('keeps a figure of a perceel the aanbieder no longer has (history), under its id', () => {
    const k = berekenKwartaal(
      maakSnapshotKpi(),
      '2026-Q3',
      [w(ZO, '80'), w(ZW, '80'), w(WV, '90')],
      PERCELEN,
    );
    expect(k.perPerceel.map((p) => p.perceelCode)).toContain(WV);
    expect(k.realisatie).toBe('83.3333');
  });

  it('without a weight a weighted mean has no realisation, and the toelichting says why', () => {
    const kpi = maakSnapshotKpi({ aggregatie: 'gewogen-gemiddelde' });
    const k = berekenKwartaal(
      kpi,
      '2026-Q3',
      [w(ZO, '70', { gewicht: '10' }), w(ZW, '90')],
      PERCELEN,
    );
    expect(k).toMatchObject({
      realisatie: null,
      realisatieBron: 'ontbreekt',
      status: 'geen-norm',
      statusReden: 'geen-waarde',
    });
    expect(k.statusToelichting).toMatch(/gewicht/);
  });

  it('no figures at all: geen realisatie', () => {
    const k = berekenKwartaal(maakSnapshotKpi(), '2026-Q3', [], PERCELEN);
    expect(k).toMatchObject({
      realisatie: null,
      realisatieBron: 'ontbreekt',
      status: 'geen-norm',
      statusReden: 'geen-waarde',
      perPerceel: [],
    });
  });

  it('no norm for the period: geen streefwaarde', () => {
    const k = berekenKwartaal(
      maakSnapshotKpi({ normen: [] }),
      '2026-Q3',
      [w(ZO, '80'), w(ZW, '80')],
      PERCELEN,
    );
    expect(k).toMatchObject({
      status: 'geen-norm',
      statusReden: 'geen-streefwaarde',
      tekort: null,
    });
  });

  it('judges the exact mean but words it to two decimals', () => {
    const kpi = maakSnapshotKpi({
      normen: [
        { periode: '2026', streefwaarde: '80', tolerantieLetOp: '0', tolerantieUitKoers: '5' },
      ],
    });
    const percelen = [...PERCELEN, { id: WV, code: 'WV', naam: 'Wormerveer' }];
    const k = berekenKwartaal(kpi, '2026-Q3', [w(ZO, '80'), w(ZW, '80'), w(WV, '90')], percelen);
    expect(k.realisatie).toBe('83.3333');
    expect(k.statusToelichting).toBe(
      'De realisatie 83,33% ligt 3,33 procentpunt boven de streefwaarde 80%: op koers.',
    );
  });

  it('keeps the exact wording when rounding would contradict the status', () => {
    // 79.995 is below 80 with zero tolerance (let op) but rounds to 80 (op koers).
    const kpi = maakSnapshotKpi({
      normen: [
        { periode: '2026', streefwaarde: '80', tolerantieLetOp: '0', tolerantieUitKoers: '5' },
      ],
    });
    const k = berekenKwartaal(kpi, '2026-Q3', [w(ZO, '79.99'), w(ZW, '80')], PERCELEN);
    expect(k.realisatie).toBe('79.995');
    expect(k.status).toBe('let-op');
    expect(k.statusToelichting).toContain('79,995%');
  });

  it('takes the least reliable quality flag and flags figures of another KPI version', () => {
    const kpi = maakSnapshotKpi({ versie: 2 });
    const k = berekenKwartaal(
      kpi,
      '2026-Q3',
      [
        w(ZO, '80', { datakwaliteit: 'voorlopig', kpiVersie: 1 }),
        w(ZW, '80', { datakwaliteit: 'onzeker', kpiVersie: 2 }),
      ],
      PERCELEN,
    );
    expect(k.datakwaliteit).toBe('onzeker');
    expect(k.andereVersie).toBe(true);
  });

  it('collects toelichtingen per perceel, by perceel code, skipping blank ones', () => {
    const k = berekenKwartaal(
      maakSnapshotKpi(),
      '2026-Q3',
      [w(ZW, '80', { toelichting: '  Vacatures.  ' }), w(ZO, '80', { toelichting: '   ' })],
      PERCELEN,
    );
    expect(k.toelichtingen).toEqual([
      { perceelCode: 'ZW', perceelNaam: 'Zaandam-West', tekst: 'Vacatures.' },
    ]);
  });
});

describe('bouwKpiBeeld (trend)', () => {
  const kpi = maakSnapshotKpi();
  const venster = kwartalenTotEnMet('2026-Q3', 8);
  const beeld = (kwartalenMetCijfers: string[], trendMinimum = 4) =>
    bouwKpiBeeld({
      kpi,
      periode: '2026-Q3',
      trendKwartalen: venster,
      trendMinimum,
      percelen: PERCELEN,
      waardenPerKwartaal: new Map(
        kwartalenMetCijfers.map((k, i) => [k, [w(ZO, String(70 + i), { periode: k })]]),
      ),
    });

  it('starts at the first quarter with a figure', () => {
    const b = beeld(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(b.trend.map((t) => t.periode)).toEqual(venster.slice(2));
    expect(b.trend.map((t) => t.waarde)).toEqual(['70', '71', '72', '73', '74', '75']);
  });

  it('shows at most the window (8 quarters) however much history there is', () => {
    expect(beeld(venster).trend).toHaveLength(8);
  });

  it('shows at least four quarters, with gaps, for a new KPI', () => {
    const b = beeld(['2026-Q3']);
    expect(b.trend.map((t) => [t.periode, t.waarde])).toEqual([
      ['2025-Q4', null],
      ['2026-Q1', null],
      ['2026-Q2', null],
      ['2026-Q3', '70'],
    ]);
  });

  it('judges each quarter against its own norm and marks the current one incomplete when a perceel is missing', () => {
    const b = beeld(['2026-Q2', '2026-Q3']);
    const laatste = b.trend[b.trend.length - 1];
    expect(laatste).toMatchObject({
      periode: '2026-Q3',
      streefwaarde: '80',
      status: 'let-op',
      onvolledig: true,
    });
    expect(b.huidig.ontbrekendePercelen).toEqual(['ZW']);
  });
});
