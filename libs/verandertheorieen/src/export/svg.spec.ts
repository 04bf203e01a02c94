// saxes is the strict XML 1.0 parser exceljs already brings along; it reports every
// well-formedness error, which is what these tests need.
import { SaxesParser } from 'saxes';
import { Theorie } from '../model';
import { VT, VOORBEELD_KRINGLOOP, voorbeeldTheorie } from '../testing/fixture';
import { MAAT, berekenLayout } from './layout';
import { theorieNaarSvg } from './svg';
import { tekstBreedte } from './tekst';

interface Knoop {
  naam: string;
  attr: Record<string, string>;
  kinderen: Knoop[];
  tekst: string;
}

/** Parses strictly (namespaces on) into a small tree; throws on any well-formedness error. */
function parse(xml: string): Knoop {
  const parser = new SaxesParser({ xmlns: true });
  const wortel: Knoop = { naam: '#document', attr: {}, kinderen: [], tekst: '' };
  const stapel = [wortel];
  const fouten: string[] = [];
  parser.on('error', (fout) => fouten.push(fout.message));
  parser.on('opentag', (tag) => {
    const attr = Object.fromEntries(
      Object.entries(tag.attributes).map(([naam, a]) => [naam, a.value]),
    );
    const knoop: Knoop = { naam: tag.local, attr, kinderen: [], tekst: '' };
    if (tag.uri !== 'http://www.w3.org/2000/svg')
      fouten.push(`${tag.name} niet in de SVG-namespace`);
    stapel[stapel.length - 1].kinderen.push(knoop);
    stapel.push(knoop);
  });
  parser.on('text', (tekst) => (stapel[stapel.length - 1].tekst += tekst));
  parser.on('closetag', () => stapel.pop());
  parser.write(xml).close();
  if (fouten.length) throw new Error(fouten.join('\n'));
  return wortel.kinderen[0];
}

function alle(knoop: Knoop, naam: string): Knoop[] {
  return [...(knoop.naam === naam ? [knoop] : []), ...knoop.kinderen.flatMap((k) => alle(k, naam))];
}

/** What a reader sees in one <text>: its own text and its tspans, line after line. */
function zichtbaar(tekst: Knoop): string {
  const delen = [tekst.tekst.trim(), ...tekst.kinderen.map((k) => k.tekst.trim())].filter(Boolean);
  return delen.join(' ');
}

function teksten(svg: Knoop): string[] {
  return alle(svg, 'text').map(zichtbaar);
}

