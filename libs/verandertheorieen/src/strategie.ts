import {
  ELEMENT_SOORT_LABELS,
  ElementSoort,
  KpiBewijs,
  OutcomeSoort,
  STRATEGIE_LABELS,
  Strategie,
  TheorieElement,
  isOutcomeSoort,
} from './model';

/**
 * Ebrahim's contingency framework (Measuring social change, 2019; brief §3): how sure the
 * causal chain is and how much control the team has decide which results it can fairly be
 * held to account for. Each strategy implies a measurement; `controleerStrategie` compares a
 * KPI set with it and adds two findings to the KPI-set check of libs/verantwoording, in the
 * same shape as KpiSetBevinding (plus the theory elements concerned).
 */

/** The KPI types of libs/verantwoording (kpi-status.ts), repeated so this core stays standalone. */
export type StrategieKpiType = 'input' | 'throughput' | 'output' | 'outcome';

/**
 * What a KPI set can measure, judged from KPI type and the element a KPI evidences:
 * - output: a KPI of type output (what was done and can be counted);
 * - outcome-individueel / outcome-maatschappelijk: a KPI of type outcome on an outcome of that
 *   soort in the theory;
 * - tussentijdse-outcome: a KPI of type outcome on any outcome of the theory. Measured against
 *   the ambitie every outcome is an intermediate effect, which is what the ontplooiende
 *   strategy asks: show your influence, not the final societal change you cannot control.
 */
export const MEETNIVEAUS = [
  'output',
  'outcome-individueel',
  'outcome-maatschappelijk',
  'tussentijdse-outcome',
] as const;
export type Meetniveau = (typeof MEETNIVEAUS)[number];

export const MEETNIVEAU_LABELS: Readonly<Record<Meetniveau, string>> = {
  output: 'een output-KPI (wat er gedaan is, direct te tellen)',
  'outcome-individueel': 'een outcome-KPI op een individuele uitkomst',
  'outcome-maatschappelijk': 'een outcome-KPI op een maatschappelijke uitkomst',
  'tussentijdse-outcome': 'een outcome-KPI op een uitkomst die de invloed van het werk laat zien',
};

export interface StrategieMeting {
  strategie: Strategie;
  label: string;
  /** The strategy as a Dutch noun phrase: "de ${benaming}". */
  benaming: string;
  causaliteit: string;
  aanpak: string;
  /** What accountability under this strategy measures, in one Dutch sentence. */
  meet: string;
  voorbeeld: string;
  /** What the KPI set must contain for the measurement to fit the strategy. */
  vereist: readonly Meetniveau[];
  /** The explanation a contractmanager reads next to the choice. */
  uitleg: string;
}

export const STRATEGIE_METING: Readonly<Record<Strategie, StrategieMeting>> = {
  niche: {
    strategie: 'niche',
    label: STRATEGIE_LABELS.niche,
    benaming: 'nichestrategie',
    causaliteit: 'duidelijk',
    aanpak: 'gefocust',
    meet: 'Meet de direct tastbare en telbare resultaten (outputs).',
    voorbeeld: 'vaccinaties of aanrijtijden van de ambulance',
    vereist: ['output'],
    uitleg:
      'Bij een nichestrategie is het verband tussen activiteit en effect bekend en heeft het team de activiteiten in de hand. Verantwoorden op outputs volstaat: als de output er is, volgt het effect.',
  },
  geintegreerd: {
    strategie: 'geintegreerd',
    label: STRATEGIE_LABELS.geintegreerd,
    benaming: 'geïntegreerde strategie',
    causaliteit: 'lineair maar ingewikkeld',
    aanpak: 'een waaier aan activiteiten in een keten',
    meet: 'Meet de outputs én de individuele uitkomsten (en soms maatschappelijke uitkomsten).',
    voorbeeld: 'het onderwijssysteem',
    vereist: ['output', 'outcome-individueel'],
    uitleg:
      'Bij een geïntegreerde strategie hangen de stappen van de keten aan elkaar, maar er zijn er veel. Outputs laten zien of de keten draait; individuele uitkomsten laten zien of inwoners er beter van worden.',
  },
  ontplooiend: {
    strategie: 'ontplooiend',
    label: STRATEGIE_LABELS.ontplooiend,
    benaming: 'ontplooiende strategie',
    causaliteit: 'complex',
    aanpak: 'gefocust',
    meet: 'Meet de invloed van het werk: de tussentijdse uitkomsten op weg naar de ambitie.',
    voorbeeld: 'lobbywerk en agendering',
    vereist: ['tussentijdse-outcome'],
    uitleg:
      'Bij een ontplooiende strategie is de causaliteit complex en heeft het team het eindresultaat niet in de hand. Verantwoord dan de invloed die het werk heeft: de tussentijdse uitkomsten, niet alleen wat er gedaan is.',
  },
  ecosysteem: {
    strategie: 'ecosysteem',
    label: STRATEGIE_LABELS.ecosysteem,
    benaming: 'ecosysteemstrategie',
    causaliteit: 'complex',
    aanpak: 'een brede waaier aan activiteiten met veel partners',
    meet: 'Meet zowel de individuele als de maatschappelijke uitkomsten.',
    voorbeeld: 'de inzet tegen dakloosheid',
    vereist: ['outcome-individueel', 'outcome-maatschappelijk'],
    uitleg:
      'Bij een ecosysteemstrategie werken veel partners met veel activiteiten aan een complex vraagstuk. Tellen wat er gedaan is zegt dan weinig: verantwoord wat er verandert voor inwoners en wat er verandert in de wijk.',
  },
};

