// The KPI-set check of libs/verantwoording, read directly because that library has no index.ts
// yet: the point of these tests is that the strategy rule plugs into it unchanged.
import {
  KPI_SET_REGELS,
  KpiSetBevinding,
  KpiSetInput,
  controleerKpiSet,
} from '../../verantwoording/src/kpi-set-check';
import { KpiType } from '../../verantwoording/src/kpi-status';
import { STRATEGIEEN, Strategie, TheorieElement } from './model';
import {
  MEETNIVEAU_LABELS,
  STRATEGIE_METING,
  StrategieBevinding,
  StrategieCheckInput,
  StrategieKpi,
  StrategieKpiType,
  controleerStrategie,
  gemetenNiveaus,
  strategieKpiSetRegel,
} from './strategie';
import {
  VT,
  voorbeeldKpiBewijzen,
  voorbeeldKpis,
  voorbeeldMismatchKpis,
  voorbeeldTheorie,
  voorbeeldVerhalen,
} from './testing/fixture';

// Compile-time: the KPI types here are exactly those of libs/verantwoording, and a finding
// here is a KpiSetBevinding there.
type Gelijk<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const zelfdeKpiTypes: Gelijk<StrategieKpiType, KpiType> = true;
const isKpiSetBevinding: (b: StrategieBevinding) => KpiSetBevinding = (b) => b;

function kpi(overrides: Partial<StrategieKpi> & Pick<StrategieKpi, 'id' | 'type'>): StrategieKpi {
  return {
    code: overrides.id.toUpperCase(),
    naam: `Indicator ${overrides.id}`,
    elementIds: [],
    ...overrides,
  };
}

function input(
  strategie: Strategie,
  kpis: StrategieKpi[],
  overrides: Partial<StrategieCheckInput> = {},
): StrategieCheckInput {
  return {
    strategie,
    titel: 'Wijkteam Noord: eerder en dichtbij',
    elementen: voorbeeldTheorie().elementen,
    kpis,
    verhalen: voorbeeldVerhalen(),
    ...overrides,
  };
}

function mismatch(bevindingen: StrategieBevinding[]): StrategieBevinding | undefined {
  return bevindingen.find((b) => b.code === 'strategie-kpi-mismatch');
}

const output = (elementId: string = VT.inloop) =>
  kpi({ id: `out-${elementId}`, type: 'output', elementIds: [elementId] });
const outcome = (elementId: string) =>
  kpi({ id: `oc-${elementId}`, type: 'outcome', elementIds: [elementId] });

describe('STRATEGIE_METING', () => {
  it('describes each strategy in Dutch with what it measures', () => {
    expect(zelfdeKpiTypes).toBe(true);
    expect(isKpiSetBevinding).toBeInstanceOf(Function);
    for (const strategie of STRATEGIEEN) {
      const meting = STRATEGIE_METING[strategie];
      expect(meting.strategie).toBe(strategie);
      expect(meting.meet).toMatch(/^Meet /);
      expect(meting.uitleg.length).toBeGreaterThan(60);
      expect(meting.vereist.length).toBeGreaterThan(0);
    }
    expect(STRATEGIE_METING.geintegreerd.label).toBe('geïntegreerd');
  });

  it('asks what Ebrahim asks of each strategy', () => {
    expect(STRATEGIE_METING.niche.vereist).toEqual(['output']);
    expect(STRATEGIE_METING.geintegreerd.vereist).toEqual(['output', 'outcome-individueel']);
    expect(STRATEGIE_METING.ontplooiend.vereist).toEqual(['tussentijdse-outcome']);
    expect(STRATEGIE_METING.ecosysteem.vereist).toEqual([
      'outcome-individueel',
      'outcome-maatschappelijk',
    ]);
  });
});

