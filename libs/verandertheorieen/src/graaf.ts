import {
  ELEMENT_SOORT_LABELS,
  ElementSoort,
  Theorie,
  TheorieElement,
  Verband,
  Veronderstelling,
  isOutcomeSoort,
} from './model';

/**
 * The theory of change as a directed graph: activities → outcomes → ambitie.
 *
 * Which links are allowed (the "van → naar" table below):
 *
 * - activiteit → outcome (individual or societal). An activity contributes to the ambitie only
 *   through what it changes for someone, so activiteit → ambitie is refused: the outcome in
 *   between is the point of the theory ("wat verandert er, voor wie?").
 * - outcome → outcome, in any combination of individual and societal. Individual → societal is
 *   the usual chain; societal → individual is allowed too, because in the wijk a stronger
 *   sociale basis is exactly what makes residents ask for help earlier. A reversed arrow is
 *   caught where it matters: when it closes a kringloop.
 * - outcome → ambitie.
 * - never into an activiteit (it is where the reasoning starts, "als ik A doe") and never out
 *   of the ambitie (where it ends).
 *
 * Besides: exactly one ambitie element, no link from an element to itself, at most one link
 * per ordered pair (a second reason belongs on the existing link as another assumption), no
 * cycles. Everything here is a pure function over a Theorie; the service checks a write with
 * `kanVerbandToevoegen` / `kanElementToevoegen` / `valideerTheorie` and maps a refusal to a
 * DomainError with the melding as detail.
 */

export const TOEGESTANE_VERBANDEN: Readonly<Record<ElementSoort, readonly ElementSoort[]>> = {
  activiteit: ['outcome-individueel', 'outcome-maatschappelijk'],
  'outcome-individueel': ['outcome-individueel', 'outcome-maatschappelijk', 'ambitie'],
  'outcome-maatschappelijk': ['outcome-individueel', 'outcome-maatschappelijk', 'ambitie'],
  ambitie: [],
};

export function isVerbandToegestaan(van: ElementSoort, naar: ElementSoort): boolean {
  return TOEGESTANE_VERBANDEN[van].includes(naar);
}

export type GraafMeldingCode =
  | 'element-dubbel'
  | 'geen-ambitie'
  | 'meerdere-ambities'
  | 'verband-onbekend-element'
  | 'verband-naar-zichzelf'
  | 'verband-richting-niet-toegestaan'
  | 'verband-dubbel'
  | 'kringloop'
  | 'veronderstelling-zonder-verband'
  | 'element-bereikt-ambitie-niet';

export interface GraafMelding {
  code: GraafMeldingCode;
  /** 'fout': the theory may not be saved like this; 'aandacht': unfinished, worth a look. */
  ernst: 'fout' | 'aandacht';
  melding: string;
  elementIds: string[];
  verbandIds: string[];
  veronderstellingIds: string[];
  /** For a kringloop: the element ids around it, the first repeated at the end. */
  pad?: string[];
}

/** One simple path from an element to the ambitie: n elements joined by n − 1 links. */
export interface Pad {
  elementIds: string[];
  verbandIds: string[];
}

export type VerbandControle = { toegestaan: true } | { toegestaan: false; fout: GraafMelding };

export type ElementControle = { toegestaan: true } | { toegestaan: false; fout: GraafMelding };

function naam(element: TheorieElement | undefined, id: string): string {
  return `'${element?.titel?.trim() || id}'`;
}

function elementMap(theorie: Theorie): Map<string, TheorieElement> {
  const map = new Map<string, TheorieElement>();
  // The first element with an id wins, as everywhere else in this file.
  for (const element of theorie.elementen) if (!map.has(element.id)) map.set(element.id, element);
  return map;
}

function melding(
  code: GraafMeldingCode,
  tekst: string,
  ids: {
    elementIds?: string[];
    verbandIds?: string[];
    veronderstellingIds?: string[];
    pad?: string[];
  } = {},
  ernst: GraafMelding['ernst'] = 'fout',
): GraafMelding {
  return {
    code,
    ernst,
    melding: tekst,
    elementIds: ids.elementIds ?? [],
    verbandIds: ids.verbandIds ?? [],
    veronderstellingIds: ids.veronderstellingIds ?? [],
    ...(ids.pad ? { pad: ids.pad } : {}),
  };
}

