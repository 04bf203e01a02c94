import type { EntityManager } from 'typeorm';
import { kwartaal } from '@wijkkompas/opdrachten';
import { laadVergelijking, vergelijkIndicatoren } from '@wijkkompas/verantwoording';
import { Overleg } from '../overleg/overleg.entity';
import { OverlegSoort, vorigKwartaal } from '../overleg/overleg.regels';
import type { AgendaBronRegistry } from './agenda-bijdragen';
import type { AgendaSnapshot } from './agenda-opstelling';

type Rij = Record<string, unknown>;

/** The day of an instant in a time zone, YYYY-MM-DD. */
export function dagIn(instant: Date, tijdzone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tijdzone }).format(instant);
}

/**
 * Everything the drafting of one meeting's agenda reads, in a fixed number of queries
 * (at most nine, plus the three of the indicator comparison and the dossier's for a
 * verantwoordingsgesprek), inside the caller's read transaction so all see the same moment.
 */
export async function laadAgendaSnapshot(
  manager: EntityManager,
  overleg: Overleg,
  tijdzone: string,
  registry: AgendaBronRegistry,
): Promise<AgendaSnapshot> {
  const q = (sql: string, params: unknown[]): Promise<Rij[]> => manager.query(sql, params);
  const g = overleg.gemeenteId;
  const dag = dagIn(overleg.datum, tijdzone);
  // The quarter whose figures count: the verantwoordingsgesprek's own, otherwise the latest
  // completed quarter for which an account was submitted (right after a quarter closes, its
  // accounts are not in yet, and the one before is what there is to discuss).
  const [laatste] = overleg.periode
    ? []
    : await q(
        `SELECT max(periode) AS periode FROM kwartaalverantwoordingen
         WHERE gemeente_id = $1 AND status IN ('ingediend', 'vastgesteld')
           AND periode ~ '^[0-9]{4}-Q[1-4]$' AND periode <= $2`,
        [g, vorigKwartaal(kwartaal(dag))],
      );
  const periode =
    overleg.periode ?? (laatste?.periode ? String(laatste.periode) : vorigKwartaal(kwartaal(dag)));

  const ketens = (await q(`SELECT id, naam FROM ketens WHERE gemeente_id = $1`, [g])).map((r) => ({
    id: String(r.id),
    naam: String(r.naam),
  }));

  const signalen = (
    await q(
      `SELECT id, titel, keten_ids::text[] AS keten_ids FROM signalen
       WHERE gemeente_id = $1 AND status IN ('nieuw', 'in-analyse', 'geagendeerd')
       ORDER BY created_at, id`,
      [g],
    )
  ).map((r) => ({
    id: String(r.id),
    titel: String(r.titel),
    ketenIds: (r.keten_ids as string[]) ?? [],
  }));

  const indicatorRijen = await q(
    `SELECT id, code, naam, eenheid, keten_ids::text[] AS keten_ids FROM indicatoren
     WHERE gemeente_id = $1 ORDER BY code, id`,
    [g],
  );
  const vergelijking = vergelijkIndicatoren(
    await laadVergelijking(
      manager,
      g,
      indicatorRijen.map((r) => String(r.id)),
      periode,
    ),
  );
  const indicatoren = indicatorRijen.map((r) => ({
    id: String(r.id),
    code: String(r.code),
    naam: String(r.naam),
    eenheid: String(r.eenheid),
    ketenIds: (r.keten_ids as string[]) ?? [],
    rijen: (vergelijking.get(String(r.id)) ?? []).map((v) => ({
      aanbiederId: v.aanbiederId,
      aanbiederNaam: v.aanbiederNaam,
      waarde: v.waarde,
      streefwaarde: v.norm?.streefwaarde ?? null,
      status: v.status,
    })),
  }));

  const aanvullendeOpdrachten = (
    await q(
      `SELECT o.id, o.titel, o.status, o.einddatum::text AS einddatum,
         o.aangevraagd_op::text AS aangevraagd_op, o.toets_oordeel,
         COALESCE((SELECT array_agg(k.keten_id::text) FROM aanvullende_opdracht_ketens k
                   WHERE k.opdracht_id = o.id), '{}') AS keten_ids,
         EXISTS (SELECT 1 FROM kpis kp JOIN doelen d ON d.id = ANY(kp.doel_ids)
                 WHERE kp.aanvullende_opdracht_id = o.id) AS aan_doel
       FROM aanvullende_opdrachten o
       WHERE o.gemeente_id = $1 AND o.status IN ('aangevraagd', 'getoetst', 'actief')
       ORDER BY o.einddatum, o.titel, o.id`,
      [g],
    )
  ).map((r) => ({
    id: String(r.id),
    titel: String(r.titel),
    status: String(r.status),
    einddatum: String(r.einddatum),
    aangevraagdOp: String(r.aangevraagd_op),
    ketenIds: (r.keten_ids as string[]) ?? [],
    aanHoofdopdrachtDoel: Boolean(r.aan_doel),
    toetsOordeel: r.toets_oordeel === null ? null : String(r.toets_oordeel),
  }));

  const hoofdopdrachten =
    overleg.soort === OverlegSoort.Ketenoverleg
      ? []
      : (
          await q(
            `SELECT h.id, h.titel, h.einddatum::text AS einddatum, ag.naam AS aanbieder_naam
             FROM hoofdopdrachten h
             JOIN aanbieder_gemeenten ag ON ag.aanbieder_id = h.aanbieder_id AND ag.gemeente_id = h.gemeente_id
             WHERE h.gemeente_id = $1 AND h.einddatum BETWEEN $2::date AND $2::date + 365
             ORDER BY h.einddatum, h.id`,
            [g, dag],
          )
        ).map((r) => ({
          id: String(r.id),
          titel: String(r.titel),
          aanbiederNaam: String(r.aanbieder_naam),
          einddatum: String(r.einddatum),
        }));

  const casussen = (
    await q(
      `SELECT c.id, c.titel, c.aanbieder_id, ag.naam AS aanbieder_naam, c.keten_ids::text[] AS keten_ids,
         COALESCE((SELECT json_agg(json_build_object('id', d.id, 'titel', d.titel))
                   FROM doelen d WHERE d.id = ANY(c.doel_ids)), '[]') AS doelen,
         COALESCE((SELECT json_agg(DISTINCT jsonb_build_object('id', i.id, 'code', i.code, 'naam', i.naam))
                   FROM kpis k JOIN indicatoren i ON i.id = k.indicator_id
                   WHERE k.id = ANY(c.kpi_ids)), '[]') AS indicatoren
       FROM casussen c
       JOIN aanbieder_gemeenten ag ON ag.aanbieder_id = c.aanbieder_id AND ag.gemeente_id = c.gemeente_id
       WHERE c.gemeente_id = $1 AND c.periode = $2 AND NULLIF(btrim(c.vraag), '') IS NOT NULL
       ORDER BY c.titel, c.id`,
      [g, periode],
    )
  ).map((r) => ({
    id: String(r.id),
    titel: String(r.titel),
    aanbiederId: String(r.aanbieder_id),
    aanbiederNaam: String(r.aanbieder_naam),
    ketenIds: (r.keten_ids as string[]) ?? [],
    doelen: r.doelen as { id: string; titel: string }[],
    indicatoren: r.indicatoren as { id: string; code: string; naam: string }[],
  }));

  const acties = (
    await q(
      `SELECT a.id, a.omschrijving, a.eigenaar_naam, a.deadline::text AS deadline, o.soort,
         o.keten_id, o.aanbieder_id, to_char(o.datum AT TIME ZONE $3, 'YYYY-MM-DD') AS overleg_dag
       FROM acties a JOIN overleggen o ON o.id = a.overleg_id
       WHERE a.gemeente_id = $1 AND a.status = 'open' AND a.overleg_id <> $2
       ORDER BY a.deadline NULLS LAST, a.created_at, a.id`,
      [g, overleg.id, tijdzone],
    )
  ).map((r) => ({
    id: String(r.id),
    omschrijving: String(r.omschrijving),
    eigenaarNaam: String(r.eigenaar_naam),
    deadline: r.deadline === null ? null : String(r.deadline),
    overlegSoort: r.soort as OverlegSoort,
    overlegKetenId: r.keten_id === null ? null : String(r.keten_id),
    overlegAanbiederId: r.aanbieder_id === null ? null : String(r.aanbieder_id),
    overlegDag: String(r.overleg_dag),
  }));

  const snapshot: AgendaSnapshot = {
    overleg: {
      id: overleg.id,
      soort: overleg.soort,
      ketenId: overleg.ketenId,
      aanbiederId: overleg.aanbiederId,
      dag,
    },
    kwartaal: periode,
    ketens,
    signalen,
    indicatoren,
    aanvullendeOpdrachten,
    hoofdopdrachten,
    casussen,
    acties,
  };
  const bron = registry.verantwoordingsgesprek();
  if (overleg.soort === OverlegSoort.Verantwoordingsgesprek && bron)
    snapshot.dossierAgenda = await bron.laad(manager, {
      gemeenteId: g,
      overlegId: overleg.id,
      aanbiederId: overleg.aanbiederId,
      periode: overleg.periode,
      dag,
      tijdzone,
    });
  return snapshot;
}