describe('theorieNaarSvg', () => {
  const xml = theorieNaarSvg(voorbeeldTheorie());
  const svg = parse(xml);

  it('is well-formed XML with an SVG root that says how big it is', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(svg.naam).toBe('svg');
    const { width, height, viewBox } = svg.attr;
    expect(viewBox).toBe(`0 0 ${width} ${height}`);
    expect(Number(width)).toBeGreaterThan(800);
    expect(Number(height)).toBeGreaterThan(400);
  });

  it('has a Dutch title and description the root points at', () => {
    const titel = svg.kinderen.find((k) => k.naam === 'title')!;
    expect(titel.tekst).toBe('Verandertheorie: Wijkteam Noord: eerder en dichtbij');
    expect(svg.attr['aria-labelledby']).toBe(titel.attr.id);
    const desc = svg.kinderen.find((k) => k.naam === 'desc')!;
    expect(svg.attr['aria-describedby']).toBe(desc.attr.id);
    expect(desc.tekst).toContain('Activiteiten: Wekelijks inloopspreekuur in het buurthuis;');
    expect(desc.tekst).toContain('8 verbanden en 5 veronderstellingen.');
    expect(svg.attr.lang).toBe('nl');
  });

  it('shows the Dutch headings', () => {
    const zien = teksten(svg);
    expect(zien[0]).toBe('Verandertheorie: Wijkteam Noord: eerder en dichtbij');
    for (const kop of ['Activiteiten', 'Uitkomsten', 'Ambitie', 'Veronderstellingen'])
      expect(zien).toContain(kop);
    expect(zien).toContain(
      'Strategie: ecosysteem. Meet zowel de individuele als de maatschappelijke uitkomsten.',
    );
  });

  it('names every element in its box and in an aria-label', () => {
    const t = voorbeeldTheorie();
    const zien = teksten(svg);
    const labels = alle(svg, 'g').map((g) => g.attr['aria-label']);
    for (const e of t.elementen) {
      expect(zien).toContain(e.titel);
      expect(labels.some((l) => l?.endsWith(`: ${e.titel}`))).toBe(true);
    }
    expect(labels).toContain('Activiteit: Wekelijks inloopspreekuur in het buurthuis');
    expect(labels).toContain(
      'Maatschappelijke uitkomst: Minder doorverwijzingen naar maatwerkvoorzieningen',
    );
  });

  it('lists every assumption with its number, link, knowledge source and evidence status', () => {
    const t = voorbeeldTheorie();
    const legenda = alle(svg, 'g').filter((g) => g.attr.class === 'vt-veronderstelling');
    expect(legenda.map((g) => g.attr['aria-label'])).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Veronderstelling ${n}`),
    );
    legenda.forEach((g, i) => {
      const v = t.veronderstellingen[i];
      const regels = teksten(g);
      expect(regels[0]).toBe(String(i + 1));
      expect(
        regels.filter((_, j) => alle(g, 'text')[j].attr.class === 'vt-legenda').join(' '),
      ).toBe(v.tekst);
    });
    const eerste = teksten(legenda[0]).join(' ');
    expect(eerste).toContain(
      'Verband: Wekelijks inloopspreekuur in het buurthuis → Inwoners vragen eerder en dichter bij huis om hulp',
    );
    expect(eerste).toContain('Kennisbron: professionele kennis. Bewijsstatus: aannemelijk.');
    expect(eerste).toContain(
      'Randvoorwaarden: Een vaste, bekende locatie in elke wijk; Genoeg bezetting om zonder wachtlijst te werken.',
    );
    expect(eerste).toContain('Externe factoren: Sluiting van buurthuizen door bezuinigingen.');
  });

  it('draws every link as a path with an arrow marker, labelled with its assumption numbers', () => {
    const verbanden = alle(svg, 'g').filter((g) => g.attr.class === 'vt-verband');
    expect(verbanden).toHaveLength(8);
    const markerIds = alle(svg, 'marker').map((m) => m.attr.id);
    for (const g of verbanden) {
      const [pad] = alle(g, 'path');
      expect(pad.attr.d).toMatch(
        /^M [\d.]+ [\d.]+( C [\d.]+ [\d.]+, [\d.]+ [\d.]+, [\d.]+ [\d.]+)+$/,
      );
      expect(markerIds).toContain(pad.attr['marker-end'].replace(/^url\(#(.*)\)$/, '$1'));
    }
    expect(verbanden[0].attr['aria-label']).toBe(
      "Verband van 'Wekelijks inloopspreekuur in het buurthuis' naar 'Inwoners vragen eerder en dichter bij huis om hulp', veronderstelling 1",
    );
    const nummers = alle(svg, 'g').find((g) => g.attr.class === 'vt-nummers')!;
    expect(teksten(nummers).sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('uses no external resource', () => {
    expect(xml).not.toMatch(/href=|@import|url\((?!#)/);
  });

  it('is the same every time', () => {
    expect(theorieNaarSvg(voorbeeldTheorie())).toBe(xml);
  });

  it('leaves out the XML declaration for inline HTML on request', () => {
    const inline = theorieNaarSvg(voorbeeldTheorie(), { xmlDeclaratie: false });
    expect(inline.startsWith('<svg ')).toBe(true);
    expect(parse(inline).naam).toBe('svg');
  });

  it('escapes markup, quotes and characters XML forbids, and still names the element', () => {
    const t = voorbeeldTheorie();
    const lastig = 'Ouders & kinderen <samen> "sterk" \'thuis\'\u0007 ✓ 👪';
    const ids = 'id met "quote" & <spatie>';
    const svgTekst = theorieNaarSvg({
      ...t,
      id: ids,
      titel: `Theorie </svg> & "x"`,
      elementen: t.elementen.map((e) =>
        e.id === VT.eerderHulp ? { ...e, titel: lastig, omschrijving: 'a < b && c' } : e,
      ),
      veronderstellingen: t.veronderstellingen.map((v, i) =>
        i === 0 ? { ...v, tekst: 'Als <dit> & "dat"' } : v,
      ),
    });
    const boom = parse(svgTekst);
    const zien = teksten(boom);
    expect(zien).toContain('Ouders & kinderen <samen> "sterk" \'thuis\' ✓ 👪');
    expect(zien).toContain('Verandertheorie: Theorie </svg> & "x"');
    expect(zien).toContain('Als <dit> & "dat"');
    expect(svgTekst).not.toContain('\u0007');
    // Ids in the document stay valid XML names and references still resolve.
    const marker = alle(boom, 'marker')[0].attr.id;
    expect(marker).toMatch(/^[A-Za-z][\w-]*$/);
  });

  it('wraps a long title over several lines without losing a character', () => {
    const t = voorbeeldTheorie();
    const lang =
      'Jongeren tussen zestien en zevenentwintig jaar vinden sneller een passende plek op school, in werk of in de wijk, ook als er meerdere problemen tegelijk spelen';
    const woord = 'Arbeidsmarktparticipatiebevorderingsprogrammacoördinatiewerkzaamheden';
    const boom = parse(
      theorieNaarSvg({
        ...t,
        elementen: t.elementen.map((e) =>
          e.id === VT.zelfVerder
            ? { ...e, titel: lang }
            : e.id === VT.minderMaatwerk
              ? { ...e, titel: woord }
              : e,
        ),
      }),
    );
    const knopen = alle(boom, 'g').filter((g) => g.attr.class?.startsWith('vt-element '));
    const lange = knopen.find((g) => g.attr['aria-label'] === `Individuele uitkomst: ${lang}`)!;
    const regels = alle(lange, 'tspan').map((s) => s.tekst);
    expect(regels.length).toBeGreaterThan(4);
    expect(regels.join(' ')).toBe(lang);
    const breuk = knopen.find(
      (g) => g.attr['aria-label'] === `Maatschappelijke uitkomst: ${woord}`,
    )!;
    expect(
      alle(breuk, 'tspan')
        .map((s) => s.tekst)
        .join(''),
    ).toBe(woord);
    const max = MAAT.knoopBreedte - 2 * MAAT.binnenrand;
    for (const g of knopen) {
      const vet = g.attr.class.includes('vt-ambitie');
      for (const s of alle(g, 'tspan'))
        expect(tekstBreedte(s.tekst, MAAT.letter, vet)).toBeLessThanOrEqual(max);
    }
  });

  it('wraps capitals and wide letters to more lines than narrow ones of the same length', () => {
    const smal = 'illi '.repeat(12).trim();
    const breed = 'WMWM '.repeat(12).trim();
    const t = voorbeeldTheorie();
    const layout = berekenLayout({
      ...t,
      elementen: [
        ...t.elementen,
        { id: 'smal', soort: 'activiteit', titel: smal, omschrijving: null },
        { id: 'breed', soort: 'activiteit', titel: breed, omschrijving: null },
      ],
    });
    const regels = (id: string) => layout.knopen.find((k) => k.elementId === id)!.regels;
    expect(regels('breed').length).toBeGreaterThanOrEqual(2 * regels('smal').length);
  });

  it('scopes its styles under its own id with vt- classes, and scales inline', () => {
    const eigenId = /<svg [^>]*id="([^"]+)"/.exec(xml)![1];
    expect(eigenId).toMatch(/^vt-/);
    const css = /<style>([\s\S]*?)<\/style>/.exec(xml)![1];
    for (const regel of css
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean))
      expect(regel.startsWith(`#${eigenId} `)).toBe(true);
    for (const klasse of xml.matchAll(/class="([^"]+)"/g))
      for (const k of klasse[1].split(' ')) expect(k).toMatch(/^vt-/);
    expect(svg.attr.width).toMatch(/^\d+$/);
    const inline = parse(theorieNaarSvg(voorbeeldTheorie(), { xmlDeclaratie: false }));
    expect(inline.attr.width).toBe('100%');
    expect(inline.attr.style).toMatch(/^max-width: \d+px; height: auto$/);
    expect(inline.attr.viewBox).toBe(svg.attr.viewBox);
  });

  it('marks each element, assumption and assumption number with its id', () => {
    const t = voorbeeldTheorie();
    const metId = (attr: string) =>
      alle(svg, 'g')
        .map((g) => g.attr[attr])
        .filter(Boolean);
    expect(metId('data-element-id').sort()).toEqual(t.elementen.map((e) => e.id).sort());
    expect(metId('data-veronderstelling-id').sort()).toEqual(
      t.veronderstellingen.map((v) => v.id).sort(),
    );
  });

  it('renders a theory with only its ambitie, saying there are no assumptions yet', () => {
    const t = voorbeeldTheorie();
    const boom = parse(
      theorieNaarSvg({
        ...t,
        elementen: t.elementen.filter((e) => e.soort === 'ambitie'),
        verbanden: [],
        veronderstellingen: [],
      }),
    );
    const zien = teksten(boom);
    expect(zien).toContain('Er zijn nog geen veronderstellingen vastgelegd.');
    expect(zien).toContain(t.ambitie.tekst);
    expect(zien).not.toContain('Activiteiten');
    expect(zien).not.toContain('Uitkomsten');
  });

  it('still draws a theory that fails validation, marking the link against the flow', () => {
    const t = voorbeeldTheorie();
    const fout: Theorie = {
      ...t,
      verbanden: [
        ...t.verbanden,
        { id: 'terug', ...VOORBEELD_KRINGLOOP },
        { id: 'weg', vanId: VT.inloop, naarId: 'onbekend' },
      ],
    };
    const boom = parse(theorieNaarSvg(fout));
    const verbanden = alle(boom, 'g').filter((g) =>
      /^vt-verband( vt-terug)?$/.test(g.attr.class ?? ''),
    );
    expect(verbanden).toHaveLength(9);
    const terug = verbanden.filter((g) => g.attr.class === 'vt-verband vt-terug');
    expect(terug).toHaveLength(1);
    expect(terug[0].attr['aria-label']).toContain('tegen de richting in');
  });
});

