/**
 * Where a notification's link opens in the web app. Notifications keep naming the API
 * resource (`/api/v1/kwartaalverantwoordingen/…`); people open the page about it. Pure: the
 * e-mails and the web app use this same function.
 */
const PAGINAS: [RegExp, (id: string) => string][] = [
  [/^\/api\/v1\/kwartaalverantwoordingen\/([\w-]+)$/, (id) => `/verantwoordingen/${id}`],
  [/^\/api\/v1\/dossiers\/([\w-]+)$/, (id) => `/dossiers/${id}`],
  [/^\/api\/v1\/rapportageperiodes\/([\w-]+)$/, () => '/'],
  [/^\/api\/v1\/aanvullende-opdrachten\/([\w-]+)$/, () => '/opdrachten'],
  [/^\/api\/v1\/signalen\/([\w-]+)$/, () => '/'],
];

export function webLink(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  for (const [patroon, pagina] of PAGINAS) {
    const match = patroon.exec(link);
    if (match) return pagina(match[1]);
  }
  return link.startsWith('/api/') ? '/meldingen' : link;
}
