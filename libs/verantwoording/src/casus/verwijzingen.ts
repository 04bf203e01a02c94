import { EntityManager, In } from 'typeorm';
import { gebruikerNamen, InvalidParam, Organisatie, vulAanbiederNamen } from '@wijkkompas/core';
import { Doel, Keten, Perceel, PerceelToewijzing, PerceelWijk, Wijk } from '@wijkkompas/opdrachten';
import { Kpi, KpiVersie } from '../kpi/kpi.entity';
import { periodeDatums } from '../periode/kwartaal';
import { OngeldigeVerwijzingError } from './casus.errors';

/** What a case story or a signal points at. */
export interface Verwijzingen {
  perceelId?: string | null;
  wijkId?: string | null;
  kpiIds?: readonly string[];
  doelIds?: readonly string[];
  ketenIds?: readonly string[];
}

export interface VerwijzingContext {
  gemeenteId: string;
  /** The aanbieder whose story or signal it is; null for a signal the gemeente raised. */
  aanbiederId: string | null;
  /** The quarter: a perceel must be assigned to the aanbieder at some time in it. */
  periode: string;
}

function uniek(ids: readonly string[] | undefined): string[] {
  return [...new Set(ids ?? [])];
}

/**
 * Checks every reference at once and refuses the write with one 422 naming each bad one:
 * - perceel: of the gemeente and, for an aanbieder, assigned to it during the quarter;
 * - wijk: of the gemeente, and part of the perceel when both are given;
 * - KPI's: of the gemeente and, for an aanbieder, of a hoofdopdracht or aanvullende opdracht
 *   it carries out;
 * - doelen: of the gemeente and, for an aanbieder, of its own hoofdopdracht(en);
 * - ketens: of the gemeente.
 */
export async function controleerVerwijzingen(
  manager: EntityManager,
  context: VerwijzingContext,
  verwijzingen: Verwijzingen,
): Promise<void> {
  const { gemeenteId, aanbiederId, periode } = context;
  const fouten: InvalidParam[] = [];

  if (verwijzingen.perceelId) {
    const perceelId = verwijzingen.perceelId;
    const perceel = await manager.getRepository(Perceel).findOneBy({ id: perceelId, gemeenteId });
    if (!perceel)
      fouten.push({
        name: 'perceelId',
        reason: `perceel ${perceelId} bestaat niet in deze gemeente`,
      });
    else if (aanbiederId) {
      const { begindatum, einddatum } = periodeDatums(periode);
      const toegewezen = await manager
        .getRepository(PerceelToewijzing)
        .createQueryBuilder('t')
        .where('t.perceel_id = :perceelId AND t.aanbieder_id = :aanbiederId', {
          perceelId,
          aanbiederId,
        })
        .andWhere('t.van <= :einddatum AND (t.tot IS NULL OR t.tot >= :begindatum)', {
          begindatum,
          einddatum,
        })
        .getExists();
      if (!toegewezen)
        fouten.push({
          name: 'perceelId',
          reason: `perceel '${perceel.naam}' was in ${periode} niet aan deze aanbieder toegewezen`,
        });
    }
  }

  if (verwijzingen.wijkId) {
    const wijkId = verwijzingen.wijkId;
    const wijk = await manager.getRepository(Wijk).findOneBy({ id: wijkId, gemeenteId });
    if (!wijk)
      fouten.push({ name: 'wijkId', reason: `wijk ${wijkId} bestaat niet in deze gemeente` });
    else if (
      verwijzingen.perceelId &&
      !fouten.some((f) => f.name === 'perceelId') &&
      !(await manager
        .getRepository(PerceelWijk)
        .existsBy({ perceelId: verwijzingen.perceelId, wijkId }))
    )
      fouten.push({
        name: 'wijkId',
        reason: `wijk '${wijk.naam}' hoort niet bij het gekozen perceel`,
      });
  }

  const kpiIds = uniek(verwijzingen.kpiIds);
  if (kpiIds.length) {
    const query = manager
      .getRepository(Kpi)
      .createQueryBuilder('k')
      .select('k.id', 'id')
      .where('k.id IN (:...kpiIds) AND k.gemeente_id = :gemeenteId', { kpiIds, gemeenteId });
    if (aanbiederId)
      query.andWhere(
        `(k.hoofdopdracht_id IN (SELECT h.id FROM hoofdopdrachten h WHERE h.aanbieder_id = :aanbiederId)
          OR k.aanvullende_opdracht_id IN (SELECT x.opdracht_id FROM aanvullende_opdracht_aanbieders x WHERE x.aanbieder_id = :aanbiederId))`,
        { aanbiederId },
      );
    const bekend = new Set((await query.getRawMany<{ id: string }>()).map((r) => r.id));
    for (const id of kpiIds.filter((k) => !bekend.has(k)))
      fouten.push({
        name: 'kpiIds',
        reason: aanbiederId
          ? `KPI ${id} bestaat niet of hoort niet bij een opdracht van deze aanbieder`
          : `KPI ${id} bestaat niet in deze gemeente`,
      });
  }

  const doelIds = uniek(verwijzingen.doelIds);
  if (doelIds.length) {
    const query = manager
      .getRepository(Doel)
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where('d.id IN (:...doelIds) AND d.gemeente_id = :gemeenteId', { doelIds, gemeenteId });
    if (aanbiederId)
      query.andWhere(
        'd.hoofdopdracht_id IN (SELECT h.id FROM hoofdopdrachten h WHERE h.aanbieder_id = :aanbiederId)',
        { aanbiederId },
      );
    const bekend = new Set((await query.getRawMany<{ id: string }>()).map((r) => r.id));
    for (const id of doelIds.filter((d) => !bekend.has(d)))
      fouten.push({
        name: 'doelIds',
        reason: aanbiederId
          ? `doel ${id} bestaat niet of hoort niet bij een hoofdopdracht van deze aanbieder`
          : `doel ${id} bestaat niet in deze gemeente`,
      });
  }

  const ketenIds = uniek(verwijzingen.ketenIds);
  if (ketenIds.length) {
    const gevonden = await manager
      .getRepository(Keten)
      .find({ select: { id: true }, where: { id: In(ketenIds), gemeenteId } });
    const bekend = new Set(gevonden.map((k) => k.id));
    for (const id of ketenIds.filter((k) => !bekend.has(k)))
      fouten.push({ name: 'ketenIds', reason: `keten ${id} bestaat niet in deze gemeente` });
  }

  if (fouten.length) throw new OngeldigeVerwijzingError(fouten);
}

