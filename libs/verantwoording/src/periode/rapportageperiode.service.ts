import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  AanbiederGemeente,
  AuditService,
  NotFoundError,
  skipTake,
  SystemActor,
  ValidationError,
  vulAanbiederNamen,
} from '@wijkkompas/core';
import {
  AanvullendeOpdracht,
  AanvullendeOpdrachtAanbieder,
  AanvullendeOpdrachtStatus,
  Rapportagefrequentie,
} from '@wijkkompas/opdrachten';
import { isJaar, isKwartaal, periodeDatums, periodeOverlapt, standaardDeadline } from './kwartaal';
import {
  CreateRapportageperiodeRequest,
  RapportageperiodeQuery,
  toRapportageperiodeResponse,
} from './rapportageperiode.dto';
import { Rapportageperiode } from './rapportageperiode.entity';
import { RapportageperiodeBestaatError } from './rapportageperiode.errors';

export interface OpenKwartaalOpties {
  /** Deadline of every period opened; default 30 days after the quarter (standaardDeadline). */
  deadline?: string;
  /** Who the audit trail names; default 'kwartaalplanner'. */
  systeem?: string;
  /** Run inside this transaction (the demo seed) instead of a new one. */
  manager?: EntityManager;
}

export interface OpenKwartaalUitkomst {
  periode: string;
  /** The periods this call opened (those that existed already are left alone). */
  nieuw: Rapportageperiode[];
  /** How many periods of this quarter were open already. */
  alOpen: number;
}

function isUniekeSchending(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return (
    error instanceof QueryFailedError &&
    driver?.code === '23505' &&
    (driver.constraint ?? '').startsWith('uq_rapportageperiodes_')
  );
}

/**
 * Reporting periods: the quarter (or, for an aanvullende opdracht that reports yearly, the
 * year) an aanbieder accounts for, with its deadline. Opened by the contractmanager or, at the
 * start of every quarter, by the scheduler through openKwartaal.
 */
/**
 * Opens period $2 ($3 to $4, due $5) for every aanbieder carrying out an aanvullende opdracht
 * of gemeente $1 with status $6 and reporting frequency $7 whose looptijd overlaps it.
 */
const AANVULLENDE_PERIODES_OPENEN = `INSERT INTO rapportageperiodes
    (gemeente_id, aanbieder_id, aanvullende_opdracht_id, periode, begindatum, einddatum, deadline)
  SELECT DISTINCT o.gemeente_id, x.aanbieder_id, o.id, $2, $3::date, $4::date, $5::date
    FROM aanvullende_opdrachten o
    JOIN aanvullende_opdracht_aanbieders x ON x.opdracht_id = o.id
    JOIN aanbieder_gemeenten ag
      ON ag.aanbieder_id = x.aanbieder_id AND ag.gemeente_id = o.gemeente_id
   WHERE o.gemeente_id = $1 AND o.status = $6 AND o.rapportagefrequentie = $7
     AND o.startdatum <= $4::date AND o.einddatum >= $3::date
  ON CONFLICT (gemeente_id, aanbieder_id, aanvullende_opdracht_id, periode)
    WHERE aanvullende_opdracht_id IS NOT NULL
  DO NOTHING
  RETURNING id`;

