import { Decimaal, isNegatief, naarDecimaal } from '../decimaal';

/**
 * Checks a number sent over the API (a JSON number or a decimal string such as "12.5")
 * against what its numeric column holds. More decimals than the column keeps is an error,
 * never a silent rounding.
 */
export interface DecimaalGrenzen {
  /** Digits before the decimal point the column holds: numeric(18,4) → 14. */
  cijfersVoorKomma: number;
  decimalen: number;
  nietNegatief?: boolean;
}

export const WAARDE_GRENZEN: DecimaalGrenzen = { cijfersVoorKomma: 14, decimalen: 4 };
export const GEWICHT_GRENZEN: DecimaalGrenzen = {
  cijfersVoorKomma: 14,
  decimalen: 4,
  nietNegatief: true,
};
export const FTE_GRENZEN: DecimaalGrenzen = {
  cijfersVoorKomma: 8,
  decimalen: 2,
  nietNegatief: true,
};
export const PERCENTAGE_GRENZEN: DecimaalGrenzen = {
  cijfersVoorKomma: 4,
  decimalen: 2,
  nietNegatief: true,
};

export type DecimaalControle = { ok: true; waarde: Decimaal } | { ok: false; reden: string };

export function controleerDecimaal(
  invoer: unknown,
  veld: string,
  grenzen: DecimaalGrenzen,
): DecimaalControle {
  const waarde =
    typeof invoer === 'number' || (typeof invoer === 'string' && invoer.trim() !== '')
      ? naarDecimaal(invoer)
      : null;
  if (waarde === null)
    return {
      ok: false,
      reden: `${veld} moet een getal zijn (een JSON-getal of tekst met een punt als decimaalteken, bijvoorbeeld 12.5)`,
    };
  if (grenzen.nietNegatief && isNegatief(waarde))
    return { ok: false, reden: `${veld} mag niet negatief zijn` };
  const [heel, fractie = ''] = waarde.replace('-', '').split('.');
  if (fractie.length > grenzen.decimalen)
    return {
      ok: false,
      reden: `${veld} heeft meer dan ${grenzen.decimalen} cijfers achter de komma; rond af op ${grenzen.decimalen} decimalen`,
    };
  if (heel.length > grenzen.cijfersVoorKomma)
    return {
      ok: false,
      reden: `${veld} is te groot (hoogstens ${grenzen.cijfersVoorKomma} cijfers voor de komma)`,
    };
  return { ok: true, waarde };
}
