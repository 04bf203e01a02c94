/**
 * What changed between two versions of a dossier: figures per KPI, case stories, and (by
 * content) every other section. Values in the result are machine values (decimal strings,
 * status keys); `samenvatting` is the one Dutch sentence for people.
 */
import { canoniekeJson, DossierDocument, vindSectie } from './assembleer';
import { formatPeriode } from './render/format';
import type { KpiRij } from './sections/kpis.sectie';
import type { VerhaalItem } from './sections/verhalen.sectie';

export interface KpiWaardeWijziging {
  kpiCode: string;
  naam: string;
  /**
   * 'realisatie', 'realisatie perceel <code>', 'realisatie <kwartaal>' (a corrected earlier
   * quarter), 'streefwaarde', 'status', 'toelichting', 'datakwaliteit', 'versie', 'naam',
   * 'definitie'.
   */
  veld: string;
  oud: string | null;
  nieuw: string | null;
}

export interface DossierVerschil {
  kpiWaarden: {
    toegevoegd: { kpiCode: string; naam: string }[];
    verwijderd: { kpiCode: string; naam: string }[];
    gewijzigd: KpiWaardeWijziging[];
  };
  verhalen: {
    toegevoegd: { id: string; titel: string }[];
    verwijderd: { id: string; titel: string }[];
    gewijzigd: { id: string; titel: string; velden: string[] }[];
  };
  /** Sections by key whose content differs at all (KPI and story changes included). */
  secties: { toegevoegd: string[]; verwijderd: string[]; gewijzigd: string[] };
  /** Header fields that differ: 'titel', 'gemeente', 'aanbieder', 'periode', 'peildatum', 'overleg'. */
  kop: string[];
  ongewijzigd: boolean;
  samenvatting: string;
}

function uniekeRijen(doc: DossierDocument): Map<string, KpiRij> {
  const rijen = new Map<string, KpiRij>();
  for (const groep of vindSectie(doc, 'kpis')?.groepen ?? []) {
    for (const rij of groep.kpis) if (!rijen.has(rij.kpiId)) rijen.set(rij.kpiId, rij);
  }
  return rijen;
}

function toelichtingTekst(rij: KpiRij): string | null {
  if (rij.toelichtingen.length === 0) return null;
  return rij.toelichtingen
    .map((t) => (t.perceelCode ? `${t.perceelCode}: ${t.tekst}` : t.tekst))
    .join('\n');
}

function kpiWijzigingen(oud: KpiRij, nieuw: KpiRij): KpiWaardeWijziging[] {
  const wijzigingen: KpiWaardeWijziging[] = [];
  const vergelijk = (veld: string, a: string | number | null, b: string | number | null) => {
    const van = a === null ? null : String(a);
    const naar = b === null ? null : String(b);
    if (van !== naar)
      wijzigingen.push({ kpiCode: nieuw.code, naam: nieuw.naam, veld, oud: van, nieuw: naar });
  };
  vergelijk('naam', oud.naam, nieuw.naam);
  vergelijk('versie', oud.versie, nieuw.versie);
  vergelijk('definitie', oud.definitie, nieuw.definitie);
  vergelijk('streefwaarde', oud.streefwaarde, nieuw.streefwaarde);
  vergelijk('realisatie', oud.realisatie, nieuw.realisatie);
  const percelen = [
    ...new Set([...oud.perPerceel, ...nieuw.perPerceel].map((p) => p.perceelCode)),
  ].sort();
  for (const code of percelen) {
    vergelijk(
      `realisatie perceel ${code}`,
      oud.perPerceel.find((p) => p.perceelCode === code)?.waarde ?? null,
      nieuw.perPerceel.find((p) => p.perceelCode === code)?.waarde ?? null,
    );
  }
  // Earlier quarters present in both versions: a changed figure is a correction.
  for (const punt of nieuw.trend) {
    const eerder = oud.trend.find((t) => t.periode === punt.periode);
    if (!eerder || punt.periode === nieuw.trend[nieuw.trend.length - 1]?.periode) continue;
    vergelijk(`realisatie ${formatPeriode(punt.periode)}`, eerder.waarde, punt.waarde);
  }
  vergelijk('status', oud.status, nieuw.status);
  vergelijk('datakwaliteit', oud.datakwaliteit, nieuw.datakwaliteit);
  vergelijk('toelichting', toelichtingTekst(oud), toelichtingTekst(nieuw));
  return wijzigingen;
}

