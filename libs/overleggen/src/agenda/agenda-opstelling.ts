import { OverlegSoort } from '../overleg/overleg.regels';
import type { AgendaBronSoort, AgendaDoel } from './agenda.regels';

/**
 * Agenda drafting: a pure function over one snapshot (loaded by agenda-snapshot.loader.ts).
 * Each suggestion says in Dutch why it is proposed. For an ontwikkeloverleg (and the
 * stuurgroep): signals spanning more than one keten; indicators uit koers at two or more
 * aanbieders in the quarter; aanvullende opdrachten awaiting a toets or ending within 90
 * days and hoofdopdrachten ending within a year; themes outside the hoofdopdracht; dilemmas
 * recurring in case stories of several aanbieders; open actions of earlier meetings of the
 * same kind and open actions past due. For a ketenoverleg the same, restricted to its keten.
 * A verantwoordingsgesprek keeps the agenda its dossier proposes.
 */

export interface SnapshotIndicatorRij {
  aanbiederId: string;
  aanbiederNaam: string;
  waarde: string | null;
  streefwaarde: string | null;
  status: string;
}

export interface AgendaSnapshot {
  overleg: {
    id: string;
    soort: OverlegSoort;
    ketenId: string | null;
    aanbiederId: string | null;
    /** The meeting's day (YYYY-MM-DD): "within 90 days" and "past due" are measured from here. */
    dag: string;
  };
  /** The quarter whose figures and stories count ('2026-Q3'). */
  kwartaal: string;
  ketens: { id: string; naam: string }[];
  signalen: { id: string; titel: string; ketenIds: string[] }[];
  indicatoren: {
    id: string;
    code: string;
    naam: string;
    eenheid: string;
    ketenIds: string[];
    rijen: SnapshotIndicatorRij[];
  }[];
  aanvullendeOpdrachten: {
    id: string;
    titel: string;
    status: string;
    einddatum: string;
    aangevraagdOp: string;
    ketenIds: string[];
    /** Whether any of its KPIs evidences a doel of a hoofdopdracht. */
    aanHoofdopdrachtDoel: boolean;
    toetsOordeel: string | null;
  }[];
  hoofdopdrachten: { id: string; titel: string; aanbiederNaam: string; einddatum: string }[];
  casussen: {
    id: string;
    titel: string;
    aanbiederId: string;
    aanbiederNaam: string;
    doelen: { id: string; titel: string }[];
    indicatoren: { id: string; code: string; naam: string }[];
    ketenIds: string[];
  }[];
  acties: {
    id: string;
    omschrijving: string;
    eigenaarNaam: string;
    deadline: string | null;
    overlegSoort: OverlegSoort;
    overlegKetenId: string | null;
    overlegAanbiederId: string | null;
    /** YYYY-MM-DD of the meeting that agreed it. */
    overlegDag: string;
  }[];
  /** The verantwoordingsgesprek's proposed agenda from its dossier (already with reasons). */
  dossierAgenda?: AgendaVoorstel[];
}

export interface AgendaVoorstel {
  bronSoort: AgendaBronSoort;
  bronId: string;
  onderwerp: string;
  reden: string;
  doel: AgendaDoel;
  minuten: number;
}

const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

export function datumTekst(dag: string): string {
  const [j, m, d] = dag.split('-').map(Number);
  return `${d} ${MAANDEN[m - 1]} ${j}`;
}

