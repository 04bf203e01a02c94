import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, aanbiederScope, NotFoundError, ValidationError } from '@wijkkompas/core';
import { AanvullendeOpdracht } from '../aanvullende-opdracht/aanvullende-opdracht.entity';
import { AanvullendeOpdrachtService } from '../aanvullende-opdracht/aanvullende-opdracht.service';
import {
  AanvullendeOpdrachtStatus,
  BUDGET_TELLENDE_STATUSSEN,
} from '../aanvullende-opdracht/levenscyclus';
import { AanbiederService } from '../aanbieder/aanbieder.service';
import { Hoofdopdracht } from '../hoofdopdracht/hoofdopdracht.entity';
import { HoofdopdrachtService } from '../hoofdopdracht/hoofdopdracht.service';
import { versieOpPeildatum } from '../hoofdopdracht/peildatum';
import { maandDrempel, plusMaanden } from '../hoofdopdracht/wijziging';
import { PerceelService } from '../perceel/perceel.service';
import { toewijzingOp } from '../perceel/toewijzing';
import { plusDagen, vandaag } from '../shared/datum';
import { centenUitDatabase, formatEuro, indexeer, somCenten } from '../shared/geld';
import { AanvullendInvoer, budgetPerJaar, HoofdopdrachtInvoer } from './budget-per-jaar';
import { bundelPerThema, groepeerZijsturing } from './groeperingen';
import {
  AanbiederOverzichtResponse,
  AflopendOverzichtResponse,
  BudgetOverzichtResponse,
  GeldendeHoofdopdracht,
  OpdrachtRegel,
  PerceelOverzichtResponse,
  ThemaOverzichtResponse,
  ZijsturingOverzichtResponse,
} from './overzicht.dto';

const LOPEND = [
  AanvullendeOpdrachtStatus.Aangevraagd,
  AanvullendeOpdrachtStatus.Getoetst,
  AanvullendeOpdrachtStatus.Actief,
];

function regel(o: AanvullendeOpdracht, aanbiederId?: string): OpdrachtRegel {
  const budgetCenten = aanbiederId
    ? ((o.aanbieders ?? []).find((a) => a.aanbiederId === aanbiederId)?.budgetCenten ?? 0)
    : o.budgetCenten;
  return {
    id: o.id,
    titel: o.titel,
    status: o.status,
    thema: o.thema,
    startdatum: o.startdatum,
    einddatum: o.einddatum,
    budgetCenten,
    budgetWeergave: formatEuro(budgetCenten),
    geoormerkt: o.geoormerkt,
    aanbieders: (o.aanbieders ?? []).map((a) => ({
      id: a.aanbiederId,
      naam: a.aanbieder?.naam ?? '',
    })),
  };
}

function geldend(
  hoofdopdrachten: Hoofdopdracht[],
  peildatum: string,
): GeldendeHoofdopdracht | null {
  // The end date in force on the peildatum: a verlenging counts from its ingangsdatum.
  const h = hoofdopdrachten.find((x) => {
    const v = versieOpPeildatum(x.versies ?? [], peildatum);
    return x.startdatum <= peildatum && (v?.einddatum ?? x.einddatum) >= peildatum;
  });
  const versie = h && versieOpPeildatum(h.versies ?? [], peildatum);
  if (!h || !versie) return null;
  const jaar = Number(peildatum.slice(0, 4));
  const budget = versie.jaarbudgetten?.find((b) => b.jaar === jaar);
  const centen = budget ? indexeer(budget.budgetCenten, budget.indexatieBasispunten) : 0;
  return {
    id: h.id,
    titel: h.titel,
    startdatum: h.startdatum,
    einddatum: versie.einddatum,
    looptAfBinnenMaanden: maandDrempel(peildatum, versie.einddatum),
    versie: versie.versie,
    ingangsdatum: versie.ingangsdatum,
    jaar,
    jaarbudgetCenten: centen,
    jaarbudgetWeergave: formatEuro(centen),
  };
}

