/** Text into HTML (element content and quoted attribute values alike). */
export function escapeHtml(tekst: string | number | null | undefined): string {
  if (tekst === null || tekst === undefined) return '';
  return String(tekst)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A value for an id attribute (and the fragment that links to it): only [A-Za-z0-9_-]. */
export function htmlId(...delen: string[]): string {
  return delen.map((d) => d.replace(/[^A-Za-z0-9_-]/g, '-')).join('-');
}

/** Paragraphs from plain text: a blank line starts a paragraph, a line break stays one. */
export function alineas(tekst: string | null | undefined): string {
  if (!tekst || !tekst.trim()) return '';
  return tekst
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((alinea) => `<p>${escapeHtml(alinea.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}
