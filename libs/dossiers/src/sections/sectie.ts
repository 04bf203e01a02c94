import type { DossierContext } from '../context';
import type { DossierSnapshot } from '../snapshot';

/**
 * One independent part of a dossier. A later capability (theories of change, ketenoverleg
 * decisions) adds a section by appending one of these to DOSSIER_SECTIES, with a renderer in
 * the HTML section registry; existing sections stay untouched.
 *
 * `bouw` must be pure and deterministic: read the snapshot and the context only (no clock,
 * no randomness, no I/O) and return plain JSON (strings, finite numbers, booleans, null,
 * arrays, objects; no undefined, no bigint, no Date).
 */
export interface DossierSectie<T = unknown> {
  /** Stable machine key, kebab-case: 'kpis', 'verhalen'. Unique within a dossier. */
  readonly sleutel: string;
  /** Heading for the reader, in Dutch. */
  readonly titel: string;
  /** Position in the document, ascending. Leave gaps (10, 20, …) so new sections fit in. */
  readonly volgorde: number;
  bouw(snapshot: DossierSnapshot, context: DossierContext): T;
}

/** A built section as it stands in the document. */
export interface DossierSectieResultaat<T = unknown> {
  sleutel: string;
  titel: string;
  volgorde: number;
  inhoud: T;
}