function richtingMelding(van: TheorieElement, naar: TheorieElement): string {
  const tussen = `het verband van ${naam(van, van.id)} naar ${naam(naar, naar.id)}`;
  if (van.soort === 'ambitie')
    return `Vanuit de ambitie kan geen verband vertrekken: de ambitie is het eindpunt van de verandertheorie. Draai ${tussen} om, of laat het weg.`;
  if (naar.soort === 'activiteit')
    return `Een verband kan niet naar een activiteit wijzen: een activiteit is het begin van de redenering ("als ik A doe"). Draai ${tussen} om, zodat het van de activiteit naar de uitkomst loopt die zij moet opleveren.`;
  // The only refused combination left: activiteit → ambitie.
  return `Een activiteit draagt via een uitkomst bij aan de ambitie, niet rechtstreeks. Leg in plaats van ${tussen} een verband naar de uitkomst die de activiteit oplevert (wat verandert er, voor wie?) en van daaruit naar de ambitie.`;
}

function kringloopTekst(pad: string[], elementen: Map<string, TheorieElement>): string {
  return pad.map((id) => naam(elementen.get(id), id)).join(' → ');
}

const KRINGLOOP_UITLEG =
  'Een verandertheorie loopt van activiteiten via uitkomsten naar de ambitie en komt nooit bij zichzelf terug. Bepaal welke uitkomst eerst komt en laat het verband weg dat terugwijst.';

/**
 * Outgoing links per element, in the order of theorie.verbanden, of the links that can be
 * followed: both ends known, not to itself, in an allowed direction. A link that breaks one of
 * those rules is reported for that, and not followed into paths or cycles as well.
 */
function uitgaand(
  theorie: Theorie,
  elementen: Map<string, TheorieElement>,
): Map<string, Verband[]> {
  const map = new Map<string, Verband[]>();
  for (const verband of theorie.verbanden) {
    if (verband.vanId === verband.naarId) continue;
    const van = elementen.get(verband.vanId);
    const naar = elementen.get(verband.naarId);
    if (!van || !naar || !isVerbandToegestaan(van.soort, naar.soort)) continue;
    const lijst = map.get(verband.vanId) ?? [];
    lijst.push(verband);
    map.set(verband.vanId, lijst);
  }
  return map;
}

/** The ambitie element, or undefined when the theory has none (yet). */
export function ambitieElement(theorie: Theorie): TheorieElement | undefined {
  return theorie.elementen.find((element) => element.soort === 'ambitie');
}

/**
 * Every cycle a depth-first search meets, each as the element ids around it with the first
 * repeated at the end, in a deterministic order (elements and links in array order). A valid
 * theory has none; with the direction rules a cycle can only run through outcomes.
 */
export function vindKringlopen(theorie: Theorie): string[][] {
  const elementen = elementMap(theorie);
  const volgende = uitgaand(theorie, elementen);
  const kleur = new Map<string, 'bezig' | 'klaar'>();
  const stapel: string[] = [];
  const kringlopen: string[][] = [];

  const bezoek = (id: string): void => {
    kleur.set(id, 'bezig');
    stapel.push(id);
    for (const verband of volgende.get(id) ?? []) {
      const status = kleur.get(verband.naarId);
      if (status === 'bezig') {
        kringlopen.push([...stapel.slice(stapel.indexOf(verband.naarId)), verband.naarId]);
      } else if (status === undefined) {
        bezoek(verband.naarId);
      }
    }
    stapel.pop();
    kleur.set(id, 'klaar');
  };

  for (const id of elementen.keys()) if (!kleur.has(id)) bezoek(id);
  return kringlopen;
}

/** The shortest path of links from `vanId` to `naarId` (breadth first, links in array order). */
function kortstePad(
  volgende: Map<string, Verband[]>,
  vanId: string,
  naarId: string,
): string[] | null {
  const vorige = new Map<string, string | null>([[vanId, null]]);
  const rij = [vanId];
  for (let i = 0; i < rij.length; i++) {
    const huidig = rij[i];
    if (huidig === naarId) {
      const pad: string[] = [];
      for (let stap: string | null = huidig; stap !== null; stap = vorige.get(stap) ?? null)
        pad.unshift(stap);
      return pad;
    }
    for (const verband of volgende.get(huidig) ?? []) {
      if (vorige.has(verband.naarId)) continue;
      vorige.set(verband.naarId, huidig);
      rij.push(verband.naarId);
    }
  }
  return null;
}

