import { EntityManager } from 'typeorm';
import { Datakwaliteit } from './kwartaalverantwoording.entity';

/**
 * Writes many KPI values at once: a few multi-row INSERT … ON CONFLICT statements over
 * unnest() arrays instead of one ORM save per row. The parameters per statement stay at
 * ten however many rows it carries, and the database does the matching on the two partial
 * unique indexes (per perceel, and for the whole aanbieder).
 */

export interface TeSchrijvenWaarde {
  kpiId: string;
  kpiVersieId: string;
  perceelId: string | null;
  /** Canonical decimal text. */
  waarde: string;
  gewicht: string | null;
  toelichting: string | null;
  bron: string | null;
  datakwaliteit: Datakwaliteit;
}

/**
 * Columns an update keeps as they are (an import file without a toelichting column must not
 * wipe the toelichtingen people wrote). On insert the given value is used.
 */
export interface BehoudKolommen {
  gewicht?: boolean;
  toelichting?: boolean;
  bron?: boolean;
  datakwaliteit?: boolean;
}

export interface OpslagResultaat {
  toegevoegd: number;
  bijgewerkt: number;
}

export const BATCH_GROOTTE = 5_000;

function upsertSql(metPerceel: boolean, behoud: BehoudKolommen): string {
  const kolom = (naam: keyof BehoudKolommen) =>
    `${naam} = ${behoud[naam] ? `kpi_waarden.${naam}` : `EXCLUDED.${naam}`}`;
  return `
    WITH r AS (
      INSERT INTO kpi_waarden
        (kwartaalverantwoording_id, kpi_id, kpi_versie_id, perceel_id, waarde, gewicht, toelichting, bron, datakwaliteit)
      SELECT $1::uuid, t.kpi_id, t.kpi_versie_id, t.perceel_id, t.waarde, t.gewicht, t.toelichting, t.bron, t.datakwaliteit
      FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::numeric[], $6::numeric[], $7::text[], $8::text[], $9::text[])
        AS t(kpi_id, kpi_versie_id, perceel_id, waarde, gewicht, toelichting, bron, datakwaliteit)
      ON CONFLICT ${
        metPerceel
          ? '(kwartaalverantwoording_id, kpi_id, perceel_id) WHERE perceel_id IS NOT NULL'
          : '(kwartaalverantwoording_id, kpi_id) WHERE perceel_id IS NULL'
      }
      DO UPDATE SET
        kpi_versie_id = EXCLUDED.kpi_versie_id,
        waarde = EXCLUDED.waarde,
        ${kolom('gewicht')},
        ${kolom('toelichting')},
        ${kolom('bron')},
        ${kolom('datakwaliteit')},
        updated_at = now()
      RETURNING (xmax = 0) AS nieuw
    )
    SELECT count(*) FILTER (WHERE nieuw)::int AS toegevoegd, count(*)::int AS totaal FROM r`;
}

/**
 * Upserts the values of one account, in the caller's transaction. The caller has validated
 * them (no duplicate (KPI, perceel) pairs: one statement cannot update a row twice).
 */
export async function schrijfWaarden(
  manager: EntityManager,
  kwartaalverantwoordingId: string,
  waarden: readonly TeSchrijvenWaarde[],
  behoud: BehoudKolommen = {},
  batchGrootte = BATCH_GROOTTE,
): Promise<OpslagResultaat> {
  const resultaat: OpslagResultaat = { toegevoegd: 0, bijgewerkt: 0 };
  for (const metPerceel of [true, false]) {
    const deel = waarden.filter((w) => (w.perceelId !== null) === metPerceel);
    const sql = upsertSql(metPerceel, behoud);
    for (let start = 0; start < deel.length; start += batchGrootte) {
      const batch = deel.slice(start, start + batchGrootte);
      const rows = (await manager.query(sql, [
        kwartaalverantwoordingId,
        batch.map((w) => w.kpiId),
        batch.map((w) => w.kpiVersieId),
        batch.map((w) => w.perceelId),
        batch.map((w) => w.waarde),
        batch.map((w) => w.gewicht),
        batch.map((w) => w.toelichting),
        batch.map((w) => w.bron),
        batch.map((w) => w.datakwaliteit),
      ])) as { toegevoegd: number; totaal: number }[];
      resultaat.toegevoegd += Number(rows[0].toegevoegd);
      resultaat.bijgewerkt += Number(rows[0].totaal) - Number(rows[0].toegevoegd);
    }
  }
  return resultaat;
}
