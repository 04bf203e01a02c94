import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Gebruiker } from '../auth/gebruiker.entity';
import { GebruikerGemeente } from '../auth/gebruiker-gemeente.entity';
import { GebruikerRol } from '../auth/gebruiker-rol.entity';
import { hashPassword } from '../auth/password';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AanbiederGemeente } from '../tenancy/aanbieder-gemeente.entity';
import { Gemeente } from '../tenancy/gemeente.entity';
import { Organisatie } from '../tenancy/organisatie.entity';
import { OrganisatieSoort, Rol } from '../tenancy/rol';
import { bootstrapGemeente } from './bootstrap-gemeente';
import { DemoGebruiker, DemoSeedContext, DemoSeedRegistry } from './demo-seed.registry';

export const DEMO_CBS_CODE = 'GM9999';
const CREDENTIALS_FILE = 'demo-gebruikers.json';

const AANBIEDERS = {
  noord: { naam: 'Wijkteams Noord', kvkNummer: '90000011', domein: 'wijkteamsnoord.example' },
  oost: {
    naam: 'Sociaal Collectief Oost',
    kvkNummer: '90000022',
    domein: 'collectiefoost.example',
  },
  zuid: { naam: 'Stichting Samen Zuid', kvkNummer: '90000033', domein: 'samenzuid.example' },
} as const;

const GEMEENTE_GEBRUIKERS: { lokaal: string; naam: string; rol: Rol }[] = [
  {
    lokaal: 'contractmanager',
    naam: 'Carla de Contractmanager',
    rol: Rol.Contractmanager,
  },
  {
    lokaal: 'ketenregisseur',
    naam: 'Karim Ketenregisseur',
    rol: Rol.Ketenregisseur,
  },
  {
    lokaal: 'beleidsadviseur',
    naam: 'Bea Beleidsadviseur',
    rol: Rol.Beleidsadviseur,
  },
  { lokaal: 'bestuurder', naam: 'Wethouder Willemsen', rol: Rol.Bestuurder },
];

const AANBIEDER_GEBRUIKERS: {
  aanbieder: keyof typeof AANBIEDERS;
  lokaal: string;
  naam: string;
  rol: Rol;
}[] = [
  { aanbieder: 'noord', lokaal: 'directeur', naam: 'Daan Directeur', rol: Rol.Directeur },
  { aanbieder: 'noord', lokaal: 'teamleider', naam: 'Tessa Teamleider', rol: Rol.Teamleider },
  {
    aanbieder: 'noord',
    lokaal: 'kwaliteit',
    naam: 'Kees Kwaliteit',
    rol: Rol.Kwaliteitsmedewerker,
  },
  { aanbieder: 'oost', lokaal: 'directeur', naam: 'Olga Oosterhuis', rol: Rol.Directeur },
  { aanbieder: 'zuid', lokaal: 'directeur', naam: 'Sem Zuidema', rol: Rol.Directeur },
];

/**
 * Which gemeente the demo data is loaded for. The demo is Voorbeeldstad; tests load the same
 * data into a fresh gemeente of their own (a label keeps its e-mail addresses, KvK numbers
 * and CBS code apart from every other gemeente's).
 */
export interface DemoGemeente {
  gemeenteNaam: string;
  cbsCode: string;
  /** E-mail domain of the gemeente's users. */
  domein: string;
  /** Put before each aanbieder's e-mail domain ('' for the demo). */
  aanbiederDomeinVoorvoegsel: string;
  /** The aanbieders' KvK numbers: the demo's, or these six digits followed by 11, 22, 33. */
  kvkVoorvoegsel?: string;
  /** Where the credentials are kept and printed: only for the demo itself. */
  bewaarGebruikers: boolean;
}

export const DEMO_GEMEENTE: DemoGemeente = {
  gemeenteNaam: 'Gemeente Voorbeeldstad',
  cbsCode: DEMO_CBS_CODE,
  domein: 'voorbeeldstad.example',
  aanbiederDomeinVoorvoegsel: '',
  bewaarGebruikers: true,
};

