/** The minimum a version needs for the as-of resolution. */
export interface Versioned {
  versie: number;
  ingangsdatum: string;
}

/**
 * The version in force on a date: the greatest ingangsdatum on or before it; of versions
 * with the same ingangsdatum the highest versie (the later amendment wins). Undefined
 * before the first version took effect.
 */
export function versieOpPeildatum<T extends Versioned>(
  versies: readonly T[],
  peildatum: string,
): T | undefined {
  let beste: T | undefined;
  for (const versie of versies) {
    if (versie.ingangsdatum > peildatum) continue;
    if (
      !beste ||
      versie.ingangsdatum > beste.ingangsdatum ||
      (versie.ingangsdatum === beste.ingangsdatum && versie.versie > beste.versie)
    )
      beste = versie;
  }
  return beste;
}

export function laatsteVersie<T extends Versioned>(versies: readonly T[]): T | undefined {
  return versieOpPeildatum(versies, '9999-12-31');
}
