import { EntityManager, In } from 'typeorm';
import { Actor, ValidationError } from '@wijkkompas/core';
import { AanvullendeOpdrachtAanbieder, Doel, vandaag } from '@wijkkompas/opdrachten';
import { Kpi, kwartaalVan } from '@wijkkompas/verantwoording';
import { VeronderstellingDiagnose } from '../diagnose/veronderstelling-diagnose.entity';
import { GeenVersieInPeriodeError } from './verandertheorie.errors';
import { TheorieInhoud, versieInPeriode } from './inhoud';
import { Verandertheorie, VerandertheorieVersie } from './verandertheorie.entity';

/**
 * Reading and writing versions. Every function takes the caller's EntityManager, so reads
 * inside a write transaction see that transaction and never wait on another connection.
 */

export function huidigKwartaal(): string {
  return kwartaalVan(vandaag());
}

/** Version numbers and quarters of a theory, oldest first, without their content. */
export function versieOverzicht(
  manager: EntityManager,
  theorieId: string,
): Promise<VerandertheorieVersie[]> {
  return manager.getRepository(VerandertheorieVersie).find({
    select: {
      id: true,
      theorieId: true,
      versie: true,
      geldigVanaf: true,
      toelichting: true,
      createdByNaam: true,
      createdAt: true,
    },
    where: { theorieId },
    order: { versie: 'ASC' },
  });
}

export async function laadVersie(
  manager: EntityManager,
  theorieId: string,
  versie: number,
): Promise<VerandertheorieVersie | null> {
  return manager.getRepository(VerandertheorieVersie).findOneBy({ theorieId, versie });
}

export async function huidigeVersie(
  manager: EntityManager,
  theorie: Verandertheorie,
): Promise<VerandertheorieVersie> {
  const versie = await laadVersie(manager, theorie.id, theorie.huidigeVersie);
  if (!versie)
    throw new Error(`Verandertheorie ${theorie.id} mist versie ${theorie.huidigeVersie}`);
  return versie;
}

/** The version in force in a quarter, or null before the theory took effect. */
export async function versieVanPeriode(
  manager: EntityManager,
  theorieId: string,
  periode: string,
): Promise<VerandertheorieVersie | null> {
  const gekozen = versieInPeriode(await versieOverzicht(manager, theorieId), periode);
  return gekozen ? laadVersie(manager, theorieId, gekozen.versie) : null;
}

/** As versieVanPeriode, but a quarter before the first version is a 404 naming that version. */
export async function vereisVersieVanPeriode(
  manager: EntityManager,
  theorie: Verandertheorie,
  periode: string,
): Promise<VerandertheorieVersie> {
  const overzicht = await versieOverzicht(manager, theorie.id);
  const gekozen = versieInPeriode(overzicht, periode);
  if (!gekozen) throw new GeenVersieInPeriodeError(periode, overzicht[0].geldigVanaf);
  return (await laadVersie(manager, theorie.id, gekozen.versie))!;
}

/** The current versions of several theories, by theory id. */
export async function huidigeVersies(
  manager: EntityManager,
  theorieIds: readonly string[],
): Promise<Map<string, VerandertheorieVersie>> {
  if (!theorieIds.length) return new Map();
  const rows = await manager
    .getRepository(VerandertheorieVersie)
    .createQueryBuilder('v')
    .innerJoin(Verandertheorie, 't', 't.id = v.theorie_id AND t.huidige_versie = v.versie')
    .where('v.theorie_id IN (:...ids)', { ids: theorieIds })
    .getMany();
  return new Map(rows.map((v) => [v.theorieId, v]));
}

/**
 * Stores `inhoud` as the next version of a (locked) theory, taking effect in `geldigVanaf`
 * (chosen by kiesGeldigVanaf).
 */
export async function schrijfVersie(
  manager: EntityManager,
  actor: Actor,
  theorie: Verandertheorie,
  inhoud: TheorieInhoud,
  opties: { toelichting: string; geldigVanaf: string },
): Promise<VerandertheorieVersie> {
  const versie = await manager.getRepository(VerandertheorieVersie).save(
    manager.getRepository(VerandertheorieVersie).create({
      theorieId: theorie.id,
      versie: theorie.huidigeVersie + 1,
      geldigVanaf: opties.geldigVanaf,
      inhoud,
      toelichting: opties.toelichting,
      createdById: actor.gebruikerId,
      createdByNaam: actor.naam,
    }),
  );
  await manager.getRepository(Verandertheorie).save({
    id: theorie.id,
    version: theorie.version,
    titel: inhoud.titel,
    huidigeVersie: versie.versie,
    updatedAt: new Date(),
  });
  theorie.huidigeVersie = versie.versie;
  theorie.titel = inhoud.titel;
  theorie.version += 1;
  return versie;
}

