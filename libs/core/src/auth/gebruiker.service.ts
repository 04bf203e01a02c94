import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthService } from './auth.service';
import {
  DomainError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '../errors/domain-error';
import { skipTake } from '../http/pagination';
import { Actor } from '../tenancy/actor';
import { OrganisatieService } from '../tenancy/organisatie.service';
import { Rol, rollenPassenBij } from '../tenancy/rol';
import { CreateGebruikerRequest, GebruikerQuery, UpdateGebruikerRequest } from './gebruiker.dto';
import { Gebruiker } from './gebruiker.entity';
import { GebruikerRol } from './gebruiker-rol.entity';
import { hashPassword } from './password';
import { Sessie } from './sessie.entity';

export class EmailInUseError extends DomainError {
  constructor() {
    super(
      'conflict',
      'email-in-gebruik',
      'E-mailadres al in gebruik',
      'Er bestaat al een gebruiker met dit e-mailadres.',
    );
  }
}

/** Users of the actor's gemeente: those with at least one role there. */
@Injectable()
export class GebruikerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisaties: OrganisatieService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  async findPage(actor: Actor, query: GebruikerQuery): Promise<[Gebruiker[], number]> {
    const builder = this.dataSource
      .getRepository(Gebruiker)
      .createQueryBuilder('gebruiker')
      .innerJoinAndSelect('gebruiker.organisatie', 'organisatie')
      .leftJoinAndSelect('gebruiker.rollen', 'rol', 'rol.gemeenteId = :gemeenteId', {
        gemeenteId: actor.gemeenteId,
      })
      .where(
        'EXISTS (SELECT 1 FROM gebruiker_rollen gr WHERE gr.gebruiker_id = gebruiker.id AND gr.gemeente_id = :gemeenteId)',
      )
      .orderBy('gebruiker.naam')
      .addOrderBy('gebruiker.id');
    if (query.rol) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM gebruiker_rollen gr2 WHERE gr2.gebruiker_id = gebruiker.id AND gr2.gemeente_id = :gemeenteId AND gr2.rol = :rol)',
        { rol: query.rol },
      );
    }
    if (query.organisatieId)
      builder.andWhere('gebruiker.organisatieId = :organisatieId', {
        organisatieId: query.organisatieId,
      });
    if (query.zoek) {
      builder.andWhere('(gebruiker.naam ILIKE :zoek OR gebruiker.email ILIKE :zoek)', {
        zoek: `%${query.zoek.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    const { skip, take } = skipTake(query);
    return builder.skip(skip).take(take).getManyAndCount();
  }

  findOne(actor: Actor, id: string): Promise<Gebruiker> {
    return this.load(this.dataSource.manager, actor, id);
  }

  async create(actor: Actor, input: CreateGebruikerRequest): Promise<Gebruiker> {
    const organisatie = await this.organisaties.findOne(actor, input.organisatieId).catch(() => {
      throw new ValidationError([
        {
          name: 'organisatieId',
          reason: 'organisatie bestaat niet of werkt niet voor deze gemeente',
        },
      ]);
    });
    this.assertRollenPassen(organisatie.soort, input.rollen);
    const passwordHash = await hashPassword(input.wachtwoord);
    return this.dataSource.transaction(async (manager) => {
      const email = input.email.trim().toLowerCase();
      if (await manager.getRepository(Gebruiker).existsBy({ email })) throw new EmailInUseError();
      const gebruiker = await manager.getRepository(Gebruiker).save({
        email,
        naam: input.naam,
        organisatieId: organisatie.id,
        passwordHash,
        actief: true,
      });
      await manager.getRepository(GebruikerRol).insert(
        input.rollen.map((rol) => ({
          gebruikerId: gebruiker.id,
          gemeenteId: actor.gemeenteId,
          rol,
        })),
      );
      const created = await this.load(manager, actor, gebruiker.id);
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'gebruiker',
        entityId: gebruiker.id,
        after: this.snapshot(created, actor),
      });
      return created;
    });
  }

  async update(actor: Actor, id: string, input: UpdateGebruikerRequest): Promise<Gebruiker> {
    const bijgewerkt = await this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, actor, id, true);
      if (before.version !== input.version)
        throw new VersionConflictError('Gebruiker', input.version, before.version);
      if (input.rollen) this.assertRollenPassen(before.organisatie!.soort, input.rollen);
      if (
        id === actor.gebruikerId &&
        (input.actief === false || (input.rollen && !input.rollen.includes(Rol.Beheerder)))
      ) {
        throw new ValidationError([
          {
            name: input.actief === false ? 'actief' : 'rollen',
            reason: 'u kunt uzelf niet blokkeren of uw beheerdersrol afnemen',
          },
        ]);
      }
      const changes: Partial<Gebruiker> = {};
      if (input.naam !== undefined) changes.naam = input.naam;
      if (input.actief !== undefined) changes.actief = input.actief;
      await manager
        .getRepository(Gebruiker)
        .save({ ...before, ...changes, rollen: undefined, organisatie: undefined });
      if (input.rollen) {
        await manager
          .getRepository(GebruikerRol)
          .delete({ gebruikerId: id, gemeenteId: actor.gemeenteId });
        await manager
          .getRepository(GebruikerRol)
          .insert(
            input.rollen.map((rol) => ({ gebruikerId: id, gemeenteId: actor.gemeenteId, rol })),
          );
      }
      if (input.actief === false) {
        await manager
          .getRepository(Sessie)
          .update(
            { gebruikerId: id, revokedAt: IsNull() },
            { revokedAt: new Date(), revokedReason: 'geblokkeerd' },
          );
      }
      const after = await this.load(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'gebruiker',
        entityId: id,
        before: this.snapshot(before, actor),
        after: this.snapshot(after, actor),
      });
      return after;
    });
    // Blocked or other roles: this process stops using what it cached of the user's sessions.
    this.auth.vergeetGebruiker(id);
    return bijgewerkt;
  }

  private assertRollenPassen(soort: Parameters<typeof rollenPassenBij>[0], rollen: Rol[]): void {
    if (!rollenPassenBij(soort, rollen)) {
      throw new ValidationError([
        {
          name: 'rollen',
          reason: `deze rollen passen niet bij een organisatie van soort ${soort}`,
        },
      ]);
    }
  }

  private snapshot(gebruiker: Gebruiker, actor: Actor): object {
    return {
      email: gebruiker.email,
      naam: gebruiker.naam,
      organisatieId: gebruiker.organisatieId,
      actief: gebruiker.actief,
      rollen: (gebruiker.rollen ?? [])
        .filter((r) => r.gemeenteId === actor.gemeenteId)
        .map((r) => r.rol)
        .sort(),
      version: gebruiker.version,
    };
  }

  private async load(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<Gebruiker> {
    const builder = manager
      .getRepository(Gebruiker)
      .createQueryBuilder('gebruiker')
      .innerJoinAndSelect('gebruiker.organisatie', 'organisatie')
      .leftJoinAndSelect('gebruiker.rollen', 'rol', 'rol.gemeenteId = :gemeenteId', {
        gemeenteId: actor.gemeenteId,
      })
      .where('gebruiker.id = :id', { id })
      .andWhere(
        'EXISTS (SELECT 1 FROM gebruiker_rollen gr WHERE gr.gebruiker_id = gebruiker.id AND gr.gemeente_id = :gemeenteId)',
      );
    if (lock) builder.setLock('pessimistic_write', undefined, ['gebruiker']);
    const gebruiker = await builder.getOne();
    if (!gebruiker) throw new NotFoundError('Gebruiker', id);
    return gebruiker;
  }
}
