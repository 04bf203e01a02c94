import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { Gebruiker } from './auth/gebruiker.entity';
import { GebruikerRol } from './auth/gebruiker-rol.entity';
import { GebruikerGemeente } from './auth/gebruiker-gemeente.entity';
import { GebruikerService } from './auth/gebruiker.service';
import { jwtSleutel, TOKEN_ISSUER } from './auth/jwt.strategy';
import { LoginFailure } from './auth/login-failure.entity';
import { LoginThrottleService } from './auth/login-throttle.service';
import { RefreshToken } from './auth/refresh-token.entity';
import { Sessie } from './auth/sessie.entity';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HousekeepingService } from './housekeeping/housekeeping.service';
import { LoggingModule } from './logging/logging.module';
import { GebruikteLink } from './queue/gebruikte-link.entity';
import { QueueService } from './queue/queue.service';
import { PdfService } from './pdf/pdf.service';
import { DemoSeedRegistry } from './seed/demo-seed.registry';
import { AanbiederGemeente } from './tenancy/aanbieder-gemeente.entity';
import { Gemeente } from './tenancy/gemeente.entity';
import { Organisatie } from './tenancy/organisatie.entity';
import { OrganisatieService } from './tenancy/organisatie.service';

const SERVICES = [
  AuditService,
  AuthService,
  LoginThrottleService,
  GebruikerService,
  OrganisatieService,
  QueueService,
  HousekeepingService,
  DemoSeedRegistry,
  PdfService,
];

/**
 * Configuration, database, logging, identity, audit and queues: what every process of the
 * platform needs, API or worker. Global so feature modules inject these without ceremony.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule,
        TypeOrmModule.forFeature([
          Gemeente,
          Organisatie,
          AanbiederGemeente,
          Gebruiker,
          GebruikerRol,
          GebruikerGemeente,
          Sessie,
          RefreshToken,
          LoginFailure,
          AuditEntry,
          GebruikteLink,
        ]),
        PassportModule,
        JwtModule.register({
          secret: jwtSleutel(config.jwtSecret),
          signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER },
          verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER },
        }),
      ],
      providers: SERVICES,
      exports: [...SERVICES, TypeOrmModule, JwtModule],
    };
  }
}
