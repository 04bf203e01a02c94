import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  Actor,
  AuditService,
  InvalidParam,
  NotFoundError,
  ValidationError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { naarDecimaal } from '../decimaal';
import { leesScope } from '../shared/scope';
import { claimConcept } from './concept';
import {
  KpiWaardeInput,
  KwartaalverantwoordingResponse,
  ZetWaardenRequest,
} from './kwartaalverantwoording.dto';
import { KpiWaarde } from './kwartaalverantwoording.entity';
import { laadVerantwoording, laadVerwachting, Verwachting } from './kwartaalverantwoording.lezer';
import { AUDIT_TYPE, KwartaalverantwoordingService } from './kwartaalverantwoording.service';
import { schrijfWaarden, TeSchrijvenWaarde } from './waarden-opslag';

const sleutel = (kpiId: string, perceelId: string | null) => `${kpiId}|${perceelId ?? ''}`;

function waardeVoorAudit(
  w: Pick<
    KpiWaarde,
    'kpiId' | 'perceelId' | 'waarde' | 'gewicht' | 'toelichting' | 'bron' | 'datakwaliteit'
  >,
) {
  return {
    kpiId: w.kpiId,
    perceelId: w.perceelId,
    waarde: naarDecimaal(w.waarde) ?? w.waarde,
    gewicht: w.gewicht === null ? null : (naarDecimaal(w.gewicht) ?? w.gewicht),
    toelichting: w.toelichting,
    bron: w.bron,
    datakwaliteit: w.datakwaliteit,
  };
}

/**
 * Why a figure cannot be stored for this account: the KPI must be one the account reports
 * on, and the perceel must fit the KPI (one of the aanbieder's percelen in the period for a
 * per-perceel KPI, none for a KPI reported once for the whole aanbieder).
 */
export function controleerKpiEnPerceel(
  verwachting: Verwachting,
  kpiId: string,
  perceelId: string | null,
): { veld: 'kpiId' | 'perceelId'; reden: string } | null {
  const kpi = verwachting.kpis.get(kpiId);
  const versie = verwachting.huidigeVersies.get(kpiId);
  if (!kpi || !versie)
    return {
      veld: 'kpiId',
      reden:
        'deze KPI hoort niet bij de actieve KPI’s van de hoofdopdracht of aanvullende opdrachten waarover deze verantwoording gaat',
    };
  if (versie.perPerceel && !perceelId)
    return {
      veld: 'perceelId',
      reden: `KPI ${kpi.code} wordt per perceel gerapporteerd; geef het perceel op`,
    };
  if (!versie.perPerceel && perceelId)
    return {
      veld: 'perceelId',
      reden: `KPI ${kpi.code} wordt voor de hele aanbieder gerapporteerd, niet per perceel; laat perceelId leeg`,
    };
  if (perceelId && !verwachting.percelen.has(perceelId))
    return {
      veld: 'perceelId',
      reden: 'dit perceel was in deze periode niet aan uw organisatie toegewezen',
    };
  return null;
}

/**
 * The free text of the figures (toelichting, bron) ends up in dossiers: refused with the 422
 * of the case stories when it holds a direct identifier, each field named by its path
 * ('waarden.3.toelichting'). Before the transaction, so nothing of the request is stored.
 */
export function weigerWaardeIdentificatoren(
  waarden: readonly Pick<KpiWaardeInput, 'toelichting' | 'bron'>[],
): void {
  const velden: Record<string, string | null | undefined> = {};
  const veldnamen: Record<string, string> = {};
  waarden.forEach((w, i) => {
    velden[`waarden.${i}.toelichting`] = w.toelichting;
    veldnamen[`waarden.${i}.toelichting`] = `toelichting op regel ${i + 1}`;
    velden[`waarden.${i}.bron`] = w.bron;
    veldnamen[`waarden.${i}.bron`] = `bron op regel ${i + 1}`;
  });
  weigerIdentificatoren('KPI-waarde', velden, veldnamen);
}