function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Fills an empty database with "Gemeente Voorbeeldstad": three aanbieders, a user per role
 * with a random password (kept in the data directory, printed at every start), and whatever
 * the capabilities add through the DemoSeedRegistry. Only ever on an empty database.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly registry: DemoSeedRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.firstRun();
    if (this.config.seedDemo) await this.seedIfEmpty();
  }

  /** INITIAL_BEHEERDER_*: the first beheerder of a fresh server deployment. */
  async firstRun(): Promise<void> {
    const initial = this.config.initialBeheerder;
    if (!initial) return;
    if (await this.dataSource.getRepository(Gebruiker).exists()) {
      this.logger.warn(
        `INITIAL_BEHEERDER_EMAIL (${initial.email}) wordt genegeerd: de database heeft al gebruikers, ` +
          'en een eerste beheerder wordt alleen in een lege database aangemaakt. Maak een beheerder ' +
          'aan met npm run cli -- create-beheerder, via POST /api/v1/gemeenten (platformbeheerder) ' +
          'of door een beheerder van de gemeente, en haal de INITIAL_BEHEERDER_*-variabelen weg.',
      );
      return;
    }
    await this.dataSource.transaction((manager) =>
      bootstrapGemeente(manager, this.audit, { ...initial }, 'eerste-start'),
    );
    this.logger.log(`Eerste beheerder ${initial.email} aangemaakt voor ${initial.gemeenteNaam}`);
  }

  async seedIfEmpty(): Promise<DemoGebruiker[] | undefined> {
    const credentialsFile = join(this.config.dataDir, CREDENTIALS_FILE);
    if (await this.dataSource.getRepository(Gemeente).exists()) {
      if (existsSync(credentialsFile))
        this.print(JSON.parse(readFileSync(credentialsFile, 'utf8')) as DemoGebruiker[]);
      return undefined;
    }
    return this.seed();
  }

  /**
   * Loads the demo gemeente (or, for tests, the same data into another gemeente) and
   * everything the capabilities register, in one transaction.
   */
  async seed(opties: DemoGemeente = DEMO_GEMEENTE): Promise<DemoGebruiker[]> {
    const credentialsFile = join(this.config.dataDir, CREDENTIALS_FILE);
    const started = Date.now();
    const gebruikers = await this.dataSource.transaction(async (manager) => {
      const password = randomPassword();
      const { gemeente, organisatie, beheerder } = await bootstrapGemeente(
        manager,
        this.audit,
        {
          gemeenteNaam: opties.gemeenteNaam,
          cbsCode: opties.cbsCode,
          email: `beheerder@${opties.domein}`,
          naam: 'Bram Beheerder',
          password,
        },
        'demo-data',
      );
      const gebruikers: DemoGebruiker[] = [
        {
          email: beheerder.email,
          naam: 'Bram Beheerder',
          rol: Rol.Beheerder,
          organisatie: organisatie.naam ?? gemeente.naam,
          password,
          id: beheerder.id,
        },
      ];
      const aanbieders = {} as DemoSeedContext['aanbieders'];
      for (const [key, spec] of Object.entries(AANBIEDERS) as [
        keyof typeof AANBIEDERS,
        (typeof AANBIEDERS)[keyof typeof AANBIEDERS],
      ][]) {
        const kvkNummer = opties.kvkVoorvoegsel
          ? `${opties.kvkVoorvoegsel}${spec.kvkNummer.slice(-2)}`
          : spec.kvkNummer;
        // One organisation per KvK number: one the platform already knows (it works for
        // another gemeente too) gets this gemeente's relation, as POST /aanbieders does.
        const aanbieder =
          (await manager
            .getRepository(Organisatie)
            .findOneBy({ kvkNummer, soort: OrganisatieSoort.Aanbieder })) ??
          (await manager.getRepository(Organisatie).save({
            naam: null,
            soort: OrganisatieSoort.Aanbieder,
            kvkNummer,
            gemeenteId: null,
          }));
        await manager
          .getRepository(AanbiederGemeente)
          .insert({ aanbiederId: aanbieder.id, gemeenteId: gemeente.id, naam: spec.naam });
        // The steps read the aanbieder as Voorbeeldstad knows it, by the name it contracted.
        aanbieders[key] = { ...aanbieder, naam: spec.naam };
      }
      const specs = [
        ...GEMEENTE_GEBRUIKERS.map((g) => ({
          email: `${g.lokaal}@${opties.domein}`,
          naam: g.naam,
          rol: g.rol,
          organisatie: organisatie,
        })),
        ...AANBIEDER_GEBRUIKERS.map((g) => ({
          email: `${g.lokaal}@${opties.aanbiederDomeinVoorvoegsel}${AANBIEDERS[g.aanbieder].domein}`,
          naam: g.naam,
          rol: g.rol,
          organisatie: aanbieders[g.aanbieder],
        })),
      ];
      for (const spec of specs) {
        const secret = randomPassword();
        const gebruiker = await manager.getRepository(Gebruiker).save({
          email: spec.email,
          passwordHash: await hashPassword(secret),
        });
        await manager.getRepository(GebruikerGemeente).insert({
          gebruikerId: gebruiker.id,
          gemeenteId: gemeente.id,
          organisatieId: spec.organisatie.id,
          naam: spec.naam,
        });
        await manager
          .getRepository(GebruikerRol)
          .insert({ gebruikerId: gebruiker.id, gemeenteId: gemeente.id, rol: spec.rol });
        gebruikers.push({
          email: spec.email,
          naam: spec.naam,
          rol: spec.rol,
          organisatie: spec.organisatie.naam ?? '',
          password: secret,
          id: gebruiker.id,
        });
      }
      const context: DemoSeedContext = {
        manager,
        audit: this.audit,
        gemeente,
        gemeenteOrganisatie: organisatie,
        aanbieders,
        gebruikers,
      };
      for (const step of this.registry.ordered()) {
        this.logger.log(`Demodata: ${step.name}`);
        await step.run(context);
      }
      return gebruikers;
    });
    // Statistics for the planner now, not when autovacuum gets round to the new rows.
    await this.dataSource.query('ANALYZE');
    this.logger.log(`Demodata geladen in ${Date.now() - started} ms`);
    if (!opties.bewaarGebruikers) return gebruikers;
    mkdirSync(this.config.dataDir, { recursive: true });
    writeFileSync(credentialsFile, JSON.stringify(gebruikers, null, 2), { mode: 0o600 });
    this.print(gebruikers);
    return gebruikers;
  }

  private print(gebruikers: DemoGebruiker[]): void {
    const width = Math.max(...gebruikers.map((g) => g.email.length));
    const lines = gebruikers.map(
      (g) => `  ${g.rol.padEnd(21)} ${g.email.padEnd(width)}  ${g.password}   (${g.organisatie})`,
    );
    // Printed straight to stdout, not through the JSON logger: this is for the person at the terminal.
    process.stdout.write(
      [
        '',
        'Wijkkompas — demo-omgeving Gemeente Voorbeeldstad. Demogebruikers (rol, e-mail, wachtwoord):',
        ...lines,
        '',
      ].join('\n') + '\n',
    );
  }
}
