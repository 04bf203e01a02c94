import { Module } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { GebruikerController } from './auth/gebruiker.controller';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { HealthController } from './health/health.controller';
import { DemoSeedService } from './seed/demo-seed.service';
import { OrganisatieController } from './tenancy/organisatie.controller';

/** The HTTP side of core: authentication, users, organisations, audit trail, health. */
@Module({
  controllers: [
    AuthController,
    GebruikerController,
    OrganisatieController,
    AuditController,
    HealthController,
  ],
  providers: [JwtStrategy, LocalStrategy, DemoSeedService],
})
export class CoreApiModule {}
