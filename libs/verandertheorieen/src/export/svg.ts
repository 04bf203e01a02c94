import { ElementSoort, STRATEGIE_LABELS, Theorie } from '../model';
import { DiagramLayout, MAAT, TekstRegel, berekenLayout } from './layout';
import { normaliseer, xmlEscape } from './tekst';

/**
 * A theory of change as a self-contained SVG in Dutch: no external fonts, images or styles,
 * so it can be saved as a file, embedded in the HTML dossier or printed to PDF as it is. Every
 * element is named in the visible text (wrapped, never cut off) and in an aria-label; the
 * assumptions are numbered on their links and listed in full in the legend below.
 */

export interface SvgOpties {
  /**
   * Start with `<?xml ...?>` and have a fixed size in pixels, for a file of its own. Off, the
   * SVG is for inline HTML: it takes the width of its container, at most its own, and keeps
   * its proportions. Default true.
   */
  xmlDeclaratie?: boolean;
}

const KLEUREN: Readonly<Record<ElementSoort, { vulling: string; rand: string }>> = {
  activiteit: { vulling: '#e7f0fa', rand: '#1f5fa8' },
  'outcome-individueel': { vulling: '#e6f4ea', rand: '#2e7d32' },
  'outcome-maatschappelijk': { vulling: '#fdf1de', rand: '#a45d00' },
  ambitie: { vulling: '#f1e6f8', rand: '#6a1b9a' },
};

const LETTERTYPE = `'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif`;

/**
 * Styles scoped under the SVG's own id and classes prefixed vt-, so an SVG inlined in the
 * dossier neither takes the page's styles (.kop, .meta, .leeg) nor gives its own to the page or
 * to a second diagram in it.
 */
function stijl(p: string): string {
  return [
    `#${p} text { font-family: ${LETTERTYPE}; fill: #1b1b1b; }`,
    `#${p} .vt-titel { font-size: ${MAAT.titelLetter}px; font-weight: 700; }`,
    `#${p} .vt-ondertitel { font-size: ${MAAT.letter}px; fill: #333333; }`,
    `#${p} .vt-kolomkop { font-size: ${MAAT.kopLetter}px; font-weight: 700; fill: #444444; text-anchor: middle; }`,
    `#${p} .vt-kop { font-size: 16px; font-weight: 700; }`,
    `#${p} .vt-soort { font-size: ${MAAT.soortLetter}px; font-weight: 700; fill: #444444; }`,
    `#${p} .vt-knooptekst { font-size: ${MAAT.letter}px; }`,
    `#${p} .vt-ambitie .vt-knooptekst { font-weight: 700; }`,
    `#${p} .vt-legenda { font-size: ${MAAT.legendaLetter}px; }`,
    `#${p} .vt-meta { font-size: ${MAAT.metaLetter}px; fill: #555555; }`,
    `#${p} .vt-nummer { font-size: 11px; font-weight: 700; text-anchor: middle; }`,
    `#${p} .vt-lijn { fill: none; stroke: #555555; stroke-width: 1.5; }`,
    `#${p} .vt-terug .vt-lijn { stroke: #b00020; stroke-dasharray: 6 4; }`,
  ].join('\n    ');
}