/** Names of everything a page of stories or signals points at, in a fixed number of queries. */
export interface Namen {
  percelen: Map<string, string>;
  wijken: Map<string, string>;
  ketens: Map<string, string>;
  doelen: Map<string, string>;
  kpis: Map<string, { code: string; naam: string }>;
  organisaties: Map<string, string>;
  gebruikers: Map<string, string>;
}

export interface TeBenoemen {
  perceelIds?: (string | null)[];
  wijkIds?: (string | null)[];
  ketenIds?: string[];
  doelIds?: string[];
  kpiIds?: string[];
  organisatieIds?: string[];
  gebruikerIds?: string[];
}

function ids(lijst: (string | null)[] | undefined): string[] {
  return [...new Set((lijst ?? []).filter((id): id is string => Boolean(id)))];
}

/** Names as the given gemeente knows them (an aanbieder's name is per gemeente). */
export async function laadNamen(
  manager: EntityManager,
  gemeenteId: string,
  wat: TeBenoemen,
): Promise<Namen> {
  const [percelen, wijken, ketens, doelen, kpis, organisaties, gebruikers] = [
    ids(wat.perceelIds),
    ids(wat.wijkIds),
    ids(wat.ketenIds),
    ids(wat.doelIds),
    ids(wat.kpiIds),
    ids(wat.organisatieIds),
    ids(wat.gebruikerIds),
  ];
  const namen: Namen = {
    percelen: new Map(),
    wijken: new Map(),
    ketens: new Map(),
    doelen: new Map(),
    kpis: new Map(),
    organisaties: new Map(),
    gebruikers: new Map(),
  };
  if (percelen.length)
    for (const p of await manager
      .getRepository(Perceel)
      .find({ select: { id: true, naam: true }, where: { id: In(percelen) } }))
      namen.percelen.set(p.id, p.naam);
  if (wijken.length)
    for (const w of await manager
      .getRepository(Wijk)
      .find({ select: { id: true, naam: true }, where: { id: In(wijken) } }))
      namen.wijken.set(w.id, w.naam);
  if (ketens.length)
    for (const k of await manager
      .getRepository(Keten)
      .find({ select: { id: true, naam: true }, where: { id: In(ketens) } }))
      namen.ketens.set(k.id, k.naam);
  if (doelen.length)
    for (const d of await manager
      .getRepository(Doel)
      .find({ select: { id: true, titel: true }, where: { id: In(doelen) } }))
      namen.doelen.set(d.id, d.titel);
  if (kpis.length) {
    const rows = await manager
      .getRepository(Kpi)
      .createQueryBuilder('k')
      .innerJoin(KpiVersie, 'v', 'v.kpi_id = k.id AND v.versie = k.huidige_versie')
      .select(['k.id AS id', 'k.code AS code', 'v.naam AS naam'])
      .where('k.id IN (:...kpis)', { kpis })
      .getRawMany<{ id: string; code: string; naam: string }>();
    for (const r of rows) namen.kpis.set(r.id, { code: r.code, naam: r.naam });
  }
  if (organisaties.length)
    for (const o of await vulAanbiederNamen(
      manager,
      gemeenteId,
      await manager
        .getRepository(Organisatie)
        .find({ select: { id: true, naam: true, soort: true }, where: { id: In(organisaties) } }),
    ))
      namen.organisaties.set(o.id, o.naam ?? '');
  if (gebruikers.length) namen.gebruikers = await gebruikerNamen(manager, gemeenteId, gebruikers);
  return namen;
}

/** The linked items that still exist, in the order of the ids. */
export function koppelingen(
  idLijst: readonly string[],
  namen: Map<string, string>,
): { id: string; naam: string }[] {
  return idLijst.filter((id) => namen.has(id)).map((id) => ({ id, naam: namen.get(id)! }));
}
