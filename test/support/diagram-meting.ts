import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { loadConfig, PdfService } from '@wijkkompas/core';

/**
 * Measures a theory-of-change SVG as the browser the PDF dossiers use rendered it: headless
 * Chromium through PdfService (the same executable and flags), so what is checked is what a
 * reader sees, not what the layout estimated. Gives the problems found as Dutch-free,
 * readable lines, so a failing test says which element and by how much.
 */

export interface Kader {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface GemetenTekst {
  klasse: string;
  tekst: string;
  kader: Kader;
}

interface GemetenOnderdeel {
  soort: 'element' | 'veronderstelling' | 'badge';
  id: string;
  zichtbaar: boolean;
  /** The element's box, the legend item's marker circle or the badge's rect. */
  kader: Kader | null;
  /** The whole group: box, marker and all its text. */
  groep: Kader;
  teksten: GemetenTekst[];
}

export interface DiagramMeting {
  /** The text of the browser's parsererror, if the XML did not parse. */
  parseFout: string | null;
  wortel: string;
  viewBox: Kader | null;
  /** Every <text> of the SVG, also the headings outside the groups. */
  alleTeksten: GemetenTekst[];
  onderdelen: GemetenOnderdeel[];
}

export interface DiagramVerwachting {
  elementen: readonly { id: string; titel: string }[];
  veronderstellingen: readonly { id: string; tekst: string }[];
  /** Links that carry assumption numbers. */
  verbandenMetNummer: readonly string[];
}

// Runs in the page. A string, not a function: the test transpiler may add helpers to a
// function that do not exist in the browser.
const METING = `(() => {
  const svg = document.querySelector('svg');
  const fout = document.querySelector('parsererror');
  const kader = (b) => ({ x: b.x, y: b.y, w: b.width, h: b.height });
  const zichtbaar = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentNode) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const tekst = (t) => ({ klasse: t.getAttribute('class') || '', tekst: t.textContent, kader: kader(t.getBBox()) });
  const regels = (t) => {
    const spans = [...t.querySelectorAll('tspan')];
    return spans.length ? spans.map((s) => s.textContent).join(' ') : t.textContent;
  };
  if (!svg) return { parseFout: fout ? fout.textContent : null, wortel: document.documentElement.nodeName, viewBox: null, alleTeksten: [], onderdelen: [] };
  const vb = svg.viewBox.baseVal;
  const onderdelen = [];
  const soorten = [['element', 'data-element-id', 'rect'], ['veronderstelling', 'data-veronderstelling-id', 'circle'], ['badge', 'data-verband-id', 'rect']];
  for (const [soort, attr, vorm] of soorten)
    for (const g of svg.querySelectorAll('g[' + attr + ']')) {
      if (soort === 'badge' && !g.classList.contains('vt-badge')) continue;
      const v = g.querySelector(vorm);
      onderdelen.push({
        soort,
        id: g.getAttribute(attr),
        zichtbaar: zichtbaar(g) && (!v || zichtbaar(v)),
        kader: v ? kader(v.getBBox()) : null,
        groep: kader(g.getBBox()),
        teksten: [...g.querySelectorAll('text')].map((t) => ({ ...tekst(t), tekst: regels(t) })),
      });
    }
  return {
    parseFout: fout ? fout.textContent : null,
    wortel: document.documentElement.nodeName,
    viewBox: vb ? { x: vb.x, y: vb.y, w: vb.width, h: vb.height } : null,
    alleTeksten: [...svg.querySelectorAll('text')].map(tekst),
    onderdelen,
  };
})()`;

/** The PdfService of the app's configuration; fails clearly when Chromium is not there. */
export function browserVoorMeting(): PdfService {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  if (!existsSync(config.chromiumPath))
    throw new Error(
      `Chromium ontbreekt op ${config.chromiumPath}: deze test meet het diagram in de echte browser. ` +
        `Installeer het met 'bash scripts/chromium.sh' (npm test doet dat in pretest) of zet CHROMIUM_PATH.`,
    );
  return new PdfService(config);
}

/** Opens the SVG as a document of its own (image/svg+xml) and measures it. */
export function meetSvg(pdf: PdfService, svg: string): Promise<DiagramMeting> {
  return pdf.metPagina(svg, (page: Page) => page.evaluate(METING) as Promise<DiagramMeting>, {
    type: 'image/svg+xml',
  });
}

const normaliseer = (s: string) => s.replace(/\s+/g, ' ').trim();
const r = (n: number) => Math.round(n * 10) / 10;
const toon = (k: Kader) => `(${r(k.x)}, ${r(k.y)}, ${r(k.w)} × ${r(k.h)})`;

/** Whether `binnen` lies within `buiten`, give or take `marge` pixels. */
export function ligtBinnen(binnen: Kader, buiten: Kader, marge = 1): boolean {
  return (
    binnen.x >= buiten.x - marge &&
    binnen.y >= buiten.y - marge &&
    binnen.x + binnen.w <= buiten.x + buiten.w + marge &&
    binnen.y + binnen.h <= buiten.y + buiten.h + marge
  );
}

function overlappen(a: Kader, b: Kader): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Everything wrong with the rendered diagram, one line each; empty when every element,
 * assumption and assumption number is drawn, named in full, inside its box and the picture,
 * and no two boxes overlap.
 */
export function diagramProblemen(meting: DiagramMeting, verwacht: DiagramVerwachting): string[] {
  const uit: string[] = [];
  if (meting.parseFout) uit.push(`De browser meldt een XML-fout: ${normaliseer(meting.parseFout)}`);
  if (meting.wortel !== 'svg') uit.push(`Het document is geen SVG maar <${meting.wortel}>`);
  const vb = meting.viewBox;
  if (!vb || vb.w <= 0 || vb.h <= 0) {
    uit.push('De SVG heeft geen viewBox');
    return uit;
  }
  for (const t of meting.alleTeksten)
    if (t.tekst.trim() && !ligtBinnen(t.kader, vb))
      uit.push(`Tekst '${t.tekst}' ${toon(t.kader)} valt buiten de viewBox ${toon(vb)}`);

  const vind = (soort: GemetenOnderdeel['soort'], id: string) =>
    meting.onderdelen.filter((o) => o.soort === soort && o.id === id);
  const controleer = (
    naam: string,
    o: GemetenOnderdeel | undefined,
    volledigeTekst: string | null,
    tekstKlasse: string | null,
  ) => {
    if (!o) {
      uit.push(`${naam}: niet gevonden in de SVG`);
      return;
    }
    if (!o.zichtbaar) uit.push(`${naam}: niet zichtbaar (display of visibility)`);
    if (!o.kader || o.kader.w <= 0 || o.kader.h <= 0)
      uit.push(`${naam}: geen vorm met breedte en hoogte`);
    if (!ligtBinnen(o.groep, vb)) uit.push(`${naam}: ${toon(o.groep)} valt buiten de viewBox`);
    if (volledigeTekst !== null) {
      const getoond = normaliseer(
        o.teksten
          .filter((t) => tekstKlasse === null || t.klasse === tekstKlasse)
          .map((t) => t.tekst)
          .join(' '),
      );
      // Wrapped lines may split a long word: compare without the white space.
      if (getoond.replace(/ /g, '') !== normaliseer(volledigeTekst).replace(/ /g, ''))
        uit.push(
          `${naam}: de getoonde tekst '${getoond}' is niet '${normaliseer(volledigeTekst)}'`,
        );
    }
    for (const t of o.teksten)
      if (t.kader.w <= 0 || t.kader.h <= 0)
        uit.push(`${naam}: tekst '${t.tekst}' is niet getekend`);
  };

  for (const e of verwacht.elementen) {
    const gevonden = vind('element', e.id);
    if (gevonden.length > 1)
      uit.push(`Element '${e.titel}' staat ${gevonden.length} keer in de SVG`);
    const o = gevonden[0];
    controleer(`Element '${e.titel}'`, o, e.titel, 'vt-knooptekst');
    if (o?.kader)
      for (const t of o.teksten)
        if (!ligtBinnen(t.kader, o.kader))
          uit.push(
            `Element '${e.titel}': tekst '${t.tekst}' ${toon(t.kader)} steekt buiten het vak ${toon(o.kader)}`,
          );
  }
  for (const v of verwacht.veronderstellingen) {
    const o = vind('veronderstelling', v.id)[0];
    controleer(`Veronderstelling '${v.tekst}'`, o, v.tekst, 'vt-legenda');
    const nummer = o?.teksten.find((t) => t.klasse === 'vt-nummer');
    if (o?.kader && (!nummer || !ligtBinnen(nummer.kader, o.kader)))
      uit.push(
        `Veronderstelling '${v.tekst}': het nummer staat niet in het rondje ${toon(o.kader)}`,
      );
  }
  for (const id of verwacht.verbandenMetNummer) {
    const o = vind('badge', id)[0];
    controleer(`Nummer op verband ${id}`, o, null, null);
    if (o?.kader)
      for (const t of o.teksten)
        if (!ligtBinnen(t.kader, o.kader))
          uit.push(
            `Nummer op verband ${id}: '${t.tekst}' steekt buiten het label ${toon(o.kader)}`,
          );
  }

  // No two boxes on top of each other: element boxes, legend items and number labels.
  const vakken = meting.onderdelen.flatMap((o) => {
    const k = o.soort === 'veronderstelling' ? o.groep : o.kader;
    return k ? [{ naam: `${o.soort} ${o.id}`, k }] : [];
  });
  for (let i = 0; i < vakken.length; i++)
    for (let j = i + 1; j < vakken.length; j++)
      if (overlappen(vakken[i].k, vakken[j].k))
        uit.push(
          `${vakken[i].naam} ${toon(vakken[i].k)} overlapt ${vakken[j].naam} ${toon(vakken[j].k)}`,
        );
  return uit;
}
