import { GraafMelding, kanElementToevoegen, kanVerbandToevoegen, valideerTheorie } from '../graaf';
import {
  Ambitie,
  Bewijsstatus,
  ELEMENT_SOORT_LABELS,
  ElementSoort,
  Kennisbron,
  KpiBewijs,
  STRATEGIE_LABELS,
  Strategie,
  Theorie,
  TheorieElement,
  Verband,
  Veronderstelling,
} from '../model';

/**
 * The content of one stored version of a theory of change: the Theorie of the pure core
 * (without its id, which is the row's) plus the KPIs that evidence its elements. Every change
 * is a function from one content to the next, or a refusal; the service stores the result as
 * a new version. Pure, so the rules are tested without a database.
 */
export interface TheorieInhoud {
  titel: string;
  ambitie: Ambitie;
  strategie: Strategie;
  elementen: TheorieElement[];
  verbanden: Verband[];
  veronderstellingen: Veronderstelling[];
  kpiBewijzen: KpiBewijs[];
}

export function naarTheorie(id: string, inhoud: TheorieInhoud): Theorie {
  return {
    id,
    titel: inhoud.titel,
    ambitie: inhoud.ambitie,
    strategie: inhoud.strategie,
    elementen: inhoud.elementen,
    verbanden: inhoud.verbanden,
    veronderstellingen: inhoud.veronderstellingen,
  };
}

/** The start of every theory: its title, strategy and ambitie, the ambitie as the end node. */
export function nieuweInhoud(
  kop: { titel: string; strategie: Strategie; ambitie: Ambitie },
  ambitieElementId: string,
): TheorieInhoud {
  return {
    titel: kop.titel,
    strategie: kop.strategie,
    ambitie: { tekst: kop.ambitie.tekst, doelIds: [...kop.ambitie.doelIds] },
    elementen: [
      { id: ambitieElementId, soort: 'ambitie', titel: kop.ambitie.tekst, omschrijving: null },
    ],
    verbanden: [],
    veronderstellingen: [],
    kpiBewijzen: [],
  };
}

export type OnderdeelSoort = 'element' | 'verband' | 'veronderstelling';

export type Bewerking =
  | { ok: true; inhoud: TheorieInhoud; toelichting: string }
  | { ok: false; reden: 'niet-gevonden'; onderdeel: OnderdeelSoort; id: string }
  | { ok: false; reden: 'geweigerd'; fout: GraafMelding };

function gelukt(inhoud: TheorieInhoud, toelichting: string): Bewerking {
  // A change the rules above let through must leave a valid theory; if it does not, that is
  // a gap in those rules, and storing it would spread the damage to every later version.
  const fout = valideerTheorie(naarTheorie('controle', inhoud)).find((m) => m.ernst === 'fout');
  if (fout) return { ok: false, reden: 'geweigerd', fout };
  return { ok: true, inhoud, toelichting };
}

function nietGevonden(onderdeel: OnderdeelSoort, id: string): Bewerking {
  return { ok: false, reden: 'niet-gevonden', onderdeel, id };
}

function weiger(
  code: GraafMelding['code'],
  melding: string,
  ids: Partial<Pick<GraafMelding, 'elementIds' | 'verbandIds' | 'veronderstellingIds'>> = {},
): Bewerking {
  return {
    ok: false,
    reden: 'geweigerd',
    fout: {
      code,
      ernst: 'fout',
      melding,
      elementIds: ids.elementIds ?? [],
      verbandIds: ids.verbandIds ?? [],
      veronderstellingIds: ids.veronderstellingIds ?? [],
    },
  };
}

function kopie(inhoud: TheorieInhoud): TheorieInhoud {
  return {
    titel: inhoud.titel,
    strategie: inhoud.strategie,
    ambitie: { tekst: inhoud.ambitie.tekst, doelIds: [...inhoud.ambitie.doelIds] },
    elementen: inhoud.elementen.map((e) => ({ ...e })),
    verbanden: inhoud.verbanden.map((v) => ({ ...v })),
    veronderstellingen: inhoud.veronderstellingen.map((v) => ({
      ...v,
      randvoorwaarden: [...v.randvoorwaarden],
      externeFactoren: [...v.externeFactoren],
    })),
    kpiBewijzen: inhoud.kpiBewijzen.map((b) => ({ ...b })),
  };
}

function titelVan(inhoud: TheorieInhoud, id: string): string {
  return `'${inhoud.elementen.find((e) => e.id === id)?.titel ?? id}'`;
}

export interface KopWijziging {
  titel?: string;
  strategie?: Strategie;
  ambitie?: { tekst?: string; doelIds?: readonly string[] };
}

