import { datum, euro, ExportTabel } from '@wijkkompas/core';
import { AanvullendeOpdracht } from '../aanvullende-opdracht/aanvullende-opdracht.entity';
import { AanvullendeOpdrachtStatus } from '../aanvullende-opdracht/levenscyclus';
import { BudgetOverzichtResponse } from './overzicht.dto';

/** The opdrachten register as a table: one row per aanvullende opdracht. */
export function registerTabel(
  opdrachten: readonly AanvullendeOpdracht[],
  vandaag: string,
): ExportTabel {
  return {
    werkblad: 'Opdrachtenregister',
    kolommen: [
      'Titel',
      'Status',
      'Aanbieders',
      'Percelen',
      'Thema',
      'Bron',
      'Programma',
      'Aanvragende afdeling',
      'Opdrachtgever',
      'Startdatum',
      'Einddatum',
      'Budget (€)',
      'Geoormerkt',
      'Binnengekomen via',
      'Aangevraagd op',
      'Aanvraag na startdatum',
    ],
    rijen: opdrachten.map((o) => [
      o.titel,
      o.status,
      (o.aanbieders ?? [])
        .map((a) => a.aanbieder?.naam ?? a.aanbiederId)
        .sort()
        .join(', '),
      (o.percelen ?? [])
        .map((p) => p.perceel?.naam ?? p.perceelId)
        .sort()
        .join(', '),
      o.thema,
      o.bron,
      o.programmaNaam,
      o.aanvragendeAfdeling,
      o.opdrachtgever,
      datum(o.startdatum),
      datum(o.einddatum),
      euro(o.budgetCenten),
      o.geoormerkt ? 'ja' : 'nee',
      o.binnengekomenVia,
      datum(o.aangevraagdOp),
      o.status === AanvullendeOpdrachtStatus.Aangevraagd && o.startdatum < vandaag ? 'ja' : 'nee',
    ]),
  };
}

/** The budget overview as a table: one row per aanbieder and year, then the totals. */
export function budgetTabel(overzicht: BudgetOverzichtResponse): ExportTabel {
  return {
    werkblad: 'Budget per jaar',
    kolommen: ['Aanbieder', 'Jaar', 'Structureel (€)', 'Incidenteel (€)', 'Totaal (€)'],
    rijen: [
      ...overzicht.regels.map((r) => [
        r.aanbiederNaam,
        r.jaar,
        euro(r.structureelCenten),
        euro(r.incidenteelCenten),
        euro(r.totaalCenten),
      ]),
      [
        'Totaal',
        null,
        euro(overzicht.structureelCenten),
        euro(overzicht.incidenteelCenten),
        euro(overzicht.totaalCenten),
      ],
    ],
  };
}