/**
 * Whether a new link `vanId → naarId` may be added to the theory as it is. Checks, in this
 * order: both elements exist, not a link to itself, the direction, not a duplicate, no
 * kringloop. A refused kringloop names the cycle: "Dit verband maakt een kringloop: 'A' → 'B'
 * → 'C' → 'A'".
 */
export function kanVerbandToevoegen(
  theorie: Theorie,
  vanId: string,
  naarId: string,
): VerbandControle {
  const elementen = elementMap(theorie);
  const van = elementen.get(vanId);
  const naar = elementen.get(naarId);
  const weiger = (fout: GraafMelding): VerbandControle => ({ toegestaan: false, fout });
  const onbekend = [vanId, naarId].filter((id) => !elementen.has(id));
  if (!van || !naar)
    return weiger(
      melding(
        'verband-onbekend-element',
        `Het verband verwijst naar ${onbekend.length === 1 ? 'een element dat' : 'elementen die'} niet in deze verandertheorie ${onbekend.length === 1 ? 'staat' : 'staan'} (${onbekend.join(', ')}). Kies een activiteit of uitkomst uit deze verandertheorie.`,
        { elementIds: onbekend },
      ),
    );
  if (vanId === naarId)
    return weiger(
      melding(
        'verband-naar-zichzelf',
        `Een element kan niet aan zichzelf bijdragen: een verband van ${naam(van, vanId)} naar zichzelf is niet toegestaan.`,
        { elementIds: [vanId] },
      ),
    );
  if (!isVerbandToegestaan(van.soort, naar.soort))
    return weiger(
      melding('verband-richting-niet-toegestaan', richtingMelding(van, naar), {
        elementIds: [vanId, naarId],
      }),
    );
  const bestaand = theorie.verbanden.find((v) => v.vanId === vanId && v.naarId === naarId);
  if (bestaand)
    return weiger(
      melding(
        'verband-dubbel',
        `Er bestaat al een verband van ${naam(van, vanId)} naar ${naam(naar, naarId)}. Voeg de nieuwe reden als veronderstelling toe aan dat verband in plaats van een tweede verband te leggen.`,
        { elementIds: [vanId, naarId], verbandIds: [bestaand.id] },
      ),
    );
  const terug = kortstePad(uitgaand(theorie, elementen), naarId, vanId);
  if (terug) {
    const pad = [vanId, ...terug];
    return weiger(
      melding(
        'kringloop',
        `Dit verband maakt een kringloop: ${kringloopTekst(pad, elementen)}. ${KRINGLOOP_UITLEG}`,
        { elementIds: [...new Set(pad)], pad },
      ),
    );
  }
  return { toegestaan: true };
}

/** Whether an element of this soort may be added: a theory has exactly one ambitie. */
export function kanElementToevoegen(theorie: Theorie, soort: ElementSoort): ElementControle {
  const ambitie = ambitieElement(theorie);
  if (soort === 'ambitie' && ambitie)
    return {
      toegestaan: false,
      fout: melding(
        'meerdere-ambities',
        `Deze verandertheorie heeft al een ambitie (${naam(ambitie, ambitie.id)}). Een verandertheorie heeft precies één ambitie: voeg dit toe als maatschappelijke uitkomst die aan de ambitie bijdraagt, of begin er een aparte verandertheorie voor.`,
        { elementIds: [ambitie.id] },
      ),
    };
  return { toegestaan: true };
}

/**
 * Everything wrong with a whole theory, errors first in a fixed order, then the 'aandacht'
 * notes (elements that do not reach the ambitie, normal while a theory is being built).
 */