/** Title, strategy or ambitie; the ambitie node follows the ambitie sentence. */
export function wijzigKop(inhoud: TheorieInhoud, wijziging: KopWijziging): Bewerking {
  const nieuw = kopie(inhoud);
  const delen: string[] = [];
  if (wijziging.titel !== undefined && wijziging.titel !== inhoud.titel) {
    nieuw.titel = wijziging.titel;
    delen.push(`titel gewijzigd in '${wijziging.titel}'`);
  }
  if (wijziging.strategie !== undefined && wijziging.strategie !== inhoud.strategie) {
    nieuw.strategie = wijziging.strategie;
    delen.push(
      `strategie gewijzigd van ${STRATEGIE_LABELS[inhoud.strategie]} naar ${STRATEGIE_LABELS[wijziging.strategie]}`,
    );
  }
  if (wijziging.ambitie?.tekst !== undefined && wijziging.ambitie.tekst !== inhoud.ambitie.tekst) {
    nieuw.ambitie.tekst = wijziging.ambitie.tekst;
    for (const element of nieuw.elementen)
      if (element.soort === 'ambitie') element.titel = wijziging.ambitie.tekst;
    delen.push(`ambitie gewijzigd in '${wijziging.ambitie.tekst}'`);
  }
  if (wijziging.ambitie?.doelIds !== undefined) {
    const oud = [...inhoud.ambitie.doelIds].sort().join(',');
    const nieuwIds = [...new Set(wijziging.ambitie.doelIds)];
    if ([...nieuwIds].sort().join(',') !== oud) {
      nieuw.ambitie.doelIds = nieuwIds;
      delen.push('doelen van de ambitie gewijzigd');
    }
  }
  if (!delen.length) return gelukt(nieuw, 'Geen inhoudelijke wijziging');
  return gelukt(
    nieuw,
    delen.join('; ').replace(/^./, (c) => c.toUpperCase()),
  );
}

export function voegElementToe(inhoud: TheorieInhoud, element: TheorieElement): Bewerking {
  const controle = kanElementToevoegen(naarTheorie('controle', inhoud), element.soort);
  if (!controle.toegestaan) return { ok: false, reden: 'geweigerd', fout: controle.fout };
  if (inhoud.elementen.some((e) => e.id === element.id))
    return weiger('element-dubbel', `Het element-id ${element.id} bestaat al.`, {
      elementIds: [element.id],
    });
  const nieuw = kopie(inhoud);
  nieuw.elementen.push({ ...element });
  return gelukt(
    nieuw,
    `${ELEMENT_SOORT_LABELS[element.soort].replace(/^./, (c) => c.toUpperCase())} '${element.titel}' toegevoegd`,
  );
}

export function wijzigElement(
  inhoud: TheorieInhoud,
  elementId: string,
  wijziging: { titel?: string; omschrijving?: string | null },
): Bewerking {
  const nieuw = kopie(inhoud);
  const element = nieuw.elementen.find((e) => e.id === elementId);
  if (!element) return nietGevonden('element', elementId);
  const oud = element.titel;
  if (wijziging.titel !== undefined) element.titel = wijziging.titel;
  if (wijziging.omschrijving !== undefined) element.omschrijving = wijziging.omschrijving;
  if (element.soort === 'ambitie') nieuw.ambitie.tekst = element.titel;
  return gelukt(
    nieuw,
    oud === element.titel
      ? `Omschrijving van '${oud}' gewijzigd`
      : `${ELEMENT_SOORT_LABELS[element.soort].replace(/^./, (c) => c.toUpperCase())} '${oud}' hernoemd tot '${element.titel}'`,
  );
}

