import { setTimeout as slaap } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { APP_CONFIG, AppConfig, AuditService, DomainError, SystemActor } from '@wijkkompas/core';
import { vandaag } from '@wijkkompas/opdrachten';
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

/** The reason of a failure as a contractmanager can read it. */
export function redenVan(error: unknown): string {
  if (error instanceof DomainError) return error.detail ?? error.title;
  if (error instanceof QueryFailedError)
    return `de database weigerde de gegevens (${error.message}).`;
  return `onverwachte fout (${error instanceof Error ? error.message : String(error)}).`;
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The scope of a run: the assembly day in the gemeente's time zone is the peildatum. */
  scope(dossier: Pick<Dossier, 'gemeenteId' | 'aanbiederId' | 'periode' | 'overlegId'>) {
    return {
      gemeenteId: dossier.gemeenteId,
      aanbiederId: dossier.aanbiederId,
      periode: dossier.periode,
      overlegId: dossier.overlegId,
      vandaag: vandaag(this.config.timeZone),
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
       RETURNING gemeente_id, aanbieder_id, periode, overleg_id`,
      [dossierId, VOORTGANG.laden],
    )) as [{ gemeente_id: string; aanbieder_id: string; periode: string; overleg_id: string }[]];
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
    });

    const snapshot = await this.laadAlleenLezen(scope);
    await this.voortgang(dossierId, VOORTGANG.samenstellen);
    // Tests only: room to kill the worker between loading and storing.
    if (this.config.dossierTestVertragingMs > 0) await slaap(this.config.dossierTestVertragingMs);
    const document = assembleerDossier(snapshot, this.bijdragen.secties());
    const inhoudHash = dossierHash(document);
    await this.voortgang(dossierId, VOORTGANG.opslaan);

    const systeem: SystemActor = { system: DOSSIER_SYSTEEM, gemeenteId: scope.gemeenteId };
    const opgeslagen = await this.dataSource.transaction((manager) =>
      bewaarVersie(manager, dossierId, document, inhoudHash, systeem, this.audit),
    );
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
         RETURNING gemeente_id, aanbieder_id, periode, pogingen`,
        [dossierId, reden],
      )) as [{ gemeente_id: string; aanbieder_id: string; periode: string; pogingen: number }[]];
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
      this.logger.warn({ dossierId, reden }, 'Dossier mislukt');
      return true;
    });
  }

  private async voortgang(dossierId: string, procent: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE dossiers SET voortgang = $2, updated_at = now() WHERE id = $1 AND status = 'bezig'`,
      [dossierId, procent],
    );
  }
}