describe('gemetenNiveaus', () => {
  it('counts outputs by type and outcomes by the soort of the element they evidence', () => {
    const elementen = voorbeeldTheorie().elementen;
    expect([...gemetenNiveaus(elementen, [output()])]).toEqual(['output']);
    expect([...gemetenNiveaus(elementen, [outcome(VT.zelfVerder)])].sort()).toEqual([
      'outcome-individueel',
      'tussentijdse-outcome',
    ]);
    expect([...gemetenNiveaus(elementen, [outcome(VT.socialeBasis)])].sort()).toEqual([
      'outcome-maatschappelijk',
      'tussentijdse-outcome',
    ]);
  });

  it('does not count an outcome KPI on an activity or on nothing, nor a throughput on an outcome', () => {
    const elementen = voorbeeldTheorie().elementen;
    expect(gemetenNiveaus(elementen, [outcome(VT.inloop)]).size).toBe(0);
    expect(gemetenNiveaus(elementen, [kpi({ id: 'los', type: 'outcome' })]).size).toBe(0);
    expect(
      gemetenNiveaus(elementen, [kpi({ id: 't', type: 'throughput', elementIds: [VT.zelfVerder] })])
        .size,
    ).toBe(0);
  });
});

describe('controleerStrategie: strategie-kpi-mismatch', () => {
  it('finds nothing for the scenario: ecosysteem with individual and societal outcome KPIs and a story', () => {
    expect(controleerStrategie(input('ecosysteem', voorbeeldKpis()))).toEqual([]);
  });

  it('reports the deliberately mismatched set: ecosysteem measured only with outputs', () => {
    const bevindingen = controleerStrategie(input('ecosysteem', voorbeeldMismatchKpis()));
    const b = mismatch(bevindingen)!;
    expect(b).toMatchObject({
      code: 'strategie-kpi-mismatch',
      ernst: 'waarschuwing',
      kpiIds: ['kpi-wt-01', 'kpi-wt-03'],
      doelIds: [],
      elementIds: [VT.eerderHulp, VT.zelfVerder, VT.socialeBasis, VT.minderMaatwerk],
    });
    expect(b.melding).toBe(
      "De verandertheorie 'Wijkteam Noord: eerder en dichtbij' volgt de ecosysteemstrategie (causaliteit complex, een brede waaier aan activiteiten met veel partners). Meet zowel de individuele als de maatschappelijke uitkomsten. " +
        "Nu bevat de KPI-set alleen 2 output-KPI's (WT-01, WT-03). Er ontbreekt een outcome-KPI op een individuele uitkomst en een outcome-KPI op een maatschappelijke uitkomst. " +
        "Koppel een outcome-KPI aan een van de uitkomsten 'Inwoners vragen eerder en dichter bij huis om hulp' of 'Huishoudens kunnen na afsluiting zelf verder' en koppel een outcome-KPI aan een van de uitkomsten 'Bewoners kijken naar elkaar om: een sterke sociale basis' of 'Minder doorverwijzingen naar maatwerkvoorzieningen', of kies een strategie die past bij hoe de uitkomsten tot stand komen.",
    );
  });

  it('reports an ecosysteem set that measures only individual outcomes, naming only the societal gap', () => {
    const b = mismatch(
      controleerStrategie(input('ecosysteem', [output(), outcome(VT.zelfVerder)])),
    )!;
    expect(b.melding).toContain(`Er ontbreekt ${MEETNIVEAU_LABELS['outcome-maatschappelijk']}.`);
    expect(b.melding).not.toContain('individuele uitkomst.');
    expect(b.elementIds).toEqual([VT.socialeBasis, VT.minderMaatwerk]);
  });

  it('reports a niche strategy without any output KPI and names the activities to count', () => {
    const b = mismatch(controleerStrategie(input('niche', [outcome(VT.zelfVerder)])))!;
    expect(b.melding).toContain('volgt de nichestrategie (causaliteit duidelijk, gefocust)');
    expect(b.melding).toContain('Nu bevat de KPI-set alleen 1 outcome-KPI (OC-EL-ZELF-VERDER).');
    expect(b.melding).toContain(
      "Voeg een output-KPI toe die telt wat de activiteiten 'Wekelijks inloopspreekuur in het buurthuis', 'Eén huishouden, één plan, één regisseur' en 'Buurtinitiatieven en vrijwilligers ondersteunen' opleveren",
    );
    expect(b.elementIds).toEqual([VT.inloop, VT.eenPlan, VT.buurt]);
  });

  it('accepts a niche strategy with an output KPI, also when it measures outcomes besides', () => {
    expect(mismatch(controleerStrategie(input('niche', [output()])))).toBeUndefined();
    expect(
      mismatch(controleerStrategie(input('niche', [output(), outcome(VT.zelfVerder)]))),
    ).toBeUndefined();
  });

  it.each<[Strategie, StrategieKpi[], boolean]>([
    ['geintegreerd', [output(), outcome(VT.zelfVerder)], false],
    ['geintegreerd', [output(), outcome(VT.minderMaatwerk)], true],
    ['geintegreerd', [outcome(VT.zelfVerder)], true],
    ['ontplooiend', [output(), output(VT.eenPlan)], true],
    ['ontplooiend', [outcome(VT.socialeBasis)], false],
    ['ontplooiend', [outcome(VT.eerderHulp)], false],
    ['ecosysteem', [outcome(VT.eerderHulp), outcome(VT.minderMaatwerk)], false],
    ['ecosysteem', [outcome(VT.minderMaatwerk)], true],
    ['niche', [kpi({ id: 'in', type: 'input' }), kpi({ id: 'th', type: 'throughput' })], true],
  ])('%s with %j: mismatch %s', (strategie, kpis, verwacht) => {
    expect(mismatch(controleerStrategie(input(strategie, kpis))) !== undefined).toBe(verwacht);
  });

  it('lists the mix when it has several types, and says when the set is empty', () => {
    const gemengd = mismatch(
      controleerStrategie(
        input('ecosysteem', [
          kpi({ id: 'i1', type: 'input' }),
          output(),
          output(VT.eenPlan),
          kpi({ id: 't1', type: 'throughput' }),
        ]),
      ),
    )!;
    expect(gemengd.melding).toContain(
      "Nu bevat de KPI-set 1 input-KPI (I1), 1 throughput-KPI (T1) en 2 output-KPI's (OUT-EL-INLOOPSPREEKUUR, OUT-EL-EEN-PLAN).",
    );
    const leeg = mismatch(controleerStrategie(input('ontplooiend', [])))!;
    expect(leeg.melding).toContain('Nu bevat de KPI-set geen enkele KPI.');
    expect(leeg.kpiIds).toEqual([]);
  });

  it('points at outcome KPIs that evidence no outcome of the theory', () => {
    const los = kpi({
      id: 'wt-09',
      code: 'WT-09',
      naam: 'Tevredenheid',
      type: 'outcome',
      elementIds: [VT.inloop],
    });
    const b = mismatch(controleerStrategie(input('ecosysteem', [output(), los])))!;
    expect(b.melding).toContain(
      "KPI WT-09 'Tevredenheid' is van type outcome maar aan geen uitkomst van de verandertheorie gekoppeld: koppel hem aan de uitkomst die hij laat zien.",
    );
  });

  it('asks to describe the outcome first when the theory has none of the soort needed', () => {
    const zonderMaatschappelijk = voorbeeldTheorie().elementen.filter(
      (e) => e.soort !== 'outcome-maatschappelijk',
    );
    const b = mismatch(
      controleerStrategie(
        input('ecosysteem', [outcome(VT.zelfVerder)], { elementen: zonderMaatschappelijk }),
      ),
    )!;
    expect(b.melding).toContain(
      'Beschrijf eerst welke maatschappelijke uitkomst (wat verandert er in de wijk?) de verandertheorie nastreeft',
    );
    expect(b.elementIds).toEqual([]);
  });

  it('speaks of "deze verandertheorie" without a title', () => {
    const b = mismatch(controleerStrategie(input('niche', [], { titel: undefined })))!;
    expect(b.melding).toMatch(/^Deze verandertheorie volgt de nichestrategie/);
  });
});

