import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { Actor, APP_CONFIG, AppConfig, NotFoundError, Rol, skipTake } from '@wijkkompas/core';
import { NotificatieQuery } from './notificatie.dto';
import { Notificatie } from './notificatie.entity';
import { normaliseer, NotificatieInvoer } from './notificatie.regels';

export interface NotificatiePagina {
  rows: Notificatie[];
  total: number;
  ongelezen: number;
}

/**
 * Notifications: what the other capabilities call to notify people, and what a user reads
 * about their own. `notificeer` only inserts rows (ON CONFLICT DO NOTHING on the user's key),
 * so it runs inside the caller's transaction — the notification commits or rolls back with
 * the event — and may run twice. It never enqueues a job: the outbox job picks new mails up
 * within a minute.
 */
@Injectable()
export class NotificatieService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Notifies the named users, or everyone with one of the roles (optionally only the people
   * of one organisation), in the gemeente of the event. Only active users with a role in that
   * gemeente are notified, so a notification never crosses tenants. Returns how many were new
   * (0 when every recipient already had this `sleutel`).
   */
  async notificeer(manager: EntityManager | undefined, invoer: NotificatieInvoer): Promise<number> {
    const n = normaliseer(invoer);
    if (n.gebruikerIds?.length === 0 || n.rollen?.length === 0) return 0;
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO notificaties
              (gemeente_id, gebruiker_id, soort, titel, tekst, link, entiteit_type, entiteit_id,
               sleutel, mail_status)
       SELECT $1::uuid, g.id, $2, $3, $4, $5, $6, $7::uuid, $8,
              CASE WHEN NOT $9::boolean THEN 'overgeslagen'
                   WHEN g.mail_voorkeur = 'direct' THEN 'wachtrij'
                   WHEN g.mail_voorkeur = 'dagelijks' THEN 'digest'
                   ELSE 'overgeslagen' END
         FROM gebruikers g
         JOIN gebruiker_gemeenten gg ON gg.gebruiker_id = g.id AND gg.gemeente_id = $1::uuid
        WHERE gg.actief
          AND EXISTS (SELECT 1 FROM gebruiker_rollen r
                       WHERE r.gebruiker_id = g.id AND r.gemeente_id = $1::uuid
                         AND ($10::varchar[] IS NULL OR r.rol = ANY($10::varchar[])))
          AND ($11::uuid[] IS NULL OR g.id = ANY($11::uuid[]))
          AND ($12::uuid IS NULL OR gg.organisatie_id = $12::uuid)
        ORDER BY g.id
       ON CONFLICT (gebruiker_id, sleutel) DO NOTHING
       RETURNING id`,
      [
        n.gemeenteId,
        n.soort,
        n.titel,
        n.tekst,
        n.link,
        n.entiteitType,
        n.entiteitId,
        n.sleutel,
        this.config.smtpUrl !== undefined,
        n.rollen,
        n.gebruikerIds,
        n.organisatieId,
      ],
    );
    return rows.length;
  }

  /**
   * The active users with one of these roles in the gemeente, optionally only those of one
   * organisation: all contractmanagers of a gemeente, the directeur(s) of an aanbieder.
   */
  async ontvangers(
    manager: EntityManager | undefined,
    gemeenteId: string,
    rollen: readonly Rol[],
    organisatieId?: string,
  ): Promise<string[]> {
    if (rollen.length === 0) return [];
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT g.id
         FROM gebruikers g
         JOIN gebruiker_gemeenten gg ON gg.gebruiker_id = g.id AND gg.gemeente_id = $1::uuid
        WHERE gg.actief
          AND EXISTS (SELECT 1 FROM gebruiker_rollen r
                       WHERE r.gebruiker_id = g.id AND r.gemeente_id = $1::uuid
                         AND r.rol = ANY($2::varchar[]))
          AND ($3::uuid IS NULL OR gg.organisatie_id = $3::uuid)
        ORDER BY g.id`,
      [gemeenteId, [...rollen], organisatieId ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** The actor's own notifications in their current gemeente, newest first. */
  async findPage(actor: Actor, query: NotificatieQuery): Promise<NotificatiePagina> {
    const repo = this.dataSource.getRepository(Notificatie);
    const eigen = { gebruikerId: actor.gebruikerId, gemeenteId: actor.gemeenteId };
    const where =
      query.gelezen === undefined
        ? eigen
        : { ...eigen, gelezenOp: query.gelezen ? Not(IsNull()) : IsNull() };
    const { skip, take } = skipTake(query);
    const [rows, total] = await repo.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
    return { rows, total, ongelezen: await this.ongelezen(actor) };
  }

  /** Marks one of the actor's own notifications read or unread; anyone else's is a 404. */
  async zetGelezen(actor: Actor, id: string, gelezen: boolean): Promise<Notificatie> {
    const repo = this.dataSource.getRepository(Notificatie);
    const notificatie = await repo.findOneBy({
      id,
      gebruikerId: actor.gebruikerId,
      gemeenteId: actor.gemeenteId,
    });
    if (!notificatie) throw new NotFoundError('Notificatie', id);
    if (gelezen !== (notificatie.gelezenOp !== null)) {
      notificatie.gelezenOp = gelezen ? new Date() : null;
      await repo.update({ id }, { gelezenOp: notificatie.gelezenOp });
    }
    return notificatie;
  }

  /**
   * Marks all of the actor's notifications read, up to `totEnMet` when given: what the user
   * saw when they clicked, so one that arrived a moment later stays unread.
   */
  async allesGelezen(
    actor: Actor,
    totEnMet?: Date,
  ): Promise<{ gemarkeerd: number; ongelezen: number }> {
    const update = this.dataSource
      .createQueryBuilder()
      .update(Notificatie)
      .set({ gelezenOp: () => 'now()' })
      .where('gebruiker_id = :gebruikerId AND gemeente_id = :gemeenteId AND gelezen_op IS NULL', {
        gebruikerId: actor.gebruikerId,
        gemeenteId: actor.gemeenteId,
      });
    // The client saw created_at in milliseconds; the database keeps microseconds.
    if (totEnMet)
      update.andWhere(`date_trunc('milliseconds', created_at) <= :totEnMet`, { totEnMet });
    const result = await update.execute();
    return { gemarkeerd: result.affected ?? 0, ongelezen: await this.ongelezen(actor) };
  }

  private ongelezen(actor: Actor): Promise<number> {
    return this.dataSource.getRepository(Notificatie).countBy({
      gebruikerId: actor.gebruikerId,
      gemeenteId: actor.gemeenteId,
      gelezenOp: IsNull(),
    });
  }
}
