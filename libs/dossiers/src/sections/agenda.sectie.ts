import {
  actieVerlopen,
  OPEN_ACTIE_STATUSSEN,
  OPEN_SIGNAAL_STATUSSEN,
  opdrachtLooptijd,
  signaalTermijn,
  vergelijkActies,
} from '../beoordeling';
import { DossierContext, vergelijkTekst } from '../context';
import type { KpiBeeld } from '../kpi-beeld';
import { formatBedrag, formatDagen, formatDatum } from '../render/format';
import type { DossierSnapshot } from '../snapshot';
import type { DossierSectie } from './sectie';

/** What an agenda item points at (the brief's agenda item sources). */
export type AgendaBron = 'kpi-afwijking' | 'signaal' | 'aanvullende-opdracht' | 'open-actie';

export interface AgendaPunt {
  nummer: number;
  soort: AgendaBron;
  /** The KPI, signal, opdracht or action the item is about. */
  bronId: string;
  onderwerp: string;
  toelichting: string;
}

export interface AgendaInhoud {
  punten: AgendaPunt[];
}

type Concept = Omit<AgendaPunt, 'nummer'>;

function kpiPunt(beeld: KpiBeeld, verhalen: string[]): Concept {
  const { kpi, huidig } = beeld;
  const wat = huidig.status === 'uit-koers' ? 'uit koers' : 'let op';
  const verhaalTekst =
    verhalen.length === 0
      ? ''
      : ` ${verhalen.length === 1 ? 'Verhaal' : 'Verhalen'} bij deze KPI: ${verhalen.map((t) => `‘${t}’`).join(', ')}.`;
  return {
    soort: 'kpi-afwijking',
    bronId: kpi.id,
    onderwerp: `${kpi.code} ${kpi.naam}: ${wat}`,
    toelichting: `${huidig.statusToelichting}${verhaalTekst}`,
  };
}

/**
 * The proposed agenda, in the order of the brief: KPIs uit koers, KPIs let op, signals whose
 * answer term has passed, aanvullende opdrachten ending soon, open actions.
 */
export const agendaSectie: DossierSectie<AgendaInhoud> = {
  sleutel: 'agenda',
  titel: 'Voorgestelde agenda',
  volgorde: 10,
  bouw(snapshot: DossierSnapshot, context: DossierContext): AgendaInhoud {
    const peildatum = snapshot.peildatum;
    const verhalenPerKpi = new Map<string, string[]>();
    for (const casus of context.casussenVanKwartaal()) {
      for (const kpiId of new Set(casus.kpiIds))
        verhalenPerKpi.set(kpiId, [...(verhalenPerKpi.get(kpiId) ?? []), casus.titel]);
    }
    const beelden = context.kpiBeelden();
    const concepten: Concept[] = [
      ...beelden.filter((b) => b.huidig.status === 'uit-koers'),
      ...beelden.filter((b) => b.huidig.status === 'let-op'),
    ].map((b) => kpiPunt(b, verhalenPerKpi.get(b.kpi.id) ?? []));

    const signalen = snapshot.signalen
      .filter((s) => OPEN_SIGNAAL_STATUSSEN.includes(s.status))
      .map((s) => ({ signaal: s, termijn: signaalTermijn(s, peildatum) }))
      .filter(({ termijn }) => termijn.verstreken)
      .sort(
        (a, b) =>
          (a.signaal.ingebrachtOp < b.signaal.ingebrachtOp
            ? -1
            : a.signaal.ingebrachtOp > b.signaal.ingebrachtOp
              ? 1
              : 0) ||
          vergelijkTekst(a.signaal.titel, b.signaal.titel) ||
          vergelijkTekst(a.signaal.id, b.signaal.id),
      );
    for (const { signaal, termijn } of signalen) {
      concepten.push({
        soort: 'signaal',
        bronId: signaal.id,
        onderwerp: `Signaal: ${signaal.titel}`,
        toelichting: `Ingebracht op ${formatDatum(signaal.ingebrachtOp)}, ${formatDagen(
          termijn.dagenOpen,
        )} geleden. De afgesproken antwoordtermijn liep tot en met ${formatDatum(
          signaal.antwoordTermijn as string,
        )}; het signaal is nog niet beantwoord.`,
      });
    }

    const opdrachten = snapshot.aanvullendeOpdrachten
      .map((o) => ({
        opdracht: o,
        looptijd: opdrachtLooptijd(o, peildatum, context.opties.aflopendBinnenDagen),
      }))
      .filter(({ looptijd }) => looptijd.looptAf)
      .sort(
        (a, b) =>
          a.looptijd.dagenTotEinde - b.looptijd.dagenTotEinde ||
          vergelijkTekst(a.opdracht.titel, b.opdracht.titel) ||
          vergelijkTekst(a.opdracht.id, b.opdracht.id),
      );
    for (const { opdracht, looptijd } of opdrachten) {
      concepten.push({
        soort: 'aanvullende-opdracht',
        bronId: opdracht.id,
        onderwerp: `Aanvullende opdracht loopt af: ${opdracht.titel}`,
        toelichting: `Loopt af op ${formatDatum(opdracht.einddatum)} (${
          looptijd.dagenTotEinde === 0 ? 'vandaag' : `over ${formatDagen(looptijd.dagenTotEinde)}`
        }), budget ${formatBedrag(opdracht.budgetCenten)}. Besluit over afronden, verlengen of opnemen in de hoofdopdracht.`,
      });
    }

    const acties = snapshot.acties
      .filter((a) => OPEN_ACTIE_STATUSSEN.includes(a.status))
      .sort(vergelijkActies);
    for (const actie of acties) {
      const deadline =
        actie.deadline === null
          ? 'geen deadline'
          : `deadline ${formatDatum(actie.deadline)}${actieVerlopen(actie, peildatum) ? ' (verlopen)' : ''}`;
      concepten.push({
        soort: 'open-actie',
        bronId: actie.id,
        onderwerp: `Open actie: ${actie.omschrijving}`,
        toelichting: `Eigenaar ${actie.eigenaar}, ${deadline}.`,
      });
    }

    return { punten: concepten.map((c, i) => ({ nummer: i + 1, ...c })) };
  },
};
