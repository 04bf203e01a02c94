import { EntityManager, In } from 'typeorm';
import {
  AanbiederGemeente,
  gebruikerNamen as namenInGemeente,
  NotFoundError,
} from '@wijkkompas/core';
import {
  AanvullendeOpdracht,
  AanvullendeOpdrachtAanbieder,
  AanvullendeOpdrachtPerceel,
  AanvullendeOpdrachtStatus,
  Hoofdopdracht,
  Perceel,
  PerceelToewijzing,
} from '@wijkkompas/opdrachten';
import { Casus } from '../casus/casus.entity';
import { naarDecimaal } from '../decimaal';
import { Kpi, KpiNormRecord, KpiVersie } from '../kpi/kpi.entity';
import { peilKwartaal } from '../periode/kwartaal';
import { Rapportageperiode } from '../periode/rapportageperiode.entity';
import { LeesScope } from '../shared/scope';
import { Signaal } from '../signaal/signaal.entity';
import {
  BeoordelingsopmerkingResponse,
  CasusInVerantwoordingResponse,
  ISO,
  KwartaalverantwoordingInhoud,
  SignaalInVerantwoordingResponse,
} from './kwartaalverantwoording.dto';
import {
  Beoordelingsopmerking,
  KpiWaarde,
  Kwartaalverantwoording,
} from './kwartaalverantwoording.entity';
import {
  bouwWaardenWeergave,
  isVerplichtInPeriode,
  VerwachteKpi,
  WeergaveKpi,
  WeergaveKpiVersie,
} from './weergave';

/**
 * Loading an account and everything it is read with. Every function takes the caller's
 * EntityManager, so reads inside a write transaction see that transaction (and never wait
 * on another connection: the embedded database serialises them).
 */

/** Aanvullende opdrachten whose KPIs an aanbieder reports on while they run (or ran). */
const RAPPORTERENDE_STATUSSEN: readonly string[] = [
  AanvullendeOpdrachtStatus.Actief,
  AanvullendeOpdrachtStatus.Afgerond,
  AanvullendeOpdrachtStatus.Beeindigd,
  AanvullendeOpdrachtStatus.OpgenomenInHoofdopdracht,
];

