/**
 * The first page in three lines: where the aanbieder stands. KPIs op koers / let op / uit
 * koers, open signals (and how many are past their term), ending opdrachten. Read from the
 * sections already in the document, so it never disagrees with them.
 */
import type { DossierDocument } from '../assembleer';
import type { HoofdopdrachtInhoud } from '../sections/hoofdopdracht.sectie';
import type { KpisInhoud } from '../sections/kpis.sectie';
import type { OpdrachtenInhoud } from '../sections/opdrachten.sectie';
import type { SignalenInhoud } from '../sections/signalen.sectie';
import { escapeHtml as e } from './escape';
import { formatDatum, formatPeriode } from './format';

function inhoud<T>(doc: DossierDocument, sleutel: string): T | undefined {
  return doc.secties.find((s) => s.sleutel === sleutel)?.inhoud as T | undefined;
}

const meervoud = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`;

/** The three sentences, plain text. */
export function standRegels(doc: DossierDocument): string[] {
  const regels: string[] = [];
  const kpis = inhoud<KpisInhoud>(doc, 'kpis');
  if (kpis) {
    const o = kpis.overzicht;
    regels.push(
      o.totaal === 0
        ? `KPI's: er zijn geen KPI's voor ${formatPeriode(doc.periode)}.`
        : `KPI's in ${formatPeriode(doc.periode)}: ${o.opKoers} op koers, ${o.letOp} let op, ${o.uitKoers} uit koers` +
            (o.geenNorm ? `, ${o.geenNorm} zonder oordeel.` : '.'),
    );
  }
  const signalen = inhoud<SignalenInhoud>(doc, 'signalen');
  if (signalen)
    regels.push(
      signalen.signalen.length === 0
        ? 'Signalen: er staan geen signalen open.'
        : `Signalen: ${meervoud(signalen.signalen.length, 'signaal staat', 'signalen staan')} open` +
            (signalen.aantalTermijnVerstreken
              ? `, bij ${signalen.aantalTermijnVerstreken} is de antwoordtermijn verstreken.`
              : ', alle binnen hun termijn.'),
    );
  const opdrachten = inhoud<OpdrachtenInhoud>(doc, 'opdrachten');
  const hoofd = inhoud<HoofdopdrachtInhoud>(doc, 'hoofdopdracht');
  const delen: string[] = [];
  for (const h of hoofd?.hoofdopdrachten ?? [])
    if (h.looptAfBinnenMaanden !== null)
      delen.push(
        `de hoofdopdracht loopt af op ${formatDatum(h.einddatum)} (binnen ${h.looptAfBinnenMaanden} maanden)`,
      );
  if (opdrachten)
    delen.push(
      opdrachten.aantalAflopend === 0
        ? `geen aanvullende opdracht loopt af binnen ${opdrachten.aflopendBinnenDagen} dagen`
        : `${meervoud(opdrachten.aantalAflopend, 'aanvullende opdracht loopt', 'aanvullende opdrachten lopen')} af binnen ${opdrachten.aflopendBinnenDagen} dagen`,
    );
  if (delen.length) regels.push(`Opdrachten: ${delen.join('; ')}.`);
  return regels;
}

export function standHtml(doc: DossierDocument): string {
  const regels = standRegels(doc);
  if (regels.length === 0) return '';
  return (
    `<section class="stand" aria-labelledby="stand-kop"><h2 id="stand-kop">Waar de aanbieder staat</h2>` +
    `<ul>${regels.map((r) => `<li>${e(r)}</li>`).join('')}</ul></section>`
  );
}
