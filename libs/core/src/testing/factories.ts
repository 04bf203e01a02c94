import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Gebruiker } from '../auth/gebruiker.entity';
import { GebruikerGemeente } from '../auth/gebruiker-gemeente.entity';
import { GebruikerRol } from '../auth/gebruiker-rol.entity';
import { hashPassword } from '../auth/password';
import { AanbiederGemeente } from '../tenancy/aanbieder-gemeente.entity';
import { Gemeente } from '../tenancy/gemeente.entity';
import { Organisatie } from '../tenancy/organisatie.entity';
import { OrganisatieSoort, Rol } from '../tenancy/rol';

export const TEST_PASSWORD = 'test-wachtwoord-123';

let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${randomBytes(2).toString('hex')}`;
}

/** GM1000–GM8999: never the demo gemeente's GM9999. */
function cbsCode(): string {
  return `GM${String(1000 + Math.floor(Math.random() * 8000))}`;
}

/** A CBS code no gemeente in the test database has yet. */
export async function freeCbsCode(dataSource: DataSource): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const code = cbsCode();
    if (!(await dataSource.getRepository(Gemeente).existsBy({ cbsCode: code }))) return code;
  }
  throw new Error('Geen vrije CBS-code gevonden');
}

/** A KvK number no organisation in the test database has yet (the number is unique). */
async function freeKvkNummer(dataSource: DataSource): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const nummer = String(10000000 + Math.floor(Math.random() * 89999999));
    if (!(await dataSource.getRepository(Organisatie).existsBy({ kvkNummer: nummer })))
      return nummer;
  }
  throw new Error('Geen vrij KvK-nummer gevonden');
}

export interface TestTenant {
  gemeente: Gemeente;
  organisatie: Organisatie;
}

/** A gemeente with its own organisation, unique per call so tests never collide. */
export async function makeGemeente(
  dataSource: DataSource,
  overrides: Partial<Gemeente> = {},
): Promise<TestTenant> {
  let gemeente: Gemeente | undefined;
  for (let attempt = 0; !gemeente; attempt++) {
    const code = overrides.cbsCode ?? cbsCode();
    if (!(await dataSource.getRepository(Gemeente).existsBy({ cbsCode: code }))) {
      gemeente = await dataSource
        .getRepository(Gemeente)
        .save({ naam: `Gemeente ${unique('test')}`, cbsCode: code, ...overrides });
    } else if (overrides.cbsCode || attempt > 50) {
      throw new Error(`CBS-code ${code} bestaat al`);
    }
  }
  const organisatie = await dataSource.getRepository(Organisatie).save({
    naam: gemeente.naam,
    soort: OrganisatieSoort.Gemeente,
    gemeenteId: gemeente.id,
    kvkNummer: null,
  });
  return { gemeente, organisatie };
}

export async function makeAanbieder(
  dataSource: DataSource,
  gemeenten: Gemeente[],
  overrides: Partial<Organisatie> = {},
): Promise<Organisatie & { naam: string }> {
  const { naam: gevraagd, ...rest } = overrides;
  const naam = gevraagd ?? unique('Aanbieder');
  const aanbieder = await dataSource.getRepository(Organisatie).save({
    soort: OrganisatieSoort.Aanbieder,
    kvkNummer: await freeKvkNummer(dataSource),
    gemeenteId: null,
    ...rest,
    naam: null,
  });
  for (const gemeente of gemeenten) {
    await dataSource.getRepository(AanbiederGemeente).insert({
      aanbiederId: aanbieder.id,
      gemeenteId: gemeente.id,
      naam,
    });
  }
  // As the gemeenten know it: every relation made here carries the same name.
  return { ...aanbieder, naam };
}

export interface TestGebruiker {
  /** With the name its gemeenten know it by. */
  gebruiker: Gebruiker & { naam: string };
  email: string;
  password: string;
}

export async function makeGebruiker(
  dataSource: DataSource,
  organisatie: Organisatie,
  rollen: { gemeente: Gemeente; rol: Rol }[],
  overrides: Partial<Gebruiker> & { naam?: string; actief?: boolean } = {},
): Promise<TestGebruiker> {
  const email = `${unique('gebruiker')}@test.example`;
  const { naam = `Test ${email.split('@')[0]}`, actief = true, ...rest } = overrides;
  const gebruiker = await dataSource.getRepository(Gebruiker).save({
    email,
    passwordHash: await hashPassword(TEST_PASSWORD),
    ...rest,
  });
  // A relation with every gemeente the user gets a role in, by the same name.
  await dataSource.getRepository(GebruikerGemeente).insert(
    [...new Set(rollen.map((r) => r.gemeente.id))].map((gemeenteId) => ({
      gebruikerId: gebruiker.id,
      gemeenteId,
      organisatieId: organisatie.id,
      naam,
      actief,
    })),
  );
  await dataSource.getRepository(GebruikerRol).insert(
    rollen.map(({ gemeente, rol }) => ({
      gebruikerId: gebruiker.id,
      gemeenteId: gemeente.id,
      rol,
    })),
  );
  return { gebruiker: { ...gebruiker, naam }, email: gebruiker.email, password: TEST_PASSWORD };
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  auth: { Authorization: string };
}

let loginAddress = 0;

/**
 * Logs in over HTTP. Each call comes from its own X-Forwarded-For address when trust proxy
 * is on, so the per-address login throttle of one test does not leak into another.
 */
export async function login(
  app: INestApplication,
  email: string,
  password = TEST_PASSWORD,
  gemeenteId?: string,
): Promise<Session> {
  loginAddress += 1;
  const response = await request(app.getHttpServer())
    .post('/api/v1/auth/login')
    .set(
      'X-Forwarded-For',
      `10.${(loginAddress >> 16) & 255}.${(loginAddress >> 8) & 255}.${loginAddress & 255}`,
    )
    .send({ email, password, ...(gemeenteId ? { gemeenteId } : {}) });
  if (response.status !== 200)
    throw new Error(
      `Aanmelden als ${email} mislukte: ${response.status} ${JSON.stringify(response.body)}`,
    );
  const body = response.body as { accessToken: string; refreshToken: string };
  return {
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    auth: { Authorization: `Bearer ${body.accessToken}` },
  };
}