const VERHAAL_VELDEN: { veld: string; waarde: (v: VerhaalItem) => string | null }[] = [
  { veld: 'titel', waarde: (v) => v.titel },
  { veld: 'perceel', waarde: (v) => v.perceel?.code ?? null },
  { veld: 'situatie', waarde: (v) => v.situatie },
  { veld: 'vraag', waarde: (v) => v.vraag },
  { veld: 'waarden', waarde: (v) => v.waarden },
  { veld: 'betrokkenen', waarde: (v) => v.betrokkenen },
  { veld: 'aanpak', waarde: (v) => v.aanpak },
  { veld: 'effect', waarde: (v) => v.effect },
  { veld: 'les', waarde: (v) => v.les },
  { veld: 'kwestie', waarde: (v) => v.kwestie },
  { veld: 'kpis', waarde: (v) => v.kpis.map((k) => k.id).join(',') },
  { veld: 'doelen', waarde: (v) => v.doelen.map((d) => d.id).join(',') },
];

function aantal(n: number, enkelvoud: string, meervoud: string): string {
  return `${n} ${n === 1 ? enkelvoud : meervoud}`;
}

const LIJST = new Intl.ListFormat('nl', { style: 'long', type: 'conjunction' });

const KOP_LABELS: Record<string, string> = {
  titel: 'de titel',
  gemeente: 'de gemeente',
  aanbieder: 'de aanbieder',
  periode: 'de periode',
  peildatum: 'de peildatum',
  overleg: 'het gesprek (datum of deelnemers)',
};

export function vergelijkDossiers(
  vorige: DossierDocument,
  nieuwe: DossierDocument,
): DossierVerschil {
  const oudeRijen = uniekeRijen(vorige);
  const nieuweRijen = uniekeRijen(nieuwe);
  const kpiWaarden: DossierVerschil['kpiWaarden'] = {
    toegevoegd: [],
    verwijderd: [],
    gewijzigd: [],
  };
  for (const [id, rij] of nieuweRijen) {
    const oud = oudeRijen.get(id);
    if (!oud) kpiWaarden.toegevoegd.push({ kpiCode: rij.code, naam: rij.naam });
    else kpiWaarden.gewijzigd.push(...kpiWijzigingen(oud, rij));
  }
  for (const [id, rij] of oudeRijen) {
    if (!nieuweRijen.has(id)) kpiWaarden.verwijderd.push({ kpiCode: rij.code, naam: rij.naam });
  }

  const oudeVerhalen = new Map(
    (vindSectie(vorige, 'verhalen')?.verhalen ?? []).map((v) => [v.id, v]),
  );
  const nieuweVerhalen = new Map(
    (vindSectie(nieuwe, 'verhalen')?.verhalen ?? []).map((v) => [v.id, v]),
  );
  const verhalen: DossierVerschil['verhalen'] = { toegevoegd: [], verwijderd: [], gewijzigd: [] };
  for (const [id, verhaal] of nieuweVerhalen) {
    const oud = oudeVerhalen.get(id);
    if (!oud) {
      verhalen.toegevoegd.push({ id, titel: verhaal.titel });
      continue;
    }
    const velden = VERHAAL_VELDEN.filter((v) => v.waarde(oud) !== v.waarde(verhaal)).map(
      (v) => v.veld,
    );
    if (velden.length > 0) verhalen.gewijzigd.push({ id, titel: verhaal.titel, velden });
  }
  for (const [id, verhaal] of oudeVerhalen) {
    if (!nieuweVerhalen.has(id)) verhalen.verwijderd.push({ id, titel: verhaal.titel });
  }

  const oudeSecties = new Map(vorige.secties.map((s) => [s.sleutel, s]));
  const nieuweSecties = new Map(nieuwe.secties.map((s) => [s.sleutel, s]));
  const secties: DossierVerschil['secties'] = {
    toegevoegd: [...nieuweSecties.keys()].filter((k) => !oudeSecties.has(k)),
    verwijderd: [...oudeSecties.keys()].filter((k) => !nieuweSecties.has(k)),
    gewijzigd: [...nieuweSecties.entries()]
      .filter(([k, s]) => {
        const oud = oudeSecties.get(k);
        return (
          oud !== undefined &&
          canoniekeJson({ t: oud.titel, i: oud.inhoud }) !==
            canoniekeJson({ t: s.titel, i: s.inhoud })
        );
      })
      .map(([k]) => k),
  };

  const kop = (
    ['titel', 'gemeente', 'aanbieder', 'periode', 'peildatum', 'overleg'] as const
  ).filter((veld) => canoniekeJson(vorige[veld]) !== canoniekeJson(nieuwe[veld]));

  const ongewijzigd =
    kpiWaarden.toegevoegd.length +
      kpiWaarden.verwijderd.length +
      kpiWaarden.gewijzigd.length +
      verhalen.toegevoegd.length +
      verhalen.verwijderd.length +
      verhalen.gewijzigd.length +
      secties.toegevoegd.length +
      secties.verwijderd.length +
      secties.gewijzigd.length +
      kop.length ===
    0;

  return {
    kpiWaarden,
    verhalen,
    secties,
    kop,
    ongewijzigd,
    samenvatting: ongewijzigd
      ? 'Geen wijzigingen ten opzichte van de vorige versie.'
      : samenvatting(vorige, nieuwe, kpiWaarden, verhalen, secties, kop),
  };
}

