import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deelnemerLabel, Deelnemer } from '@wijkkompas/overleggen';
import { naarDecimaal, periodeDatums } from '@wijkkompas/verantwoording';
import { OPEN_SIGNAAL_STATUSSEN } from '../beoordeling';
import { STANDAARD_DOSSIER_OPTIES } from '../context';
import { DossierGegevensError } from '../dossier/dossier.errors';
import { kwartalenTotEnMet } from '../kalender';
import type {
  DossierActie,
  DossierAanvullendeOpdracht,
  DossierCasus,
  DossierDoel,
  DossierKpi,
  DossierKpiNorm,
  DossierKpiWaarde,
  DossierOverleg,
  DossierPerceel,
  DossierSignaal,
  DossierSnapshot,
  DossierVerantwoording,
} from '../snapshot';
import { DossierBijdrageRegistry, DossierLaadScope } from './dossier-bijdragen';

/**
 * The statuses in which an account counts for a dossier: submitted or adopted. Of each
 * reporting period only the latest such revision counts (a correction after adoption is
 * revision 2, and once submitted its figures replace those of revision 1). A concept, or an
 * account returned with questions (teruggezet), is work in progress: its figures are not in a
 * dossier.
 */
export const DOSSIER_VERANTWOORDING_STATUSSEN = ['ingediend', 'vastgesteld'] as const;

const GELDIGE_STATUSSEN = `(${DOSSIER_VERANTWOORDING_STATUSSEN.map((s) => `'${s}'`).join(', ')})`;
const OPEN_SIGNALEN = `(${OPEN_SIGNAAL_STATUSSEN.map((s) => `'${s}'`).join(', ')})`;

/** The KPIs, goals and percelen of this aanbieder's hoofdopdrachten running in the quarter. */
const HOOFDOPDRACHTEN = `SELECT h.id FROM hoofdopdrachten h
  WHERE h.gemeente_id = $1 AND h.aanbieder_id = $2 AND h.startdatum <= $4 AND h.einddatum >= $3`;
/** The aanvullende opdrachten this aanbieder carries out that run in the quarter. */
const AANVULLENDE_OPDRACHTEN = `SELECT a.opdracht_id FROM aanvullende_opdracht_aanbieders a
  JOIN aanvullende_opdrachten o ON o.id = a.opdracht_id
  WHERE a.aanbieder_id = $2 AND o.gemeente_id = $1 AND o.startdatum <= $4 AND o.einddatum >= $3`;

type Rij = Record<string, unknown>;

function tekst(waarde: unknown): string | null {
  return waarde === null || waarde === undefined ? null : String(waarde);
}

function decimaal(waarde: unknown): string | null {
  return waarde === null || waarde === undefined ? null : naarDecimaal(String(waarde));
}

function centen(waarde: unknown): number | null {
  return waarde === null || waarde === undefined ? null : Number(waarde);
}

/**
 * Reads everything a dossier is made of for one aanbieder and quarter into a DossierSnapshot,
 * with a fixed number of queries whatever the number of KPIs, quarters, stories or
 * percelen (twelve, plus one per registered contribution): every list is one set-based
 * query, never one per KPI. Reads only; run it in a read-only transaction so all queries see
 * the same moment.
 */
@Injectable()
export class DossierLoader {
  /** Queries of `laad` without contributions; the query-count test holds the loader to it. */
  static readonly AANTAL_QUERIES = 12;

  constructor(private readonly bijdragen: DossierBijdrageRegistry) {}

