/** `'a', 'b'` for a CHECK constraint over a list of allowed values. */
export function sqlLijst(waarden: readonly (string | number)[]): string {
  return waarden.map((w) => (typeof w === 'number' ? String(w) : `'${w}'`)).join(', ');
}
