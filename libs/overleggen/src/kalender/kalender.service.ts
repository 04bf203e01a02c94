import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalEventStatus } from 'ical-generator';
import { DataSource, IsNull } from 'typeorm';
import { Actor, API_PREFIX, AuditService, Gemeente, NotFoundError } from '@wijkkompas/core';
import { Overleg } from '../overleg/overleg.entity';
import { OverlegStatus } from '../overleg/overleg.regels';
import { SOORT_LABELS } from '../verslag/verslag.regels';
import { Kalenderfeed } from './kalenderfeed.entity';

const STANDAARD_MINUTEN = 90;

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A calendar feed per user and gemeente with the meetings the user takes part in (in person
 * or through their organisation). The address carries a random secret; only its hash is
 * kept. A new address revokes the previous one; a revoked or unknown address is a 404.
 */
@Injectable()
export class KalenderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async maak(actor: Actor): Promise<{ feed: Kalenderfeed; pad: string }> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Kalenderfeed);
      const oud = await repo.find({
        where: {
          gebruikerId: actor.gebruikerId,
          gemeenteId: actor.gemeenteId,
          ingetrokkenOp: IsNull(),
        },
      });
      for (const feed of oud) await this.trekInMet(manager, actor, feed);
      const token = randomBytes(32).toString('base64url');
      const feed = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          gebruikerId: actor.gebruikerId,
          tokenHash: hash(token),
          ingetrokkenOp: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'kalenderfeed',
        entityId: feed.id,
        after: { id: feed.id, gebruikerId: actor.gebruikerId },
      });
      return { feed, pad: `/${API_PREFIX}/kalenders/${token}` };
    });
  }

  lijst(actor: Actor): Promise<Kalenderfeed[]> {
    return this.dataSource.getRepository(Kalenderfeed).find({
      where: { gebruikerId: actor.gebruikerId, gemeenteId: actor.gemeenteId },
      order: { createdAt: 'DESC' },
    });
  }

  async trekIn(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const feed = await manager
        .getRepository(Kalenderfeed)
        .findOneBy({ id, gebruikerId: actor.gebruikerId, gemeenteId: actor.gemeenteId });
      if (!feed) throw new NotFoundError('Kalenderfeed', id);
      if (!feed.ingetrokkenOp) await this.trekInMet(manager, actor, feed);
    });
  }

  /** The iCalendar text behind a secret address; 404 when revoked, unknown or the user left. */
  async ics(token: string): Promise<string> {
    const q = (sql: string, params: unknown[]) =>
      this.dataSource.query(sql, params) as Promise<Record<string, unknown>[]>;
    const [feed] = await q(
      `SELECT f.gemeente_id, g.id AS gebruiker_id, gg.organisatie_id, gg.naam
       FROM kalenderfeeds f JOIN gebruikers g ON g.id = f.gebruiker_id
       JOIN gebruiker_gemeenten gg ON gg.gebruiker_id = g.id AND gg.gemeente_id = f.gemeente_id
       WHERE f.token_hash = $1 AND f.ingetrokken_op IS NULL AND gg.actief
         AND EXISTS (SELECT 1 FROM gebruiker_rollen r WHERE r.gebruiker_id = g.id AND r.gemeente_id = f.gemeente_id)`,
      [hash(token)],
    );
    if (!feed) throw new NotFoundError('Kalender');
    const gemeenteId = String(feed.gemeente_id);
    const overleggen = await this.dataSource
      .getRepository(Overleg)
      .createQueryBuilder('o')
      .where('o.gemeente_id = :gemeenteId', { gemeenteId })
      .andWhere('o.status <> :geannuleerd', { geannuleerd: OverlegStatus.Geannuleerd })
      .andWhere(
        '(o.deelnemers @> CAST(:alsGebruiker AS jsonb) OR o.deelnemers @> CAST(:alsOrganisatie AS jsonb))',
        {
          alsGebruiker: JSON.stringify([{ gebruikerId: feed.gebruiker_id }]),
          alsOrganisatie: JSON.stringify([{ organisatieId: feed.organisatie_id }]),
        },
      )
      .orderBy('o.datum')
      .addOrderBy('o.id')
      .getMany();
    const minuten = new Map(
      (
        await q(
          `SELECT DISTINCT ON (overleg_id) overleg_id,
             (SELECT COALESCE(sum((p->>'minuten')::int), 0) FROM jsonb_array_elements(punten) p) AS minuten
           FROM agenda_versies WHERE overleg_id = ANY($1::uuid[]) ORDER BY overleg_id, versie DESC`,
          [overleggen.map((o) => o.id)],
        )
      ).map((r) => [String(r.overleg_id), Number(r.minuten)]),
    );
    const gemeente = await this.dataSource
      .getRepository(Gemeente)
      .findOneByOrFail({ id: gemeenteId });
    const kalender = ical({
      name: `Overleggen ${gemeente.naam} — ${String(feed.naam)}`,
      prodId: { company: 'Wijkkompas', product: 'overleggen', language: 'NL' },
    });
    for (const o of overleggen) {
      const duur = minuten.get(o.id) || STANDAARD_MINUTEN;
      kalender.createEvent({
        id: `overleg-${o.id}@wijkkompas`,
        start: o.datum,
        end: new Date(o.datum.getTime() + duur * 60_000),
        summary: o.titel,
        location: o.locatie ?? undefined,
        description: `${SOORT_LABELS[o.soort]} · status ${o.status}`,
        status: ICalEventStatus.CONFIRMED,
        sequence: o.version,
        lastModified: o.updatedAt,
      });
    }
    return kalender.toString();
  }

  private async trekInMet(
    manager: DataSource['manager'],
    actor: Actor,
    feed: Kalenderfeed,
  ): Promise<void> {
    const ingetrokkenOp = new Date();
    await manager.getRepository(Kalenderfeed).update({ id: feed.id }, { ingetrokkenOp });
    await this.audit.record(manager, actor, {
      action: 'ingetrokken',
      entityType: 'kalenderfeed',
      entityId: feed.id,
      before: { ingetrokkenOp: null },
      after: { ingetrokkenOp: ingetrokkenOp.toISOString() },
    });
  }
}