/** Removes an element with its links, their assumptions and its KPI evidence. */
export function verwijderElement(inhoud: TheorieInhoud, elementId: string): Bewerking {
  const element = inhoud.elementen.find((e) => e.id === elementId);
  if (!element) return nietGevonden('element', elementId);
  if (element.soort === 'ambitie')
    return weiger(
      'geen-ambitie',
      `De ambitie '${element.titel}' is het eindpunt van de verandertheorie en kan niet worden verwijderd. Wijzig de tekst van de ambitie als die niet meer klopt.`,
      { elementIds: [elementId] },
    );
  const nieuw = kopie(inhoud);
  const weg = new Set(
    nieuw.verbanden.filter((v) => v.vanId === elementId || v.naarId === elementId).map((v) => v.id),
  );
  nieuw.elementen = nieuw.elementen.filter((e) => e.id !== elementId);
  nieuw.verbanden = nieuw.verbanden.filter((v) => !weg.has(v.id));
  const veronderstellingen = nieuw.veronderstellingen.filter((v) => weg.has(v.verbandId)).length;
  nieuw.veronderstellingen = nieuw.veronderstellingen.filter((v) => !weg.has(v.verbandId));
  nieuw.kpiBewijzen = nieuw.kpiBewijzen.filter((b) => b.elementId !== elementId);
  const mee: string[] = [];
  if (weg.size) mee.push(`${weg.size} ${weg.size === 1 ? 'verband' : 'verbanden'}`);
  if (veronderstellingen)
    mee.push(
      `${veronderstellingen} ${veronderstellingen === 1 ? 'veronderstelling' : 'veronderstellingen'}`,
    );
  return gelukt(
    nieuw,
    `${ELEMENT_SOORT_LABELS[element.soort].replace(/^./, (c) => c.toUpperCase())} '${element.titel}' verwijderd${mee.length ? `, met ${mee.join(' en ')}` : ''}`,
  );
}

export function voegVerbandToe(inhoud: TheorieInhoud, verband: Verband): Bewerking {
  const controle = kanVerbandToevoegen(
    naarTheorie('controle', inhoud),
    verband.vanId,
    verband.naarId,
  );
  if (!controle.toegestaan) return { ok: false, reden: 'geweigerd', fout: controle.fout };
  const nieuw = kopie(inhoud);
  nieuw.verbanden.push({ ...verband });
  return gelukt(
    nieuw,
    `Verband van ${titelVan(inhoud, verband.vanId)} naar ${titelVan(inhoud, verband.naarId)} gelegd`,
  );
}

/** Removes a link with the assumptions on it. */
export function verwijderVerband(inhoud: TheorieInhoud, verbandId: string): Bewerking {
  const verband = inhoud.verbanden.find((v) => v.id === verbandId);
  if (!verband) return nietGevonden('verband', verbandId);
  const nieuw = kopie(inhoud);
  nieuw.verbanden = nieuw.verbanden.filter((v) => v.id !== verbandId);
  const aantal = nieuw.veronderstellingen.filter((v) => v.verbandId === verbandId).length;
  nieuw.veronderstellingen = nieuw.veronderstellingen.filter((v) => v.verbandId !== verbandId);
  return gelukt(
    nieuw,
    `Verband van ${titelVan(inhoud, verband.vanId)} naar ${titelVan(inhoud, verband.naarId)} verwijderd${aantal ? `, met ${aantal} ${aantal === 1 ? 'veronderstelling' : 'veronderstellingen'}` : ''}`,
  );
}

export function voegVeronderstellingToe(
  inhoud: TheorieInhoud,
  veronderstelling: Veronderstelling,
): Bewerking {
  const verband = inhoud.verbanden.find((v) => v.id === veronderstelling.verbandId);
  if (!verband)
    return weiger(
      'veronderstelling-zonder-verband',
      `Het verband ${veronderstelling.verbandId} staat niet in deze verandertheorie. Een veronderstelling ("want ...") hoort bij een verband tussen twee elementen: leg eerst het verband.`,
      { verbandIds: [veronderstelling.verbandId] },
    );
  if (inhoud.veronderstellingen.some((v) => v.id === veronderstelling.id))
    return weiger('element-dubbel', `Het id ${veronderstelling.id} bestaat al.`, {
      veronderstellingIds: [veronderstelling.id],
    });
  const nieuw = kopie(inhoud);
  nieuw.veronderstellingen.push({
    ...veronderstelling,
    randvoorwaarden: [...veronderstelling.randvoorwaarden],
    externeFactoren: [...veronderstelling.externeFactoren],
  });
  return gelukt(
    nieuw,
    `Veronderstelling toegevoegd bij het verband van ${titelVan(inhoud, verband.vanId)} naar ${titelVan(inhoud, verband.naarId)}`,
  );
}

export interface VeronderstellingWijziging {
  tekst?: string;
  kennisbron?: Kennisbron;
  bewijsstatus?: Bewijsstatus;
  randvoorwaarden?: readonly string[];
  externeFactoren?: readonly string[];
}