/** The account, if the actor may see it: a provider only its own, a gemeente user its gemeente. */
export async function laadVerantwoording(
  manager: EntityManager,
  scope: LeesScope,
  id: string,
  lock = false,
): Promise<Kwartaalverantwoording> {
  const verantwoording = await manager.getRepository(Kwartaalverantwoording).findOne({
    where: { id, gemeenteId: scope.gemeenteId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!verantwoording || (scope.aanbiederId && verantwoording.aanbiederId !== scope.aanbiederId))
    throw new NotFoundError('Kwartaalverantwoording', id);
  return verantwoording;
}

export interface Verwachting {
  periode: Rapportageperiode;
  /** Active KPIs the account reports on, by id. */
  kpis: Map<string, Kpi>;
  /**
   * The version of each expected KPI in force in the period (the highest `versie` with
   * `geldigVanaf` at or before the period's quarter), by KPI id: what a new figure is
   * reported against. A KPI without a version valid then is not expected. (The name is
   * historical: "huidig" as in current for this account, not the KPI's newest version.)
   */
  huidigeVersies: Map<string, KpiVersie>;
  verwacht: VerwachteKpi[];
  /** Percelen the aanbieder ran during the period, id → name. */
  percelen: Map<string, string>;
}

/**
 * What the account should contain: the active KPIs of the aanbieder's hoofdopdracht and of
 * the aanvullende opdrachten it carries out in the period (or, for the period of one
 * aanvullende opdracht, only that opdracht's KPIs), each with the percelen it is expected
 * for: the percelen assigned to the aanbieder during the period, narrowed to the opdracht's
 * own percelen when an aanvullende opdracht names them.
 */
export async function laadVerwachting(
  manager: EntityManager,
  verantwoording: Kwartaalverantwoording,
): Promise<Verwachting> {
  const periode = await manager
    .getRepository(Rapportageperiode)
    .findOneByOrFail({ id: verantwoording.rapportageperiodeId });
  const { begindatum, einddatum } = periode;

  const eigenOpdracht = periode.aanvullendeOpdrachtId;
  const hoofdopdrachtIds = eigenOpdracht
    ? []
    : (
        await manager
          .getRepository(Hoofdopdracht)
          .createQueryBuilder('h')
          .select('h.id', 'id')
          .where('h.gemeente_id = :gemeenteId AND h.aanbieder_id = :aanbiederId', {
            gemeenteId: verantwoording.gemeenteId,
            aanbiederId: verantwoording.aanbiederId,
          })
          .andWhere('h.startdatum <= :einddatum AND h.einddatum >= :begindatum', {
            begindatum,
            einddatum,
          })
          .getRawMany<{ id: string }>()
      ).map((r) => r.id);
  const aanvullendeIds = eigenOpdracht
    ? [eigenOpdracht]
    : (
        await manager
          .getRepository(AanvullendeOpdracht)
          .createQueryBuilder('o')
          .select('o.id', 'id')
          .innerJoin(AanvullendeOpdrachtAanbieder, 'a', 'a.opdracht_id = o.id')
          .where('o.gemeente_id = :gemeenteId AND a.aanbieder_id = :aanbiederId', {
            gemeenteId: verantwoording.gemeenteId,
            aanbiederId: verantwoording.aanbiederId,
          })
          .andWhere('o.status IN (:...statussen)', { statussen: RAPPORTERENDE_STATUSSEN })
          .andWhere('o.startdatum <= :einddatum AND o.einddatum >= :begindatum', {
            begindatum,
            einddatum,
          })
          .getRawMany<{ id: string }>()
      ).map((r) => r.id);

  const kpiRows = await manager
    .getRepository(Kpi)
    .createQueryBuilder('k')
    .where('k.gemeente_id = :gemeenteId AND k.actief = true', {
      gemeenteId: verantwoording.gemeenteId,
    })
    .andWhere(
      '(k.hoofdopdracht_id = ANY(:hoofd::uuid[]) OR k.aanvullende_opdracht_id = ANY(:aanvullend::uuid[]))',
      { hoofd: hoofdopdrachtIds, aanvullend: aanvullendeIds },
    )
    .getMany();
  const kpis = new Map(kpiRows.map((k) => [k.id, k]));

  // The version in force in the period, not the KPI's newest: a definition changed later
  // (valid from a later quarter) must not relabel this period's figures. One query for all.
  // A yearly period takes the version of its last quarter, as its Q4 account would.
  const kwartaal = peilKwartaal(periode.periode);
  const versieRows = kpiRows.length
    ? await manager
        .getRepository(KpiVersie)
        .createQueryBuilder('v')
        .distinctOn(['v.kpiId'])
        .where('v.kpi_id IN (:...ids) AND v.geldig_vanaf <= :kwartaal', {
          ids: kpiRows.map((k) => k.id),
          kwartaal,
        })
        .orderBy('v.kpiId')
        .addOrderBy('v.versie', 'DESC')
        .getMany()
    : [];
  const versiesInPeriode = new Map(versieRows.map((v) => [v.kpiId, v]));

  const toewijzingen = await manager
    .getRepository(PerceelToewijzing)
    .createQueryBuilder('t')
    .innerJoinAndMapOne('t.perceel', Perceel, 'p', 'p.id = t.perceel_id')
    .where('t.aanbieder_id = :aanbiederId AND p.gemeente_id = :gemeenteId', {
      aanbiederId: verantwoording.aanbiederId,
      gemeenteId: verantwoording.gemeenteId,
    })
    .andWhere('t.van <= :einddatum AND (t.tot IS NULL OR t.tot >= :begindatum)', {
      begindatum,
      einddatum,
    })
    .getMany();
  const percelen = new Map(
    toewijzingen
      .map((t) => [t.perceelId, t.perceel!.naam] as [string, string])
      .sort((a, b) => a[1].localeCompare(b[1], 'nl')),
  );

  const opdrachtPercelen = new Map<string, Set<string>>();
  if (aanvullendeIds.length) {
    const rows = await manager
      .getRepository(AanvullendeOpdrachtPerceel)
      .findBy({ opdrachtId: In(aanvullendeIds) });
    for (const row of rows) {
      const set = opdrachtPercelen.get(row.opdrachtId) ?? new Set<string>();
      set.add(row.perceelId);
      opdrachtPercelen.set(row.opdrachtId, set);
    }
  }

  const alle = [...percelen.keys()];
  const verwacht: VerwachteKpi[] = [];
  for (const kpi of kpiRows) {
    const versie = versiesInPeriode.get(kpi.id);
    if (!versie) continue;
    const eigen = kpi.aanvullendeOpdrachtId
      ? opdrachtPercelen.get(kpi.aanvullendeOpdrachtId)
      : undefined;
    verwacht.push({
      kpiId: kpi.id,
      kpiVersieId: versie.id,
      perceelIds: eigen?.size ? alle.filter((id) => eigen.has(id)) : alle,
      verplicht: isVerplichtInPeriode(versie.frequentie, periode.periode),
    });
  }
  return {
    periode,
    kpis,
    huidigeVersies: versiesInPeriode,
    verwacht,
    percelen,
  };
}

function weergaveVersie(v: KpiVersie): WeergaveKpiVersie {
  return {
    id: v.id,
    kpiId: v.kpiId,
    versie: v.versie,
    naam: v.naam,
    type: v.type,
    eenheid: v.eenheid,
    richting: v.richting,
    aggregatie: v.aggregatie,
    frequentie: v.frequentie,
    perPerceel: v.perPerceel,
  };
}

/** Names of users as the gemeente of the account knows them. */
export function gebruikerNamen(
  manager: EntityManager,
  gemeenteId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  return namenInGemeente(
    manager,
    gemeenteId,
    ids.filter((id): id is string => Boolean(id)),
  );
}

export function toOpmerkingResponse(
  o: Beoordelingsopmerking,
  namen: ReadonlyMap<string, string>,
): BeoordelingsopmerkingResponse {
  return {
    id: o.id,
    kwartaalverantwoordingId: o.kwartaalverantwoordingId,
    revisie: o.revisie,
    onderdeel: o.onderdeel,
    onderdeelId: o.onderdeelId,
    tekst: o.tekst,
    auteurId: o.auteurId,
    auteurNaam: namen.get(o.auteurId) ?? null,
    reactie: o.reactie,
    reactieDoorId: o.reactieDoorId,
    reactieDoorNaam: o.reactieDoorId ? (namen.get(o.reactieDoorId) ?? null) : null,
    reactieOp: ISO(o.reactieOp),
    open: o.reactie === null,
    createdAt: o.createdAt.toISOString(),
  };
}

function laadOpmerkingen(manager: EntityManager, id: string): Promise<Beoordelingsopmerking[]> {
  return manager.getRepository(Beoordelingsopmerking).find({
    where: { kwartaalverantwoordingId: id },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

async function toOpenOpmerkingen(
  manager: EntityManager,
  gemeenteId: string,
  opmerkingen: readonly Beoordelingsopmerking[],
): Promise<BeoordelingsopmerkingResponse[]> {
  const open = opmerkingen.filter((o) => o.reactie === null);
  const namen = await gebruikerNamen(
    manager,
    gemeenteId,
    open.flatMap((o) => [o.auteurId, o.reactieDoorId]),
  );
  return open.map((o) => toOpmerkingResponse(o, namen));
}

/** The review questions of an account still waiting for an answer, oldest first. */
export async function laadOpenOpmerkingen(
  manager: EntityManager,
  gemeenteId: string,
  id: string,
): Promise<BeoordelingsopmerkingResponse[]> {
  return toOpenOpmerkingen(manager, gemeenteId, await laadOpmerkingen(manager, id));
}

function toCasus(c: Casus): CasusInVerantwoordingResponse {
  return {
    id: c.id,
    titel: c.titel,
    situatie: c.situatie,
    vraag: c.vraag,
    waarden: c.waarden,
    betrokkenen: c.betrokkenen,
    aanpak: c.aanpak,
    effect: c.effect,
    les: c.les,
    kwestie: c.kwestie,
    perceelId: c.perceelId,
    wijkId: c.wijkId,
    kpiIds: c.kpiIds,
    doelIds: c.doelIds,
    ketenIds: c.ketenIds,
    updatedAt: c.updatedAt.toISOString(),
  };
}

function toSignaal(s: Signaal): SignaalInVerantwoordingResponse {
  return {
    id: s.id,
    titel: s.titel,
    waarneming: s.waarneming,
    soort: s.soort,
    status: s.status,
    perceelId: s.perceelId,
    wijkId: s.wijkId,
    ketenIds: s.ketenIds,
    antwoord: s.antwoord,
    terugkoppeling: s.terugkoppeling,
    leerorde: s.leerorde,
    createdAt: s.createdAt.toISOString(),
  };
}

/**
 * The whole account as the API shows it and a version freezes it: header, narrative,
 * budget, formatie, the figures with totals and statuses, what is missing, the open review
 * comments, and the case stories and signals of this aanbieder and quarter.
 */
export async function bouwInhoud(
  manager: EntityManager,
  verantwoording: Kwartaalverantwoording,
  verwachting?: Verwachting,
): Promise<KwartaalverantwoordingInhoud> {
  const v = verantwoording;
  const context = verwachting ?? (await laadVerwachting(manager, v));
  const waardeRows = await manager
    .getRepository(KpiWaarde)
    .find({ where: { kwartaalverantwoordingId: v.id } });

  // Figures may be tied to KPIs or versions no longer expected (inactive, older version).
  const kpis = new Map(context.kpis);
  const ontbrekendeKpis = [...new Set(waardeRows.map((w) => w.kpiId))].filter(
    (id) => !kpis.has(id),
  );
  if (ontbrekendeKpis.length)
    for (const k of await manager.getRepository(Kpi).findBy({ id: In(ontbrekendeKpis) }))
      kpis.set(k.id, k);
  const versies = new Map<string, KpiVersie>(
    [...context.huidigeVersies.values()].map((versie) => [versie.id, versie]),
  );
  const andereVersies = [...new Set(waardeRows.map((w) => w.kpiVersieId))].filter(
    (id) => !versies.has(id),
  );
  if (andereVersies.length)
    for (const versie of await manager.getRepository(KpiVersie).findBy({ id: In(andereVersies) }))
      versies.set(versie.id, versie);

  const normRows = kpis.size
    ? await manager.getRepository(KpiNormRecord).findBy({ kpiId: In([...kpis.keys()]) })
    : [];
  const weergaveKpis = new Map<string, WeergaveKpi>();
  for (const k of kpis.values())
    weergaveKpis.set(k.id, {
      id: k.id,
      code: k.code,
      ketenIds: k.ketenIds,
      normen: normRows
        .filter((n) => n.kpiId === k.id)
        .map((n) => ({
          periode: n.periode,
          streefwaarde: naarDecimaal(n.streefwaarde) ?? n.streefwaarde,
          tolerantieLetOp: naarDecimaal(n.tolerantieLetOp) ?? n.tolerantieLetOp,
          tolerantieUitKoers: naarDecimaal(n.tolerantieUitKoers) ?? n.tolerantieUitKoers,
        })),
    });

  const perceelNamen = new Map(context.percelen);
  const vreemdePercelen = [
    ...new Set(waardeRows.map((w) => w.perceelId).filter((id): id is string => Boolean(id))),
  ].filter((id) => !perceelNamen.has(id));
  if (vreemdePercelen.length)
    for (const p of await manager.getRepository(Perceel).findBy({ id: In(vreemdePercelen) }))
      perceelNamen.set(p.id, p.naam);

  const { waarden, ontbrekend } = bouwWaardenWeergave({
    periode: v.periode,
    kpis: weergaveKpis,
    versies: new Map([...versies.values()].map((versie) => [versie.id, weergaveVersie(versie)])),
    perceelNamen,
    waarden: waardeRows,
    verwacht: context.verwacht,
  });

  // One after the other: inside a transaction they share one connection.
  const aanbieder = await manager
    .getRepository(AanbiederGemeente)
    .findOneByOrFail({ aanbiederId: v.aanbiederId, gemeenteId: v.gemeenteId });
  const opmerkingen = await laadOpmerkingen(manager, v.id);
  const casussen = await manager.getRepository(Casus).find({
    where: { gemeenteId: v.gemeenteId, aanbiederId: v.aanbiederId, periode: v.periode },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const signalen = await manager.getRepository(Signaal).find({
    where: { gemeenteId: v.gemeenteId, organisatieId: v.aanbiederId, periode: v.periode },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const openOpmerkingen = await toOpenOpmerkingen(manager, v.gemeenteId, opmerkingen);

  return {
    id: v.id,
    gemeenteId: v.gemeenteId,
    aanbiederId: v.aanbiederId,
    aanbiederNaam: aanbieder.naam,
    rapportageperiodeId: v.rapportageperiodeId,
    aanvullendeOpdrachtId: context.periode.aanvullendeOpdrachtId,
    periode: v.periode,
    deadline: context.periode.deadline,
    revisie: v.revisie,
    status: v.status,
    hoogtepunten: v.hoogtepunten,
    knelpunten: v.knelpunten,
    vooruitblik: v.vooruitblik,
    budget: {
      begrootCenten: v.budgetBegrootCenten,
      gerealiseerdCenten: v.budgetGerealiseerdCenten,
      toelichting: v.budgetToelichting,
    },
    formatie: {
      formatieFte: v.formatieFte === null ? null : naarDecimaal(v.formatieFte),
      vacaturesFte: v.vacaturesFte === null ? null : naarDecimaal(v.vacaturesFte),
      verloopPercentage: v.verloopPercentage === null ? null : naarDecimaal(v.verloopPercentage),
      toelichting: v.formatieToelichting,
    },
    waarden,
    ontbrekend,
    openOpmerkingen,
    casussen: casussen.map(toCasus),
    signalen: signalen.map(toSignaal),
    ingediendOp: ISO(v.ingediendOp),
    ingediendDoorId: v.ingediendDoorId,
    vastgesteldOp: ISO(v.vastgesteldOp),
    vastgesteldDoorId: v.vastgesteldDoorId,
    teruggezetOp: ISO(v.teruggezetOp),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    version: v.version,
  };
}
