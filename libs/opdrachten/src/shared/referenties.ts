import { EntityManager, In } from 'typeorm';
import {
  AanbiederGemeente,
  Gebruiker,
  GebruikerGemeente,
  GebruikerRol,
  Organisatie,
  OrganisatieSoort,
  Rol,
  ValidationError,
  vulAanbiederNamen,
} from '@wijkkompas/core';
import { Keten } from '../keten/keten.entity';
import { Perceel } from '../perceel/perceel.entity';
import { Wijk } from '../wijk/wijk.entity';

/**
 * References in a request must exist in the actor's gemeente; a missing or foreign one is a
 * 400 naming the field, never a silent skip.
 */
function ontbrekend(
  veld: string,
  gevraagd: readonly string[],
  gevonden: readonly string[],
  soort: string,
): void {
  const missend = [...new Set(gevraagd)].filter((id) => !gevonden.includes(id));
  if (missend.length)
    throw new ValidationError(
      missend.map((id) => ({ name: veld, reason: `${soort} ${id} bestaat niet in deze gemeente` })),
    );
}

export async function vereisAanbieders(
  manager: EntityManager,
  gemeenteId: string,
  ids: readonly string[],
  veld: string,
): Promise<Organisatie[]> {
  if (!ids.length) return [];
  const rows = await manager
    .getRepository(Organisatie)
    .createQueryBuilder('o')
    .innerJoin(AanbiederGemeente, 'ag', 'ag.aanbieder_id = o.id AND ag.gemeente_id = :gemeenteId', {
      gemeenteId,
    })
    .where('o.id IN (:...ids)', { ids })
    .andWhere('o.soort = :soort', { soort: OrganisatieSoort.Aanbieder })
    .getMany();
  ontbrekend(
    veld,
    ids,
    rows.map((r) => r.id),
    'aanbieder',
  );
  return vulAanbiederNamen(manager, gemeenteId, rows);
}

export async function vereisWijken(
  manager: EntityManager,
  gemeenteId: string,
  ids: readonly string[],
  veld: string,
): Promise<Wijk[]> {
  if (!ids.length) return [];
  const rows = await manager.getRepository(Wijk).findBy({ id: In([...ids]), gemeenteId });
  ontbrekend(
    veld,
    ids,
    rows.map((r) => r.id),
    'wijk',
  );
  return rows;
}

export async function vereisPercelen(
  manager: EntityManager,
  gemeenteId: string,
  ids: readonly string[],
  veld: string,
): Promise<Perceel[]> {
  if (!ids.length) return [];
  const rows = await manager.getRepository(Perceel).findBy({ id: In([...ids]), gemeenteId });
  ontbrekend(
    veld,
    ids,
    rows.map((r) => r.id),
    'perceel',
  );
  return rows;
}

export async function vereisKetens(
  manager: EntityManager,
  gemeenteId: string,
  ids: readonly string[],
  veld: string,
): Promise<Keten[]> {
  if (!ids.length) return [];
  const rows = await manager.getRepository(Keten).findBy({ id: In([...ids]), gemeenteId });
  ontbrekend(
    veld,
    ids,
    rows.map((r) => r.id),
    'keten',
  );
  return rows;
}

/** A ketenregisseur must be an active user with that role in this gemeente. */
export async function vereisKetenregisseur(
  manager: EntityManager,
  gemeenteId: string,
  id: string,
  veld: string,
): Promise<Gebruiker> {
  const gebruiker = await manager
    .getRepository(Gebruiker)
    .createQueryBuilder('g')
    .innerJoin(
      GebruikerRol,
      'r',
      'r.gebruiker_id = g.id AND r.gemeente_id = :gemeenteId AND r.rol = :rol',
      { gemeenteId, rol: Rol.Ketenregisseur },
    )
    .innerJoin(
      GebruikerGemeente,
      'gg',
      'gg.gebruiker_id = g.id AND gg.gemeente_id = :gemeenteId AND gg.actief',
    )
    .where('g.id = :id', { id })
    .getOne();
  if (!gebruiker)
    throw new ValidationError([
      {
        name: veld,
        reason: 'gebruiker bestaat niet of heeft geen rol ketenregisseur in deze gemeente',
      },
    ]);
  return gebruiker;
}

export function vereisPeriode(
  startdatum: string,
  einddatum: string | null | undefined,
  veld = 'einddatum',
): void {
  if (einddatum && einddatum < startdatum)
    throw new ValidationError([
      { name: veld, reason: `${veld} mag niet vóór de begindatum liggen` },
    ]);
}
