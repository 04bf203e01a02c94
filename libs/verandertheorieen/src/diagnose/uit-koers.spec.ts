import { WeergaveKpi, WeergaveKpiVersie, WeergaveWaarde } from '@wijkkompas/verantwoording';
import { kpisUitKoers, vastgesteldeRevisies, VerantwoordingRij } from './uit-koers';

const rij = (over: Partial<VerantwoordingRij>): VerantwoordingRij => ({
  id: 'kv-1',
  rapportageperiodeId: 'p-1',
  aanbiederId: 'a-1',
  revisie: 1,
  status: 'vastgesteld',
  ...over,
});

describe('vastgesteldeRevisies', () => {
  it('keeps per reporting period the newest adopted revision', () => {
    const uit = vastgesteldeRevisies([
      rij({ id: 'oud', revisie: 1 }),
      rij({ id: 'nieuw', revisie: 2 }),
      rij({ id: 'correctie', revisie: 3, status: 'concept' }),
      rij({ id: 'ander', rapportageperiodeId: 'p-2', aanbiederId: 'a-2' }),
      rij({ id: 'ingediend', rapportageperiodeId: 'p-3', status: 'ingediend' }),
    ]);
    expect(uit.map((r) => r.id)).toEqual(['nieuw', 'ander']);
  });
});

const kpi = (id: string, code: string, norm: [string, string, string] | null): WeergaveKpi => ({
  id,
  code,
  ketenIds: [],
  normen: norm
    ? [
        {
          periode: '2026',
          streefwaarde: norm[0],
          tolerantieLetOp: norm[1],
          tolerantieUitKoers: norm[2],
        },
      ]
    : [],
});

const versie = (
  id: string,
  kpiId: string,
  over: Partial<WeergaveKpiVersie> = {},
): WeergaveKpiVersie => ({
  id,
  kpiId,
  versie: 1,
  naam: `Naam ${kpiId}`,
  type: 'outcome',
  eenheid: 'percentage',
  richting: 'hoger-is-beter',
  aggregatie: 'gemiddelde',
  frequentie: 'kwartaal',
  perPerceel: true,
  ...over,
});

const waarde = (
  kpiVersieId: string,
  kpiId: string,
  perceelId: string | null,
  w: string,
  kwartaalverantwoordingId = 'kv-1',
): WeergaveWaarde & { kwartaalverantwoordingId: string } => ({
  id: `${kpiVersieId}-${perceelId}-${w}`,
  kpiId,
  kpiVersieId,
  perceelId,
  waarde: w,
  gewicht: null,
  toelichting: null,
  bron: null,
  datakwaliteit: 'betrouwbaar',
  kwartaalverantwoordingId,
});

describe('kpisUitKoers', () => {
  const kpis = new Map([
    ['k1', kpi('k1', 'NRD-07', ['75', '5', '10'])],
    ['k2', kpi('k2', 'NRD-12', ['12', '2', '5'])],
    ['k3', kpi('k3', 'NRD-09', null)],
  ]);
  const versies = new Map([
    ['v1', versie('v1', 'k1')],
    ['v2', versie('v2', 'k2', { richting: 'lager-is-beter', perPerceel: false })],
    ['v3', versie('v3', 'k3', { type: 'output', eenheid: 'aantal' })],
  ]);

  it('judges the total over the percelen with the KPI’s aggregation, not a single perceel', () => {
    // Perceel A 60 is uit koers on its own, but the mean (60 + 84) / 2 = 72 is only let op.
    const uit = kpisUitKoers({
      periode: '2026-Q2',
      kpis,
      versies,
      verantwoordingen: [
        { rij: rij({}), waarden: [waarde('v1', 'k1', 'A', '60'), waarde('v1', 'k1', 'B', '84')] },
      ],
    });
    expect(uit).toEqual([]);
  });

  it('lists each KPI uit koers per account, by code, and ignores KPIs without a norm', () => {
    const uit = kpisUitKoers({
      periode: '2026-Q2',
      kpis,
      versies,
      verantwoordingen: [
        {
          rij: rij({ id: 'kv-b', aanbiederId: 'a-2' }),
          waarden: [waarde('v1', 'k1', 'C', '50', 'kv-b')],
        },
        {
          rij: rij({}),
          waarden: [
            waarde('v1', 'k1', 'A', '60'),
            waarde('v1', 'k1', 'B', '62'),
            waarde('v2', 'k2', null, '18'),
            waarde('v3', 'k3', 'A', '3'),
          ],
        },
      ],
    });
    expect(uit.map((u) => [u.code, u.kwartaalverantwoordingId, u.waarde])).toEqual([
      ['NRD-07', 'kv-1', '61'],
      ['NRD-07', 'kv-b', '50'],
      ['NRD-12', 'kv-1', '18'],
    ]);
    expect(uit[0]).toMatchObject({ naam: 'Naam k1', streefwaarde: '75', aanbiederId: 'a-1' });
    expect(uit[0].toelichting).toContain('uit koers');
  });
});