export interface StrategieKpi {
  id: string;
  code: string;
  naam: string;
  type: StrategieKpiType;
  /** The theory elements this KPI evidences. */
  elementIds: readonly string[];
}

/** A case story, with the theory elements it illustrates. */
export interface StrategieVerhaal {
  id: string;
  elementIds: readonly string[];
}

export interface StrategieCheckInput {
  strategie: Strategie;
  /** The theory's title, for the wording only. */
  titel?: string;
  elementen: readonly TheorieElement[];
  /**
   * The KPIs that count as evidence. For the KPI-set check: all KPIs of the set. For the
   * dossier of a quarter: only those with a realised figure in that quarter.
   */
  kpis: readonly StrategieKpi[];
  /** The case stories of the quarter. */
  verhalen: readonly StrategieVerhaal[];
}

export type StrategieBevindingCode = 'strategie-kpi-mismatch' | 'outcome-zonder-bewijs';

/** KpiSetBevinding of libs/verantwoording (same fields, same meaning) plus the elements. */
export interface StrategieBevinding {
  code: StrategieBevindingCode;
  /** 'waarschuwing': the set cannot do its job as it is; 'aandacht': worth a conversation. */
  ernst: 'waarschuwing' | 'aandacht';
  melding: string;
  kpiIds: string[];
  doelIds: string[];
  elementIds: string[];
}

function opsomming(delen: readonly string[], voegwoord = 'en'): string {
  return delen.length <= 1
    ? delen.join('')
    : `${delen.slice(0, -1).join(', ')} ${voegwoord} ${delen[delen.length - 1]}`;
}

function kpiLabel(kpi: StrategieKpi): string {
  return `KPI ${kpi.code} '${kpi.naam}'`;
}

function hoofdletter(tekst: string): string {
  return tekst.replace(/^./, (c) => c.toUpperCase());
}

const KPI_MEERVOUD: Readonly<Record<StrategieKpiType, [string, string]>> = {
  input: ['input-KPI', "input-KPI's"],
  throughput: ['throughput-KPI', "throughput-KPI's"],
  output: ['output-KPI', "output-KPI's"],
  outcome: ['outcome-KPI', "outcome-KPI's"],
};

/** Which measurement levels the KPIs reach, given the soort of the elements they evidence. */
export function gemetenNiveaus(
  elementen: readonly TheorieElement[],
  kpis: readonly StrategieKpi[],
): Set<Meetniveau> {
  const soort = new Map(elementen.map((e) => [e.id, e.soort]));
  const niveaus = new Set<Meetniveau>();
  for (const kpi of kpis) {
    if (kpi.type === 'output') niveaus.add('output');
    if (kpi.type !== 'outcome') continue;
    for (const id of kpi.elementIds) {
      const s = soort.get(id);
      if (!s || !isOutcomeSoort(s)) continue;
      niveaus.add(s);
      niveaus.add('tussentijdse-outcome');
    }
  }
  return niveaus;
}

