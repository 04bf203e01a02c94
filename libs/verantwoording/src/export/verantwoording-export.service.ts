import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, ExportTabel } from '@wijkkompas/core';
import { KpiVersie } from '../kpi/kpi.entity';
import { KpiService } from '../kpi/kpi.service';
import {
  laadVerantwoording,
  laadVerwachting,
} from '../kwartaalverantwoording/kwartaalverantwoording.lezer';
import { KwartaalverantwoordingService } from '../kwartaalverantwoording/kwartaalverantwoording.service';
import { KpiWaardenWeergave } from '../kwartaalverantwoording/weergave';
import { leesScope } from '../shared/scope';
import {
  accountTabel,
  KpiReeksRij,
  kpiReeksTabel,
  SjabloonRegel,
  sjabloonTabel,
} from './verantwoording-export';

export interface Export {
  tabellen: ExportTabel[];
  /** Words for the file name. */
  naam: string[];
}

/**
 * Loads what the verantwoording exports show, within the reader's scope (a provider only
 * its own organisation; anything else is a 404, as everywhere).
 */
@Injectable()
export class VerantwoordingExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly verantwoordingen: KwartaalverantwoordingService,
    private readonly kpis: KpiService,
  ) {}

  /** An account with every figure, as the API shows it (a submitted one from its frozen version). */
  async account(actor: Actor, id: string): Promise<Export> {
    const v = await this.verantwoordingen.findOne(actor, id);
    const waarden = v.waarden as unknown as KpiWaardenWeergave[];
    const versieIds = [...new Set(waarden.map((w) => w.kpiVersieId))];
    const versies = versieIds.length
      ? await this.dataSource.getRepository(KpiVersie).find({
          select: { id: true, teller: true, noemer: true },
          where: { id: In(versieIds) },
        })
      : [];
    const tabel = accountTabel(
      { periode: v.periode, aanbiederNaam: v.aanbiederNaam, status: v.status, revisie: v.revisie },
      waarden,
      new Map(versies.map((x) => [x.id, { teller: x.teller, noemer: x.noemer }])),
    );
    return {
      tabellen: [tabel],
      naam: ['verantwoording', v.aanbiederNaam, v.periode, `revisie-${v.revisie}`],
    };
  }

  /**
   * The import template of an account: a row for every figure expected (per KPI, and per
   * perceel where the KPI is reported per perceel), with the codes and names the import reads.
   */
  async sjabloon(actor: Actor, id: string): Promise<Export> {
    const manager = this.dataSource.manager;
    const scope = await leesScope(manager, actor);
    const verantwoording = await laadVerantwoording(manager, scope, id);
    const verwachting = await laadVerwachting(manager, verantwoording);
    const regels: SjabloonRegel[] = [];
    for (const verwacht of verwachting.verwacht) {
      const kpi = verwachting.kpis.get(verwacht.kpiId);
      const versie = verwachting.huidigeVersies.get(verwacht.kpiId);
      if (!kpi || !versie) continue;
      const basis = {
        code: kpi.code,
        naam: versie.naam,
        eenheid: versie.eenheid,
        aggregatie: versie.aggregatie,
        verplicht: verwacht.verplicht,
        gewogen: versie.perPerceel && versie.aggregatie === 'gewogen-gemiddelde',
      };
      if (!versie.perPerceel) regels.push({ ...basis, perceel: null });
      else
        for (const perceelId of verwacht.perceelIds)
          regels.push({ ...basis, perceel: verwachting.percelen.get(perceelId) ?? perceelId });
    }
    regels.sort(
      (a, b) =>
        a.code.localeCompare(b.code, 'nl') ||
        (a.perceel ?? '').localeCompare(b.perceel ?? '', 'nl'),
    );
    const aanbieder: { naam: string }[] = await manager.query(
      'SELECT naam FROM aanbieder_gemeenten WHERE aanbieder_id = $1 AND gemeente_id = $2',
      [verantwoording.aanbiederId, verantwoording.gemeenteId],
    );
    return {
      tabellen: [sjabloonTabel(verantwoording.periode, regels)],
      naam: ['importsjabloon', aanbieder[0]?.naam ?? '', verantwoording.periode],
    };
  }

  /**
   * One KPI over quarters and aanbieders, per perceel: the figures of adopted accounts (the
   * latest adopted revision of each period). A provider sees only its own figures.
   */
  async kpiReeks(
    actor: Actor,
    kpiId: string,
    filter: { perceelId?: string; aanbiederId?: string },
  ): Promise<Export> {
    const { kpi } = await this.kpis.findOne(actor, kpiId);
    const scope = await leesScope(this.dataSource.manager, actor);
    const aanbieder = scope.aanbiederId ?? filter.aanbiederId ?? null;
    if (scope.aanbiederId && filter.aanbiederId && filter.aanbiederId !== scope.aanbiederId)
      return { tabellen: [kpiReeksTabel(kpi.code, [])], naam: ['kpi', kpi.code] };
    const rijen: KpiReeksRij[] = await this.dataSource.query(
      `SELECT k.periode, ag.naam AS "aanbiederNaam", p.naam AS "perceelNaam",
              w.waarde::text AS waarde, w.gewicht::text AS gewicht, w.datakwaliteit, k.status,
              (k.vastgesteld_op AT TIME ZONE 'Europe/Amsterdam')::date::text AS "vastgesteldOp"
         FROM kpi_waarden w
         JOIN kwartaalverantwoordingen k ON k.id = w.kwartaalverantwoording_id
         JOIN aanbieder_gemeenten ag ON ag.aanbieder_id = k.aanbieder_id AND ag.gemeente_id = k.gemeente_id
         LEFT JOIN percelen p ON p.id = w.perceel_id
        WHERE w.kpi_id = $1 AND k.gemeente_id = $2 AND k.status = 'vastgesteld'
          AND NOT EXISTS (SELECT 1 FROM kwartaalverantwoordingen n
                           WHERE n.rapportageperiode_id = k.rapportageperiode_id
                             AND n.status = 'vastgesteld' AND n.revisie > k.revisie)
          AND ($3::uuid IS NULL OR k.aanbieder_id = $3)
          AND ($4::uuid IS NULL OR w.perceel_id = $4)
        ORDER BY k.periode, ag.naam, p.naam NULLS FIRST`,
      [kpiId, actor.gemeenteId, aanbieder, filter.perceelId ?? null],
    );
    return { tabellen: [kpiReeksTabel(kpi.code, rijen)], naam: ['kpi', kpi.code] };
  }
}
