import { KPI_TYPES, KpiEenheid, KpiType } from './kpi-status';

/**
 * The KPI-set check (brief §3): what a contractmanager should fix in the KPIs of one
 * opdracht. Each rule is a function of the whole set returning its own findings, so a new
 * rule (the Ebrahim-strategy mix of a later issue) is one more entry in KPI_SET_REGELS and
 * touches none of the others.
 */

/** The doel theme that marks prevention and the sociale basis (DoelThema in opdrachten). */
export const THEMA_PREVENTIE = 'preventie-sociale-basis';

export interface KpiSetKpi {
  id: string;
  code: string;
  naam: string;
  type: KpiType;
  eenheid?: KpiEenheid;
  definitie?: string | null;
  teller?: string | null;
  noemer?: string | null;
  bron?: string | null;
  /** Whether a target exists for the current (or next) period. */
  heeftNorm: boolean;
  doelIds: readonly string[];
  themas?: readonly string[];
}

export interface KpiSetDoel {
  id: string;
  titel: string;
  niveau: string;
  themas: readonly string[];
  /** When given, a goal counts as measured when one of its sub-goals has a KPI. */
  parentId?: string | null;
}

export interface KpiSetInput {
  kpis: readonly KpiSetKpi[];
  doelen: readonly KpiSetDoel[];
}

export type KpiSetBevindingCode =
  'kpi-niet-meetbaar' | 'doel-zonder-kpi' | 'kpi-zonder-doel' | 'alleen-output-sturing';

export interface KpiSetBevinding {
  code: KpiSetBevindingCode | (string & {});
  /** 'waarschuwing': the set cannot do its job as it is; 'aandacht': worth a conversation. */
  ernst: 'waarschuwing' | 'aandacht';
  melding: string;
  kpiIds: string[];
  doelIds: string[];
}

export type KpiSetRegel = (input: KpiSetInput) => KpiSetBevinding[];

export interface KpiSetCheckUitkomst {
  aantalKpis: number;
  aantalPerType: Record<KpiType, number>;
  bevindingen: KpiSetBevinding[];
}

function ingevuld(tekst: string | null | undefined): boolean {
  return typeof tekst === 'string' && tekst.trim() !== '';
}

function kpiLabel(kpi: KpiSetKpi): string {
  return `KPI ${kpi.code} '${kpi.naam}'`;
}

function opsomming(delen: string[]): string {
  return delen.length <= 1
    ? delen.join('')
    : `${delen.slice(0, -1).join(', ')} en ${delen[delen.length - 1]}`;
}

/** Without a definition, a source or a target a KPI cannot be measured the same way twice. */
export const kpiNietMeetbaar: KpiSetRegel = ({ kpis }) =>
  kpis.flatMap((kpi) => {
    const ontbreekt: string[] = [];
    const acties: string[] = [];
    if (!ingevuld(kpi.definitie)) {
      ontbreekt.push('een definitie');
      acties.push('beschrijf precies wat er geteld wordt');
    }
    if (kpi.eenheid === 'percentage' && (!ingevuld(kpi.teller) || !ingevuld(kpi.noemer))) {
      ontbreekt.push('een teller en noemer');
      acties.push('leg vast wat de teller en wat de noemer van het percentage is');
    }
    if (!ingevuld(kpi.bron)) {
      ontbreekt.push('een databron');
      acties.push(
        'noem de bron waar het cijfer vandaan komt (bijvoorbeeld het registratiesysteem of een cliëntonderzoek)',
      );
    }
    if (!kpi.heeftNorm) {
      ontbreekt.push('een streefwaarde');
      acties.push('leg een streefwaarde met toleranties vast');
    }
    if (!ontbreekt.length) return [];
    return [
      {
        code: 'kpi-niet-meetbaar',
        ernst: 'waarschuwing',
        melding: `${kpiLabel(kpi)} is niet meetbaar: er ontbreekt ${opsomming(ontbreekt)}. ${opsomming(acties).replace(/^./, (c) => c.toUpperCase())}, of schrap de KPI als niemand erop stuurt.`,
        kpiIds: [kpi.id],
        doelIds: [],
      },
    ];
  });

/**
 * A goal is measured when a KPI is linked to it or, when the hierarchy is known, to one of
 * its descendants (an ambitie is measured through its doelen and resultaten).
 */