function idPrefix(theorie: Theorie): string {
  return `vt-${theorie.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function attr(waarde: string | number): string {
  return typeof waarde === 'number' ? String(waarde) : xmlEscape(waarde);
}

function tekst(regel: TekstRegel): string {
  return `<text x="${attr(regel.x)}" y="${attr(regel.y)}" class="vt-${regel.klasse}">${xmlEscape(regel.tekst)}</text>`;
}

function opsomming(delen: readonly string[]): string {
  return delen.length <= 1
    ? delen.join('')
    : `${delen.slice(0, -1).join(', ')} en ${delen[delen.length - 1]}`;
}

function beschrijving(theorie: Theorie): string {
  const namen = (soort: ElementSoort) =>
    theorie.elementen.filter((e) => e.soort === soort).map((e) => normaliseer(e.titel));
  const delen = [
    `Verandertheorie '${normaliseer(theorie.titel)}', strategie ${STRATEGIE_LABELS[theorie.strategie]}.`,
    `Ambitie: ${normaliseer(theorie.ambitie.tekst)}.`,
  ];
  const lijst: [string, string[]][] = [
    ['Activiteiten', namen('activiteit')],
    ['Individuele uitkomsten', namen('outcome-individueel')],
    ['Maatschappelijke uitkomsten', namen('outcome-maatschappelijk')],
  ];
  for (const [kop, items] of lijst) if (items.length) delen.push(`${kop}: ${items.join('; ')}.`);
  delen.push(
    `${theorie.verbanden.length} ${theorie.verbanden.length === 1 ? 'verband' : 'verbanden'} en ${theorie.veronderstellingen.length} ${theorie.veronderstellingen.length === 1 ? 'veronderstelling' : 'veronderstellingen'}.`,
  );
  return delen.join(' ');
}

export function theorieNaarSvg(theorie: Theorie, opties: SvgOpties = {}): string {
  const layout: DiagramLayout = berekenLayout(theorie);
  const p = idPrefix(theorie);
  const titels = new Map(theorie.elementen.map((e) => [e.id, normaliseer(e.titel)]));
  const uit: string[] = [];
  const bestand = opties.xmlDeclaratie ?? true;
  if (bestand) uit.push('<?xml version="1.0" encoding="UTF-8"?>');
  const maat = bestand
    ? `width="${layout.breedte}" height="${layout.hoogte}"`
    : `width="100%" style="max-width: ${layout.breedte}px; height: auto"`;
  uit.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="${p}" class="vt-diagram" ${maat} viewBox="0 0 ${layout.breedte} ${layout.hoogte}" role="graphics-document document" aria-labelledby="${p}-titel" aria-describedby="${p}-beschrijving" lang="nl" xml:lang="nl">`,
    `  <title id="${p}-titel">${xmlEscape(`Verandertheorie: ${normaliseer(theorie.titel)}`)}</title>`,
    `  <desc id="${p}-beschrijving">${xmlEscape(beschrijving(theorie))}</desc>`,
    `  <defs>`,
    `    <marker id="${p}-pijl" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555555"/></marker>`,
    `    <marker id="${p}-pijl-terug" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#b00020"/></marker>`,
    `  </defs>`,
    `  <style>\n    ${stijl(p)}\n  </style>`,
    `  <rect x="0" y="0" width="${layout.breedte}" height="${layout.hoogte}" fill="#ffffff"/>`,
    `  <g class="vt-kop">`,
    ...layout.kop.map((regel) => `    ${tekst(regel)}`),
    `  </g>`,
    `  <g class="vt-kolomkoppen" aria-hidden="true">`,
    ...layout.kolomKoppen.map((regel) => `    ${tekst(regel)}`),
    `  </g>`,
  );

  uit.push(`  <g class="vt-verbanden">`);
  for (const v of layout.verbanden) {
    const nummers = v.badge?.nummers ?? [];
    const label =
      `Verband van '${titels.get(v.vanId)}' naar '${titels.get(v.naarId)}'` +
      (nummers.length
        ? `, ${nummers.length === 1 ? 'veronderstelling' : 'veronderstellingen'} ${opsomming(nummers.map(String))}`
        : '') +
      (v.terug ? ' (tegen de richting in: controleer de verandertheorie)' : '');
    uit.push(
      `    <g class="vt-verband${v.terug ? ' vt-terug' : ''}" data-verband-id="${attr(v.verbandId)}" role="graphics-symbol img" aria-label="${attr(label)}">`,
      `      <path class="vt-lijn" d="${v.d}" marker-end="url(#${p}-pijl${v.terug ? '-terug' : ''})"/>`,
      `    </g>`,
    );
  }
  uit.push(`  </g>`);

  uit.push(`  <g class="vt-elementen">`);
  for (const k of layout.knopen) {
    const kleur = KLEUREN[k.soort];
    const titel = normaliseer(k.titel);
    const tooltip = k.omschrijving ? `${titel}. ${normaliseer(k.omschrijving)}` : titel;
    const tekstX = k.x + MAAT.binnenrand;
    const eersteRegel = k.y + MAAT.binnenrand + MAAT.soortRegel;
    uit.push(
      `    <g class="vt-element vt-${k.soort}" data-element-id="${attr(k.elementId)}" role="graphics-symbol img" aria-label="${attr(`${k.soortLabel}: ${titel}`)}">`,
      `      <title>${xmlEscape(tooltip)}</title>`,
      `      <rect x="${k.x}" y="${k.y}" width="${k.breedte}" height="${k.hoogte}" rx="8" ry="8" fill="${kleur.vulling}" stroke="${kleur.rand}" stroke-width="${k.soort === 'ambitie' ? 2.5 : 1.5}"/>`,
      `      <text x="${tekstX}" y="${k.y + MAAT.binnenrand + 11}" class="vt-soort">${xmlEscape(k.soortLabel)}</text>`,
      `      <text class="vt-knooptekst">${k.regels
        .map(
          (regel, i) =>
            `<tspan x="${tekstX}" y="${Math.round((eersteRegel + (i + 1) * MAAT.regel - 4) * 10) / 10}">${xmlEscape(regel)}</tspan>`,
        )
        .join('')}</text>`,
      `    </g>`,
    );
  }
  uit.push(`  </g>`);

  uit.push(`  <g class="vt-nummers" aria-hidden="true">`);
  for (const v of layout.verbanden) {
    if (!v.badge) continue;
    const { x, y, breedte, nummers } = v.badge;
    const h = 2 * MAAT.badgeStraal;
    uit.push(
      `    <g class="vt-badge" data-verband-id="${attr(v.verbandId)}">`,
      `      <rect x="${Math.round((x - breedte / 2) * 10) / 10}" y="${y - MAAT.badgeStraal}" width="${breedte}" height="${h}" rx="${MAAT.badgeStraal}" ry="${MAAT.badgeStraal}" fill="#ffffff" stroke="#333333" stroke-width="1.2"/>`,
      `      <text x="${x}" y="${y + 4}" class="vt-nummer">${nummers.join(', ')}</text>`,
      `    </g>`,
    );
  }
  uit.push(`  </g>`);

  uit.push(`  <g class="vt-veronderstellingen">`, `    ${tekst(layout.legendaKop)}`);
  if (layout.legendaLeeg) uit.push(`    ${tekst(layout.legendaLeeg)}`);
  uit.push(`    <g role="list" aria-label="Veronderstellingen">`);
  for (const item of layout.legenda) {
    uit.push(
      `    <g class="vt-veronderstelling" data-veronderstelling-id="${attr(item.veronderstellingId)}" role="listitem" aria-label="${attr(`Veronderstelling ${item.nummer}`)}">`,
      `      <circle cx="${item.badge.x}" cy="${item.badge.y}" r="${MAAT.badgeStraal}" fill="#ffffff" stroke="#333333" stroke-width="1.2"/>`,
      `      <text x="${item.badge.x}" y="${item.badge.y + 4}" class="vt-nummer">${item.nummer}</text>`,
      ...item.regels.map((regel) => `      ${tekst(regel)}`),
      `    </g>`,
    );
  }
  uit.push(`    </g>`, `  </g>`, `</svg>`, '');
  return uit.join('\n');
}
