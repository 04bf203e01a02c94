import { EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  ForbiddenError,
  heeftPermissie,
  NotFoundError,
  Permissie,
  rollenMet,
} from '@wijkkompas/core';
import { Verandertheorie } from './verandertheorie.entity';

/**
 * Who may read and write a theory of change (brief §2, issue "Verandertheorieën"):
 * - the gemeente owns it: contractmanager, beleidsadviseur and ketenregisseur write, every
 *   gemeente user reads every theory of the gemeente (Permissie.VerandertheorieOpstellen);
 * - the aanbieder co-authors: its directeur, teamleider and kwaliteitsmedewerker write the
 *   elements, links, assumptions, case-story links and diagnoses of the theories of their own
 *   opdracht, but not its title, strategy, ambitie or KPI evidence (the KPI set is the
 *   gemeente's; Permissie.VerandertheorieMeeschrijven); a provider sees nothing of another
 *   organisation's theories (404).
 */
/** Title, strategy, ambitie and KPI evidence are the gemeente's; the rest is co-authored. */
export type Onderdeel = 'kop' | 'kpi-bewijs' | 'inhoud' | 'verhaal' | 'diagnose';

/** Narrows a query on `alias` (a Verandertheorie) to what the actor may see. */
export function zichtbaarVoor<T extends object>(
  builder: SelectQueryBuilder<T>,
  alias: string,
  actor: Actor,
): SelectQueryBuilder<T> {
  builder.andWhere(`${alias}.gemeente_id = :zichtGemeente`, { zichtGemeente: actor.gemeenteId });
  const eigen = aanbiederScope(actor);
  if (eigen)
    builder.andWhere(
      `(${alias}.aanbieder_id = :zichtAanbieder OR (${alias}.aanbieder_id IS NULL AND ${alias}.aanvullende_opdracht_id IN (SELECT zicht.opdracht_id FROM aanvullende_opdracht_aanbieders zicht WHERE zicht.aanbieder_id = :zichtAanbieder)))`,
      { zichtAanbieder: eigen },
    );
  return builder;
}

/** The theory if the actor may see it, else a 404 (also for another organisation's theory). */
export async function zichtbareTheorie(
  manager: EntityManager,
  actor: Actor,
  id: string,
  lock = false,
): Promise<Verandertheorie> {
  if (lock)
    await manager.getRepository(Verandertheorie).findOne({
      where: { id, gemeenteId: actor.gemeenteId },
      lock: { mode: 'pessimistic_write' },
    });
  const builder = manager
    .getRepository(Verandertheorie)
    .createQueryBuilder('t')
    .where('t.id = :id', {
      id,
    });
  const theorie = await zichtbaarVoor(builder, 't', actor).getOne();
  if (!theorie) throw new NotFoundError('Verandertheorie', id);
  return theorie;
}

/** Throws 403 when the actor may see the theory but not write this part of it. */
export function vereisSchrijfrecht(actor: Actor, onderdeel: Onderdeel): void {
  if (aanbiederScope(actor)) {
    if (onderdeel === 'kop' || onderdeel === 'kpi-bewijs')
      throw new ForbiddenError(
        onderdeel === 'kop'
          ? 'De titel, strategie en ambitie van een verandertheorie legt de gemeente vast; als aanbieder schrijft u mee aan de activiteiten, uitkomsten, verbanden en veronderstellingen.'
          : 'Welke KPI’s een element zichtbaar maken legt de gemeente vast, als eigenaar van de KPI-set.',
      );
    if (!heeftPermissie(actor, Permissie.VerandertheorieMeeschrijven)) throw new ForbiddenError();
    return;
  }
  const nodig =
    onderdeel === 'kop' || onderdeel === 'kpi-bewijs'
      ? Permissie.VerandertheorieOpstellen
      : Permissie.VerandertheorieMeeschrijven;
  if (!heeftPermissie(actor, nodig))
    throw new ForbiddenError(
      `Hiervoor is een van deze rollen nodig: ${rollenMet(nodig).join(', ')}.`,
    );
}
