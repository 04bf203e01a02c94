import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  AanbiederGemeente,
  APP_CONFIG,
  AppConfig,
  AuditService,
  ForbiddenError,
  isAanbieder,
  JobName,
  NotFoundError,
  QueueName,
  QueueService,
  skipTake,
  SystemActor,
  ValidationError,
  vulAanbiederNamen,
  KWARTAAL_PATROON,
} from '@wijkkompas/core';
import { kwartaal, vandaag } from '@wijkkompas/opdrachten';
import { DossierQuery } from './dossier.dto';
import { DossierWachtrijError } from './dossier.errors';
import { DossierSamensteller, DOSSIER_SYSTEEM } from './dossier.samensteller';
import { voegAanvraagToe } from '../persistence/dossier-opslag';
import { Dossier, DossierAanleiding } from '../persistence/dossier.entity';

export interface DossierAanvraagOpties {
  /** The verantwoordingsgesprek it is for; otherwise the one planned for the quarter is used. */
  overlegId?: string | null;
  /** Who asks; absent for the quarterly planning (audited as the system). */
  door?: Actor;
  aanleiding: DossierAanleiding;
  /**
   * The day the dossier is as of ('YYYY-MM-DD'): the quarterly rhythm passes its planned day.
   * Without it (a request on demand) today's date in the gemeente's time zone applies.
   */
  peildatum?: string;
}

const KWARTAAL = KWARTAAL_PATROON;

/**
 * A run untouched this long while waiting or running, without a live job, is lost: a job
 * that is alive is never cleaned up however long it waits; the margin only covers the moment
 * between committing a request and enqueueing its job.
 */
export const VERWEESD_NA_MINUTEN = 60;

/**
 * Requesting and reading dossiers. A request creates a run (or joins the one already waiting
 * or running for that aanbieder and quarter) and enqueues its job after the transaction has
 * committed; the job id is the dossier id, so enqueueing again is harmless.
 */
