import { nummerVeronderstellingen } from '../graaf';
import {
  BEWIJSSTATUS_LABELS,
  ELEMENT_SOORT_LABELS,
  ElementSoort,
  KENNISBRON_LABELS,
  STRATEGIE_LABELS,
  Theorie,
  TheorieElement,
  Verband,
  isOutcomeSoort,
} from '../model';
import { STRATEGIE_METING } from '../strategie';
import { breekAfOpBreedte, tekstBreedte as geschatteBreedte } from './tekst';

/**
 * A deterministic left-to-right layout of a theory of change (a small Sugiyama layout):
 *
 * 1. Columns: activities in column 0; an outcome one column after the furthest outcome that
 *    leads to it (longest path); the ambitie in the last column.
 * 2. A link that skips columns gets a waypoint in every column in between, which takes room in
 *    that column like a small node, so no arrow runs underneath a box it does not touch.
 * 3. Order within a column: barycenter sweeps down and up, keeping the order with the fewest
 *    crossings (ties keep the order of theorie.elementen).
 * 4. Boxes stacked per column, centred on the tallest column; text wrapped to the box.
 *
 * The same theory always gives the same layout. Everything in pixels of the SVG user space.
 */

export const MAAT = {
  marge: 32,
  knoopBreedte: 230,
  kolomAfstand: 100,
  knoopAfstand: 22,
  wegpuntHoogte: 8,
  wegpuntAfstand: 10,
  binnenrand: 10,
  letter: 13,
  regel: 17,
  soortLetter: 10.5,
  soortRegel: 15,
  titelLetter: 20,
  titelRegel: 26,
  kopLetter: 14,
  kopRegel: 20,
  legendaLetter: 12.5,
  legendaRegel: 17,
  metaLetter: 11.5,
  metaRegel: 15,
  badgeStraal: 10,
  minBreedte: 880,
} as const;

export interface KnoopLayout {
  elementId: string;
  soort: ElementSoort;
  kolom: number;
  x: number;
  y: number;
  breedte: number;
  hoogte: number;
  soortLabel: string;
  regels: string[];
  titel: string;
  omschrijving: string | null;
}

export interface Punt {
  x: number;
  y: number;
}

export interface VerbandLayout {
  verbandId: string;
  vanId: string;
  naarId: string;
  /** The SVG path data, ending on the left edge of the target box. */
  d: string;
  /** Start, waypoints and end, for tests and hit areas. */
  punten: Punt[];
  /** Drawn against the flow: only in a theory that fails validation. */
  terug: boolean;
  /** The assumption numbers on this link, if any, with where to draw them. */
  badge: { x: number; y: number; breedte: number; nummers: number[] } | null;
}

export interface TekstRegel {
  x: number;
  y: number;
  tekst: string;
  klasse: string;
}

export interface LegendaItem {
  veronderstellingId: string;
  nummer: number;
  badge: Punt;
  regels: TekstRegel[];
}

export interface DiagramLayout {
  breedte: number;
  hoogte: number;
  kop: TekstRegel[];
  kolomKoppen: TekstRegel[];
  knopen: KnoopLayout[];
  verbanden: VerbandLayout[];
  legendaKop: TekstRegel;
  legenda: LegendaItem[];
  /** The line shown instead of the legend when no assumption is recorded. */
  legendaLeeg: TekstRegel | null;
  /** The diagram area (between the column headings and the legend). */
  vlak: { x: number; y: number; breedte: number; hoogte: number };
}

interface Item {
  sleutel: string;
  kolom: number;
  element?: TheorieElement;
  hoogte: number;
  y: number;
}

interface Segment {
  van: Item;
  naar: Item;
}