function samenvatting(
  vorige: DossierDocument,
  nieuwe: DossierDocument,
  kpiWaarden: DossierVerschil['kpiWaarden'],
  verhalen: DossierVerschil['verhalen'],
  secties: DossierVerschil['secties'],
  kop: string[],
): string {
  const delen: string[] = [];
  if (kpiWaarden.gewijzigd.length > 0) {
    const kpis = new Set(kpiWaarden.gewijzigd.map((w) => w.kpiCode)).size;
    delen.push(
      `${aantal(kpiWaarden.gewijzigd.length, 'wijziging', 'wijzigingen')} in de cijfers van ${aantal(kpis, 'KPI', "KPI's")}`,
    );
  }
  if (kpiWaarden.toegevoegd.length > 0)
    delen.push(`${aantal(kpiWaarden.toegevoegd.length, 'KPI', "KPI's")} toegevoegd`);
  if (kpiWaarden.verwijderd.length > 0)
    delen.push(`${aantal(kpiWaarden.verwijderd.length, 'KPI', "KPI's")} vervallen`);
  if (verhalen.toegevoegd.length > 0)
    delen.push(`${aantal(verhalen.toegevoegd.length, 'verhaal', 'verhalen')} toegevoegd`);
  if (verhalen.verwijderd.length > 0)
    delen.push(`${aantal(verhalen.verwijderd.length, 'verhaal', 'verhalen')} vervallen`);
  if (verhalen.gewijzigd.length > 0)
    delen.push(`${aantal(verhalen.gewijzigd.length, 'verhaal', 'verhalen')} gewijzigd`);

  const titels = new Map([...vorige.secties, ...nieuwe.secties].map((s) => [s.sleutel, s.titel]));
  const overig = [
    ...secties.gewijzigd
      .filter((k) => k !== 'kpis' && k !== 'verhalen')
      .map((k) => `‘${titels.get(k)}’`),
    ...kop.map((k) => KOP_LABELS[k]),
  ];
  if (overig.length > 0)
    delen.push(`${delen.length > 0 ? 'ook ' : ''}gewijzigd: ${LIJST.format(overig)}`);
  if (secties.toegevoegd.length > 0) {
    delen.push(
      `nieuw onderdeel: ${LIJST.format(secties.toegevoegd.map((k) => `‘${titels.get(k)}’`))}`,
    );
  }
  if (secties.verwijderd.length > 0) {
    delen.push(
      `vervallen onderdeel: ${LIJST.format(secties.verwijderd.map((k) => `‘${titels.get(k)}’`))}`,
    );
  }
  return `Ten opzichte van de vorige versie: ${LIJST.format(delen)}.`;
}