/** The contractmanager's overviews: read-only, computed from the register by pure functions. */
@Injectable()
export class OverzichtService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly aanbieders: AanbiederService,
    private readonly percelen: PerceelService,
    private readonly hoofdopdrachten: HoofdopdrachtService,
    private readonly opdrachten: AanvullendeOpdrachtService,
  ) {}

  async aanbieder(
    actor: Actor,
    aanbiederId: string,
    peildatum = vandaag(),
  ): Promise<AanbiederOverzichtResponse> {
    const aanbieder = await this.aanbieders.findOne(actor, aanbiederId);
    const manager = this.dataSource.manager;
    const hoofdopdrachten = await this.hoofdopdrachten.findAllVanGemeente(
      manager,
      actor.gemeenteId,
      aanbiederId,
    );
    const [percelen] = await this.percelen.findPage(actor, {
      aanbiederId,
      peildatum,
      page: 1,
      pageSize: 100,
    });
    const actief = (
      await this.opdrachten.findVanGemeente(manager, actor.gemeenteId, [
        AanvullendeOpdrachtStatus.Actief,
      ])
    )
      .filter((o) => (o.aanbieders ?? []).some((a) => a.aanbiederId === aanbiederId))
      .map((o) => regel(o, aanbiederId));
    const totaal = somCenten(actief.map((r) => r.budgetCenten));
    return {
      aanbieder: { id: aanbieder.id, naam: aanbieder.naam },
      peildatum,
      hoofdopdracht: geldend(hoofdopdrachten, peildatum),
      percelen: percelen.map((p) => ({ id: p.id, naam: p.naam })),
      aanvullendeOpdrachten: actief,
      aanvullendBudgetCenten: totaal,
      aanvullendBudgetWeergave: formatEuro(totaal),
    };
  }

  async perceel(
    actor: Actor,
    perceelId: string,
    peildatum = vandaag(),
  ): Promise<PerceelOverzichtResponse> {
    const perceel = await this.percelen.findOne(actor, perceelId);
    const toewijzing = toewijzingOp(perceel.toewijzingen ?? [], peildatum);
    const manager = this.dataSource.manager;
    const hoofdopdrachten = toewijzing
      ? await this.hoofdopdrachten.findAllVanGemeente(
          manager,
          actor.gemeenteId,
          toewijzing.aanbiederId,
        )
      : [];
    const eigen = aanbiederScope(actor);
    const actief = (
      await this.opdrachten.findVanGemeente(manager, actor.gemeenteId, [
        AanvullendeOpdrachtStatus.Actief,
      ])
    )
      .filter((o) => (o.percelen ?? []).some((p) => p.perceelId === perceelId))
      .filter((o) => !eigen || (o.aanbieders ?? []).some((a) => a.aanbiederId === eigen))
      .map((o) => regel(o));
    const totaal = somCenten(actief.map((r) => r.budgetCenten));
    return {
      perceel: { id: perceel.id, naam: perceel.naam },
      peildatum,
      aanbieder: toewijzing
        ? { id: toewijzing.aanbiederId, naam: toewijzing.aanbieder?.naam ?? '' }
        : null,
      hoofdopdracht: geldend(hoofdopdrachten, peildatum),
      aanvullendeOpdrachten: actief,
      aanvullendBudgetCenten: totaal,
      aanvullendBudgetWeergave: formatEuro(totaal),
    };
  }

  async budgetten(
    actor: Actor,
    vanJaar: number,
    totJaar: number,
    aanbiederId?: string,
  ): Promise<BudgetOverzichtResponse> {
    if (totJaar < vanJaar)
      throw new ValidationError([
        { name: 'totJaar', reason: 'totJaar mag niet vóór vanJaar liggen' },
      ]);
    if (totJaar - vanJaar > 20)
      throw new ValidationError([{ name: 'totJaar', reason: 'hoogstens 20 jaar per overzicht' }]);
    const [aanbieders] = await this.aanbieders.findPage(actor, { page: 1, pageSize: 100 });
    const gekozen = aanbieders.filter((a) => !aanbiederId || a.id === aanbiederId);
    if (aanbiederId && !gekozen.length) throw new NotFoundError('Aanbieder', aanbiederId);
    const [hoofdopdrachten, aanvullend] = await Promise.all([
      this.hoofdopdrachtenVoorBudget(actor.gemeenteId),
      this.aanvullendVoorBudget(actor.gemeenteId),
    ]);
    const regels = budgetPerJaar(
      gekozen.map((a) => a.id),
      hoofdopdrachten,
      aanvullend,
      vanJaar,
      totJaar,
    );
    const naam = new Map(gekozen.map((a) => [a.id, a.naam]));
    const totaalCenten = somCenten(regels.map((r) => r.totaalCenten));
    return {
      regels: regels.map((r) => ({
        ...r,
        aanbiederNaam: naam.get(r.aanbiederId) ?? '',
        structureelWeergave: formatEuro(r.structureelCenten),
        incidenteelWeergave: formatEuro(r.incidenteelCenten),
        totaalWeergave: formatEuro(r.totaalCenten),
      })),
      structureelCenten: somCenten(regels.map((r) => r.structureelCenten)),
      incidenteelCenten: somCenten(regels.map((r) => r.incidenteelCenten)),
      totaalCenten,
      totaalWeergave: formatEuro(totaalCenten),
    };
  }

  /**
   * The hoofdopdrachten with every version and its yearly budgets, one row per hoofdopdracht.
   * Plain SQL: as TypeORM joins, the two one-to-many relations multiply into one row per
   * version × budget year, and the planner, expecting a large result, chose slow plans.
   */
  private async hoofdopdrachtenVoorBudget(gemeenteId: string): Promise<HoofdopdrachtInvoer[]> {
    const rijen: {
      aanbiederId: string;
      startdatum: string;
      einddatum: string;
      versies: {
        versie: number;
        ingangsdatum: string;
        jaarbudgetten: { jaar: number; budgetCenten: string; indexatieBasispunten: number }[];
      }[];
    }[] = await this.dataSource.query(
      `SELECT h.aanbieder_id AS "aanbiederId", h.startdatum::text AS startdatum,
              h.einddatum::text AS einddatum,
              COALESCE((SELECT json_agg(json_build_object(
                         'versie', v.versie, 'ingangsdatum', v.ingangsdatum::text,
                         'jaarbudgetten', COALESCE((SELECT json_agg(json_build_object(
                             'jaar', b.jaar, 'budgetCenten', b.budget_centen::text,
                             'indexatieBasispunten', b.indexatie_basispunten) ORDER BY b.jaar)
                           FROM hoofdopdracht_jaarbudgetten b WHERE b.versie_id = v.id), '[]'))
                         ORDER BY v.versie)
                  FROM hoofdopdracht_versies v WHERE v.hoofdopdracht_id = h.id), '[]') AS versies
         FROM hoofdopdrachten h
        WHERE h.gemeente_id = $1`,
      [gemeenteId],
    );
    return rijen.map((h) => ({
      ...h,
      versies: h.versies.map((v) => ({
        ...v,
        jaarbudgetten: v.jaarbudgetten.map((b) => ({
          ...b,
          budgetCenten: centenUitDatabase(b.budgetCenten) ?? 0,
        })),
      })),
    }));
  }

  /** Each aanvullende opdracht whose budget counts, once per participating aanbieder. */
  private async aanvullendVoorBudget(gemeenteId: string): Promise<AanvullendInvoer[]> {
    const rijen: {
      aanbiederId: string;
      startdatum: string;
      einddatum: string;
      budgetCenten: string;
    }[] = await this.dataSource.query(
      `SELECT a.aanbieder_id AS "aanbiederId", o.startdatum::text AS startdatum,
                o.einddatum::text AS einddatum, a.budget_centen::text AS "budgetCenten"
           FROM aanvullende_opdrachten o
           JOIN aanvullende_opdracht_aanbieders a ON a.opdracht_id = o.id
          WHERE o.gemeente_id = $1 AND o.status = ANY($2)`,
      [gemeenteId, [...BUDGET_TELLENDE_STATUSSEN]],
    );
    return rijen.map((r) => ({ ...r, budgetCenten: centenUitDatabase(r.budgetCenten) ?? 0 }));
  }

  async themas(
    actor: Actor,
    statussen: readonly AanvullendeOpdrachtStatus[] = LOPEND,
  ): Promise<ThemaOverzichtResponse> {
    const opdrachten = await this.opdrachten.findVanGemeente(
      this.dataSource.manager,
      actor.gemeenteId,
      statussen,
    );
    return {
      themas: bundelPerThema(opdrachten.map((o) => regel(o))).map((b) => ({
        ...b,
        budgetWeergave: formatEuro(b.budgetCenten),
      })),
    };
  }

  async aflopend(
    actor: Actor,
    binnenDagen = 90,
    peildatum = vandaag(),
  ): Promise<AflopendOverzichtResponse> {
    const totEnMet = plusDagen(peildatum, binnenDagen);
    const manager = this.dataSource.manager;
    const alle = await this.opdrachten.findVanGemeente(manager, actor.gemeenteId, [
      AanvullendeOpdrachtStatus.Actief,
      AanvullendeOpdrachtStatus.Aangevraagd,
    ]);
    const hoofdopdrachten = await this.hoofdopdrachten.findAllVanGemeente(
      manager,
      actor.gemeenteId,
    );
    const jaarGrens = plusMaanden(peildatum, 12);
    return {
      peildatum,
      binnenDagen,
      totEnMet,
      opdrachten: alle
        .filter((o) => o.status === AanvullendeOpdrachtStatus.Actief)
        .filter((o) => o.einddatum >= peildatum && o.einddatum <= totEnMet)
        .map((o) => regel(o)),
      hoofdopdrachten: hoofdopdrachten
        .map((h) => ({ h, v: versieOpPeildatum(h.versies ?? [], peildatum) }))
        .filter(({ h, v }) => {
          const eind = v?.einddatum ?? h.einddatum;
          return h.startdatum <= peildatum && eind >= peildatum && eind <= jaarGrens;
        })
        .map(({ h, v }) => {
          const eind = v?.einddatum ?? h.einddatum;
          return {
            id: h.id,
            titel: h.titel,
            aanbieder: { id: h.aanbiederId, naam: h.aanbieder?.naam ?? '' },
            einddatum: eind,
            looptAfBinnenMaanden: maandDrempel(peildatum, eind)!,
          };
        })
        .sort((a, b) => a.einddatum.localeCompare(b.einddatum) || a.titel.localeCompare(b.titel)),
      aanvragenNaStart: alle
        .filter((o) => o.status === AanvullendeOpdrachtStatus.Aangevraagd)
        .filter((o) => o.startdatum < peildatum)
        .sort((a, b) => a.startdatum.localeCompare(b.startdatum))
        .map((o) => regel(o)),
    };
  }

  /** The register for an export: every opdracht the actor may read, by end date. */
  async register(actor: Actor): Promise<AanvullendeOpdracht[]> {
    const eigen = aanbiederScope(actor);
    return (
      await this.opdrachten.findVanGemeente(this.dataSource.manager, actor.gemeenteId)
    ).filter((o) => !eigen || (o.aanbieders ?? []).some((a) => a.aanbiederId === eigen));
  }

  async zijsturing(
    actor: Actor,
    vanDatum?: string,
    totDatum?: string,
  ): Promise<ZijsturingOverzichtResponse> {
    const opdrachten = (
      await this.opdrachten.findVanGemeente(this.dataSource.manager, actor.gemeenteId)
    ).filter(
      (o) =>
        (!vanDatum || o.aangevraagdOp >= vanDatum) && (!totDatum || o.aangevraagdOp <= totDatum),
    );
    const regels = groepeerZijsturing(opdrachten);
    return { regels, totaalBuitenRegister: regels.reduce((a, r) => a + r.buitenRegister, 0) };
  }
}
