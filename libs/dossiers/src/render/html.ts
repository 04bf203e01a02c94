/**
 * The dossier as one self-contained HTML5 document in Dutch: no external resources (inline
 * CSS, inline SVG), printable (A4 landscape, parts flowing on without forced page breaks, table headers repeated,
 * colours kept), accessible (landmarks, one h1, headings per part, tables with caption and
 * th scope, charts with a text alternative, status in words and colour). The PDF is rendered
 * from this HTML. Every text from the data is escaped.
 */
import type { DossierDocument } from '../assembleer';
import { alineas, escapeHtml as e, htmlId } from './escape';
import { formatDatum, formatDatumTijd, formatPeriode } from './format';
import { algemeneHtml, SECTIE_HTML, SectieHtmlRenderer } from './secties.html';
import { standHtml } from './stand.html';

export interface DossierHtmlOpties {
  /** The stored version number, shown in the header. */
  versie?: number;
  /** When this version was made (ISO), shown in the header; not part of the document. */
  aangemaaktOp?: string;
  /** What changed against the previous version (vergelijkDossiers(...).samenvatting). */
  wijzigingen?: string;
  /** Renderers per section key; defaults to SECTIE_HTML. */
  renderers?: Readonly<Record<string, SectieHtmlRenderer>>;
}

/** The stylesheet of every printable document (dossier, agenda, verslag). */
export const DOCUMENT_CSS = `
:root { --tekst: #1b1b1b; --zacht: #555; --lijn: #c8c8c8; --kop: #0b3d63; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem; color: var(--tekst); background: #fff;
  font: 11pt/1.45 "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
h1 { font-size: 1.7rem; color: var(--kop); margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; color: var(--kop); border-bottom: 2px solid var(--kop); padding-bottom: .2rem; margin: 2rem 0 .8rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
a { color: #0b57a4; }
.skiplink { position: absolute; left: -9999px; }
.skiplink:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; border: 2px solid var(--kop); }
.soort { text-transform: uppercase; letter-spacing: .05em; color: var(--zacht); margin: 0; font-size: .85rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.wijzigingen { border-left: 4px solid var(--kop); background: #eef4fa; padding: .5rem .8rem; }
nav ol { columns: 2; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
table.smal { width: auto; min-width: 24rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; caption-side: top; }
th, td { border: 1px solid var(--lijn); padding: .35rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #e9eef3; }
tbody th { font-weight: 600; }
tfoot th, tfoot td { font-weight: 600; background: #f5f5f5; }
.getal { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.getal { text-align: right; }
.klein { font-size: .8rem; color: var(--zacht); font-weight: normal; }
.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 600; }
.pad { margin: 1.2rem 0 0; font-size: .85rem; color: var(--zacht); }
.pad + h3 { margin-top: .1rem; }
.grafiek svg { display: block; }
table.kpis { table-layout: fixed; }
table.kpis thead th:nth-child(1) { width: 20%; }
table.kpis thead th:nth-child(2), table.kpis thead th:nth-child(4) { width: 11%; }
table.kpis thead th:nth-child(3) { width: 10%; }
table.kpis thead th:nth-child(n+5) { width: 12%; }
table.kpis td, table.kpis th { overflow-wrap: break-word; }
table.kpi-trend th[scope="row"] { width: 30%; }
section.stand { border: 2px solid var(--kop); border-radius: .3rem; padding: .2rem 1rem .4rem; margin: 1rem 0; }
section.stand h2 { border: 0; margin: .4rem 0; }
section.stand ul { margin: .2rem 0; padding-left: 1.2rem; font-size: 1.05rem; }
table.kpis td:last-child { min-width: 0; }
ul.percelen { list-style: none; margin: 0; padding: 0; }
.status { display: inline-block; padding: .05rem .45rem; border-radius: .6rem; border: 1px solid; font-weight: 600; white-space: nowrap; }
.status-op-koers { background: #dcefdc; color: #1d5e20; border-color: #2e7d32; }
.status-let-op { background: #fff0c7; color: #6a3d00; border-color: #a15c00; }
.status-uit-koers { background: #fbdada; color: #8b1414; border-color: #c62828; }
.status-geen-norm { background: #ececec; color: #3a3a3a; border-color: #6b6b6b; }
.waarschuwing { font-weight: 600; color: #8b1414; }
.leeg { font-style: italic; color: var(--zacht); }
ol.agenda > li { margin-bottom: .6rem; }
ol.agenda p { margin: .1rem 0; }
ol.agenda .onderwerp { font-weight: 600; }
article.verhaal { border: 1px solid var(--lijn); border-radius: .3rem; padding: .2rem .9rem .6rem; margin-bottom: 1rem; }
article.verhaal dt { font-weight: 600; margin-top: .4rem; }
article.verhaal dd { margin-left: 0; }
article.verhaal dd p { margin: .1rem 0; }
footer { margin-top: 2rem; border-top: 1px solid var(--lijn); padding-top: .5rem; font-size: .8rem; color: var(--zacht); }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .skiplink, nav { display: none; }
  /* Sections and goals flow on: no forced page breaks, only headings kept with what follows. */
  h2, h3, caption, .pad { break-after: avoid; }
  tr, article.verhaal, ol.agenda > li { break-inside: avoid; }
  /* A KPI row may run on to the next page rather than leave a page half empty. */
  table.kpis tr { break-inside: auto; }
  table.kpi-trend { break-inside: avoid; }
  thead { display: table-header-group; }
  table.kpis td:last-child { min-width: 0; }
  .grafiek svg.sparkline, .grafiek svg.balk { width: 105px; height: auto; }
  a { color: inherit; text-decoration: none; }
}
`;

