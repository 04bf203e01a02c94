import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError, ForbiddenError } from '../errors/domain-error';
import { bootstrapGemeente, BootstrapGemeenteResult } from '../seed/bootstrap-gemeente';
import { Actor } from './actor';
import { Gemeente } from './gemeente.entity';
import { CreateGemeenteRequest } from './gemeente.dto';

/**
 * New tenants through the API, for the platform's own operators (PLATFORM_BEHEERDERS): a
 * gemeente with its own organisation and first beheerder, the same way the CLI and the first
 * start make one (bootstrapGemeente). Audited in the new gemeente (as the platform beheerder
 * acting for the platform) and in the operator's own gemeente (as that person).
 */
@Injectable()
export class GemeenteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, input: CreateGemeenteRequest): Promise<BootstrapGemeenteResult> {
    await this.assertPlatformBeheerder(actor);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(Gemeente).existsBy({ cbsCode: input.cbsCode }))
        throw new DomainError(
          'conflict',
          'gemeente-bestaat',
          'Gemeente bestaat al',
          `Er is al een gemeente met CBS-code ${input.cbsCode}. Een extra beheerder maakt een beheerder van die gemeente aan.`,
        );
      const result = await bootstrapGemeente(
        manager,
        this.audit,
        {
          gemeenteNaam: input.naam,
          cbsCode: input.cbsCode,
          email: input.beheerder.email,
          naam: input.beheerder.naam,
          password: input.beheerder.wachtwoord,
        },
        `platformbeheer (${actor.naam})`,
      );
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'gemeente',
        entityId: result.gemeente.id,
        after: {
          naam: result.gemeente.naam,
          cbsCode: result.gemeente.cbsCode,
          eersteBeheerder: { id: result.beheerder.id, email: result.beheerder.email },
        },
      });
      return result;
    });
  }

  private async assertPlatformBeheerder(actor: Actor): Promise<void> {
    const rijen: { email: string }[] = this.config.platformBeheerders.length
      ? await this.dataSource.query('SELECT lower(email) AS email FROM gebruikers WHERE id = $1', [
          actor.gebruikerId,
        ])
      : [];
    if (!rijen.length || !this.config.platformBeheerders.includes(rijen[0].email))
      throw new ForbiddenError(
        'Alleen beheerders van het platform (PLATFORM_BEHEERDERS) kunnen een gemeente aanmaken.',
      );
  }
}
