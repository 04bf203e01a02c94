import { setTimeout as slaap } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  aanbiederNamen,
  APP_CONFIG,
  AppConfig,
  AuditService,
  DomainError,
  Rol,
  SystemActor,
} from '@wijkkompas/core';
import { NotificatieService } from '@wijkkompas/notificaties';
import { vandaag } from '@wijkkompas/opdrachten';
import { kwartaalTekst } from '@wijkkompas/verantwoording';
import { assembleerDossier, DossierDocument, dossierHash } from '../assembleer';
import { DossierBijdrageRegistry, DossierLaadScope } from '../loader/dossier-bijdragen';
import { DossierLoader } from '../loader/dossier.loader';
import { bewaarVersie, DOSSIER_AUDIT_TYPE } from '../persistence/dossier-opslag';
import { Dossier } from '../persistence/dossier.entity';
import type { DossierSnapshot } from '../snapshot';

export const DOSSIER_SYSTEEM = 'dossier-samenstellen';

/** Progress of a run, in percent, as GET /dossiers/{id} shows it. */
export const VOORTGANG = { laden: 10, samenstellen: 50, opslaan: 90 } as const;

export type VerwerkUitkomst = 'gereed' | 'al-afgerond' | 'onbekend';

/**
 * The reason of a failure as a contractmanager can read it: a domain error's own Dutch text;
 * anything else in general Dutch words. The technical message (PostgreSQL's, in English, with
 * table and constraint names) is for the log, never for the user.
 */
export function redenVan(error: unknown): string {
  if (error instanceof DomainError) return error.detail ?? error.title;
  if (error instanceof QueryFailedError)
    return 'de gegevens konden niet uit de database worden gelezen of erin worden opgeslagen.';
  return 'er ging onverwacht iets mis bij het samenstellen.';
}

/**
 * The work of one dossier run, outside of any queue: load a consistent snapshot read-only,
 * assemble it with the pure core, and store it as the next version in one short transaction.
 * Progress is written between the steps in single statements, never inside a long
 * transaction. The processor calls `verwerk`; the demo seed and the benchmark use `stelSamen`.
 */
