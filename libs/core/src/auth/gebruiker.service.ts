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
import { vulAanbiederNamen } from '../tenancy/aanbieder-namen';
import { OrganisatieService } from '../tenancy/organisatie.service';
import { Rol, rollenPassenBij } from '../tenancy/rol';
import { CreateGebruikerRequest, GebruikerQuery, UpdateGebruikerRequest } from './gebruiker.dto';
import { Gebruiker } from './gebruiker.entity';
import { GebruikerGemeente, relatieIn } from './gebruiker-gemeente.entity';
import { GebruikerRol } from './gebruiker-rol.entity';
import { hashPassword } from './password';
import { wachtwoordBezwaar } from './wachtwoordbeleid';
import { Sessie } from './sessie.entity';

export class EmailInUseError extends DomainError {
  constructor(detail = 'Er bestaat in uw gemeente al een gebruiker met dit e-mailadres.') {
    super('conflict', 'email-in-gebruik', 'E-mailadres al in gebruik', detail);
  }
}

/**
 * Users of the actor's gemeente: those with a relation (and roles) there. A person is one
 * user however many gemeenten they work for; each gemeente has its own relation with them
 * (name, blocked or not, roles, version), and nothing a beheerder reads or writes touches
 * another gemeente's relation.
 */
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
      .innerJoinAndSelect('gebruiker.relaties', 'relatie', 'relatie.gemeenteId = :gemeenteId', {
        gemeenteId: actor.gemeenteId,
      })
      .innerJoinAndSelect('relatie.organisatie', 'organisatie')
      .leftJoinAndSelect('gebruiker.rollen', 'rol', 'rol.gemeenteId = :gemeenteId')
      .where(
        'EXISTS (SELECT 1 FROM gebruiker_rollen gr WHERE gr.gebruiker_id = gebruiker.id AND gr.gemeente_id = :gemeenteId)',
      )
      .orderBy('relatie.naam')
      .addOrderBy('gebruiker.id');
    if (query.rol) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM gebruiker_rollen gr2 WHERE gr2.gebruiker_id = gebruiker.id AND gr2.gemeente_id = :gemeenteId AND gr2.rol = :rol)',
        { rol: query.rol },
      );
    }
    if (query.organisatieId)
      builder.andWhere('relatie.organisatieId = :organisatieId', {
        organisatieId: query.organisatieId,
      });
    if (query.zoek) {
      builder.andWhere('(relatie.naam ILIKE :zoek OR gebruiker.email ILIKE :zoek)', {
        zoek: `%${query.zoek.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    const { skip, take } = skipTake(query);
    const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
    await vulAanbiederNamen(
      this.dataSource.manager,
      actor.gemeenteId,
      rows.map((g) => relatieIn(g, actor.gemeenteId).organisatie),
    );
    return [rows, total];
  }

  findOne(actor: Actor, id: string): Promise<Gebruiker> {
    return this.load(this.dataSource.manager, actor, id);
  }

  /**
   * A new user, or — when the e-mail address belongs to a person who works for another
   * gemeente — this gemeente's relation with that person. Both answer alike: organisation,
   * name, roles, version and date are this gemeente's, the password of an existing person is
   * left as it is (they log in with their own and choose the gemeente), and nothing says the
   * person exists elsewhere. Only within this gemeente is an address taken (409).
   */
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
    const bezwaar = wachtwoordBezwaar(input.wachtwoord, input);
    if (bezwaar) throw new ValidationError([{ name: 'wachtwoord', reason: bezwaar }]);
    const passwordHash = await hashPassword(input.wachtwoord);
    return this.dataSource.transaction(async (manager) => {
      const email = input.email.trim().toLowerCase();
      // The person: new, or the one with this address (also when another gemeente adds them
      // at the same moment — the insert then does nothing and both get the same person).
      await manager
        .createQueryBuilder()
        .insert()
        .into(Gebruiker)
        .values({ email, passwordHash })
        .orIgnore()
        .execute();
      const gebruiker = await manager
        .getRepository(Gebruiker)
        .findOneOrFail({ where: { email }, lock: { mode: 'pessimistic_write' } });
      if (
        await manager
          .getRepository(GebruikerGemeente)
          .existsBy({ gebruikerId: gebruiker.id, gemeenteId: actor.gemeenteId })
      )
        throw new EmailInUseError();
      await manager.getRepository(GebruikerGemeente).insert({
        gebruikerId: gebruiker.id,
        gemeenteId: actor.gemeenteId,
        organisatieId: organisatie.id,
        naam: input.naam,
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
      const relatie = relatieIn(before, actor.gemeenteId);
      if (relatie.version !== input.version)
        throw new VersionConflictError('Gebruiker', input.version, relatie.version);
      if (input.rollen) this.assertRollenPassen(relatie.organisatie!.soort, input.rollen);
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
      await manager
        .getRepository(GebruikerGemeente)
        .update(
          { gebruikerId: id, gemeenteId: actor.gemeenteId },
          { naam: input.naam ?? relatie.naam, actief: input.actief ?? relatie.actief },
        );
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
        // Blocked here only: sessions in other gemeenten are theirs.
        await manager
          .getRepository(Sessie)
          .update(
            { gebruikerId: id, gemeenteId: actor.gemeenteId, revokedAt: IsNull() },
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
    const relatie = relatieIn(gebruiker, actor.gemeenteId);
    return {
      email: gebruiker.email,
      naam: relatie.naam,
      organisatieId: relatie.organisatieId,
      actief: relatie.actief,
      rollen: (gebruiker.rollen ?? [])
        .filter((r) => r.gemeenteId === actor.gemeenteId)
        .map((r) => r.rol)
        .sort(),
      version: relatie.version,
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
      .innerJoinAndSelect('gebruiker.relaties', 'relatie', 'relatie.gemeenteId = :gemeenteId', {
        gemeenteId: actor.gemeenteId,
      })
      .innerJoinAndSelect('relatie.organisatie', 'organisatie')
      .leftJoinAndSelect('gebruiker.rollen', 'rol', 'rol.gemeenteId = :gemeenteId')
      .where('gebruiker.id = :id', { id })
      .andWhere(
        'EXISTS (SELECT 1 FROM gebruiker_rollen gr WHERE gr.gebruiker_id = gebruiker.id AND gr.gemeente_id = :gemeenteId)',
      );
    if (lock) builder.setLock('pessimistic_write', undefined, ['relatie']);
    const gebruiker = await builder.getOne();
    if (!gebruiker) throw new NotFoundError('Gebruiker', id);
    await vulAanbiederNamen(manager, actor.gemeenteId, [
      relatieIn(gebruiker, actor.gemeenteId).organisatie,
    ]);
    return gebruiker;
  }
}
