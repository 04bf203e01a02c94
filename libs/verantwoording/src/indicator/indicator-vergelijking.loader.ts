import type { EntityManager } from 'typeorm';
import { periodeDatums } from '../periode/kwartaal';
import type {
  VergelijkingInvoer,
  VergelijkingKpi,
  VergelijkingNorm,
  VergelijkingWaarde,
} from './indicator-vergelijking';

type Rij = Record<string, unknown>;

/** Accounts whose figures count: submitted or adopted, the latest such revision per period. */
const GELDIG = `('ingediend', 'vastgesteld')`;

function tekst(waarde: unknown): string | null {
  return waarde === null || waarde === undefined ? null : String(waarde);
}

/**
 * Reads what the comparison of indicators in one quarter needs, in three queries whatever the
 * number of indicators, aanbieders, KPIs or percelen: the active KPIs adopting the indicators
 * with the version in force in the quarter and the aanbieder(s) carrying them out (a
 * hoofdopdracht has one, an aanvullende opdracht may have several), their norms, and the
 * figures of the latest submitted or adopted account per reporting period with perceel
 * names. `aanbiederId` limits everything to one aanbieder (a provider user's own row).
 */
export async function laadVergelijking(
  manager: EntityManager,
  gemeenteId: string,
  indicatorIds: readonly string[],
  periode: string,
  aanbiederId: string | null = null,
): Promise<VergelijkingInvoer> {
  const q = (sql: string, params: unknown[]): Promise<Rij[]> => manager.query(sql, params);
  const { begindatum, einddatum } = periodeDatums(periode);
  const kpiRijen = await q(
    `SELECT k.indicator_id, k.id AS kpi_id, k.code, v.versie, v.naam, v.eenheid, v.richting,
       v.aggregatie, v.per_perceel, d.soort, d.opdracht_id, d.titel, d.aanbieder_id,
       ag.naam AS aanbieder_naam
     FROM kpis k
     JOIN LATERAL (SELECT * FROM kpi_versies kv WHERE kv.kpi_id = k.id AND kv.geldig_vanaf <= $3
       ORDER BY kv.versie DESC LIMIT 1) v ON true
     JOIN LATERAL (
       SELECT 'hoofdopdracht' AS soort, h.id AS opdracht_id, h.titel, h.aanbieder_id
         FROM hoofdopdrachten h
        WHERE h.id = k.hoofdopdracht_id AND h.startdatum <= $5 AND h.einddatum >= $4
       UNION ALL
       SELECT 'aanvullende-opdracht', a.id, a.titel, x.aanbieder_id
         FROM aanvullende_opdrachten a
         JOIN aanvullende_opdracht_aanbieders x ON x.opdracht_id = a.id
        WHERE a.id = k.aanvullende_opdracht_id AND a.startdatum <= $5 AND a.einddatum >= $4
     ) d ON true
     JOIN aanbieder_gemeenten ag ON ag.aanbieder_id = d.aanbieder_id AND ag.gemeente_id = k.gemeente_id
     WHERE k.gemeente_id = $1 AND k.indicator_id = ANY($2::uuid[]) AND k.actief
       AND ($6::uuid IS NULL OR d.aanbieder_id = $6::uuid)`,
    [gemeenteId, indicatorIds, periode, begindatum, einddatum, aanbiederId],
  );
  const kpis: VergelijkingKpi[] = kpiRijen.map((r) => ({
    indicatorId: String(r.indicator_id),
    kpiId: String(r.kpi_id),
    code: String(r.code),
    naam: String(r.naam),
    versie: Number(r.versie),
    eenheid: r.eenheid as VergelijkingKpi['eenheid'],
    richting: r.richting as VergelijkingKpi['richting'],
    aggregatie: r.aggregatie as VergelijkingKpi['aggregatie'],
    perPerceel: Boolean(r.per_perceel),
    opdrachtSoort: r.soort as VergelijkingKpi['opdrachtSoort'],
    opdrachtId: String(r.opdracht_id),
    opdrachtTitel: String(r.titel),
    aanbiederId: String(r.aanbieder_id),
    aanbiederNaam: String(r.aanbieder_naam),
  }));
  const kpiIds = [...new Set(kpis.map((k) => k.kpiId))];

  const normen: VergelijkingNorm[] = (
    await q(
      `SELECT kpi_id, periode, streefwaarde, tolerantie_let_op, tolerantie_uit_koers
       FROM kpi_normen WHERE kpi_id = ANY($1::uuid[]) AND periode IN ($2, $3)`,
      [kpiIds, periode, periode.slice(0, 4)],
    )
  ).map((r) => ({
    kpiId: String(r.kpi_id),
    periode: String(r.periode),
    streefwaarde: String(r.streefwaarde),
    tolerantieLetOp: String(r.tolerantie_let_op),
    tolerantieUitKoers: String(r.tolerantie_uit_koers),
  }));

  const waarden: VergelijkingWaarde[] = (
    await q(
      `SELECT w.kpi_id, v.aanbieder_id, w.perceel_id, p.naam AS perceel_naam, w.waarde, w.gewicht
       FROM kwartaalverantwoordingen v
       JOIN kpi_waarden w ON w.kwartaalverantwoording_id = v.id
       LEFT JOIN percelen p ON p.id = w.perceel_id
       WHERE v.gemeente_id = $1 AND v.periode = $2 AND v.status IN ${GELDIG}
         AND w.kpi_id = ANY($3::uuid[])
         AND NOT EXISTS (SELECT 1 FROM kwartaalverantwoordingen later
           WHERE later.rapportageperiode_id = v.rapportageperiode_id
             AND later.revisie > v.revisie AND later.status IN ${GELDIG})`,
      [gemeenteId, periode, kpiIds],
    )
  ).map((r) => ({
    kpiId: String(r.kpi_id),
    aanbiederId: String(r.aanbieder_id),
    perceelId: tekst(r.perceel_id),
    perceelNaam: tekst(r.perceel_naam),
    waarde: String(r.waarde),
    gewicht: tekst(r.gewicht),
  }));
  return { periode, kpis, normen, waarden };
}
