import { controleerKpiSet } from '../kpi-set-check';
import {
  heeftNormRond,
  KpiSetBronDoel,
  KpiSetBronKpi,
  naarKpiSetInput,
  normPeriodes,
} from './kpi-set-invoer';

describe('normPeriodes', () => {
  it('is the current and the next quarter', () => {
    expect(normPeriodes('2026-08-15')).toEqual(['2026-Q3', '2026-Q4']);
    expect(normPeriodes('2026-12-31')).toEqual(['2026-Q4', '2027-Q1']);
    expect(normPeriodes('2027-01-01')).toEqual(['2027-Q1', '2027-Q2']);
  });
});

describe('heeftNormRond', () => {
  const peildatum = '2026-08-15';

  it('counts a norm for the current quarter', () => {
    expect(heeftNormRond([{ periode: '2026-Q3' }], peildatum)).toBe(true);
  });

  it('counts a norm for the next quarter', () => {
    expect(heeftNormRond([{ periode: '2026-Q4' }], peildatum)).toBe(true);
  });

  it('counts a norm for the current year', () => {
    expect(heeftNormRond([{ periode: '2026' }], peildatum)).toBe(true);
  });

  it('counts the next year only when the next quarter falls in it', () => {
    expect(heeftNormRond([{ periode: '2027' }], peildatum)).toBe(false);
    expect(heeftNormRond([{ periode: '2027' }], '2026-11-01')).toBe(true);
  });

  it('does not count old or far-away norms', () => {
    expect(
      heeftNormRond(
        [{ periode: '2025' }, { periode: '2026-Q2' }, { periode: '2027-Q1' }],
        peildatum,
      ),
    ).toBe(false);
    expect(heeftNormRond([], peildatum)).toBe(false);
  });
});

describe('naarKpiSetInput', () => {
  const doelen: KpiSetBronDoel[] = [
    { id: 'a', titel: 'Inwoners redden zich zelf', niveau: 'ambitie', themas: [], parentId: null },
    {
      id: 'd1',
      titel: 'Een sterke sociale basis in elke wijk',
      niveau: 'doel',
      themas: ['preventie-sociale-basis'],
      parentId: 'a',
    },
    {
      id: 'd2',
      titel: 'Minder doorverwijzingen naar maatwerkvoorzieningen',
      niveau: 'doel',
      themas: ['participatie'],
      parentId: 'a',
    },
  ];
  const meetbaar: KpiSetBronKpi = {
    id: 'k1',
    code: 'NRD-01',
    doelIds: ['d1'],
    definitie: {
      naam: 'Aantal inwoners bereikt via de sociale basis',
      type: 'output',
      eenheid: 'aantal',
      definitie: 'Unieke inwoners die een activiteit van de sociale basis bezochten.',
      teller: null,
      noemer: null,
      bron: 'eigen-registratie',
    },
    normen: [{ periode: '2026' }],
  };
  const zonderBron: KpiSetBronKpi = {
    ...meetbaar,
    id: 'k2',
    code: 'NRD-02',
    definitie: { ...meetbaar.definitie, naam: 'Tevredenheid netwerkpartners', bron: null },
    normen: [],
  };

  it('maps the definition in force and whether a norm is at hand', () => {
    const input = naarKpiSetInput([meetbaar, zonderBron], doelen, '2026-08-15');
    expect(input.kpis[0]).toEqual({
      id: 'k1',
      code: 'NRD-01',
      naam: 'Aantal inwoners bereikt via de sociale basis',
      type: 'output',
      eenheid: 'aantal',
      definitie: 'Unieke inwoners die een activiteit van de sociale basis bezochten.',
      teller: null,
      noemer: null,
      bron: 'eigen-registratie',
      heeftNorm: true,
      doelIds: ['d1'],
    });
    expect(input.kpis[1].heeftNorm).toBe(false);
    expect(input.doelen.map((d) => d.parentId)).toEqual([null, 'a', 'a']);
  });

  it('lets the check find the goal without KPI and the unmeasurable KPI', () => {
    const uitkomst = controleerKpiSet(
      naarKpiSetInput([meetbaar, zonderBron], doelen, '2026-08-15'),
    );
    const codes = uitkomst.bevindingen.map((b) => [b.code, ...b.kpiIds, ...b.doelIds]);
    expect(codes).toContainEqual(['kpi-niet-meetbaar', 'k2']);
    expect(codes).toContainEqual(['doel-zonder-kpi', 'd2']);
    // The ambitie is measured through its doel d1.
    expect(codes).not.toContainEqual(['doel-zonder-kpi', 'a']);
  });
});