function samenstelling(kpis: readonly StrategieKpi[]): string {
  if (!kpis.length) return 'Nu bevat de KPI-set geen enkele KPI.';
  const delen = (['input', 'throughput', 'output', 'outcome'] as const)
    .map((type) => {
      const van = kpis.filter((k) => k.type === type);
      if (!van.length) return null;
      const [enkel, meer] = KPI_MEERVOUD[type];
      return `${van.length} ${van.length === 1 ? enkel : meer} (${van.map((k) => k.code).join(', ')})`;
    })
    .filter((deel): deel is string => deel !== null);
  const alleenEenType = new Set(kpis.map((k) => k.type)).size === 1;
  return alleenEenType
    ? `Nu bevat de KPI-set alleen ${delen[0]}.`
    : `Nu bevat de KPI-set ${opsomming(delen)}.`;
}

function elementNamen(elementen: readonly TheorieElement[], voegwoord = 'en'): string {
  return opsomming(
    elementen.map((e) => `'${e.titel}'`),
    voegwoord,
  );
}

/** A concrete step per missing level, naming the elements a KPI could be linked to. */
function actie(niveau: Meetniveau, elementen: readonly TheorieElement[]): string {
  const vanSoort = (soort: ElementSoort) => elementen.filter((e) => e.soort === soort);
  if (niveau === 'output') {
    const activiteiten = vanSoort('activiteit');
    return activiteiten.length
      ? `voeg een output-KPI toe die telt wat ${activiteiten.length === 1 ? 'de activiteit' : 'de activiteiten'} ${elementNamen(activiteiten)} ${activiteiten.length === 1 ? 'oplevert' : 'opleveren'}`
      : 'beschrijf eerst de activiteiten van de verandertheorie en voeg een output-KPI toe die telt wat zij opleveren';
  }
  const soorten: readonly OutcomeSoort[] =
    niveau === 'tussentijdse-outcome'
      ? ['outcome-individueel', 'outcome-maatschappelijk']
      : [niveau];
  const kandidaten = elementen.filter((e) =>
    (soorten as readonly ElementSoort[]).includes(e.soort),
  );
  if (!kandidaten.length)
    return niveau === 'outcome-maatschappelijk'
      ? 'beschrijf eerst welke maatschappelijke uitkomst (wat verandert er in de wijk?) de verandertheorie nastreeft en koppel daar een outcome-KPI aan'
      : 'beschrijf eerst welke uitkomst (wat verandert er, voor wie?) de verandertheorie nastreeft en koppel daar een outcome-KPI aan';
  return `koppel een outcome-KPI aan ${kandidaten.length === 1 ? 'de uitkomst' : 'een van de uitkomsten'} ${elementNamen(kandidaten, 'of')}`;
}