function elementKolommen(
  theorie: Theorie,
  elementen: Map<string, TheorieElement>,
): Map<string, number> {
  const voorgangers = new Map<string, string[]>();
  for (const v of theorie.verbanden) {
    const van = elementen.get(v.vanId);
    const naar = elementen.get(v.naarId);
    if (!van || !naar || van.id === naar.id) continue;
    if (isOutcomeSoort(van.soort) && isOutcomeSoort(naar.soort))
      voorgangers.set(naar.id, [...(voorgangers.get(naar.id) ?? []), van.id]);
  }
  const rang = new Map<string, number>();
  const bezig = new Set<string>();
  const bepaal = (id: string): number => {
    const bekend = rang.get(id);
    if (bekend !== undefined) return bekend;
    bezig.add(id);
    let r = 1;
    // A predecessor still being computed closes a kringloop: leave that link out of the ranks.
    for (const p of voorgangers.get(id) ?? []) if (!bezig.has(p)) r = Math.max(r, bepaal(p) + 1);
    bezig.delete(id);
    rang.set(id, r);
    return r;
  };
  const kolommen = new Map<string, number>();
  let laatsteOutcome = 0;
  for (const e of elementen.values()) {
    if (e.soort === 'activiteit') kolommen.set(e.id, 0);
    else if (isOutcomeSoort(e.soort)) {
      const r = bepaal(e.id);
      kolommen.set(e.id, r);
      laatsteOutcome = Math.max(laatsteOutcome, r);
    }
  }
  for (const e of elementen.values())
    if (e.soort === 'ambitie') kolommen.set(e.id, laatsteOutcome + 1);
  return kolommen;
}

function kruisingen(kolommen: Item[][], segmenten: Segment[]): number {
  const plek = new Map<Item, number>();
  for (const kolom of kolommen) kolom.forEach((item, i) => plek.set(item, i));
  let aantal = 0;
  for (let i = 0; i < segmenten.length; i++)
    for (let j = i + 1; j < segmenten.length; j++) {
      const a = segmenten[i];
      const b = segmenten[j];
      if (a.van.kolom !== b.van.kolom) continue;
      const boven = plek.get(a.van)! - plek.get(b.van)!;
      const onder = plek.get(a.naar)! - plek.get(b.naar)!;
      if (boven * onder < 0) aantal++;
    }
  return aantal;
}