@Injectable()
export class DossierSamensteller {
  private readonly logger = new Logger(DossierSamensteller.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: DossierLoader,
    private readonly bijdragen: DossierBijdrageRegistry,
    private readonly audit: AuditService,
    private readonly notificaties: NotificatieService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The scope of a run. The peildatum is the planned day the run was asked for (the quarterly
   * rhythm's, so a test controlling the date is honoured); on demand it is the assembly day
   * in the gemeente's time zone.
   */
  scope(
    dossier: Pick<Dossier, 'gemeenteId' | 'aanbiederId' | 'periode' | 'overlegId'> & {
      peildatum?: string | null;
    },
  ) {
    return {
      gemeenteId: dossier.gemeenteId,
      aanbiederId: dossier.aanbiederId,
      periode: dossier.periode,
      overlegId: dossier.overlegId,
      vandaag: dossier.peildatum ?? vandaag(this.config.timeZone),
      tijdzone: this.config.timeZone,
    } satisfies DossierLaadScope;
  }

  /** Loads through `manager` (the caller's transaction) and assembles; writes nothing. */
  async stelSamen(
    manager: EntityManager,
    scope: DossierLaadScope,
  ): Promise<{ snapshot: DossierSnapshot; document: DossierDocument; inhoudHash: string }> {
    const snapshot = await this.loader.laad(manager, scope);
    const document = assembleerDossier(snapshot, this.bijdragen.secties());
    return { snapshot, document, inhoudHash: dossierHash(document) };
  }

  /** A consistent, read-only snapshot: every query sees the same moment. */
  laadAlleenLezen(scope: DossierLaadScope): Promise<DossierSnapshot> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return this.loader.laad(manager, scope);
    });
  }

  /**
   * One attempt at a run. Idempotent: a run that already ended (a retried job whose work was
   * committed before a crash) is left as it is.
   */
  async verwerk(dossierId: string): Promise<VerwerkUitkomst> {
    const [gestart] = (await this.dataSource.query(
      `UPDATE dossiers SET status = 'bezig', voortgang = $2, pogingen = pogingen + 1, fout = NULL,
         updated_at = now()
       WHERE id = $1 AND status IN ('wachtrij', 'bezig')
       RETURNING gemeente_id, aanbieder_id, periode, overleg_id, peildatum::text AS peildatum`,
      [dossierId, VOORTGANG.laden],
    )) as [
      {
        gemeente_id: string;
        aanbieder_id: string;
        periode: string;
        overleg_id: string;
        peildatum: string | null;
      }[],
    ];
    const rij = gestart[0];
    if (!rij) {
      const bestaat = await this.dataSource.getRepository(Dossier).existsBy({ id: dossierId });
      return bestaat ? 'al-afgerond' : 'onbekend';
    }
    const scope = this.scope({
      gemeenteId: rij.gemeente_id,
      aanbiederId: rij.aanbieder_id,
      periode: rij.periode,
      overlegId: rij.overleg_id,
      peildatum: rij.peildatum,
    });

    const snapshot = await this.laadAlleenLezen(scope);
    await this.voortgang(dossierId, VOORTGANG.samenstellen);
    // Tests only: room to kill the worker between loading and storing.
    if (this.config.dossierTestVertragingMs > 0) await slaap(this.config.dossierTestVertragingMs);
    const document = assembleerDossier(snapshot, this.bijdragen.secties());
    const inhoudHash = dossierHash(document);
    await this.voortgang(dossierId, VOORTGANG.opslaan);

    const systeem: SystemActor = { system: DOSSIER_SYSTEEM, gemeenteId: scope.gemeenteId };
    // The notification commits with the version, once per dossier (its key).
    const opgeslagen = await this.dataSource.transaction(async (manager) => {
      const versie = await bewaarVersie(
        manager,
        dossierId,
        document,
        inhoudHash,
        systeem,
        this.audit,
      );
      if (versie) await this.meldGereed(manager, versie);
      return versie;
    });
    if (!opgeslagen) return 'al-afgerond';
    this.logger.log(
      { dossierId, versie: opgeslagen.versie, periode: scope.periode },
      'Dossier samengesteld',
    );
    return 'gereed';
  }

  /** After a failed attempt that will be retried: back in the queue, with the reason shown. */
  async markeerNieuwePoging(dossierId: string, reden: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE dossiers SET status = 'wachtrij', voortgang = 0, fout = $2, updated_at = now()
       WHERE id = $1 AND status IN ('wachtrij', 'bezig')`,
      [dossierId, reden],
    );
  }

  /** The run has ended without a version: mislukt, with the reason, audited. */
  async markeerMislukt(dossierId: string, reden: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [rijen] = (await manager.query(
        `UPDATE dossiers SET status = 'mislukt', voortgang = 0, fout = $2, updated_at = now()
         WHERE id = $1 AND status IN ('wachtrij', 'bezig')
         RETURNING gemeente_id, aanbieder_id, periode, pogingen, aanleiding`,
        [dossierId, reden],
      )) as [
        {
          gemeente_id: string;
          aanbieder_id: string;
          periode: string;
          pogingen: number;
          aanleiding: string;
        }[],
      ];
      const rij = rijen[0];
      if (!rij) return false;
      await this.audit.record(
        manager,
        { system: DOSSIER_SYSTEEM, gemeenteId: rij.gemeente_id },
        {
          action: 'mislukt',
          entityType: DOSSIER_AUDIT_TYPE,
          entityId: dossierId,
          after: {
            aanbiederId: rij.aanbieder_id,
            periode: rij.periode,
            pogingen: rij.pogingen,
            fout: reden,
          },
        },
      );
      const aanbieder = await this.aanbiederNaam(manager, rij.gemeente_id, rij.aanbieder_id);
      const vervolg =
        rij.aanleiding === 'planning'
          ? 'De kwartaalplanning vraagt het de volgende dag opnieuw aan zolang het verantwoordingsgesprek nog niet is geweest; u kunt het ook zelf opnieuw aanvragen.'
          : 'Vraag het dossier opnieuw aan.';
      await this.notificaties.notificeer(manager, {
        gemeenteId: rij.gemeente_id,
        rollen: [Rol.Contractmanager],
        soort: 'dossier-mislukt',
        titel: `Dossier mislukt: ${aanbieder}, ${kwartaalTekst(rij.periode)}`,
        tekst:
          `Het dossier van ${aanbieder} over het ${kwartaalTekst(rij.periode)} is niet gereed gekomen. ` +
          `${reden} ${vervolg}`,
        link: `/api/v1/dossiers/${dossierId}`,
        entiteit: { type: 'dossier', id: dossierId },
        sleutel: `dossier-mislukt:${dossierId}`,
      });
      this.logger.warn({ dossierId, reden }, 'Dossier mislukt');
      return true;
    });
  }

  /** Tells the gemeente's contractmanagers that a version is ready (once per dossier). */
  async meldGereed(manager: EntityManager, dossier: Dossier): Promise<void> {
    const aanbieder = await this.aanbiederNaam(manager, dossier.gemeenteId, dossier.aanbiederId);
    await this.notificaties.notificeer(manager, {
      gemeenteId: dossier.gemeenteId,
      rollen: [Rol.Contractmanager],
      soort: 'dossier-gereed',
      titel: `Dossier gereed: ${aanbieder}, ${kwartaalTekst(dossier.periode)}`,
      tekst:
        `Het dossier van ${aanbieder} over het ${kwartaalTekst(dossier.periode)} is samengesteld ` +
        `(versie ${dossier.versie}). U kunt het lezen en als PDF downloaden.`,
      link: `/api/v1/dossiers/${dossier.id}`,
      entiteit: { type: 'dossier', id: dossier.id },
      sleutel: `dossier-gereed:${dossier.id}`,
    });
  }

  private async aanbiederNaam(
    manager: EntityManager,
    gemeenteId: string,
    aanbiederId: string,
  ): Promise<string> {
    const namen = await aanbiederNamen(manager, gemeenteId, [aanbiederId]);
    return namen.get(aanbiederId) ?? 'de aanbieder';
  }

  private async voortgang(dossierId: string, procent: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE dossiers SET voortgang = $2, updated_at = now() WHERE id = $1 AND status = 'bezig'`,
      [dossierId, procent],
    );
  }
}
