import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { NotFoundError } from '../errors/domain-error';
import { PageQuery, skipTake } from '../http/pagination';
import { Actor } from '../tenancy/actor';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** Who wrote, when no person did: the scheduler and start-up tasks. */
export interface SystemActor {
  system: string;
  gemeenteId: string | null;
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'wachtwoord', 'tokenHash']);

/** A JSON-safe copy without secrets; dates become ISO strings, bigint becomes a string. */
export function auditSnapshot(value: object | null | undefined): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (key, inner: unknown) => {
      if (SECRET_KEYS.has(key)) return undefined;
      if (typeof inner === 'bigint') return inner.toString();
      return inner;
    }),
  ) as Record<string, unknown>;
}

export interface AuditFilter extends PageQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /**
   * Records a domain write through the caller's EntityManager, so the entry commits or
   * rolls back with the write it describes.
   */
  async record(
    manager: EntityManager,
    actor: Actor | SystemActor,
    record: AuditRecord,
  ): Promise<void> {
    const person = 'gebruikerId' in actor;
    const repository = manager.getRepository(AuditEntry);
    await repository.save(
      repository.create({
        gemeenteId: actor.gemeenteId,
        actorId: person ? actor.gebruikerId : null,
        actorNaam: person ? actor.naam : `systeem: ${actor.system}`,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        before: auditSnapshot(record.before),
        after: auditSnapshot(record.after),
        requestId: person ? (actor.requestId ?? null) : null,
      }),
    );
  }

  async findPage(actor: Actor, filter: AuditFilter): Promise<[AuditEntry[], number]> {
    const query = this.entries
      .createQueryBuilder('entry')
      .where('entry.gemeenteId = :gemeenteId', { gemeenteId: actor.gemeenteId })
      .orderBy('entry.occurredAt', 'DESC')
      .addOrderBy('entry.id', 'DESC');
    if (filter.entityType)
      query.andWhere('entry.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId)
      query.andWhere('entry.entityId = :entityId', { entityId: filter.entityId });
    if (filter.actorId) query.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
    if (filter.from) query.andWhere('entry.occurredAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('entry.occurredAt < :to', { to: filter.to });
    const { skip, take } = skipTake(filter);
    return query.skip(skip).take(take).getManyAndCount();
  }

  async findOne(actor: Actor, id: string): Promise<AuditEntry> {
    const entry = await this.entries.findOneBy({ id, gemeenteId: actor.gemeenteId });
    if (!entry) throw new NotFoundError('Auditregel', id);
    return entry;
  }
}