/** Entering and removing the figures of a concept. */
@Injectable()
export class KpiWaardeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly verantwoordingen: KwartaalverantwoordingService,
  ) {}

  /**
   * Adds or updates figures per (KPI, perceel); others stay. A field left out keeps its
   * stored value, null clears it. Always against the KPI version in force in the account's
   * period, so a definition changed for a later quarter leaves this one's figures alone.
   */
  async zetWaarden(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: ZetWaardenRequest,
  ): Promise<KwartaalverantwoordingResponse> {
    weigerWaardeIdentificatoren(input.waarden);
    return this.dataSource.transaction(async (manager) => {
      const scope = await leesScope(manager, actor);
      const verantwoording = await laadVerantwoording(manager, scope, id);
      await claimConcept(manager, verantwoording, ifMatch);
      const verwachting = await laadVerwachting(manager, verantwoording);

      const fouten: InvalidParam[] = [];
      const gezien = new Map<string, number>();
      input.waarden.forEach((w, i) => {
        const perceelId = w.perceelId ?? null;
        const fout = controleerKpiEnPerceel(verwachting, w.kpiId, perceelId);
        if (fout) fouten.push({ name: `waarden.${i}.${fout.veld}`, reason: fout.reden });
        const eerder = gezien.get(sleutel(w.kpiId, perceelId));
        if (eerder !== undefined)
          fouten.push({
            name: `waarden.${i}`,
            reason: `dezelfde KPI en hetzelfde perceel staan al op regel ${eerder}; geef elke waarde één keer op`,
          });
        else gezien.set(sleutel(w.kpiId, perceelId), i);
      });
      if (fouten.length) throw new ValidationError(fouten);

      const bestaand = input.waarden.length
        ? await manager.getRepository(KpiWaarde).findBy({
            kwartaalverantwoordingId: id,
            kpiId: In([...new Set(input.waarden.map((w) => w.kpiId))]),
          })
        : [];
      const perSleutel = new Map(bestaand.map((w) => [sleutel(w.kpiId, w.perceelId), w]));
      const rijen: TeSchrijvenWaarde[] = input.waarden.map((w) => {
        const perceelId = w.perceelId ?? null;
        const oud = perSleutel.get(sleutel(w.kpiId, perceelId));
        return {
          kpiId: w.kpiId,
          kpiVersieId: verwachting.huidigeVersies.get(w.kpiId)!.id,
          perceelId,
          waarde: naarDecimaal(w.waarde)!,
          gewicht:
            w.gewicht === undefined
              ? (oud?.gewicht ?? null)
              : w.gewicht === null
                ? null
                : naarDecimaal(w.gewicht),
          toelichting: w.toelichting === undefined ? (oud?.toelichting ?? null) : w.toelichting,
          bron: w.bron === undefined ? (oud?.bron ?? null) : w.bron,
          datakwaliteit: w.datakwaliteit ?? oud?.datakwaliteit ?? 'betrouwbaar',
        };
      });
      const resultaat = await schrijfWaarden(manager, id, rijen);
      await this.audit.record(manager, actor, {
        action: 'waarden-bijgewerkt',
        entityType: AUDIT_TYPE,
        entityId: id,
        before: {
          waarden: rijen
            .map((r) => perSleutel.get(sleutel(r.kpiId, r.perceelId)))
            .filter((w): w is KpiWaarde => Boolean(w))
            .map(waardeVoorAudit),
        },
        after: { ...resultaat, waarden: rijen.map(waardeVoorAudit) },
      });
      const after = await laadVerantwoording(manager, scope, id);
      return this.verantwoordingen.response(manager, actor, scope, after);
    });
  }

  /** Removes one figure; returns the account's new version. */
  async verwijderWaarde(
    actor: Actor,
    id: string,
    waardeId: string,
    ifMatch: string | undefined,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const scope = await leesScope(manager, actor);
      const verantwoording = await laadVerantwoording(manager, scope, id);
      const waarde = await manager
        .getRepository(KpiWaarde)
        .findOneBy({ id: waardeId, kwartaalverantwoordingId: id });
      if (!waarde) throw new NotFoundError('KPI-waarde', waardeId);
      const versie = await claimConcept(manager, verantwoording, ifMatch);
      await manager.getRepository(KpiWaarde).delete({ id: waardeId });
      await this.audit.record(manager, actor, {
        action: 'waarde-verwijderd',
        entityType: AUDIT_TYPE,
        entityId: id,
        before: { waardeId, ...waardeVoorAudit(waarde) },
        after: null,
      });
      return versie;
    });
  }
}