/**
 * Whether a theory is in use: a quarter has passed since it was written down, or a review
 * recorded a diagnosis on it. Until then, a theory dated back is still being written and its
 * additions belong to the quarter it was dated to (kiesGeldigVanaf).
 */
export async function isInGebruik(
  manager: EntityManager,
  theorie: Verandertheorie,
): Promise<boolean> {
  if (kwartaalVan(datumVan(theorie.createdAt)) < huidigKwartaal()) return true;
  return manager.getRepository(VeronderstellingDiagnose).existsBy({ theorieId: theorie.id });
}

function datumVan(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/**
 * The quarter a new version takes effect. A theory in use never changes its past: the new
 * version takes effect in the current quarter, or later when the newest version already does.
 * A theory not yet in use (dated back to an earlier quarter and still being written down)
 * takes its additions into the quarter of its newest version, so the review of the quarter it
 * was dated to shows them. An explicit `geldigVanaf` may lie anywhere from that lower bound
 * on: never before the newest version, and for a theory in use never before this quarter.
 */
export function kiesGeldigVanaf(
  gevraagd: string | undefined,
  vorige: Pick<VerandertheorieVersie, 'geldigVanaf'>,
  inGebruik: boolean,
  nu: string = huidigKwartaal(),
): string {
  if (gevraagd === undefined) return inGebruik && vorige.geldigVanaf < nu ? nu : vorige.geldigVanaf;
  if (gevraagd < vorige.geldigVanaf)
    throw new ValidationError([
      {
        name: 'geldigVanaf',
        reason: `de nieuwste versie geldt al vanaf ${vorige.geldigVanaf}; een nieuwe versie kan niet eerder ingaan`,
      },
    ]);
  if (inGebruik && gevraagd < nu)
    throw new ValidationError([
      {
        name: 'geldigVanaf',
        reason: `een nieuwe versie kan niet terugwerken: kies ${nu} of later (het verleden blijft zoals het was)`,
      },
    ]);
  return gevraagd;
}

/** The doelen an ambitie may link to: the hoofdopdracht's, or for the rest the gemeente's. */
export async function vereisDoelen(
  manager: EntityManager,
  gemeenteId: string,
  hoofdopdrachtId: string | null,
  doelIds: readonly string[],
): Promise<void> {
  if (!doelIds.length) return;
  const doelen = await manager.getRepository(Doel).findBy({ id: In([...doelIds]), gemeenteId });
  const fouten = doelIds.flatMap((id) => {
    const doel = doelen.find((d) => d.id === id);
    if (!doel)
      return [{ name: 'ambitie.doelIds', reason: `doel ${id} bestaat niet in deze gemeente` }];
    if (hoofdopdrachtId && doel.hoofdopdrachtId !== hoofdopdrachtId)
      return [
        {
          name: 'ambitie.doelIds',
          reason: `doel '${doel.titel}' hoort bij een andere hoofdopdracht dan deze verandertheorie`,
        },
      ];
    return [];
  });
  if (fouten.length) throw new ValidationError(fouten);
}

/** KPIs that may evidence elements of this theory: those of its opdracht (any, for a theme). */
export async function vereisKpis(
  manager: EntityManager,
  theorie: Verandertheorie,
  kpiIds: readonly string[],
): Promise<Kpi[]> {
  if (!kpiIds.length) return [];
  const kpis = await manager
    .getRepository(Kpi)
    .findBy({ id: In([...kpiIds]), gemeenteId: theorie.gemeenteId });
  const fouten = kpiIds.flatMap((id) => {
    const kpi = kpis.find((k) => k.id === id);
    if (!kpi) return [{ name: 'kpiIds', reason: `KPI ${id} bestaat niet in deze gemeente` }];
    const eigen =
      theorie.hoofdopdrachtId !== null
        ? kpi.hoofdopdrachtId === theorie.hoofdopdrachtId
        : theorie.aanvullendeOpdrachtId !== null
          ? kpi.aanvullendeOpdrachtId === theorie.aanvullendeOpdrachtId
          : true;
    return eigen
      ? []
      : [
          {
            name: 'kpiIds',
            reason: `KPI ${kpi.code} hoort bij een andere opdracht dan deze verandertheorie; koppel alleen KPI’s uit de KPI-set van de eigen opdracht`,
          },
        ];
  });
  if (fouten.length) throw new ValidationError(fouten);
  return kpis;
}

/** The aanbieders of an aanvullende opdracht. */
export async function aanbiedersVan(manager: EntityManager, opdrachtId: string): Promise<string[]> {
  const rows = await manager.getRepository(AanvullendeOpdrachtAanbieder).findBy({ opdrachtId });
  return rows.map((r) => r.aanbiederId);
}