@Injectable()
export class RapportageperiodeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateRapportageperiodeRequest): Promise<Rapportageperiode> {
    const { begindatum, einddatum } = periodeDatums(input.periode);
    const deadline = input.deadline ?? standaardDeadline(input.periode);
    if (deadline < einddatum)
      throw new ValidationError([
        {
          name: 'deadline',
          reason: `deadline mag niet vóór het einde van de periode (${einddatum}) liggen`,
        },
      ]);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const gekoppeld = await manager
          .getRepository(AanbiederGemeente)
          .existsBy({ aanbiederId: input.aanbiederId, gemeenteId: actor.gemeenteId });
        if (!gekoppeld)
          throw new ValidationError([
            {
              name: 'aanbiederId',
              reason: `aanbieder ${input.aanbiederId} werkt niet voor deze gemeente`,
            },
          ]);
        if (input.aanvullendeOpdrachtId) {
          await this.vereisAanvullendeOpdracht(manager, actor.gemeenteId, input);
        } else if (!isKwartaal(input.periode)) {
          throw new ValidationError([
            {
              name: 'periode',
              reason:
                'de hoofdopdracht wordt per kwartaal verantwoord: geef een kwartaal, bijvoorbeeld 2026-Q3',
            },
          ]);
        }
        const bestaand = await manager.getRepository(Rapportageperiode).findOneBy({
          gemeenteId: actor.gemeenteId,
          aanbiederId: input.aanbiederId,
          periode: input.periode,
          aanvullendeOpdrachtId: input.aanvullendeOpdrachtId ?? IsNull(),
        });
        if (bestaand) throw new RapportageperiodeBestaatError(input.periode, bestaand.id);
        const opgeslagen = await manager.getRepository(Rapportageperiode).save(
          manager.getRepository(Rapportageperiode).create({
            gemeenteId: actor.gemeenteId,
            aanbiederId: input.aanbiederId,
            aanvullendeOpdrachtId: input.aanvullendeOpdrachtId ?? null,
            periode: input.periode,
            begindatum,
            einddatum,
            deadline,
          }),
        );
        const periode = await this.laad(manager, opgeslagen.id);
        await this.audit.record(manager, actor, {
          action: 'geopend',
          entityType: 'rapportageperiode',
          entityId: periode.id,
          after: toRapportageperiodeResponse(periode),
        });
        return periode;
      });
    } catch (error) {
      if (isUniekeSchending(error)) throw new RapportageperiodeBestaatError(input.periode);
      throw error;
    }
  }

  async findPage(
    actor: Actor,
    query: RapportageperiodeQuery,
  ): Promise<[Rapportageperiode[], number]> {
    const builder = this.scoped(this.dataSource.manager, actor)
      .orderBy('p.periode', 'DESC')
      .addOrderBy('relatie.naam')
      .addOrderBy('p.id');
    if (query.aanbiederId)
      builder.andWhere('p.aanbieder_id = :aanbiederId', { aanbiederId: query.aanbiederId });
    if (query.periode) builder.andWhere('p.periode = :periode', { periode: query.periode });
    if (query.aanvullendeOpdrachtId)
      builder.andWhere('p.aanvullende_opdracht_id = :opdrachtId', {
        opdrachtId: query.aanvullendeOpdrachtId,
      });
    const { skip, take } = skipTake(query);
    const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
    return [await this.metAanbiederNamen(this.dataSource.manager, rows), total];
  }

  async findOne(actor: Actor, id: string): Promise<Rapportageperiode> {
    const periode = await this.scoped(this.dataSource.manager, actor)
      .andWhere('p.id = :id', { id })
      .getOne();
    if (!periode) throw new NotFoundError('Rapportageperiode', id);
    await this.metAanbiederNamen(this.dataSource.manager, [periode]);
    return periode;
  }

  /**
   * Opens quarter `periode` for every active aanbieder of the gemeente and for every active
   * aanvullende opdracht that reports per quarter (one period per aanbieder carrying it out).
   * An aanbieder is active in a quarter when one of its hoofdopdrachten in this gemeente runs
   * during that quarter; an aanvullende opdracht when its status is actief and its looptijd
   * overlaps the quarter. Idempotent: what is open already stays as it is (INSERT … ON
   * CONFLICT DO NOTHING), so the scheduler may run twice. Each new period is audited as the
   * system. The fourth quarter also opens the year for the active aanvullende opdrachten that
   * report yearly (due with the quarter). Opdrachten reporting per month, half year or once
   * are opened by the contractmanager, as a quarter or a year.
   */
  async openKwartaal(
    gemeenteId: string,
    periode: string,
    opties: OpenKwartaalOpties = {},
  ): Promise<OpenKwartaalUitkomst> {
    if (!isKwartaal(periode))
      throw new ValidationError([
        { name: 'periode', reason: 'periode moet een kwartaal zijn, bijvoorbeeld 2026-Q3' },
      ]);
    const { begindatum, einddatum } = periodeDatums(periode);
    const deadline = opties.deadline ?? standaardDeadline(periode);
    if (deadline < einddatum)
      throw new ValidationError([
        { name: 'deadline', reason: `deadline mag niet vóór ${einddatum} liggen` },
      ]);
    const actor: SystemActor = { system: opties.systeem ?? 'kwartaalplanner', gemeenteId };
    const uitvoeren = async (manager: EntityManager): Promise<OpenKwartaalUitkomst> => {
      const params = [gemeenteId, periode, begindatum, einddatum, deadline];
      const hoofd = (await manager.query(
        `INSERT INTO rapportageperiodes
           (gemeente_id, aanbieder_id, aanvullende_opdracht_id, periode, begindatum, einddatum, deadline)
         SELECT DISTINCT h.gemeente_id, h.aanbieder_id, NULL::uuid, $2, $3::date, $4::date, $5::date
           FROM hoofdopdrachten h
           JOIN aanbieder_gemeenten ag
             ON ag.aanbieder_id = h.aanbieder_id AND ag.gemeente_id = h.gemeente_id
          WHERE h.gemeente_id = $1 AND h.startdatum <= $4::date AND h.einddatum >= $3::date
         ON CONFLICT (gemeente_id, aanbieder_id, periode) WHERE aanvullende_opdracht_id IS NULL
         DO NOTHING
         RETURNING id`,
        params,
      )) as { id: string }[];
      const aanvullend = (await manager.query(AANVULLENDE_PERIODES_OPENEN, [
        ...params,
        AanvullendeOpdrachtStatus.Actief,
        Rapportagefrequentie.Kwartaal,
      ])) as { id: string }[];
      // After the fourth quarter, the year of the opdrachten that report yearly.
      const jaar = periode.endsWith('-Q4') ? periode.slice(0, 4) : null;
      const jaarlijks = jaar
        ? ((await manager.query(AANVULLENDE_PERIODES_OPENEN, [
            gemeenteId,
            jaar,
            periodeDatums(jaar).begindatum,
            einddatum,
            deadline,
            AanvullendeOpdrachtStatus.Actief,
            Rapportagefrequentie.Jaar,
          ])) as { id: string }[])
        : [];
      const ids = [...hoofd, ...aanvullend, ...jaarlijks].map((r) => r.id);
      const nieuw = ids.length ? await this.laadVeel(manager, ids) : [];
      for (const p of nieuw)
        await this.audit.record(manager, actor, {
          action: 'geopend',
          entityType: 'rapportageperiode',
          entityId: p.id,
          after: toRapportageperiodeResponse(p),
        });
      const totaal = await manager.getRepository(Rapportageperiode).countBy({
        gemeenteId,
        periode: jaar ? In([periode, jaar]) : periode,
      });
      return { periode, nieuw, alOpen: totaal - nieuw.length };
    };
    return opties.manager
      ? uitvoeren(opties.manager)
      : this.dataSource.transaction((manager) => uitvoeren(manager));
  }

  private async vereisAanvullendeOpdracht(
    manager: EntityManager,
    gemeenteId: string,
    input: CreateRapportageperiodeRequest,
  ): Promise<void> {
    const opdracht = await manager
      .getRepository(AanvullendeOpdracht)
      .findOneBy({ id: input.aanvullendeOpdrachtId!, gemeenteId });
    if (!opdracht)
      throw new ValidationError([
        {
          name: 'aanvullendeOpdrachtId',
          reason: `aanvullende opdracht ${input.aanvullendeOpdrachtId} bestaat niet in deze gemeente`,
        },
      ]);
    const voertUit = await manager
      .getRepository(AanvullendeOpdrachtAanbieder)
      .existsBy({ opdrachtId: opdracht.id, aanbiederId: input.aanbiederId });
    if (!voertUit)
      throw new ValidationError([
        {
          name: 'aanbiederId',
          reason: 'deze aanbieder voert de aanvullende opdracht niet uit',
        },
      ]);
    // The period must have the opdracht's own rhythm where a period can express it: a
    // quarterly opdracht reports per quarter, a yearly one per year. Half years, months and
    // a single report have no period of their own yet; the contractmanager picks a quarter
    // or a year for them.
    const vorm =
      opdracht.rapportagefrequentie === Rapportagefrequentie.Kwartaal
        ? { past: isKwartaal(input.periode), wat: 'per kwartaal, bijvoorbeeld 2026-Q3' }
        : opdracht.rapportagefrequentie === Rapportagefrequentie.Jaar
          ? { past: isJaar(input.periode), wat: 'per jaar, bijvoorbeeld 2026' }
          : { past: true, wat: '' };
    if (!vorm.past)
      throw new ValidationError([
        {
          name: 'periode',
          reason: `deze aanvullende opdracht rapporteert ${vorm.wat}`,
        },
      ]);
    if (!periodeOverlapt(input.periode, opdracht.startdatum, opdracht.einddatum))
      throw new ValidationError([
        {
          name: 'periode',
          reason: `periode ${input.periode} valt buiten de looptijd van de opdracht (${opdracht.startdatum} tot en met ${opdracht.einddatum})`,
        },
      ]);
  }

  private scoped(manager: EntityManager, actor: Actor) {
    const builder = manager
      .getRepository(Rapportageperiode)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.aanbieder', 'aanbieder')
      .innerJoinAndSelect(
        AanbiederGemeente,
        'relatie',
        'relatie.aanbieder_id = p.aanbieder_id AND relatie.gemeente_id = p.gemeente_id',
      )
      .leftJoinAndSelect('p.aanvullendeOpdracht', 'opdracht')
      .where('p.gemeente_id = :gemeenteId', { gemeenteId: actor.gemeenteId });
    const eigen = aanbiederScope(actor);
    if (eigen) builder.andWhere('p.aanbieder_id = :eigen', { eigen });
    return builder;
  }

  private async laad(manager: EntityManager, id: string): Promise<Rapportageperiode> {
    return (await this.laadVeel(manager, [id]))[0];
  }

  private async laadVeel(manager: EntityManager, ids: string[]): Promise<Rapportageperiode[]> {
    const rows = await manager.getRepository(Rapportageperiode).find({
      where: { id: In(ids) },
      relations: { aanbieder: true, aanvullendeOpdracht: true },
      order: { periode: 'ASC', aanbiederId: 'ASC' },
    });
    return this.metAanbiederNamen(manager, rows);
  }

  /** Each period's aanbieder by the name its gemeente contracted it under. */
  private async metAanbiederNamen(
    manager: EntityManager,
    rows: Rapportageperiode[],
  ): Promise<Rapportageperiode[]> {
    for (const gemeenteId of new Set(rows.map((r) => r.gemeenteId)))
      await vulAanbiederNamen(
        manager,
        gemeenteId,
        rows.filter((r) => r.gemeenteId === gemeenteId).map((r) => r.aanbieder),
      );
    return rows;
  }
}
