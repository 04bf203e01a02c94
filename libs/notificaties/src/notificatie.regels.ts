import { Rol } from '@wijkkompas/core';

/**
 * The kinds of notification the product sends today. `soort` is free kebab-case text in the
 * database, so a new capability adds its own kind without a migration; these are the known ones.
 */
export const NOTIFICATIE_SOORTEN = [
  'periode-geopend',
  'herinnering',
  'escalatie',
  'ingediend',
  'teruggezet',
  'vastgesteld',
  'dossier-gereed',
  'dossier-mislukt',
  'opdracht-loopt-af',
  'hoofdopdracht-loopt-af',
  'signaal-termijn',
  'signaal-beantwoord',
  'signaal-gesloten',
] as const;
export type BekendeNotificatieSoort = (typeof NOTIFICATIE_SOORTEN)[number];

/** Who gets it: these users, or everyone with one of these roles (optionally of one organisation). */
export type Ontvangers =
  | { gebruikerIds: readonly string[]; rollen?: undefined; organisatieId?: undefined }
  | { rollen: readonly Rol[]; organisatieId?: string; gebruikerIds?: undefined };

export interface NotificatieInhoud {
  /** The gemeente the event belongs to; only users with a role there are notified. */
  gemeenteId: string;
  soort: BekendeNotificatieSoort | (string & {});
  /** Dutch, shown as the mail subject after "[Wijkkompas] ". */
  titel: string;
  /** Dutch, one or a few sentences. */
  tekst: string;
  /** A path on PUBLIC_URL ('/api/v1/…' or an app path); never a full URL. */
  link?: string | null;
  entiteit?: { type: string; id: string } | null;
  /**
   * The event's dedup key, unique per user: notifying twice with the same key (a retried job,
   * a second worker) stores and mails once. E.g. `herinnering:<periodeId>:10`.
   */
  sleutel: string;
}

export type NotificatieInvoer = NotificatieInhoud & Ontvangers;

export const MAX_TITEL = 300;
export const MAX_SLEUTEL = 300;
export const MAX_LINK = 500;
const SOORT = /^[a-z][a-z0-9-]*$/;
const ENTITEIT_TYPE = /^[a-z][a-z0-9-]*$/;

/** A programming error of the calling capability: the notification cannot be stored like this. */
export class OngeldigeNotificatieError extends Error {
  constructor(reden: string) {
    super(`Ongeldige notificatie: ${reden}`);
    this.name = 'OngeldigeNotificatieError';
  }
}

export interface GenormaliseerdeNotificatie {
  gemeenteId: string;
  soort: string;
  titel: string;
  tekst: string;
  link: string | null;
  entiteitType: string | null;
  entiteitId: string | null;
  sleutel: string;
  gebruikerIds: string[] | null;
  rollen: Rol[] | null;
  organisatieId: string | null;
}

/**
 * Checks and normalises what a capability wants to notify. A title that is too long is cut
 * with an ellipsis (titles carry names we do not control); everything else that is wrong
 * throws, because it is a bug in the caller, not something a user can fix.
 */
export function normaliseer(invoer: NotificatieInvoer): GenormaliseerdeNotificatie {
  if (!invoer.gemeenteId) throw new OngeldigeNotificatieError('gemeenteId ontbreekt');
  if (!SOORT.test(invoer.soort) || invoer.soort.length > 40)
    throw new OngeldigeNotificatieError(`soort '${invoer.soort}' is geen kebab-case tot 40 tekens`);
  const titel = invoer.titel.replace(/\s+/g, ' ').trim();
  if (!titel) throw new OngeldigeNotificatieError('titel is leeg');
  const tekst = invoer.tekst.trim();
  if (!tekst) throw new OngeldigeNotificatieError('tekst is leeg');
  const link = invoer.link ?? null;
  if (link !== null && (!link.startsWith('/') || link.startsWith('//') || link.length > MAX_LINK))
    throw new OngeldigeNotificatieError(
      `link '${link}' moet een pad op Wijkkompas zijn (begint met één /, tot ${MAX_LINK} tekens)`,
    );
  const entiteit = invoer.entiteit ?? null;
  if (entiteit && (!ENTITEIT_TYPE.test(entiteit.type) || entiteit.type.length > 60 || !entiteit.id))
    throw new OngeldigeNotificatieError(`entiteit '${entiteit.type}' is ongeldig`);
  if (!invoer.sleutel || invoer.sleutel.length > MAX_SLEUTEL)
    throw new OngeldigeNotificatieError(`sleutel moet 1 tot ${MAX_SLEUTEL} tekens zijn`);
  const perGebruiker = invoer.gebruikerIds !== undefined;
  const perRol = invoer.rollen !== undefined;
  if (perGebruiker === perRol)
    throw new OngeldigeNotificatieError(
      'geef gebruikerIds óf rollen (met eventueel organisatieId)',
    );
  return {
    gemeenteId: invoer.gemeenteId,
    soort: invoer.soort,
    titel: titel.length > MAX_TITEL ? `${titel.slice(0, MAX_TITEL - 1)}…` : titel,
    tekst,
    link,
    entiteitType: entiteit?.type ?? null,
    entiteitId: entiteit?.id ?? null,
    sleutel: invoer.sleutel,
    gebruikerIds: perGebruiker ? [...new Set(invoer.gebruikerIds)] : null,
    rollen: perRol ? [...new Set(invoer.rollen)] : null,
    organisatieId: perRol ? (invoer.organisatieId ?? null) : null,
  };
}