  async laad(manager: EntityManager, scope: DossierLaadScope): Promise<DossierSnapshot> {
    const { gemeenteId, aanbiederId, periode } = scope;
    const { begindatum, einddatum } = periodeDatums(periode);
    const kwartalen = kwartalenTotEnMet(periode, STANDAARD_DOSSIER_OPTIES.trendMaximum);
    const q = (sql: string, params: unknown[]): Promise<Rij[]> => manager.query(sql, params);
    const basis = [gemeenteId, aanbiederId, begindatum, einddatum];

    // 1. gemeente and aanbieder
    const [kop] = await q(
      `SELECT g.naam AS gemeente_naam, g.cbs_code, ag.aanbieder_id, ag.naam AS aanbieder_naam
       FROM gemeenten g
       JOIN aanbieder_gemeenten ag ON ag.gemeente_id = g.id AND ag.aanbieder_id = $2
       WHERE g.id = $1`,
      [gemeenteId, aanbiederId],
    );
    if (!kop)
      throw new DossierGegevensError(
        'De aanbieder werkt niet (meer) voor deze gemeente; er is geen dossier samen te stellen.',
      );

    // 2. KPIs with the version in force in the quarter
    const kpiRijen = await q(
      `SELECT DISTINCT ON (k.id) k.id, k.code, k.doel_ids::text[] AS doel_ids, v.versie, v.naam,
         v.definitie, v.type, v.eenheid, v.richting, v.aggregatie, v.per_perceel
       FROM kpis k
       JOIN kpi_versies v ON v.kpi_id = k.id AND v.geldig_vanaf <= $5
       WHERE k.gemeente_id = $1 AND k.actief
         AND (k.hoofdopdracht_id IN (${HOOFDOPDRACHTEN})
           OR k.aanvullende_opdracht_id IN (${AANVULLENDE_OPDRACHTEN}))
       ORDER BY k.id, v.versie DESC`,
      [...basis, periode],
    );
    const kpiIds = kpiRijen.map((r) => String(r.id));

    // 3. their norms
    const normRijen = await q(
      `SELECT kpi_id, periode, streefwaarde, tolerantie_let_op, tolerantie_uit_koers
       FROM kpi_normen WHERE kpi_id = ANY($1::uuid[])`,
      [kpiIds],
    );
    const normen = new Map<string, DossierKpiNorm[]>();
    for (const r of normRijen) {
      const lijst = normen.get(String(r.kpi_id)) ?? [];
      lijst.push({
        periode: String(r.periode),
        streefwaarde: decimaal(r.streefwaarde)!,
        tolerantieLetOp: decimaal(r.tolerantie_let_op)!,
        tolerantieUitKoers: decimaal(r.tolerantie_uit_koers)!,
      });
      normen.set(String(r.kpi_id), lijst);
    }
    const kpis: DossierKpi[] = kpiRijen.map((r) => ({
      id: String(r.id),
      code: String(r.code),
      naam: String(r.naam),
      versie: Number(r.versie),
      type: r.type as DossierKpi['type'],
      eenheid: r.eenheid as DossierKpi['eenheid'],
      richting: r.richting as DossierKpi['richting'],
      aggregatie: r.aggregatie as DossierKpi['aggregatie'],
      perPerceel: Boolean(r.per_perceel),
      definitie: tekst(r.definitie),
      doelIds: (r.doel_ids as string[] | null) ?? [],
      normen: normen.get(String(r.id)) ?? [],
    }));

    // 4. goals of the hoofdopdrachten
    const doelen: DossierDoel[] = (
      await q(
        `SELECT d.id, d.titel, d.niveau, d.parent_id FROM doelen d
         WHERE d.gemeente_id = $1 AND d.hoofdopdracht_id IN (${HOOFDOPDRACHTEN})`,
        basis,
      )
    ).map((r) => ({
      id: String(r.id),
      titel: String(r.titel),
      niveau: r.niveau as DossierDoel['niveau'],
      parentId: tekst(r.parent_id),
    }));

    // 5. percelen assigned to the aanbieder during the quarter (a perceel's name is its code)
    const percelen: DossierPerceel[] = (
      await q(
        `SELECT DISTINCT p.id, p.naam FROM percelen p
         JOIN perceel_toewijzingen t ON t.perceel_id = p.id
         WHERE p.gemeente_id = $1 AND t.aanbieder_id = $2 AND t.van <= $4
           AND (t.tot IS NULL OR t.tot >= $3)`,
        basis,
      )
    ).map((r) => ({ id: String(r.id), code: String(r.naam), naam: String(r.naam) }));

    // 6. figures of the trend window, from the latest submitted or adopted revision per period
    const waarden: DossierKpiWaarde[] = (
      await q(
        `SELECT w.kpi_id, v.periode, w.perceel_id, w.waarde, w.toelichting, w.datakwaliteit,
           w.gewicht, kv.versie AS kpi_versie
         FROM kwartaalverantwoordingen v
         JOIN kpi_waarden w ON w.kwartaalverantwoording_id = v.id
         JOIN kpi_versies kv ON kv.id = w.kpi_versie_id
         WHERE v.gemeente_id = $1 AND v.aanbieder_id = $2 AND v.periode = ANY($3::varchar[])
           AND v.status IN ${GELDIGE_STATUSSEN} AND w.kpi_id = ANY($4::uuid[])
           AND NOT EXISTS (SELECT 1 FROM kwartaalverantwoordingen later
             WHERE later.rapportageperiode_id = v.rapportageperiode_id
               AND later.revisie > v.revisie AND later.status IN ${GELDIGE_STATUSSEN})`,
        [gemeenteId, aanbiederId, kwartalen, kpiIds],
      )
    ).map((r) => ({
      kpiId: String(r.kpi_id),
      periode: String(r.periode),
      perceelId: tekst(r.perceel_id),
      waarde: decimaal(r.waarde)!,
      toelichting: tekst(r.toelichting),
      datakwaliteit: r.datakwaliteit as DossierKpiWaarde['datakwaliteit'],
      gewicht: decimaal(r.gewicht),
      kpiVersie: Number(r.kpi_versie),
    }));

    // 7. the account of the quarter (the hoofdopdracht's period), same rule as the figures
    const [account] = await q(
      `SELECT v.id, v.revisie, v.status, v.hoogtepunten, v.knelpunten, v.vooruitblik,
         v.budget_begroot_centen, v.budget_gerealiseerd_centen, v.budget_toelichting,
         v.formatie_fte, v.vacatures_fte, v.verloop_percentage, v.formatie_toelichting
       FROM kwartaalverantwoordingen v
       JOIN rapportageperiodes p ON p.id = v.rapportageperiode_id
       WHERE v.gemeente_id = $1 AND v.aanbieder_id = $2 AND v.periode = $3
         AND p.aanvullende_opdracht_id IS NULL AND v.status IN ${GELDIGE_STATUSSEN}
       ORDER BY v.revisie DESC LIMIT 1`,
      [gemeenteId, aanbiederId, periode],
    );
    const verantwoording: DossierVerantwoording | null = account
      ? {
          id: String(account.id),
          revisie: Number(account.revisie),
          status: account.status as DossierVerantwoording['status'],
          hoogtepunten: tekst(account.hoogtepunten),
          knelpunten: tekst(account.knelpunten),
          vooruitblik: tekst(account.vooruitblik),
          budget: {
            begrootCenten: centen(account.budget_begroot_centen),
            gerealiseerdCenten: centen(account.budget_gerealiseerd_centen),
            toelichting: tekst(account.budget_toelichting),
          },
          formatie: {
            formatieFte: decimaal(account.formatie_fte),
            vacaturesFte: decimaal(account.vacatures_fte),
            verloopPercentage: decimaal(account.verloop_percentage),
            toelichting: tekst(account.formatie_toelichting),
          },
        }
      : null;

    // 8. case stories of the quarter
    const casussen: DossierCasus[] = (
      await q(
        `SELECT id, titel, periode, kpi_ids::text[] AS kpi_ids, doel_ids::text[] AS doel_ids,
           perceel_id, situatie, vraag, waarden, betrokkenen, aanpak, effect, les, kwestie
         FROM casussen WHERE gemeente_id = $1 AND aanbieder_id = $2 AND periode = $3`,
        [gemeenteId, aanbiederId, periode],
      )
    ).map((r) => ({
      id: String(r.id),
      titel: String(r.titel),
      periode: String(r.periode),
      kpiIds: (r.kpi_ids as string[] | null) ?? [],
      doelIds: (r.doel_ids as string[] | null) ?? [],
      perceelId: tekst(r.perceel_id),
      situatie: tekst(r.situatie),
      vraag: tekst(r.vraag),
      waarden: tekst(r.waarden),
      betrokkenen: tekst(r.betrokkenen),
      aanpak: tekst(r.aanpak),
      effect: tekst(r.effect),
      les: tekst(r.les),
      kwestie: tekst(r.kwestie),
    }));

    // 9. aanvullende opdrachten running in the quarter or still to start, with this aanbieder's share
    const aanvullendeOpdrachten: DossierAanvullendeOpdracht[] = (
      await q(
        `SELECT o.id, o.titel, o.status, a.budget_centen, o.geoormerkt, o.startdatum::text,
           o.einddatum::text, o.thema
         FROM aanvullende_opdrachten o
         JOIN aanvullende_opdracht_aanbieders a ON a.opdracht_id = o.id AND a.aanbieder_id = $2
         WHERE o.gemeente_id = $1
           AND ((o.startdatum <= $4 AND o.einddatum >= $3) OR o.status IN ('aangevraagd', 'getoetst'))`,
        basis,
      )
    ).map((r) => ({
      id: String(r.id),
      titel: String(r.titel),
      status: r.status as DossierAanvullendeOpdracht['status'],
      budgetCenten: Number(r.budget_centen),
      oormerk: Boolean(r.geoormerkt),
      startdatum: tekst(r.startdatum),
      einddatum: String(r.einddatum),
      thema: tekst(r.thema),
    }));

    // 10. open signals raised by the aanbieder or about its percelen
    const signalen: DossierSignaal[] = (
      await q(
        `SELECT s.id, s.titel, s.status, s.soort,
           to_char(s.created_at AT TIME ZONE $3, 'YYYY-MM-DD') AS ingebracht_op,
           s.antwoord_termijn::text AS antwoord_termijn
         FROM signalen s
         WHERE s.gemeente_id = $1 AND s.status IN ${OPEN_SIGNALEN}
           AND (s.organisatie_id = $2 OR s.perceel_id = ANY($4::uuid[]))`,
        [gemeenteId, aanbiederId, scope.tijdzone, percelen.map((p) => p.id)],
      )
    ).map((r) => ({
      id: String(r.id),
      titel: String(r.titel),
      status: r.status as DossierSignaal['status'],
      soort: r.soort as DossierSignaal['soort'],
      ingebrachtOp: String(r.ingebracht_op),
      antwoordTermijn: tekst(r.antwoord_termijn),
    }));

    // 11. the verantwoordingsgesprek: the one named, otherwise the one planned for the quarter
    const [gesprek] = await q(
      `SELECT o.datum, o.deelnemers FROM overleggen o
       WHERE o.gemeente_id = $1 AND o.aanbieder_id = $2 AND o.soort = 'verantwoordingsgesprek'
         AND (o.id = $3::uuid OR ($3::uuid IS NULL AND o.periode = $4 AND o.status <> 'geannuleerd'))
       LIMIT 1`,
      [gemeenteId, aanbiederId, scope.overlegId ?? null, periode],
    );
    const overleg: DossierOverleg | null = gesprek
      ? {
          datum: (gesprek.datum as Date).toISOString(),
          deelnemers: ((gesprek.deelnemers as Deelnemer[] | null) ?? []).map(deelnemerLabel),
        }
      : null;

    // 12. open actions owned by the aanbieder (or one of its people), or agreed in a
    // verantwoordingsgesprek with it
    const acties: DossierActie[] = (
      await q(
        `SELECT a.id, a.omschrijving, a.eigenaar_naam, a.deadline::text AS deadline, a.status,
           to_char(o.datum AT TIME ZONE $3, 'YYYY-MM-DD') AS overleg_dag
         FROM acties a JOIN overleggen o ON o.id = a.overleg_id
         WHERE a.gemeente_id = $1 AND a.status = 'open'
           AND (a.eigenaar_organisatie_id = $2 OR o.aanbieder_id = $2)`,
        [gemeenteId, aanbiederId, scope.tijdzone],
      )
    ).map((r) => ({
      id: String(r.id),
      omschrijving: String(r.omschrijving),
      eigenaar: String(r.eigenaar_naam),
      deadline: tekst(r.deadline),
      status: r.status as DossierActie['status'],
      overlegDatum: tekst(r.overleg_dag),
    }));

    const snapshot: DossierSnapshot = {
      gemeente: { naam: String(kop.gemeente_naam), cbsCode: tekst(kop.cbs_code) },
      aanbieder: { id: String(kop.aanbieder_id), naam: String(kop.aanbieder_naam) },
      periode,
      peildatum: scope.vandaag,
      overleg,
      kpis,
      doelen,
      percelen,
      waarden,
      verantwoording,
      casussen,
      aanvullendeOpdrachten,
      signalen,
      acties,
    };
    const bijdragen = this.bijdragen.bijdragen();
    if (bijdragen.length > 0) {
      snapshot.bijdragen = {};
      for (const bijdrage of bijdragen)
        snapshot.bijdragen[bijdrage.sleutel] = await bijdrage.laad(manager, scope);
    }
    return snapshot;
  }
}
