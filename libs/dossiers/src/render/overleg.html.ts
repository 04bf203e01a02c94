import type { OverlegDocument, OverlegDocumentRenderer } from '@wijkkompas/overleggen';
import { alineas, escapeHtml as e } from './escape';
import { formatDatum, formatDatumTijd } from './format';
import { DOCUMENT_CSS } from './html';

/**
 * A published agenda or a verslag as one self-contained, printable HTML document in Dutch,
 * with the dossier's stylesheet and escaping: every text from the data is escaped.
 */
export const renderOverlegHtml: OverlegDocumentRenderer = (doc: OverlegDocument, labels) => {
  const o = doc.overleg;
  const meta: [string, string][] = [
    ['Gemeente', doc.gemeente],
    ['Overleg', o.soort],
    ['Wanneer', formatDatumTijd(o.tijdstip)],
  ];
  if (o.locatie) meta.push(['Waar', o.locatie]);
  if (o.keten) meta.push(['Keten', o.keten]);
  if (o.aanbieder) meta.push(['Aanbieder', o.aanbieder]);
  if (o.deelnemers.length) meta.push(['Deelnemers', o.deelnemers.join(', ')]);
  if (doc.agenda)
    meta.push([
      'Agenda',
      `versie ${doc.agenda.versie}, gepubliceerd op ${formatDatum(doc.agenda.gepubliceerdOp)} door ${doc.agenda.gepubliceerdDoor}`,
    ]);

  const agenda = doc.agenda?.punten.length
    ? `<ol class="agenda">${doc.agenda.punten
        .map(
          (p) =>
            `<li><p class="onderwerp">${e(p.onderwerp)}</p><p class="klein">${e(labels.doel[p.doel])}${
              p.minuten ? ` · ${p.minuten} minuten` : ''
            }</p>${p.toelichting ? alineas(p.toelichting) : ''}${p.reden ? `<p class="klein">Waarom op de agenda: ${e(p.reden)}</p>` : ''}</li>`,
        )
        .join('')}</ol>`
    : '<p class="leeg">Er is (nog) geen agenda gepubliceerd.</p>';

  const delen = [
    `<section class="sectie" aria-labelledby="agenda-kop"><h2 id="agenda-kop">Agenda</h2>${agenda}</section>`,
  ];
  if (doc.soort === 'verslag') {
    const besluiten = doc.besluiten.length
      ? `<ol>${doc.besluiten
          .map(
            (b) =>
              `<li><p>${e(b.tekst)} <span class="klein">(${e(b.onderwerp)})</span></p>${
                b.signalering
                  ? `<p class="waarschuwing">Hoort in een ander overleg: ${e(b.signalering)}</p>`
                  : ''
              }</li>`,
          )
          .join('')}</ol>`
      : '<p class="leeg">Er zijn geen besluiten vastgelegd.</p>';
    const acties = doc.acties.length
      ? `<table><caption>Acties</caption><thead><tr><th scope="col">Actie</th><th scope="col">Eigenaar</th><th scope="col">Deadline</th><th scope="col">Status</th></tr></thead><tbody>${doc.acties
          .map(
            (a) =>
              `<tr><td>${e(a.omschrijving)}${a.toelichting ? `<br><span class="klein">${e(a.toelichting)}</span>` : ''}</td><td>${e(a.eigenaar)}</td><td>${a.deadline ? e(formatDatum(a.deadline)) : 'geen'}</td><td>${e(a.status)}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '<p class="leeg">Er zijn geen acties afgesproken.</p>';
    delen.push(
      `<section class="sectie" aria-labelledby="besluiten-kop"><h2 id="besluiten-kop">Besluiten</h2>${besluiten}</section>`,
      `<section class="sectie" aria-labelledby="acties-kop"><h2 id="acties-kop">Acties</h2>${acties}</section>`,
    );
  }

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
    '<main>',
    `<header><p class="soort">${doc.soort === 'agenda' ? 'Agenda' : 'Verslag'}</p><h1>${e(o.titel)}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl></header>`,
    ...delen,
    '</main>',
    '<footer>Wijkkompas</footer>',
    '</body>',
    '</html>',
  ].join('\n');
};
