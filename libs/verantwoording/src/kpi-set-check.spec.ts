import {
  alleenOutputSturing,
  controleerKpiSet,
  doelZonderKpi,
  KPI_SET_REGELS,
  KpiSetBevinding,
  KpiSetDoel,
  KpiSetInput,
  KpiSetKpi,
  KpiSetRegel,
  kpiNietMeetbaar,
  kpiZonderDoel,
} from './kpi-set-check';

function makeKpi(overrides: Partial<KpiSetKpi> = {}): KpiSetKpi {
  return {
    id: 'k1',
    code: 'WMO-01',
    naam: 'Aandeel inwoners dat na afsluiting zelf verder kan',
    type: 'outcome',
    eenheid: 'percentage',
    definitie:
      'Afgesloten trajecten waarin de inwoner zelf verder kan, gedeeld door alle afgesloten trajecten.',
    teller: 'Afgesloten trajecten met zelfstandig vervolg',
    noemer: 'Alle afgesloten trajecten',
    bron: 'registratiesysteem',
    heeftNorm: true,
    doelIds: ['d1'],
    ...overrides,
  };
}

function makeDoel(overrides: Partial<KpiSetDoel> = {}): KpiSetDoel {
  return {
    id: 'd1',
    titel: 'Inwoners redden zich zelf',
    niveau: 'doel',
    themas: ['zelfredzaamheid'],
    ...overrides,
  };
}

function codes(bevindingen: KpiSetBevinding[]): string[] {
  return bevindingen.map((b) => b.code);
}

describe('controleerKpiSet', () => {
  it('finds nothing in a sound set and counts the KPIs per type', () => {
    const uitkomst = controleerKpiSet({
      kpis: [makeKpi(), makeKpi({ id: 'k2', code: 'WMO-02', type: 'output' })],
      doelen: [makeDoel()],
    });
    expect(uitkomst).toEqual({
      aantalKpis: 2,
      aantalPerType: { input: 0, throughput: 0, output: 1, outcome: 1 },
      bevindingen: [],
    });
  });

  it('handles an empty set: no KPIs, every goal unmeasured', () => {
    const uitkomst = controleerKpiSet({ kpis: [], doelen: [makeDoel()] });
    expect(uitkomst.aantalKpis).toBe(0);
    expect(codes(uitkomst.bevindingen)).toEqual(['doel-zonder-kpi']);
  });

  it('runs every rule and concatenates their findings in rule order', () => {
    const input: KpiSetInput = {
      kpis: [makeKpi({ type: 'output', bron: null, doelIds: [] })],
      doelen: [makeDoel()],
    };
    expect(codes(controleerKpiSet(input).bevindingen)).toEqual([
      'kpi-niet-meetbaar',
      'doel-zonder-kpi',
      'kpi-zonder-doel',
      'alleen-output-sturing',
    ]);
  });

  it('takes extra rules without touching the existing ones', () => {
    const teVeel: KpiSetRegel = ({ kpis }) =>
      kpis.length > 1
        ? [
            {
              code: 'te-veel-kpis',
              ernst: 'aandacht',
              melding: 'Te veel.',
              kpiIds: [],
              doelIds: [],
            },
          ]
        : [];
    const input = { kpis: [makeKpi(), makeKpi({ id: 'k2' })], doelen: [makeDoel()] };
    expect(codes(controleerKpiSet(input, [...KPI_SET_REGELS, teVeel]).bevindingen)).toEqual([
      'te-veel-kpis',
    ]);
    expect(controleerKpiSet(input, []).bevindingen).toEqual([]);
  });
});

describe('kpiNietMeetbaar', () => {
  const check = (overrides: Partial<KpiSetKpi>) =>
    kpiNietMeetbaar({ kpis: [makeKpi(overrides)], doelen: [] });

  it('accepts a KPI with definition, numerator/denominator, source and target', () =>
    expect(check({})).toEqual([]));

  it.each([
    [{ definitie: null }, 'een definitie'],
    [{ definitie: '   ' }, 'een definitie'],
    [{ bron: undefined }, 'een databron'],
    [{ heeftNorm: false }, 'een streefwaarde'],
    [{ teller: null }, 'een teller en noemer'],
    [{ noemer: '' }, 'een teller en noemer'],
  ])('flags %p as missing %p', (overrides, ontbreekt) => {
    const [bevinding] = check(overrides);
    expect(bevinding).toMatchObject({
      code: 'kpi-niet-meetbaar',
      ernst: 'waarschuwing',
      kpiIds: ['k1'],
    });
    expect(bevinding.melding).toContain(`er ontbreekt ${ontbreekt}`);
  });

  it('does not ask a count for a numerator and denominator', () =>
    expect(check({ eenheid: 'aantal', teller: null, noemer: null })).toEqual([]));

  it('names everything that is missing in one actionable Dutch sentence', () =>
    expect(
      check({ definitie: null, bron: null, heeftNorm: false, eenheid: 'aantal' })[0].melding,
    ).toBe(
      "KPI WMO-01 'Aandeel inwoners dat na afsluiting zelf verder kan' is niet meetbaar: er ontbreekt een definitie, een databron en een streefwaarde. Beschrijf precies wat er geteld wordt, noem de bron waar het cijfer vandaan komt (bijvoorbeeld het registratiesysteem of een cliëntonderzoek) en leg een streefwaarde met toleranties vast, of schrap de KPI als niemand erop stuurt.",
    ));

  it('gives one finding per unmeasurable KPI', () =>
    expect(
      kpiNietMeetbaar({
        kpis: [
          makeKpi({ id: 'a', bron: null }),
          makeKpi({ id: 'b' }),
          makeKpi({ id: 'c', heeftNorm: false }),
        ],
        doelen: [],
      }).map((b) => b.kpiIds),
    ).toEqual([['a'], ['c']]));
});

