import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../errors/domain-error';
import { PageQuery, skipTake } from '../http/pagination';
import { Actor, aanbiederScope } from './actor';
import { aanbiederNaamSql, vulAanbiederNamen } from './aanbieder-namen';
import { Organisatie } from './organisatie.entity';

/**
 * The organisations visible in the actor's gemeente: the gemeente itself and the aanbieders
 * that work for it; a provider user sees only its own organisation.
 */
@Injectable()
export class OrganisatieService {
  constructor(
    @InjectRepository(Organisatie) private readonly organisaties: Repository<Organisatie>,
  ) {}

  visibleTo(actor: Actor, alias = 'organisatie'): SelectQueryBuilder<Organisatie> {
    const query = this.organisaties
      .createQueryBuilder(alias)
      .where(
        `(${alias}.gemeente_id = :gemeenteId OR EXISTS (SELECT 1 FROM aanbieder_gemeenten ag WHERE ag.aanbieder_id = ${alias}.id AND ag.gemeente_id = :gemeenteId))`,
        { gemeenteId: actor.gemeenteId },
      );
    const eigen = aanbiederScope(actor);
    if (eigen) query.andWhere(`${alias}.id = :eigen`, { eigen });
    return query;
  }

  /** SQL for the organisation's name in the actor's gemeente, inside a `visibleTo` query. */
  naamSql(alias = 'organisatie'): string {
    return `COALESCE(${alias}.naam, ${aanbiederNaamSql(`${alias}.id`, ':gemeenteId')})`;
  }

  async findPage(actor: Actor, page: PageQuery): Promise<[Organisatie[], number]> {
    const { skip, take } = skipTake(page);
    const [rows, total] = await this.visibleTo(actor)
      .orderBy('organisatie.soort')
      .addOrderBy(this.naamSql())
      .addOrderBy('organisatie.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    return [await vulAanbiederNamen(this.organisaties.manager, actor.gemeenteId, rows), total];
  }

  async findOne(actor: Actor, id: string): Promise<Organisatie> {
    const organisatie = await this.visibleTo(actor)
      .andWhere('organisatie.id = :id', { id })
      .getOne();
    if (!organisatie) throw new NotFoundError('Organisatie', id);
    await vulAanbiederNamen(this.organisaties.manager, actor.gemeenteId, [organisatie]);
    return organisatie;
  }
}
