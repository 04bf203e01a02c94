import { PdfService } from '@wijkkompas/core';
import { Theorie } from '../libs/verandertheorieen/src/model';
import { theorieNaarSvg } from '../libs/verandertheorieen/src/export/svg';
import { voorbeeldTheorie } from '../libs/verandertheorieen/src/testing';
import {
  browserVoorMeting,
  DiagramVerwachting,
  diagramProblemen,
  meetSvg,
} from './support/diagram-meting';

export function verwachtingVan(theorie: Theorie): DiagramVerwachting {
  return {
    elementen: theorie.elementen.map((e) => ({ id: e.id, titel: e.titel })),
    veronderstellingen: theorie.veronderstellingen.map((v) => ({ id: v.id, tekst: v.tekst })),
    verbandenMetNummer: [...new Set(theorie.veronderstellingen.map((v) => v.verbandId))],
  };
}

describe('Diagram van een verandertheorie, gemeten in Chromium', () => {
  let pdf: PdfService;

  beforeAll(() => {
    pdf = browserVoorMeting();
  });
  afterAll(() => pdf?.onModuleDestroy());

  it('draws every element of the demo theory whole, inside its box and apart', async () => {
    const theorie = voorbeeldTheorie();
    const meting = await meetSvg(pdf, theorieNaarSvg(theorie));
    expect(diagramProblemen(meting, verwachtingVan(theorie))).toEqual([]);
    expect(meting.onderdelen.filter((o) => o.soort === 'element')).toHaveLength(
      theorie.elementen.length,
    );
  });

  it('draws long titles, capitals and wide letters whole inside their boxes', async () => {
    const basis = voorbeeldTheorie();
    const lang = [
      'WMO-MAATWERK: WONEN, WELZIJN EN WERK IN WIJK WEST (MDW/WWB) MET MEEDOEN ALS MAATSTAF',
      'Wekelijkse wijkwandelingen met wijkagent, woningcorporatie, wijkverpleging en welzijnswerk',
      'Ontwikkelingsgerichtheidsbevorderingsprogrammaonderdeel voor jongvolwassenen',
      'Mmmm wwww MMMM WWWW @@@@ %%%% mmmm wwww MMMM WWWW @@@@ %%%% ÆØÅ ŒŒ',
    ];
    const theorie: Theorie = {
      ...basis,
      elementen: basis.elementen.map((e, i) => (i < lang.length ? { ...e, titel: lang[i] } : e)),
      veronderstellingen: basis.veronderstellingen.map((v, i) =>
        i === 0 ? { ...v, tekst: `${lang[0]} ${lang[3]} ${lang[1]}` } : v,
      ),
    };
    const meting = await meetSvg(pdf, theorieNaarSvg(theorie));
    expect(diagramProblemen(meting, verwachtingVan(theorie))).toEqual([]);
  });

  it('fails on text that runs out of its box (wrapping undone)', async () => {
    const theorie = voorbeeldTheorie();
    const element = theorie.elementen.find((e) => e.soort === 'activiteit')!;
    const svg = theorieNaarSvg(theorie);
    // One line with the whole title instead of the wrapped lines.
    const kapot = svg.replace(
      new RegExp(
        `(data-element-id="${element.id}"[\\s\\S]*?<text class="vt-knooptekst">)(<tspan x="[\\d.]+" y="[\\d.]+">)[\\s\\S]*?(</text>)`,
      ),
      (_, voor: string, tspan: string, na: string) =>
        `${voor}${tspan}${element.titel}</tspan>${na}`,
    );
    expect(kapot).not.toBe(svg);
    const problemen = diagramProblemen(await meetSvg(pdf, kapot), verwachtingVan(theorie));
    expect(problemen).toContainEqual(
      expect.stringMatching(
        new RegExp(`^Element '${element.titel}': tekst .* steekt buiten het vak`),
      ),
    );
  });

  it('fails on boxes on top of each other, a missing element and an XML error', async () => {
    const theorie = voorbeeldTheorie();
    const svg = theorieNaarSvg(theorie);
    const [a, b] = theorie.elementen.filter((e) => e.soort === 'activiteit');
    // Move b's box onto a's.
    const rectVan = (id: string) =>
      new RegExp(`data-element-id="${id}"[\\s\\S]*?<rect x="([\\d.]+)" y="([\\d.]+)"`).exec(svg)!;
    const [, ax, ay] = rectVan(a.id);
    const [, bx, by] = rectVan(b.id);
    const gestapeld = svg.replace(
      new RegExp(`(data-element-id="${b.id}"[\\s\\S]*?<rect )x="${bx}" y="${by}"`),
      `$1x="${ax}" y="${ay}"`,
    );
    expect(diagramProblemen(await meetSvg(pdf, gestapeld), verwachtingVan(theorie))).toContainEqual(
      expect.stringMatching(/^element .* overlapt element /),
    );
    const zonder = svg.replace(`data-element-id="${a.id}"`, 'data-x="weg"');
    expect(diagramProblemen(await meetSvg(pdf, zonder), verwachtingVan(theorie))).toContain(
      `Element '${a.titel}': niet gevonden in de SVG`,
    );
    const fout = svg.replace('</svg>', '<g></svg>');
    expect(diagramProblemen(await meetSvg(pdf, fout), verwachtingVan(theorie))[0]).toMatch(
      /^De browser meldt een XML-fout/,
    );
  });

  it('scales inline in HTML and keeps two diagrams and the page out of each other’s styles', async () => {
    const een = voorbeeldTheorie();
    const twee = voorbeeldTheorie({ id: 'tweede-theorie', titel: 'Tweede theorie' });
    const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>
      .kop, .meta, .titel { font-size: 40px; } p { font-size: 12px; }</style></head><body>
      <p class="kop" id="pagina-kop">Kop van het dossier</p>
      <figure id="een" style="width: 600px; margin: 0">${theorieNaarSvg(een, { xmlDeclaratie: false })}</figure>
      <figure id="twee" style="width: 3000px; margin: 0">${theorieNaarSvg(twee, { xmlDeclaratie: false })}</figure>
      </body></html>`;
    const gemeten = await pdf.metPagina(html, (page) =>
      page.evaluate(`(() => [...document.querySelectorAll('figure')].map((f) => {
        const svg = f.querySelector('svg');
        const r = svg.getBoundingClientRect();
        const titel = svg.querySelector('.vt-titel');
        return {
          figuur: f.getBoundingClientRect().width,
          breedte: r.width,
          hoogte: r.height,
          viewBox: [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height],
          titelLetter: getComputedStyle(titel).fontSize,
          paginaKop: getComputedStyle(document.getElementById('pagina-kop')).fontSize,
        };
      }))()`),
    );
    const [a, b] = gemeten as {
      figuur: number;
      breedte: number;
      hoogte: number;
      viewBox: [number, number];
      titelLetter: string;
      paginaKop: string;
    }[];
    // Narrower than the diagram: it shrinks to the container and keeps its proportions.
    expect(a.viewBox[0]).toBeGreaterThan(600);
    expect(a.breedte).toBeCloseTo(600, 0);
    expect(a.hoogte / a.breedte).toBeCloseTo(a.viewBox[1] / a.viewBox[0], 2);
    // Wider: no larger than its own size.
    expect(b.breedte).toBeCloseTo(b.viewBox[0], 0);
    // The page's .titel/.kop do not reach into the diagrams, nor theirs out to the page.
    expect(a.titelLetter).toBe('20px');
    expect(b.titelLetter).toBe('20px');
    expect(a.paginaKop).toBe('40px');
  });
});