export function valideerTheorie(theorie: Theorie): GraafMelding[] {
  const meldingen: GraafMelding[] = [];
  const elementen = elementMap(theorie);

  const aantallen = new Map<string, number>();
  for (const element of theorie.elementen)
    aantallen.set(element.id, (aantallen.get(element.id) ?? 0) + 1);
  for (const [id, aantal] of aantallen)
    if (aantal > 1)
      meldingen.push(
        melding(
          'element-dubbel',
          `Het element-id ${id} komt ${aantal} keer voor; elk element heeft een eigen id.`,
          {
            elementIds: [id],
          },
        ),
      );

  const ambities = [...elementen.values()].filter((element) => element.soort === 'ambitie');
  if (!ambities.length)
    meldingen.push(
      melding(
        'geen-ambitie',
        'Deze verandertheorie heeft geen ambitie. Voeg precies één element van de soort ambitie toe: het eindpunt waaraan alle activiteiten en uitkomsten bijdragen.',
      ),
    );
  if (ambities.length > 1)
    meldingen.push(
      melding(
        'meerdere-ambities',
        `Deze verandertheorie heeft ${ambities.length} ambities (${ambities.map((a) => naam(a, a.id)).join(', ')}). Een verandertheorie heeft precies één ambitie: maak van de andere maatschappelijke uitkomsten die aan de ambitie bijdragen, of een aparte verandertheorie.`,
        { elementIds: ambities.map((a) => a.id) },
      ),
    );

  const gezien = new Map<string, string>();
  for (const verband of theorie.verbanden) {
    const van = elementen.get(verband.vanId);
    const naar = elementen.get(verband.naarId);
    if (!van || !naar) {
      const onbekend = [verband.vanId, verband.naarId].filter((id) => !elementen.has(id));
      meldingen.push(
        melding(
          'verband-onbekend-element',
          `Verband ${verband.id} verwijst naar ${onbekend.length === 1 ? 'een element dat' : 'elementen die'} niet in deze verandertheorie ${onbekend.length === 1 ? 'staat' : 'staan'} (${onbekend.join(', ')}). Verwijder het verband of koppel het aan een bestaand element.`,
          { elementIds: onbekend, verbandIds: [verband.id] },
        ),
      );
      continue;
    }
    if (van.id === naar.id) {
      meldingen.push(
        melding(
          'verband-naar-zichzelf',
          `Een element kan niet aan zichzelf bijdragen: verwijder het verband van ${naam(van, van.id)} naar zichzelf.`,
          { elementIds: [van.id], verbandIds: [verband.id] },
        ),
      );
      continue;
    }
    if (!isVerbandToegestaan(van.soort, naar.soort))
      meldingen.push(
        melding('verband-richting-niet-toegestaan', richtingMelding(van, naar), {
          elementIds: [van.id, naar.id],
          verbandIds: [verband.id],
        }),
      );
    const sleutel = `${van.id}\u0000${naar.id}`;
    const eerder = gezien.get(sleutel);
    if (eerder !== undefined)
      meldingen.push(
        melding(
          'verband-dubbel',
          `Er liggen twee verbanden van ${naam(van, van.id)} naar ${naam(naar, naar.id)}. Voeg ze samen tot één verband met meerdere veronderstellingen.`,
          { elementIds: [van.id, naar.id], verbandIds: [eerder, verband.id] },
        ),
      );
    else gezien.set(sleutel, verband.id);
  }

  for (const pad of vindKringlopen(theorie)) {
    const verbandIds = pad
      .slice(1)
      .map(
        (naarId, i) => theorie.verbanden.find((v) => v.vanId === pad[i] && v.naarId === naarId)?.id,
      )
      .filter((id): id is string => id !== undefined);
    meldingen.push(
      melding(
        'kringloop',
        `Deze verbanden vormen een kringloop: ${kringloopTekst(pad, elementen)}. ${KRINGLOOP_UITLEG}`,
        {
          elementIds: [...new Set(pad)],
          verbandIds,
          pad,
        },
      ),
    );
  }

  const verbandIds = new Set(theorie.verbanden.map((v) => v.id));
  for (const veronderstelling of theorie.veronderstellingen)
    if (!verbandIds.has(veronderstelling.verbandId))
      meldingen.push(
        melding(
          'veronderstelling-zonder-verband',
          `Veronderstelling '${veronderstelling.tekst}' hangt aan een verband dat niet in deze verandertheorie staat. Koppel haar aan een bestaand verband of verwijder haar.`,
          { verbandIds: [veronderstelling.verbandId], veronderstellingIds: [veronderstelling.id] },
        ),
      );

  if (ambities.length) {
    const bereikt = bereiktAmbitie(theorie);
    for (const element of elementen.values()) {
      if (element.soort === 'ambitie' || bereikt.has(element.id)) continue;
      const tekst =
        element.soort === 'activiteit'
          ? `Activiteit ${naam(element, element.id)} draagt via geen enkel verband bij aan de ambitie. Verbind haar met de uitkomst die zij moet opleveren, of laat haar weg uit de verandertheorie.`
          : `${ELEMENT_SOORT_LABELS[element.soort].replace(/^./, (c) => c.toUpperCase())} ${naam(element, element.id)} leidt via geen enkel verband naar de ambitie. Verbind haar met de uitkomst of de ambitie waaraan zij bijdraagt.`;
      meldingen.push(
        melding('element-bereikt-ambitie-niet', tekst, { elementIds: [element.id] }, 'aandacht'),
      );
    }
  }
  return meldingen;
}