function dagenTussen(van: string, tot: string): number {
  return Math.round((Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${van}T00:00:00Z`)) / 86_400_000);
}

function kwartaalTekst(kwartaal: string): string {
  const [jaar, q] = kwartaal.split('-Q');
  return `het ${q}e kwartaal ${jaar}`;
}

function opsomming(delen: readonly string[]): string {
  if (delen.length <= 1) return delen.join('');
  return `${delen.slice(0, -1).join(', ')} en ${delen[delen.length - 1]}`;
}

function getal(waarde: string | null, eenheid: string): string {
  if (waarde === null) return 'geen cijfer';
  const tekst = waarde.replace('.', ',');
  return eenheid === 'percentage' ? `${tekst}%` : tekst;
}

const ONTWIKKEL: readonly OverlegSoort[] = [OverlegSoort.Ontwikkeloverleg, OverlegSoort.Stuurgroep];

export function stelAgendaOp(s: AgendaSnapshot): AgendaVoorstel[] {
  const { soort, ketenId } = s.overleg;
  const voorstellen: AgendaVoorstel[] = [];
  if (soort === OverlegSoort.Verantwoordingsgesprek) voorstellen.push(...(s.dossierAgenda ?? []));
  const ketenNaam = new Map(s.ketens.map((k) => [k.id, k.naam]));
  // A ketenoverleg sees only what touches its keten.
  const inScope = (ketenIds: readonly string[]) =>
    soort !== OverlegSoort.Ketenoverleg || (ketenId !== null && ketenIds.includes(ketenId));
  const breed = ONTWIKKEL.includes(soort) || soort === OverlegSoort.Ketenoverleg;

  if (breed) {
    for (const signaal of s.signalen) {
      if (new Set(signaal.ketenIds).size < 2 || !inScope(signaal.ketenIds)) continue;
      const namen = signaal.ketenIds.map((id) => ketenNaam.get(id) ?? 'onbekende keten');
      voorstellen.push({
        bronSoort: 'signaal',
        bronId: signaal.id,
        onderwerp: `Signaal: ${signaal.titel}`,
        reden: `Dit signaal raakt ${signaal.ketenIds.length} ketens (${opsomming(namen)}). Wat meerdere ketens raakt, raakt in de afzonderlijke ketenoverleggen makkelijk zoek.`,
        doel: 'bespreken',
        minuten: 15,
      });
    }

    for (const indicator of s.indicatoren) {
      if (!inScope(indicator.ketenIds)) continue;
      const uit = indicator.rijen.filter((r) => r.status === 'uit-koers');
      const aanbieders = [...new Map(uit.map((r) => [r.aanbiederId, r])).values()];
      if (aanbieders.length < 2) continue;
      const delen = aanbieders.map(
        (r) =>
          `${r.aanbiederNaam} (${getal(r.waarde, indicator.eenheid)}, norm ${getal(r.streefwaarde, indicator.eenheid)})`,
      );
      voorstellen.push({
        bronSoort: 'indicator',
        bronId: indicator.id,
        onderwerp: `${indicator.code} ${indicator.naam}: uit koers bij ${aanbieders.length} aanbieders`,
        reden: `In ${kwartaalTekst(s.kwartaal)} is deze indicator uit koers bij ${aanbieders.length} aanbieders: ${opsomming(delen)}. Als het bij meer aanbieders misgaat, ligt de oorzaak mogelijk niet bij één aanbieder maar in beleid, regels of samenwerking.`,
        doel: 'bespreken',
        minuten: 20,
      });
    }

    for (const opdracht of s.aanvullendeOpdrachten) {
      if (!inScope(opdracht.ketenIds)) continue;
      const redenen: string[] = [];
      if (opdracht.status === 'aangevraagd')
        redenen.push(
          `Deze aanvullende opdracht wacht sinds ${datumTekst(opdracht.aangevraagdOp)} op een toets of hij past bij de geest van de hoofdopdracht.`,
        );
      const dagen = dagenTussen(s.overleg.dag, opdracht.einddatum);
      if (opdracht.status === 'actief' && dagen >= 0 && dagen <= 90)
        redenen.push(
          `Loopt af op ${datumTekst(opdracht.einddatum)}, over ${dagen} ${dagen === 1 ? 'dag' : 'dagen'}: bespreek tijdig of de opdracht wordt afgerond, verlengd of opgenomen in de hoofdopdracht.`,
        );
      const lopend = ['aangevraagd', 'getoetst', 'actief'].includes(opdracht.status);
      if (lopend && (!opdracht.aanHoofdopdrachtDoel || opdracht.toetsOordeel === 'nee'))
        redenen.push(
          opdracht.toetsOordeel === 'nee'
            ? 'Thema buiten de hoofdopdracht: de toets vond dat deze opdracht niet past bij de geest van de hoofdopdracht.'
            : 'Thema buiten de hoofdopdracht: geen KPI van deze opdracht is gekoppeld aan een doel van een hoofdopdracht. Dat is waar het ontwikkeloverleg voor is.',
        );
      if (!redenen.length) continue;
      voorstellen.push({
        bronSoort: 'aanvullende-opdracht',
        bronId: opdracht.id,
        onderwerp: `Aanvullende opdracht: ${opdracht.titel}`,
        reden: redenen.join(' '),
        // Only the stuurgroep decides here; the ontwikkel- and ketenoverleg discuss and advise.
        doel: soort === OverlegSoort.Stuurgroep ? 'besluiten' : 'bespreken',
        minuten: 10,
      });
    }

    if (soort !== OverlegSoort.Ketenoverleg)
      for (const h of s.hoofdopdrachten) {
        const dagen = dagenTussen(s.overleg.dag, h.einddatum);
        if (dagen < 0 || dagen > 365) continue;
        voorstellen.push({
          bronSoort: 'hoofdopdracht',
          bronId: h.id,
          onderwerp: `Hoofdopdracht loopt af: ${h.titel} (${h.aanbiederNaam})`,
          reden: `De hoofdopdracht loopt af op ${datumTekst(h.einddatum)}, over ${dagen} dagen. Bereid de opvolging op tijd voor: wat nemen we mee, wat doen we anders?`,
          doel: 'informeren',
          minuten: 10,
        });
      }

    // Dilemmas recurring at several aanbieders: same doel or same indicator, same quarter.
    const groepen = new Map<string, { wat: string; casussen: AgendaSnapshot['casussen'] }>();
    for (const casus of s.casussen) {
      if (!inScope(casus.ketenIds)) continue;
      for (const d of casus.doelen) {
        const g = groepen.get(`doel:${d.id}`) ?? { wat: `doel ‘${d.titel}’`, casussen: [] };
        g.casussen.push(casus);
        groepen.set(`doel:${d.id}`, g);
      }
      for (const i of casus.indicatoren) {
        const g = groepen.get(`indicator:${i.id}`) ?? {
          wat: `indicator ${i.code} ${i.naam}`,
          casussen: [],
        };
        g.casussen.push(casus);
        groepen.set(`indicator:${i.id}`, g);
      }
    }
    const gebruikt = new Set<string>();
    for (const [, groep] of [...groepen.entries()].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )) {
      const aanbieders = [...new Set(groep.casussen.map((c) => c.aanbiederNaam))].sort();
      if (aanbieders.length < 2) continue;
      const eerste = [...groep.casussen].sort((a, b) => (a.titel < b.titel ? -1 : 1))[0];
      if (gebruikt.has(eerste.id)) continue;
      gebruikt.add(eerste.id);
      const titels = [...new Set(groep.casussen.map((c) => `‘${c.titel}’`))];
      voorstellen.push({
        bronSoort: 'casus',
        bronId: eerste.id,
        onderwerp: `Terugkerend dilemma bij ${aanbieders.length} aanbieders (${groep.wat})`,
        reden: `In ${kwartaalTekst(s.kwartaal)} beschrijven ${opsomming(aanbieders)} een dilemma bij hetzelfde ${groep.wat}: ${opsomming(titels)}. Een dilemma dat bij meer aanbieders terugkomt, vraagt om een antwoord van beleid.`,
        doel: 'bespreken',
        minuten: 15,
      });
    }
  }

  // Open actions: those of earlier meetings of the same kind (and keten or aanbieder) come
  // back by themselves; elsewhere only when past due, for the broad meetings.
  for (const actie of s.acties) {
    const zelfde =
      actie.overlegSoort === soort &&
      actie.overlegKetenId === ketenId &&
      actie.overlegAanbiederId === s.overleg.aanbiederId &&
      actie.overlegDag <= s.overleg.dag;
    const verlopen = actie.deadline !== null && actie.deadline < s.overleg.dag;
    const elders =
      verlopen &&
      ONTWIKKEL.includes(soort) &&
      actie.overlegSoort !== OverlegSoort.Verantwoordingsgesprek;
    if (!zelfde && !elders) continue;
    const redenen = [
      `Open actie uit het ${actie.overlegSoort} van ${datumTekst(actie.overlegDag)}; eigenaar ${actie.eigenaarNaam}.`,
    ];
    if (verlopen) redenen.push(`De deadline (${datumTekst(actie.deadline!)}) is verstreken.`);
    else if (actie.deadline) redenen.push(`Deadline ${datumTekst(actie.deadline)}.`);
    voorstellen.push({
      bronSoort: 'actie',
      bronId: actie.id,
      onderwerp: `Open actie: ${actie.omschrijving}`,
      reden: redenen.join(' '),
      doel: 'informeren',
      minuten: 5,
    });
  }

  // One item per source: the first reason wins, later ones are added to it.
  const uniek = new Map<string, AgendaVoorstel>();
  for (const v of voorstellen) {
    const sleutel = `${v.bronSoort}:${v.bronId}`;
    const bestaand = uniek.get(sleutel);
    if (!bestaand) uniek.set(sleutel, { ...v });
    else if (!bestaand.reden.includes(v.reden)) bestaand.reden = `${bestaand.reden} ${v.reden}`;
  }
  return [...uniek.values()];
}
