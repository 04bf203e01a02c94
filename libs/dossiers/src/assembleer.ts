/**
 * A dossier from a snapshot: a pure function. Nothing is read from the clock, so the same
 * snapshot always yields a byte-identical document (and the same hash), and "regenerate"
 * can tell whether anything changed.
 */
import { createHash } from 'node:crypto';
import { DossierOpties, maakDossierContext } from './context';
import { formatPeriode } from './render/format';
import { DOSSIER_SECTIES } from './sections';
import type { AgendaInhoud } from './sections/agenda.sectie';
import type { ActiesInhoud } from './sections/acties.sectie';
import type { BudgetEnFormatieInhoud } from './sections/budget-en-formatie.sectie';
import type { KpisInhoud } from './sections/kpis.sectie';
import type { OpdrachtenInhoud } from './sections/opdrachten.sectie';
import type { DossierSectie, DossierSectieResultaat } from './sections/sectie';
import type { SignalenInhoud } from './sections/signalen.sectie';
import type { VerantwoordingInhoud } from './sections/verantwoording.sectie';
import type { VerhalenInhoud } from './sections/verhalen.sectie';
import type { DossierSnapshot } from './snapshot';

/** Bumped when the document's shape changes incompatibly (stored versions keep theirs). */
export const DOSSIER_SCHEMA_VERSIE = 1;

export interface DossierDocument {
  schemaVersie: number;
  titel: string;
  gemeente: { naam: string };
  aanbieder: { id: string; naam: string };
  periode: string;
  peildatum: string;
  overleg: { datum: string; deelnemers: string[] } | null;
  secties: DossierSectieResultaat[];
}

/** The content types of the built-in sections, by key. */
export interface BekendeSecties {
  agenda: AgendaInhoud;
  verantwoording: VerantwoordingInhoud;
  kpis: KpisInhoud;
  verhalen: VerhalenInhoud;
  opdrachten: OpdrachtenInhoud;
  'budget-en-formatie': BudgetEnFormatieInhoud;
  signalen: SignalenInhoud;
  acties: ActiesInhoud;
}

export function assembleerDossier(
  snapshot: DossierSnapshot,
  secties: readonly DossierSectie[] = DOSSIER_SECTIES,
  opties: Partial<DossierOpties> = {},
): DossierDocument {
  const sleutels = new Set<string>();
  for (const sectie of secties) {
    if (sleutels.has(sectie.sleutel))
      throw new Error(`Dossiersectie '${sectie.sleutel}' komt twee keer voor`);
    sleutels.add(sectie.sleutel);
  }
  const context = maakDossierContext(snapshot, opties);
  const gebouwd = [...secties]
    .sort(
      (a, b) =>
        a.volgorde - b.volgorde || (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0),
    )
    .map((sectie): DossierSectieResultaat => ({
      sleutel: sectie.sleutel,
      titel: sectie.titel,
      volgorde: sectie.volgorde,
      inhoud: sectie.bouw(snapshot, context),
    }));
  return {
    schemaVersie: DOSSIER_SCHEMA_VERSIE,
    titel: `Dossier verantwoordingsgesprek ${formatPeriode(snapshot.periode)} – ${snapshot.aanbieder.naam}`,
    gemeente: { naam: snapshot.gemeente.naam },
    aanbieder: { id: snapshot.aanbieder.id, naam: snapshot.aanbieder.naam },
    periode: snapshot.periode,
    peildatum: snapshot.peildatum,
    overleg: snapshot.overleg
      ? { datum: snapshot.overleg.datum, deelnemers: [...(snapshot.overleg.deelnemers ?? [])] }
      : null,
    secties: gebouwd,
  };
}

/** The content of a built-in section, or null when the document has no such section. */
export function vindSectie<K extends keyof BekendeSecties>(
  doc: DossierDocument,
  sleutel: K,
): BekendeSecties[K] | null {
  const sectie = doc.secties.find((s) => s.sleutel === sleutel);
  return sectie ? (sectie.inhoud as BekendeSecties[K]) : null;
}

/**
 * JSON with object keys sorted at every level and no whitespace: one spelling per value, so
 * equal documents hash equal whatever order their properties were built in. Refuses what
 * JSON cannot carry faithfully (undefined inside arrays, bigint, non-finite numbers).
 */
export function canoniekeJson(waarde: unknown): string {
  if (waarde === null || typeof waarde === 'boolean' || typeof waarde === 'string')
    return JSON.stringify(waarde);
  if (typeof waarde === 'number') {
    if (!Number.isFinite(waarde)) throw new TypeError(`Geen eindig getal in dossier: ${waarde}`);
    return JSON.stringify(waarde);
  }
  if (Array.isArray(waarde)) return `[${waarde.map((w) => canoniekeJson(w)).join(',')}]`;
  if (typeof waarde === 'object') {
    const velden = Object.keys(waarde as object)
      .filter((k) => (waarde as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canoniekeJson((waarde as Record<string, unknown>)[k])}`);
    return `{${velden.join(',')}}`;
  }
  throw new TypeError(`Waarde van type ${typeof waarde} past niet in een dossier`);
}

/** sha256 (hex) of the canonical JSON: equal hashes mean nothing changed. */
export function dossierHash(doc: DossierDocument): string {
  return createHash('sha256').update(canoniekeJson(doc), 'utf8').digest('hex');
}