describe('controleerStrategie: outcome-zonder-bewijs', () => {
  it('reports each outcome without a KPI and without a story of the quarter, in element order', () => {
    const bevindingen = controleerStrategie(input('niche', [output()], { verhalen: [] }));
    const zonder = bevindingen.filter((b) => b.code === 'outcome-zonder-bewijs');
    expect(zonder.map((b) => b.elementIds)).toEqual([
      [VT.eerderHulp],
      [VT.zelfVerder],
      [VT.socialeBasis],
      [VT.minderMaatwerk],
    ]);
    expect(
      zonder.every((b) => b.ernst === 'waarschuwing' && !b.kpiIds.length && !b.doelIds.length),
    ).toBe(true);
    expect(zonder[0].melding).toBe(
      "Individuele uitkomst 'Inwoners vragen eerder en dichter bij huis om hulp' heeft geen KPI en dit kwartaal geen casusverhaal, dus niemand kan zien of deze uitkomst dichterbij komt. Koppel een KPI aan deze uitkomst, of laat met een casusverhaal zien wat er voor inwoners veranderd is.",
    );
    expect(zonder[2].melding).toMatch(/^Maatschappelijke uitkomst 'Bewoners kijken naar elkaar om/);
    expect(zonder[2].melding).toContain('wat er in de wijk veranderd is');
  });

  it('counts a story or a KPI of any type as evidence, and never reports an activity', () => {
    const bevindingen = controleerStrategie(
      input(
        'niche',
        [output(), kpi({ id: 'th', type: 'throughput', elementIds: [VT.zelfVerder] })],
        {
          verhalen: [{ id: 's', elementIds: [VT.minderMaatwerk] }],
        },
      ),
    );
    expect(
      bevindingen.filter((b) => b.code === 'outcome-zonder-bewijs').map((b) => b.elementIds[0]),
    ).toEqual([VT.eerderHulp, VT.socialeBasis]);
  });

  it('reports the scenario outcomes without KPI when the quarter has no story', () => {
    const bevindingen = controleerStrategie(input('ecosysteem', voorbeeldKpis(), { verhalen: [] }));
    expect(bevindingen.map((b) => [b.code, b.elementIds])).toEqual([
      ['outcome-zonder-bewijs', [VT.socialeBasis]],
    ]);
  });

  it('comes after the mismatch finding', () => {
    const bevindingen = controleerStrategie(input('ecosysteem', voorbeeldMismatchKpis()));
    expect(bevindingen.map((b) => [b.code, b.elementIds])).toEqual([
      [
        'strategie-kpi-mismatch',
        [VT.eerderHulp, VT.zelfVerder, VT.socialeBasis, VT.minderMaatwerk],
      ],
      ['outcome-zonder-bewijs', [VT.zelfVerder]],
      ['outcome-zonder-bewijs', [VT.minderMaatwerk]],
    ]);
  });
});

describe('strategieKpiSetRegel', () => {
  const elementen: TheorieElement[] = voorbeeldTheorie().elementen.slice();

  function kpiSet(kpis = voorbeeldKpis()): KpiSetInput {
    return {
      kpis: kpis.map((k) => ({ ...k, heeftNorm: true, doelIds: ['doel-zelfredzaamheid'] })),
      doelen: [
        {
          id: 'doel-zelfredzaamheid',
          titel: 'Inwoners redden zich zelf',
          niveau: 'ambitie',
          themas: [],
        },
      ],
    };
  }

  it('adds the strategy findings to the KPI-set check of libs/verantwoording', () => {
    const regel = strategieKpiSetRegel({
      strategie: 'ecosysteem',
      titel: 'Wijkteam Noord',
      elementen,
      kpiBewijzen: voorbeeldKpiBewijzen(),
      verhalen: voorbeeldVerhalen(),
    });
    const goed = controleerKpiSet(kpiSet(), [...KPI_SET_REGELS, regel]);
    expect(goed.bevindingen).toEqual([]);

    const fout = controleerKpiSet(kpiSet(voorbeeldMismatchKpis()), [...KPI_SET_REGELS, regel]);
    expect(fout.bevindingen.map((b) => b.code)).toEqual([
      'alleen-output-sturing',
      'strategie-kpi-mismatch',
      'outcome-zonder-bewijs',
      'outcome-zonder-bewijs',
    ]);
  });

  it('takes the elements a KPI evidences from the evidence links, not from the KPI', () => {
    const regel = strategieKpiSetRegel({
      strategie: 'ecosysteem',
      elementen,
      kpiBewijzen: [],
      verhalen: voorbeeldVerhalen(),
    });
    const bevindingen = regel(kpiSet());
    // Without links no outcome KPI evidences an outcome of the theory.
    expect(mismatch(bevindingen)?.melding).toContain(
      'aan geen uitkomst van de verandertheorie gekoppeld',
    );
  });
});