function sorteer(kolommen: Item[][], segmenten: Segment[], richting: 'omlaag' | 'omhoog'): void {
  const volgorde =
    richting === 'omlaag'
      ? kolommen.map((_, i) => i).slice(1)
      : kolommen
          .map((_, i) => i)
          .slice(0, -1)
          .reverse();
  for (const k of volgorde) {
    const buren = richting === 'omlaag' ? k - 1 : k + 1;
    const plek = new Map(kolommen[buren].map((item, i) => [item, i]));
    const huidig = new Map(kolommen[k].map((item, i) => [item, i]));
    const gewicht = new Map<Item, number>();
    for (const item of kolommen[k]) {
      const andere = segmenten
        .filter((s) => (richting === 'omlaag' ? s.naar === item : s.van === item))
        .map((s) => plek.get(richting === 'omlaag' ? s.van : s.naar)!);
      // Scale to the neighbour column's size so columns of different lengths compare fairly.
      const schaal = (n: number, lengte: number) => (n + 0.5) / Math.max(1, lengte);
      gewicht.set(
        item,
        andere.length
          ? andere.reduce((a, b) => a + schaal(b, kolommen[buren].length), 0) / andere.length
          : schaal(huidig.get(item)!, kolommen[k].length),
      );
    }
    kolommen[k].sort(
      (a, b) => gewicht.get(a)! - gewicht.get(b)! || huidig.get(a)! - huidig.get(b)!,
    );
  }
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function bochtPad(punten: Punt[], breedte: number): string {
  // Horizontal tangents at each point: a smooth S-curve per column gap, straight through
  // waypoints (which span the width of a box column).
  let d = `M ${r1(punten[0].x)} ${r1(punten[0].y)}`;
  for (let i = 1; i < punten.length; i++) {
    const a = punten[i - 1];
    const b = punten[i];
    const trek = Math.max(40, Math.abs(b.x - a.x) / 2);
    if (b.x < a.x + 1) {
      // Against the flow: loop out to the right and back in from the left.
      const lus = Math.max(60, breedte / 2);
      d += ` C ${r1(a.x + lus)} ${r1(a.y)}, ${r1(b.x - lus)} ${r1(b.y)}, ${r1(b.x)} ${r1(b.y)}`;
    } else
      d += ` C ${r1(a.x + trek)} ${r1(a.y)}, ${r1(b.x - trek)} ${r1(b.y)}, ${r1(b.x)} ${r1(b.y)}`;
  }
  return d;
}

function knoopHoogte(regels: number): number {
  return MAAT.binnenrand * 2 + MAAT.soortRegel + regels * MAAT.regel;
}

function kolomX(kolom: number): number {
  return MAAT.marge + kolom * (MAAT.knoopBreedte + MAAT.kolomAfstand);
}

export function berekenLayout(theorie: Theorie): DiagramLayout {
  const elementen = new Map<string, TheorieElement>();
  for (const e of theorie.elementen) if (!elementen.has(e.id)) elementen.set(e.id, e);
  const kolomVan = elementKolommen(theorie, elementen);
  const aantalKolommen = Math.max(1, ...[...kolomVan.values()].map((k) => k + 1));
  const knoopRegels = (e: TheorieElement) =>
    breekAfOpBreedte(
      e.titel,
      MAAT.knoopBreedte - 2 * MAAT.binnenrand,
      MAAT.letter,
      e.soort === 'ambitie',
    );

  const kolommen: Item[][] = Array.from({ length: aantalKolommen }, () => []);
  const items = new Map<string, Item>();
  for (const e of elementen.values()) {
    const kolom = kolomVan.get(e.id)!;
    const item: Item = {
      sleutel: e.id,
      kolom,
      element: e,
      hoogte: knoopHoogte(knoopRegels(e).length),
      y: 0,
    };
    items.set(e.id, item);
    kolommen[kolom].push(item);
  }

  // Links: forward ones become segments between neighbouring columns through waypoints.
  const segmenten: Segment[] = [];
  const route = new Map<string, Item[]>();
  const gezien = new Set<string>();
  const verbanden: Verband[] = [];
  for (const v of theorie.verbanden) {
    const van = items.get(v.vanId);
    const naar = items.get(v.naarId);
    if (!van || !naar || van === naar || gezien.has(v.id)) continue;
    gezien.add(v.id);
    verbanden.push(v);
    if (naar.kolom <= van.kolom) {
      route.set(v.id, [van, naar]);
      continue;
    }
    const weg: Item[] = [van];
    for (let k = van.kolom + 1; k < naar.kolom; k++) {
      const wegpunt: Item = { sleutel: `${v.id}@${k}`, kolom: k, hoogte: MAAT.wegpuntHoogte, y: 0 };
      kolommen[k].push(wegpunt);
      weg.push(wegpunt);
    }
    weg.push(naar);
    for (let i = 1; i < weg.length; i++) segmenten.push({ van: weg[i - 1], naar: weg[i] });
    route.set(v.id, weg);
  }

  let beste = kolommen.map((k) => [...k]);
  let minste = kruisingen(beste, segmenten);
  for (let ronde = 0; ronde < 4 && minste > 0; ronde++) {
    sorteer(kolommen, segmenten, 'omlaag');
    sorteer(kolommen, segmenten, 'omhoog');
    const aantal = kruisingen(kolommen, segmenten);
    if (aantal < minste) {
      minste = aantal;
      beste = kolommen.map((k) => [...k]);
    }
  }

  // Header: title, strategy, ambitie.
  const kolommenBreedte =
    MAAT.marge * 2 + aantalKolommen * MAAT.knoopBreedte + (aantalKolommen - 1) * MAAT.kolomAfstand;
  const breedte = Math.max(MAAT.minBreedte, kolommenBreedte);
  const tekstBreedte = breedte - 2 * MAAT.marge;
  const kop: TekstRegel[] = [];
  let y = MAAT.marge;
  for (const regel of breekAfOpBreedte(
    `Verandertheorie: ${theorie.titel}`,
    tekstBreedte,
    MAAT.titelLetter,
    true,
  )) {
    y += MAAT.titelRegel;
    kop.push({ x: MAAT.marge, y, tekst: regel, klasse: 'titel' });
  }
  y += 6;
  const meting = STRATEGIE_METING[theorie.strategie];
  for (const [klasse, tekst] of [
    ['ondertitel', `Strategie: ${STRATEGIE_LABELS[theorie.strategie]}. ${meting.meet}`],
    ['ondertitel', `Ambitie: ${theorie.ambitie.tekst}`],
  ] as const)
    for (const regel of breekAfOpBreedte(tekst, tekstBreedte, MAAT.letter)) {
      y += MAAT.regel;
      kop.push({ x: MAAT.marge, y, tekst: regel, klasse });
    }

  // Column headings.
  y += 18 + MAAT.kopRegel;
  const kolomKoppen: TekstRegel[] = [];
  const midden = (van: number, tot: number) => (kolomX(van) + kolomX(tot) + MAAT.knoopBreedte) / 2;
  const soortKolommen = (test: (s: ElementSoort) => boolean) =>
    [...elementen.values()].filter((e) => test(e.soort)).map((e) => kolomVan.get(e.id)!);
  const activiteitKolommen = soortKolommen((s) => s === 'activiteit');
  const outcomeKolommen = soortKolommen(isOutcomeSoort);
  const ambitieKolommen = soortKolommen((s) => s === 'ambitie');
  if (activiteitKolommen.length)
    kolomKoppen.push({ x: midden(0, 0), y, tekst: 'Activiteiten', klasse: 'kolomkop' });
  if (outcomeKolommen.length)
    kolomKoppen.push({
      x: midden(Math.min(...outcomeKolommen), Math.max(...outcomeKolommen)),
      y,
      tekst: 'Uitkomsten',
      klasse: 'kolomkop',
    });
  if (ambitieKolommen.length) {
    const k = ambitieKolommen[0];
    kolomKoppen.push({ x: midden(k, k), y, tekst: 'Ambitie', klasse: 'kolomkop' });
  }

  // Stack the columns, centred on the tallest.
  const vlakY = y + 16;
  const afstand = (a: Item, b: Item) =>
    a.element && b.element ? MAAT.knoopAfstand : MAAT.wegpuntAfstand;
  const kolomHoogte = (kolom: Item[]) =>
    kolom.reduce((som, item, i) => som + item.hoogte + (i ? afstand(kolom[i - 1], item) : 0), 0);
  const vlakHoogte = Math.max(0, ...beste.map(kolomHoogte));
  for (const kolom of beste) {
    let top = vlakY + (vlakHoogte - kolomHoogte(kolom)) / 2;
    kolom.forEach((item, i) => {
      if (i) top += afstand(kolom[i - 1], item);
      item.y = top;
      top += item.hoogte;
    });
  }

  const knopen: KnoopLayout[] = beste.flat().flatMap((item) =>
    item.element
      ? [
          {
            elementId: item.element.id,
            soort: item.element.soort,
            kolom: item.kolom,
            x: kolomX(item.kolom),
            y: r1(item.y),
            breedte: MAAT.knoopBreedte,
            hoogte: item.hoogte,
            soortLabel: ELEMENT_SOORT_LABELS[item.element.soort].replace(/^./, (c) =>
              c.toUpperCase(),
            ),
            regels: knoopRegels(item.element),
            titel: item.element.titel,
            omschrijving: item.element.omschrijving,
          },
        ]
      : [],
  );
  knopen.sort((a, b) => a.kolom - b.kolom || a.y - b.y);

  // Link geometry and assumption badges.
  const nummers = nummerVeronderstellingen(theorie);
  const nummersPerVerband = new Map<string, number[]>();
  for (const v of theorie.veronderstellingen) {
    const n = nummers.get(v.id);
    if (n !== undefined)
      nummersPerVerband.set(v.verbandId, [...(nummersPerVerband.get(v.verbandId) ?? []), n]);
  }
  const midY = (item: Item) => item.y + item.hoogte / 2;
  const verbandLayouts: VerbandLayout[] = verbanden.map((v) => {
    const weg = route.get(v.id)!;
    const terug = weg.length === 2 && weg[1].kolom <= weg[0].kolom;
    const punten: Punt[] = [{ x: kolomX(weg[0].kolom) + MAAT.knoopBreedte, y: midY(weg[0]) }];
    for (const wegpunt of weg.slice(1, -1)) {
      punten.push({ x: kolomX(wegpunt.kolom), y: midY(wegpunt) });
      punten.push({ x: kolomX(wegpunt.kolom) + MAAT.knoopBreedte, y: midY(wegpunt) });
    }
    const doel = weg[weg.length - 1];
    punten.push({ x: kolomX(doel.kolom), y: midY(doel) });
    const getallen = nummersPerVerband.get(v.id) ?? [];
    const laatste = punten.slice(-2);
    const badge = getallen.length
      ? {
          // The middle of the last gap, where an S-curve between two points passes its midpoint.
          x: terug ? laatste[1].x - 24 : (laatste[0].x + laatste[1].x) / 2,
          y: terug ? laatste[1].y - 18 : (laatste[0].y + laatste[1].y) / 2,
          breedte: Math.max(
            2 * MAAT.badgeStraal,
            Math.ceil(geschatteBreedte(getallen.join(', '), 11, true)) + 10,
          ),
          nummers: getallen,
        }
      : null;
    return {
      verbandId: v.id,
      vanId: v.vanId,
      naarId: v.naarId,
      d: bochtPad(punten, MAAT.kolomAfstand),
      punten,
      terug,
      badge,
    };
  });
  // Badges in the same gap that would touch move apart, top to bottom.
  const badges = verbandLayouts
    .map((v) => v.badge)
    .filter((b): b is NonNullable<VerbandLayout['badge']> => b !== null)
    .sort((a, b) => a.x - b.x || a.y - b.y);
  const tussenruimte = 2 * MAAT.badgeStraal + 4;
  for (let ronde = 0, verschoven = true; verschoven && ronde < badges.length; ronde++) {
    verschoven = false;
    for (let i = 0; i < badges.length; i++)
      for (let j = 0; j < i; j++) {
        const a = badges[j];
        const b = badges[i];
        const rakenX = Math.abs(a.x - b.x) < (a.breedte + b.breedte) / 2 + 2;
        if (rakenX && Math.abs(a.y - b.y) < tussenruimte - 0.01) {
          b.y = a.y + tussenruimte;
          verschoven = true;
        }
      }
  }
  for (const b of badges) {
    b.x = r1(b.x);
    b.y = r1(b.y);
  }

  // Legend.
  let legendaY = vlakY + vlakHoogte + 40 + MAAT.kopRegel;
  const legendaKop: TekstRegel = {
    x: MAAT.marge,
    y: legendaY,
    tekst: 'Veronderstellingen',
    klasse: 'kop',
  };
  const inspring = MAAT.marge + 2 * MAAT.badgeStraal + 12;
  const legendaBreedte = breedte - inspring - MAAT.marge;
  const legenda: LegendaItem[] = [];
  const veronderstellingen = theorie.veronderstellingen.filter((v) => nummers.has(v.id));
  if (!veronderstellingen.length) legendaY += MAAT.legendaRegel;
  const legendaLeeg = veronderstellingen.length
    ? null
    : {
        x: MAAT.marge,
        y: legendaY + 4,
        tekst: 'Er zijn nog geen veronderstellingen vastgelegd.',
        klasse: 'legenda',
      };
  for (const v of veronderstellingen) {
    const verband = verbanden.find((vb) => vb.id === v.verbandId)!;
    const van = elementen.get(verband.vanId)!;
    const naar = elementen.get(verband.naarId)!;
    const regels: TekstRegel[] = [];
    legendaY += 10;
    const eersteY = legendaY + MAAT.legendaRegel;
    for (const regel of breekAfOpBreedte(v.tekst, legendaBreedte, MAAT.legendaLetter)) {
      legendaY += MAAT.legendaRegel;
      regels.push({ x: inspring, y: legendaY, tekst: regel, klasse: 'legenda' });
    }
    const meta = [
      `Verband: ${van.titel} → ${naar.titel}`,
      `Kennisbron: ${KENNISBRON_LABELS[v.kennisbron]}. Bewijsstatus: ${BEWIJSSTATUS_LABELS[v.bewijsstatus]}.`,
      ...(v.randvoorwaarden.length ? [`Randvoorwaarden: ${v.randvoorwaarden.join('; ')}.`] : []),
      ...(v.externeFactoren.length ? [`Externe factoren: ${v.externeFactoren.join('; ')}.`] : []),
    ];
    for (const zin of meta)
      for (const regel of breekAfOpBreedte(zin, legendaBreedte, MAAT.metaLetter)) {
        legendaY += MAAT.metaRegel;
        regels.push({ x: inspring, y: legendaY, tekst: regel, klasse: 'meta' });
      }
    legenda.push({
      veronderstellingId: v.id,
      nummer: nummers.get(v.id)!,
      badge: { x: MAAT.marge + MAAT.badgeStraal, y: eersteY - 4 },
      regels,
    });
  }

  return {
    breedte,
    hoogte: Math.ceil(legendaY + MAAT.marge),
    kop,
    kolomKoppen,
    knopen,
    verbanden: verbandLayouts,
    legendaKop,
    legenda,
    legendaLeeg,
    vlak: { x: MAAT.marge, y: vlakY, breedte: breedte - 2 * MAAT.marge, hoogte: vlakHoogte },
  };
}