describe('berekenLayout', () => {
  const layout = berekenLayout(voorbeeldTheorie());
  const knoop = (id: string) => layout.knopen.find((k) => k.elementId === id)!;

  it('puts activities left, outcomes by their place in the chain, the ambitie right', () => {
    expect([VT.inloop, VT.eenPlan, VT.buurt].map((id) => knoop(id).kolom)).toEqual([0, 0, 0]);
    expect(knoop(VT.socialeBasis).kolom).toBe(1);
    expect(knoop(VT.eerderHulp).kolom).toBe(2);
    expect(knoop(VT.zelfVerder).kolom).toBe(3);
    expect(knoop(VT.minderMaatwerk).kolom).toBe(4);
    expect(knoop(VT.ambitie).kolom).toBe(5);
    const x = (id: string) => knoop(id).x;
    expect(x(VT.inloop)).toBeLessThan(x(VT.socialeBasis));
    expect(x(VT.minderMaatwerk)).toBeLessThan(x(VT.ambitie));
  });

  it('places no box over another and every box, line and text inside the picture', () => {
    for (const a of layout.knopen) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(layout.vlak.y);
      expect(a.x + a.breedte).toBeLessThanOrEqual(layout.breedte);
      expect(a.y + a.hoogte).toBeLessThanOrEqual(layout.vlak.y + layout.vlak.hoogte + 0.1);
      for (const b of layout.knopen) {
        if (a === b) continue;
        const los =
          a.x + a.breedte <= b.x ||
          b.x + b.breedte <= a.x ||
          a.y + a.hoogte <= b.y ||
          b.y + b.hoogte <= a.y;
        expect(los).toBe(true);
      }
    }
    for (const v of layout.verbanden)
      for (const p of v.punten) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(layout.breedte);
        expect(p.y).toBeGreaterThanOrEqual(layout.vlak.y);
        expect(p.y).toBeLessThanOrEqual(layout.vlak.y + layout.vlak.hoogte);
      }
    const regels = [
      ...layout.kop,
      ...layout.kolomKoppen,
      layout.legendaKop,
      ...layout.legenda.flatMap((l) => l.regels),
    ];
    for (const r of regels) expect(r.y).toBeLessThan(layout.hoogte);
    expect(layout.legendaKop.y).toBeGreaterThan(layout.vlak.y + layout.vlak.hoogte);
  });

  it('starts each link on the right edge of its source and ends it on the left edge of its target', () => {
    for (const v of layout.verbanden) {
      const van = knoop(v.vanId);
      const naar = knoop(v.naarId);
      const begin = v.punten[0];
      const eind = v.punten[v.punten.length - 1];
      expect(begin).toEqual({ x: van.x + van.breedte, y: van.y + van.hoogte / 2 });
      expect(eind).toEqual({ x: naar.x, y: naar.y + naar.hoogte / 2 });
      expect(v.terug).toBe(false);
    }
  });

  it('leads a link that skips columns past the boxes in between, never through them', () => {
    const lang = layout.verbanden.find((v) => v.verbandId === VT.socialeBasisNaarAmbitie)!;
    // Through columns 2, 3 and 4: two points (in and out) per column.
    expect(lang.punten).toHaveLength(2 + 2 * 3);
    for (let i = 1; i < lang.punten.length - 1; i += 2) {
      const [in_, uit] = [lang.punten[i], lang.punten[i + 1]];
      expect(in_.y).toBe(uit.y);
      for (const k of layout.knopen.filter((k) => k.x === in_.x))
        expect(in_.y < k.y || in_.y > k.y + k.hoogte).toBe(true);
    }
  });

  it('keeps the assumption numbers apart', () => {
    const badges = layout.verbanden.flatMap((v) => (v.badge ? [v.badge] : []));
    expect(badges.map((b) => b.nummers)).toEqual([[1], [2], [3], [4], [5]]);
    for (const a of badges)
      for (const b of badges) {
        if (a === b) continue;
        const raakt =
          Math.abs(a.x - b.x) < (a.breedte + b.breedte) / 2 &&
          Math.abs(a.y - b.y) < 2 * MAAT.badgeStraal;
        expect(raakt).toBe(false);
      }
  });

  it('shows several assumptions on one link as one label', () => {
    const t = voorbeeldTheorie();
    const extra = { ...t.veronderstellingen[2], id: 'extra' };
    const l = berekenLayout({ ...t, veronderstellingen: [...t.veronderstellingen, extra] });
    expect(
      l.verbanden.find((v) => v.verbandId === VT.eerderHulpNaarZelfVerder)!.badge!.nummers,
    ).toEqual([3, 6]);
  });
});