export function wijzigVeronderstelling(
  inhoud: TheorieInhoud,
  id: string,
  wijziging: VeronderstellingWijziging,
): Bewerking {
  const nieuw = kopie(inhoud);
  const v = nieuw.veronderstellingen.find((x) => x.id === id);
  if (!v) return nietGevonden('veronderstelling', id);
  const oudeStatus = v.bewijsstatus;
  if (wijziging.tekst !== undefined) v.tekst = wijziging.tekst;
  if (wijziging.kennisbron !== undefined) v.kennisbron = wijziging.kennisbron;
  if (wijziging.bewijsstatus !== undefined) v.bewijsstatus = wijziging.bewijsstatus;
  if (wijziging.randvoorwaarden !== undefined) v.randvoorwaarden = [...wijziging.randvoorwaarden];
  if (wijziging.externeFactoren !== undefined) v.externeFactoren = [...wijziging.externeFactoren];
  return gelukt(
    nieuw,
    oudeStatus !== v.bewijsstatus
      ? `Bewijsstatus van een veronderstelling gewijzigd van ${oudeStatus} naar ${v.bewijsstatus}`
      : 'Veronderstelling gewijzigd',
  );
}

export function verwijderVeronderstelling(inhoud: TheorieInhoud, id: string): Bewerking {
  if (!inhoud.veronderstellingen.some((v) => v.id === id))
    return nietGevonden('veronderstelling', id);
  const nieuw = kopie(inhoud);
  nieuw.veronderstellingen = nieuw.veronderstellingen.filter((v) => v.id !== id);
  return gelukt(nieuw, 'Veronderstelling verwijderd');
}

/**
 * Which KPIs evidence this element (an activity or an outcome), replacing the earlier set.
 * Links keep their order: existing ones stay where they were, new ones go at the end.
 */
export function zetKpiBewijzen(
  inhoud: TheorieInhoud,
  elementId: string,
  kpiIds: readonly string[],
): Bewerking {
  const element = inhoud.elementen.find((e) => e.id === elementId);
  if (!element) return nietGevonden('element', elementId);
  const gevraagd = [...new Set(kpiIds)];
  if (element.soort === 'ambitie' && gevraagd.length)
    return weiger(
      'verband-richting-niet-toegestaan',
      `Een KPI laat zien of een activiteit of uitkomst dichterbij komt, niet de ambitie zelf. Koppel de KPI aan de uitkomst die hij meet; de ambitie is gekoppeld aan de doelen van de opdracht.`,
      { elementIds: [elementId] },
    );
  const nieuw = kopie(inhoud);
  const bestaand = nieuw.kpiBewijzen.filter((b) => b.elementId === elementId).map((b) => b.kpiId);
  nieuw.kpiBewijzen = [
    ...nieuw.kpiBewijzen.filter((b) => b.elementId !== elementId || gevraagd.includes(b.kpiId)),
    ...gevraagd.filter((k) => !bestaand.includes(k)).map((kpiId) => ({ kpiId, elementId })),
  ];
  const erbij = gevraagd.filter((k) => !bestaand.includes(k)).length;
  const eraf = bestaand.filter((k) => !gevraagd.includes(k)).length;
  const delen: string[] = [];
  if (erbij) delen.push(`${erbij} ${erbij === 1 ? 'KPI' : 'KPI’s'} gekoppeld`);
  if (eraf) delen.push(`${eraf} ${eraf === 1 ? 'KPI' : 'KPI’s'} ontkoppeld`);
  return gelukt(
    nieuw,
    delen.length
      ? `${delen.join(' en ').replace(/^./, (c) => c.toUpperCase())} bij '${element.titel}'`
      : `KPI-bewijs van '${element.titel}' ongewijzigd`,
  );
}

/** The elements' soort, for what may carry KPI evidence or a case story. */
export function kanBewijsDragen(soort: ElementSoort): boolean {
  return soort !== 'ambitie';
}

/**
 * The version in force in a quarter: the newest version whose geldigVanaf is that quarter or
 * earlier (quarters written '2026-Q3' sort as text). Several versions starting in the same
 * quarter: the last one written counts for it. Null before the first version took effect.
 */
export function versieInPeriode<T extends { versie: number; geldigVanaf: string }>(
  versies: readonly T[],
  periode: string,
): T | null {
  let gekozen: T | null = null;
  for (const v of versies) {
    if (v.geldigVanaf > periode) continue;
    if (
      !gekozen ||
      v.geldigVanaf > gekozen.geldigVanaf ||
      (v.geldigVanaf === gekozen.geldigVanaf && v.versie > gekozen.versie)
    )
      gekozen = v;
  }
  return gekozen;
}

/**
 * What the graph rules say about a stored version: only 'aandacht' notes (elements that do
 * not reach the ambitie yet) for anything written through the changes above.
 */
export function meldingenVan(id: string, inhoud: TheorieInhoud): GraafMelding[] {
  return valideerTheorie(naarTheorie(id, inhoud));
}