/** True when the theory has no meldingen of ernst 'fout' ('aandacht' notes may remain). */
export function isGeldig(meldingen: readonly GraafMelding[]): boolean {
  return !meldingen.some((m) => m.ernst === 'fout');
}

/** The ids of the elements from which some path of links reaches an ambitie element. */
function bereiktAmbitie(theorie: Theorie): Set<string> {
  const elementen = elementMap(theorie);
  const inkomend = new Map<string, string[]>();
  for (const verband of theorie.verbanden) {
    if (!elementen.has(verband.vanId) || !elementen.has(verband.naarId)) continue;
    inkomend.set(verband.naarId, [...(inkomend.get(verband.naarId) ?? []), verband.vanId]);
  }
  const bereikt = new Set<string>();
  const rij = [...elementen.values()].filter((e) => e.soort === 'ambitie').map((e) => e.id);
  for (const id of rij) bereikt.add(id);
  for (let i = 0; i < rij.length; i++)
    for (const van of inkomend.get(rij[i]) ?? [])
      if (!bereikt.has(van)) {
        bereikt.add(van);
        rij.push(van);
      }
  return bereikt;
}

/**
 * All simple paths from an element to the ambitie, depth first, following links in the order
 * of theorie.verbanden. The ambitie itself has one path of length zero; an unknown element
 * none. Paths never repeat an element, so a kringloop in bad data cannot make this loop.
 * Theories are drawn by people (tens of elements), so listing every path is cheap.
 */
export function padenNaarAmbitie(theorie: Theorie, elementId: string): Pad[] {
  const elementen = elementMap(theorie);
  const start = elementen.get(elementId);
  if (!start) return [];
  const volgende = uitgaand(theorie, elementen);
  const paden: Pad[] = [];
  const elementIds: string[] = [];
  const verbandIds: string[] = [];
  const opPad = new Set<string>();

  const loop = (id: string): void => {
    elementIds.push(id);
    opPad.add(id);
    if (elementen.get(id)?.soort === 'ambitie') {
      paden.push({ elementIds: [...elementIds], verbandIds: [...verbandIds] });
    } else {
      for (const verband of volgende.get(id) ?? []) {
        if (opPad.has(verband.naarId)) continue;
        verbandIds.push(verband.id);
        loop(verband.naarId);
        verbandIds.pop();
      }
    }
    opPad.delete(id);
    elementIds.pop();
  };

  loop(start.id);
  return paden;
}

/**
 * Exactly the assumptions on the links of all paths from these elements to the ambitie, each
 * once, in path order: elements in the order given, their paths in padenNaarAmbitie order,
 * the links along a path from the element to the ambitie, the assumptions of one link in the
 * order of theorie.veronderstellingen.
 */
export function veronderstellingenOpPaden(
  theorie: Theorie,
  elementIds: readonly string[],
): Veronderstelling[] {
  const perVerband = new Map<string, Veronderstelling[]>();
  for (const v of theorie.veronderstellingen)
    perVerband.set(v.verbandId, [...(perVerband.get(v.verbandId) ?? []), v]);
  const gevonden = new Map<string, Veronderstelling>();
  for (const elementId of new Set(elementIds))
    for (const pad of padenNaarAmbitie(theorie, elementId))
      for (const verbandId of pad.verbandIds)
        for (const v of perVerband.get(verbandId) ?? [])
          if (!gevonden.has(v.id)) gevonden.set(v.id, v);
  return [...gevonden.values()];
}

/**
 * The number (1, 2, ...) each assumption carries in the diagrams and the review: its place in
 * theorie.veronderstellingen among those on an existing link, so numbers stay the same from one
 * export to the next as long as the store keeps its order.
 */
export function nummerVeronderstellingen(theorie: Theorie): Map<string, number> {
  const verbandIds = new Set(theorie.verbanden.map((v) => v.id));
  const nummers = new Map<string, number>();
  for (const v of theorie.veronderstellingen)
    if (verbandIds.has(v.verbandId) && !nummers.has(v.id)) nummers.set(v.id, nummers.size + 1);
  return nummers;
}

/** Whether the element is an outcome (individual or societal). */
export function isOutcome(element: TheorieElement): boolean {
  return isOutcomeSoort(element.soort);
}