export function renderDossierHtml(doc: DossierDocument, opties: DossierHtmlOpties = {}): string {
  const renderers = opties.renderers ?? SECTIE_HTML;
  const meta: [string, string][] = [
    ['Gemeente', doc.gemeente.naam],
    ['Aanbieder', doc.aanbieder.naam],
    ['Periode', formatPeriode(doc.periode)],
    ['Peildatum', formatDatum(doc.peildatum)],
  ];
  if (doc.overleg) {
    meta.push(['Gesprek', formatDatumTijd(doc.overleg.datum)]);
    if (doc.overleg.deelnemers.length) meta.push(['Deelnemers', doc.overleg.deelnemers.join(', ')]);
  }
  if (opties.versie !== undefined) meta.push(['Versie', String(opties.versie)]);
  if (opties.aangemaaktOp) meta.push(['Samengesteld op', formatDatumTijd(opties.aangemaaktOp)]);

  const secties = doc.secties.map((sectie) => {
    const id = htmlId('sectie', sectie.sleutel);
    const renderer = renderers[sectie.sleutel];
    const inhoud = renderer ? renderer(sectie.inhoud, sectie, doc) : algemeneHtml(sectie.inhoud);
    return `<section class="sectie" id="${id}" aria-labelledby="${id}-kop"><h2 id="${id}-kop">${e(sectie.titel)}</h2>${inhoud}</section>`;
  });

  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(doc.titel)}</title>`,
    `<style>${DOCUMENT_CSS}</style>`,
    '</head>',
    '<body>',
    '<a class="skiplink" href="#inhoud">Naar de inhoud</a>',
    '<header>',
    `<p class="soort">${e(/^gemeente\b/i.test(doc.gemeente.naam) ? doc.gemeente.naam : `Gemeente ${doc.gemeente.naam}`)} · dossier voor het verantwoordingsgesprek</p>`,
    `<h1>${e(doc.titel)}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`,
    opties.wijzigingen
      ? `<div class="wijzigingen" role="note"><strong>Wijzigingen in deze versie.</strong> ${alineas(opties.wijzigingen)}</div>`
      : '',
    standHtml(doc),
    '</header>',
    '<nav aria-labelledby="inhoudsopgave-kop">',
    '<h2 id="inhoudsopgave-kop">Inhoud</h2>',
    `<ol>${doc.secties.map((s) => `<li><a href="#${htmlId('sectie', s.sleutel)}">${e(s.titel)}</a></li>`).join('')}</ol>`,
    '</nav>',
    `<main id="inhoud">${secties.join('')}</main>`,
    `<footer><p>${e(
      `Samengesteld uit de gegevens van Wijkkompas met peildatum ${formatDatum(doc.peildatum)}. Een nieuwe versie van dit dossier vervangt deze niet: eerdere versies blijven bewaard.`,
    )}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