@Injectable()
export class DossierService {
  private readonly logger = new Logger(DossierService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
    private readonly samensteller: DossierSamensteller,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Asks for the dossier of an aanbieder for a quarter. Returns the run (status wachtrij, or
   * bezig when one was already under way); concurrent requests for the same aanbieder and
   * quarter share one run and produce one version. The quarterly scheduler calls this without
   * `door`.
   */
  async vraagAan(
    gemeenteId: string,
    aanbiederId: string,
    periode: string,
    opties: DossierAanvraagOpties,
  ): Promise<Dossier> {
    if (opties.door && opties.door.gemeenteId !== gemeenteId)
      throw new ForbiddenError('U kunt alleen dossiers van uw eigen gemeente aanvragen.');
    const actor: Actor | SystemActor = opties.door ?? { system: DOSSIER_SYSTEEM, gemeenteId };
    const { dossier, nieuw } = await this.dataSource.transaction(async (manager) => {
      const peildatum = opties.peildatum ?? vandaag(this.config.timeZone);
      await this.valideer(
        manager,
        gemeenteId,
        aanbiederId,
        periode,
        opties.overlegId ?? null,
        peildatum,
      );
      return voegAanvraagToe(
        manager,
        {
          gemeenteId,
          aanbiederId,
          periode,
          overlegId: opties.overlegId ?? null,
          aanleiding: opties.aanleiding,
          aangevraagdDoorId: opties.door?.gebruikerId ?? null,
          peildatum: opties.peildatum ?? null,
        },
        actor,
        this.audit,
      );
    });
    // After the commit, never inside the transaction: the job must find the row. A request
    // that joins a run enqueues too (same job id, so nothing is added twice): that restarts a
    // run whose job got lost, e.g. when its requester stopped between commit and enqueue.
    try {
      await this.zetInWachtrij(dossier.id);
    } catch (error) {
      this.logger.error({ err: error, dossierId: dossier.id }, 'Dossiertaak niet in de wachtrij');
      // Only the request that started the run ends it; a joining request leaves it to its owner.
      if (!nieuw) return this.metAanbieder(this.dataSource.manager, dossier.id);
      await this.samensteller.markeerMislukt(
        dossier.id,
        'Het dossier kon niet in de wachtrij worden gezet; vraag het opnieuw aan.',
      );
      throw new DossierWachtrijError();
    }
    return this.metAanbieder(this.dataSource.manager, dossier.id);
  }

  /**
   * Ends the gemeente's lost runs: waiting or running for longer than VERWEESD_NA_MINUTEN
   * without a live job (lost with a crashed backend, or failed without its listener running).
   * They would otherwise hold the quarter's one active run for ever. Each ends `mislukt` with
   * a Dutch reason, so the quarterly planning asks again. Returns how many were ended.
   */
  async ruimVerweesdeOp(gemeenteId: string, nu = new Date()): Promise<number> {
    const grens = new Date(nu.getTime() - VERWEESD_NA_MINUTEN * 60_000);
    const rijen: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM dossiers
        WHERE gemeente_id = $1 AND status IN ('wachtrij', 'bezig') AND updated_at < $2
        ORDER BY created_at`,
      [gemeenteId, grens],
    );
    let beeindigd = 0;
    for (const { id } of rijen) {
      if (await this.queues.heeftLevendeTaak(QueueName.Dossiers, id)) continue;
      const gemarkeerd = await this.samensteller.markeerMislukt(
        id,
        'Het samenstellen is afgebroken: de taak ging verloren en er werd meer dan een uur niet aan het dossier gewerkt.',
      );
      if (gemarkeerd) beeindigd++;
    }
    if (beeindigd > 0) this.logger.warn({ gemeenteId, beeindigd }, 'Verweesde dossiers beëindigd');
    return beeindigd;
  }

  /** Enqueues the run's job, once more after a short pause when the backend hiccups. */
  private async zetInWachtrij(dossierId: string): Promise<void> {
    const voegToe = () =>
      this.queues.add(JobName.DossierSamenstellen, { dossierId }, { jobId: dossierId });
    try {
      await voegToe();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await voegToe();
    }
  }

  async findPage(actor: Actor, query: DossierQuery): Promise<[Dossier[], number]> {
    const qb = this.zichtbaar(this.dataSource.manager, actor)
      .orderBy('d.periode', 'DESC')
      .addOrderBy('ag.naam', 'ASC')
      .addOrderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'ASC');
    if (query.aanbiederId)
      qb.andWhere('d.aanbieder_id = :aanbiederId', { aanbiederId: query.aanbiederId });
    if (query.periode) qb.andWhere('d.periode = :periode', { periode: query.periode });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    const { skip, take } = skipTake(query);
    // offset/limit: the aanbieder join is many-to-one (see skipTake).
    const [rows, total] = await qb.offset(skip).limit(take).getManyAndCount();
    await vulAanbiederNamen(
      this.dataSource.manager,
      actor.gemeenteId,
      rows.map((d) => d.aanbieder),
    );
    return [rows, total];
  }

  /** One dossier as this actor may see it (a provider: only its own, only gereed); else 404. */
  async findOne(actor: Actor, id: string): Promise<Dossier> {
    const dossier = await this.zichtbaar(this.dataSource.manager, actor)
      .andWhere('d.id = :id', { id })
      .getOne();
    if (!dossier) throw new NotFoundError('Dossier', id);
    await vulAanbiederNamen(this.dataSource.manager, actor.gemeenteId, [dossier.aanbieder]);
    return dossier;
  }

  /** The kept HTML of a version the actor may read; undefined when not (yet) kept. */
  async bewaardeHtml(actor: Actor, id: string): Promise<string | undefined> {
    const rij = await this.zichtbaar(this.dataSource.manager, actor, false)
      .select('d.html', 'html')
      .andWhere('d.id = :id', { id })
      .getRawOne<{ html: string | null }>();
    return rij?.html ?? undefined;
  }

  /**
   * What an actor may read: gemeente users every dossier of their gemeente (contractmanager,
   * ketenregisseur, beleidsadviseur, bestuurder, beheerder); a provider's people only the
   * finished versions of their own organisation.
   */
  private zichtbaar(
    manager: EntityManager,
    actor: Actor,
    metAanbieder = true,
  ): SelectQueryBuilder<Dossier> {
    const qb = manager.getRepository(Dossier).createQueryBuilder('d');
    if (metAanbieder)
      qb.innerJoinAndSelect('d.aanbieder', 'a').innerJoinAndSelect(
        AanbiederGemeente,
        'ag',
        'ag.aanbieder_id = d.aanbieder_id AND ag.gemeente_id = d.gemeente_id',
      );
    qb.where('d.gemeente_id = :gemeenteId', { gemeenteId: actor.gemeenteId });
    if (isAanbieder(actor))
      qb.andWhere(`d.aanbieder_id = :eigen AND d.status = 'gereed'`, {
        eigen: actor.organisatieId,
      });
    return qb;
  }

  private async metAanbieder(manager: EntityManager, id: string): Promise<Dossier> {
    const dossier = await manager.getRepository(Dossier).findOneOrFail({
      where: { id },
      relations: { aanbieder: true },
    });
    await vulAanbiederNamen(manager, dossier.gemeenteId, [dossier.aanbieder]);
    return dossier;
  }

  private async valideer(
    manager: EntityManager,
    gemeenteId: string,
    aanbiederId: string,
    periode: string,
    overlegId: string | null,
    peildatum: string,
  ): Promise<void> {
    if (!KWARTAAL.test(periode))
      throw new ValidationError([
        { name: 'periode', reason: 'periode moet een kwartaal zijn, bijvoorbeeld 2026-Q3' },
      ]);
    const huidig = kwartaal(peildatum);
    if (periode > huidig)
      throw new ValidationError([
        {
          name: 'periode',
          reason: `periode ${periode} is nog niet begonnen; een dossier gaat over dit of een eerder kwartaal (nu ${huidig})`,
        },
      ]);
    const [aanbieder] = (await manager.query(
      `SELECT 1 FROM aanbieder_gemeenten WHERE gemeente_id = $1 AND aanbieder_id = $2`,
      [gemeenteId, aanbiederId],
    )) as unknown[];
    if (!aanbieder)
      throw new ValidationError([
        {
          name: 'aanbiederId',
          reason: 'deze aanbieder bestaat niet of werkt niet voor uw gemeente',
        },
      ]);
    if (!overlegId) return;
    const [overleg] = (await manager.query(
      `SELECT soort, aanbieder_id, periode, status FROM overleggen WHERE id = $1 AND gemeente_id = $2`,
      [overlegId, gemeenteId],
    )) as { soort: string; aanbieder_id: string | null; periode: string | null; status: string }[];
    const reden = !overleg
      ? 'dit overleg bestaat niet in uw gemeente'
      : overleg.soort !== 'verantwoordingsgesprek'
        ? 'dit overleg is geen verantwoordingsgesprek'
        : overleg.aanbieder_id !== aanbiederId
          ? 'dit verantwoordingsgesprek is met een andere aanbieder'
          : overleg.periode !== periode
            ? `dit verantwoordingsgesprek gaat over ${overleg.periode}, niet over ${periode}`
            : overleg.status === 'geannuleerd'
              ? 'dit verantwoordingsgesprek is geannuleerd'
              : null;
    if (reden) throw new ValidationError([{ name: 'overlegId', reason: reden }]);
  }
}
