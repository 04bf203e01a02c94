import { indicatorPastNiet } from './indicator-koppeling';
import {
  aanbiedersUitKoers,
  vergelijkIndicatoren,
  VergelijkingKpi,
  VergelijkingNorm,
} from './indicator-vergelijking';

function kpi(over: Partial<VergelijkingKpi>): VergelijkingKpi {
  return {
    indicatorId: 'i-1',
    kpiId: 'k-1',
    code: 'K',
    naam: 'Snel opgepakt',
    versie: 1,
    eenheid: 'percentage',
    richting: 'hoger-is-beter',
    aggregatie: 'gemiddelde',
    perPerceel: true,
    opdrachtSoort: 'hoofdopdracht',
    opdrachtId: 'h-1',
    opdrachtTitel: 'Wijkteam',
    aanbiederId: 'a-1',
    aanbiederNaam: 'Noord',
    ...over,
  };
}

const norm = (kpiId: string, periode = '2026'): VergelijkingNorm => ({
  kpiId,
  periode,
  streefwaarde: '80',
  tolerantieLetOp: '2',
  tolerantieUitKoers: '5',
});

describe('vergelijkIndicatoren', () => {
  it('aggregates perceel figures per aanbieder and judges each with the quarter norm over the year norm', () => {
    const rijen = vergelijkIndicatoren({
      periode: '2026-Q3',
      kpis: [kpi({}), kpi({ kpiId: 'k-2', aanbiederId: 'a-2', aanbiederNaam: 'Oost' })],
      normen: [norm('k-1'), norm('k-2'), { ...norm('k-2', '2026-Q3'), streefwaarde: '70' }],
      waarden: [
        {
          kpiId: 'k-1',
          aanbiederId: 'a-1',
          perceelId: 'p-1',
          perceelNaam: 'West',
          waarde: '70',
          gewicht: null,
        },
        {
          kpiId: 'k-1',
          aanbiederId: 'a-1',
          perceelId: 'p-2',
          perceelNaam: 'Oost',
          waarde: '80',
          gewicht: null,
        },
        {
          kpiId: 'k-2',
          aanbiederId: 'a-2',
          perceelId: 'p-3',
          perceelNaam: 'Centrum',
          waarde: '72',
          gewicht: null,
        },
      ],
    }).get('i-1')!;
    expect(rijen.map((r) => [r.aanbiederNaam, r.waarde, r.norm?.streefwaarde, r.status])).toEqual([
      ['Noord', '75', '80', 'let-op'],
      ['Oost', '72', '70', 'op-koers'],
    ]);
    expect(rijen[0].percelen.map((p) => [p.perceelNaam, p.status])).toEqual([
      ['Oost', 'op-koers'],
      ['West', 'uit-koers'],
    ]);
    expect(aanbiedersUitKoers(rijen)).toEqual([]);
  });

  it('uses the one figure of a KPI not reported per perceel, and says when a weight is missing', () => {
    const rijen = vergelijkIndicatoren({
      periode: '2026-Q3',
      kpis: [
        kpi({ perPerceel: false }),
        kpi({
          kpiId: 'k-2',
          aanbiederId: 'a-2',
          aanbiederNaam: 'Oost',
          aggregatie: 'gewogen-gemiddelde',
        }),
      ],
      normen: [norm('k-1'), norm('k-2')],
      waarden: [
        {
          kpiId: 'k-1',
          aanbiederId: 'a-1',
          perceelId: null,
          perceelNaam: null,
          waarde: '60',
          gewicht: null,
        },
        {
          kpiId: 'k-2',
          aanbiederId: 'a-2',
          perceelId: 'p-3',
          perceelNaam: 'Centrum',
          waarde: '90',
          gewicht: null,
        },
      ],
    }).get('i-1')!;
    expect(rijen[0]).toMatchObject({ waarde: '60', status: 'uit-koers', percelen: [] });
    expect(rijen[1]).toMatchObject({ waarde: null, status: 'geen-norm' });
    expect(rijen[1].statusToelichting).toContain('gewicht');
    expect(aanbiedersUitKoers(rijen)).toEqual(['a-1']);
  });
});

describe('indicatorPastNiet', () => {
  const indicator = {
    code: 'IND',
    eenheid: 'percentage' as const,
    richting: 'hoger-is-beter' as const,
  };
  it('accepts the same unit and direction and names what differs otherwise', () => {
    expect(
      indicatorPastNiet(indicator, { eenheid: 'percentage', richting: 'hoger-is-beter' }),
    ).toBeNull();
    expect(indicatorPastNiet(indicator, { eenheid: 'dagen', richting: 'hoger-is-beter' })).toBe(
      'Indicator IND meet een percentage, de KPI dagen.',
    );
    expect(
      indicatorPastNiet(indicator, { eenheid: 'percentage', richting: 'lager-is-beter' }),
    ).toBe('Bij indicator IND is hoger is beter, bij de KPI lager is beter.');
  });
});