export const doelZonderKpi: KpiSetRegel = ({ kpis, doelen }) => {
  const ouder = new Map(doelen.map((doel) => [doel.id, doel.parentId ?? null]));
  const gemeten = new Set<string>();
  for (const id of kpis.flatMap((kpi) => kpi.doelIds)) {
    // Walk up to the ambitie; stop at a goal already marked (also ends a cycle in bad data).
    for (
      let huidig: string | null = id;
      huidig !== null && !gemeten.has(huidig);
      huidig = ouder.get(huidig) ?? null
    ) {
      gemeten.add(huidig);
    }
  }
  return doelen
    .filter((doel) => !gemeten.has(doel.id))
    .map((doel) => ({
      code: 'doel-zonder-kpi',
      ernst: 'waarschuwing',
      melding: doel.themas.includes(THEMA_PREVENTIE)
        ? `Doel '${doel.titel}' (preventie en sociale basis) heeft geen KPI. Zonder indicator verliest dit werk het in de verantwoording van wettelijke taken. Voeg een indicator toe die laat zien of dit doel dichterbij komt, of geef aan waarom dit doel niet gemeten wordt.`
        : `Doel '${doel.titel}' heeft geen KPI. Voeg een indicator toe die laat zien of dit doel dichterbij komt, of geef aan waarom dit doel niet gemeten wordt.`,
      kpiIds: [],
      doelIds: [doel.id],
    }));
};

/** A KPI that evidences no goal of this opdracht is counted for its own sake. */
export const kpiZonderDoel: KpiSetRegel = ({ kpis, doelen }) => {
  const bekend = new Set(doelen.map((doel) => doel.id));
  return kpis
    .filter((kpi) => !kpi.doelIds.some((id) => bekend.has(id)))
    .map((kpi) => ({
      code: 'kpi-zonder-doel',
      ernst: 'aandacht',
      melding: `${kpiLabel(kpi)} is aan geen enkel doel van deze opdracht gekoppeld. Koppel de KPI aan het doel waarvan hij laat zien of het dichterbij komt, of schrap hem: een KPI zonder doel wordt een afvinklijstje.`,
      kpiIds: [kpi.id],
      doelIds: [],
    }));
};

function isPreventieKpi(kpi: KpiSetKpi, doelThemas: Map<string, readonly string[]>): boolean {
  return (
    (kpi.themas ?? []).includes(THEMA_PREVENTIE) ||
    kpi.doelIds.some((id) => (doelThemas.get(id) ?? []).includes(THEMA_PREVENTIE))
  );
}

/**
 * Output KPIs count what was done, not whether anyone is better off. A set with outputs but
 * neither an outcome KPI nor a KPI on prevention / the sociale basis steers on production.
 */
export const alleenOutputSturing: KpiSetRegel = ({ kpis, doelen }) => {
  const outputs = kpis.filter((kpi) => kpi.type === 'output');
  if (!outputs.length) return [];
  const doelThemas = new Map(doelen.map((doel) => [doel.id, doel.themas]));
  const heeftTegenwicht = kpis.some(
    (kpi) => kpi.type === 'outcome' || isPreventieKpi(kpi, doelThemas),
  );
  if (heeftTegenwicht) return [];
  return [
    {
      code: 'alleen-output-sturing',
      ernst: 'waarschuwing',
      melding: `Deze KPI-set stuurt alleen op output (${outputs.length} ${outputs.length === 1 ? 'KPI telt' : "KPI's tellen"} wat er gedaan is) zonder één outcome-KPI of KPI op preventie en de sociale basis. Voeg naast de output minstens één indicator toe die laat zien wie er beter van wordt, bijvoorbeeld het aandeel inwoners dat na afsluiting zelf verder kan.`,
      kpiIds: outputs.map((kpi) => kpi.id),
      doelIds: [],
    },
  ];
};

export const KPI_SET_REGELS: readonly KpiSetRegel[] = [
  kpiNietMeetbaar,
  doelZonderKpi,
  kpiZonderDoel,
  alleenOutputSturing,
];

export function controleerKpiSet(
  input: KpiSetInput,
  regels: readonly KpiSetRegel[] = KPI_SET_REGELS,
): KpiSetCheckUitkomst {
  const aantalPerType = Object.fromEntries(KPI_TYPES.map((type) => [type, 0])) as Record<
    KpiType,
    number
  >;
  for (const kpi of input.kpis) aantalPerType[kpi.type]++;
  return {
    aantalKpis: input.kpis.length,
    aantalPerType,
    bevindingen: regels.flatMap((regel) => regel(input)),
  };
}
