import { Module } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { GebruikerController } from './auth/gebruiker.controller';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { HealthController } from './health/health.controller';
import { DemoSeedService } from './seed/demo-seed.service';
import { OrganisatieController } from './tenancy/organisatie.controller';
import { WachtrijDashboardService } from './queue/wachtrij-dashboard';
import { WachtrijDashboardController } from './queue/wachtrij-dashboard.controller';

/** The HTTP side of core: authentication, users, organisations, audit trail, health. */
@Module({
  controllers: [
    AuthController,
    GebruikerController,
    OrganisatieController,
    AuditController,
    HealthController,
    WachtrijDashboardController,
  ],
  providers: [JwtStrategy, LocalStrategy, DemoSeedService, WachtrijDashboardService],
})
export class CoreApiModule {}