describe('doelZonderKpi', () => {
  it('flags a goal no KPI is linked to, with the message a contractmanager can act on', () => {
    const bevindingen = doelZonderKpi({
      kpis: [makeKpi()],
      doelen: [
        makeDoel(),
        makeDoel({
          id: 'd2',
          titel: 'Meer inwoners doen mee in de wijk',
          themas: ['participatie'],
        }),
      ],
    });
    expect(bevindingen).toEqual([
      {
        code: 'doel-zonder-kpi',
        ernst: 'waarschuwing',
        melding:
          "Doel 'Meer inwoners doen mee in de wijk' heeft geen KPI. Voeg een indicator toe die laat zien of dit doel dichterbij komt, of geef aan waarom dit doel niet gemeten wordt.",
        kpiIds: [],
        doelIds: ['d2'],
      },
    ]);
  });

  it('says why an unmeasured sociale-basis goal matters', () =>
    expect(
      doelZonderKpi({
        kpis: [],
        doelen: [makeDoel({ titel: 'Sterke sociale basis', themas: ['preventie-sociale-basis'] })],
      })[0].melding,
    ).toContain('verliest dit werk het in de verantwoording van wettelijke taken'));

  it('counts a goal as measured through a KPI on one of its descendants', () => {
    const doelen = [
      makeDoel({ id: 'amb', niveau: 'ambitie', parentId: null }),
      makeDoel({ id: 'doel', niveau: 'doel', parentId: 'amb' }),
      makeDoel({ id: 'res', niveau: 'resultaat', parentId: 'doel' }),
      makeDoel({ id: 'doel2', niveau: 'doel', parentId: 'amb' }),
    ];
    const bevindingen = doelZonderKpi({ kpis: [makeKpi({ doelIds: ['res'] })], doelen });
    expect(bevindingen.map((b) => b.doelIds[0])).toEqual(['doel2']);
  });

  it('does not loop on a cycle in the goal hierarchy', () => {
    const doelen = [
      makeDoel({ id: 'a', parentId: 'b' }),
      makeDoel({ id: 'b', parentId: 'a' }),
      makeDoel({ id: 'c' }),
    ];
    expect(
      doelZonderKpi({ kpis: [makeKpi({ doelIds: ['a'] })], doelen }).map((b) => b.doelIds[0]),
    ).toEqual(['c']);
  });
});

describe('kpiZonderDoel', () => {
  it('flags a KPI without goals', () =>
    expect(kpiZonderDoel({ kpis: [makeKpi({ doelIds: [] })], doelen: [makeDoel()] })).toEqual([
      expect.objectContaining({ code: 'kpi-zonder-doel', ernst: 'aandacht', kpiIds: ['k1'] }),
    ]));
  it('treats a link to a goal outside this opdracht as no link', () =>
    expect(
      kpiZonderDoel({ kpis: [makeKpi({ doelIds: ['elders'] })], doelen: [makeDoel()] }),
    ).toHaveLength(1));
  it('accepts a KPI with at least one known goal', () =>
    expect(
      kpiZonderDoel({ kpis: [makeKpi({ doelIds: ['elders', 'd1'] })], doelen: [makeDoel()] }),
    ).toEqual([]));
  it('tells what to do', () =>
    expect(kpiZonderDoel({ kpis: [makeKpi({ doelIds: [] })], doelen: [] })[0].melding).toContain(
      'Koppel de KPI aan het doel',
    ));
});

describe('alleenOutputSturing', () => {
  const output = (id: string, overrides: Partial<KpiSetKpi> = {}) =>
    makeKpi({ id, code: id, type: 'output', ...overrides });

  it('flags outputs without any outcome or prevention KPI, listing the outputs', () => {
    const [bevinding] = alleenOutputSturing({
      kpis: [output('o1'), output('o2'), makeKpi({ id: 'i1', type: 'input' })],
      doelen: [makeDoel()],
    });
    expect(bevinding).toMatchObject({ code: 'alleen-output-sturing', kpiIds: ['o1', 'o2'] });
    expect(bevinding.melding).toContain("2 KPI's tellen wat er gedaan is");
  });
  it('is satisfied by one outcome KPI', () =>
    expect(
      alleenOutputSturing({ kpis: [output('o1'), makeKpi({ id: 'u1' })], doelen: [] }),
    ).toEqual([]));
  it('is satisfied by a KPI tagged with prevention', () =>
    expect(
      alleenOutputSturing({
        kpis: [
          output('o1'),
          makeKpi({ id: 't1', type: 'throughput', themas: ['preventie-sociale-basis'] }),
        ],
        doelen: [],
      }),
    ).toEqual([]));
  it('is satisfied by a KPI on a prevention goal (an output KPI counts there too)', () =>
    expect(
      alleenOutputSturing({
        kpis: [output('o1', { doelIds: ['sb'] })],
        doelen: [makeDoel({ id: 'sb', themas: ['preventie-sociale-basis'] })],
      }),
    ).toEqual([]));
  it('says nothing when there are no outputs at all', () =>
    expect(alleenOutputSturing({ kpis: [makeKpi({ type: 'input' })], doelen: [] })).toEqual([]));
  it('uses the singular for one output KPI', () =>
    expect(alleenOutputSturing({ kpis: [output('o1')], doelen: [] })[0].melding).toContain(
      '1 KPI telt',
    ));
});