function strategieKpiMismatch(input: StrategieCheckInput): StrategieBevinding[] {
  const meting = STRATEGIE_METING[input.strategie];
  const gemeten = gemetenNiveaus(input.elementen, input.kpis);
  const ontbreekt = meting.vereist.filter((niveau) => !gemeten.has(niveau));
  if (!ontbreekt.length) return [];

  const outcomeIds = new Set(
    input.elementen.filter((e) => isOutcomeSoort(e.soort)).map((e) => e.id),
  );
  const losseOutcomeKpis = input.kpis.filter(
    (k) => k.type === 'outcome' && !k.elementIds.some((id) => outcomeIds.has(id)),
  );
  const onderwerp = input.titel ? `De verandertheorie '${input.titel}'` : 'Deze verandertheorie';
  const losseTekst = losseOutcomeKpis.length
    ? ` ${opsomming(losseOutcomeKpis.map(kpiLabel))} ${losseOutcomeKpis.length === 1 ? 'is' : 'zijn'} van type outcome maar aan geen uitkomst van de verandertheorie gekoppeld: koppel ${losseOutcomeKpis.length === 1 ? 'hem' : 'ze'} aan de uitkomst die ${losseOutcomeKpis.length === 1 ? 'hij laat' : 'ze laten'} zien.`
    : '';
  const acties = ontbreekt.map((niveau) => actie(niveau, input.elementen));
  const kandidaatIds = input.elementen
    .filter((e) =>
      ontbreekt.some((niveau) =>
        niveau === 'output'
          ? e.soort === 'activiteit'
          : niveau === 'tussentijdse-outcome'
            ? isOutcomeSoort(e.soort)
            : e.soort === niveau,
      ),
    )
    .map((e) => e.id);

  return [
    {
      code: 'strategie-kpi-mismatch',
      ernst: 'waarschuwing',
      melding:
        `${onderwerp} volgt de ${meting.benaming} (causaliteit ${meting.causaliteit}, ${meting.aanpak}). ${meting.meet} ` +
        `${samenstelling(input.kpis)} Er ontbreekt ${opsomming(ontbreekt.map((n) => MEETNIVEAU_LABELS[n]))}.${losseTekst} ` +
        `${hoofdletter(opsomming(acties))}, of kies een strategie die past bij hoe de uitkomsten tot stand komen.`,
      // The whole set: it is the mix that does not fit, not one KPI. The elements are where
      // a missing KPI could be linked.
      kpiIds: input.kpis.map((k) => k.id),
      doelIds: [],
      elementIds: kandidaatIds,
    },
  ];
}

function outcomeZonderBewijs(input: StrategieCheckInput): StrategieBevinding[] {
  const metKpi = new Set(input.kpis.flatMap((k) => k.elementIds));
  const metVerhaal = new Set(input.verhalen.flatMap((v) => v.elementIds));
  return input.elementen
    .filter((e) => isOutcomeSoort(e.soort) && !metKpi.has(e.id) && !metVerhaal.has(e.id))
    .map((e) => ({
      code: 'outcome-zonder-bewijs',
      ernst: 'waarschuwing',
      melding: `${hoofdletter(ELEMENT_SOORT_LABELS[e.soort])} '${e.titel}' heeft geen KPI en dit kwartaal geen casusverhaal, dus niemand kan zien of deze uitkomst dichterbij komt. Koppel een KPI aan deze uitkomst, of laat met een casusverhaal zien wat er ${e.soort === 'outcome-maatschappelijk' ? 'in de wijk' : 'voor inwoners'} veranderd is.`,
      kpiIds: [],
      doelIds: [],
      elementIds: [e.id],
    }));
}

/** The strategy findings: first a KPI-mix mismatch (at most one), then each unevidenced outcome. */
export function controleerStrategie(input: StrategieCheckInput): StrategieBevinding[] {
  return [...strategieKpiMismatch(input), ...outcomeZonderBewijs(input)];
}

export interface StrategieRegelContext {
  strategie: Strategie;
  titel?: string;
  elementen: readonly TheorieElement[];
  kpiBewijzen: readonly KpiBewijs[];
  verhalen: readonly StrategieVerhaal[];
}

/** The part of a KPI-set check input this rule reads (a KpiSetInput fits it). */
export interface StrategieRegelInput {
  kpis: readonly { id: string; code: string; naam: string; type: StrategieKpiType }[];
}

/**
 * The strategy check as one more rule for controleerKpiSet in libs/verantwoording: the
 * KPI set there knows no theory elements, so the rule takes them, with the evidence links,
 * from the theory of the same opdracht:
 * `controleerKpiSet(input, [...KPI_SET_REGELS, strategieKpiSetRegel(context)])`.
 */
export function strategieKpiSetRegel(
  context: StrategieRegelContext,
): (input: StrategieRegelInput) => StrategieBevinding[] {
  return ({ kpis }) => {
    const perKpi = new Map<string, string[]>();
    for (const b of context.kpiBewijzen)
      perKpi.set(b.kpiId, [...(perKpi.get(b.kpiId) ?? []), b.elementId]);
    return controleerStrategie({
      strategie: context.strategie,
      titel: context.titel,
      elementen: context.elementen,
      verhalen: context.verhalen,
      kpis: kpis.map((k) => ({
        id: k.id,
        code: k.code,
        naam: k.naam,
        type: k.type,
        elementIds: perKpi.get(k.id) ?? [],
      })),
    });
  };
}
