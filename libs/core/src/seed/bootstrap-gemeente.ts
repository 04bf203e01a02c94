import { EntityManager } from 'typeorm';
import { AuditService, SystemActor } from '../audit/audit.service';
import { Gebruiker } from '../auth/gebruiker.entity';
import { GebruikerGemeente } from '../auth/gebruiker-gemeente.entity';
import { GebruikerRol } from '../auth/gebruiker-rol.entity';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password';
import { wachtwoordBezwaar } from '../auth/wachtwoordbeleid';
import { DomainError } from '../errors/domain-error';
import { Gemeente } from '../tenancy/gemeente.entity';
import { Organisatie } from '../tenancy/organisatie.entity';
import { OrganisatieSoort, Rol } from '../tenancy/rol';

export interface BootstrapGemeenteInput {
  gemeenteNaam: string;
  cbsCode: string;
  email: string;
  naam: string;
  password: string;
}

export interface BootstrapGemeenteResult {
  gemeente: Gemeente;
  organisatie: Organisatie;
  beheerder: Gebruiker;
  /** The beheerder's name in this gemeente (names are per gemeente). */
  beheerderNaam: string;
}

/**
 * Creates a gemeente (tenant), the gemeente's own organisation and its first beheerder —
 * or, when the gemeente exists, only the beheerder. Used by the CLI, the env-driven first
 * run and the demo data, so there is one way a tenant comes into being.
 */
export async function bootstrapGemeente(
  manager: EntityManager,
  audit: AuditService,
  input: BootstrapGemeenteInput,
  system: string,
): Promise<BootstrapGemeenteResult> {
  if (!/^GM\d{4}$/.test(input.cbsCode)) {
    throw new DomainError(
      'bad-request',
      'ongeldige-cbs-code',
      'Ongeldige CBS-code',
      `'${input.cbsCode}' is geen CBS-gemeentecode zoals GM0479.`,
    );
  }
  const bezwaar = wachtwoordBezwaar(input.password, { email: input.email, naam: input.naam });
  if (bezwaar) {
    const teKort = [...input.password].length < MIN_PASSWORD_LENGTH;
    throw new DomainError(
      'bad-request',
      teKort ? 'wachtwoord-te-kort' : 'wachtwoord-zwak',
      teKort ? 'Wachtwoord te kort' : 'Wachtwoord te zwak',
      `${bezwaar[0].toUpperCase()}${bezwaar.slice(1)}.`,
      { invalidParams: [{ name: 'wachtwoord', reason: bezwaar }] },
    );
  }
  const email = input.email.trim().toLowerCase();
  if (await manager.getRepository(Gebruiker).existsBy({ email })) {
    throw new DomainError(
      'conflict',
      'email-in-gebruik',
      'E-mailadres al in gebruik',
      `Er bestaat al een gebruiker ${email}.`,
    );
  }
  let gemeente = await manager.getRepository(Gemeente).findOneBy({ cbsCode: input.cbsCode });
  const actor = (gemeenteId: string): SystemActor => ({ system, gemeenteId });
  if (!gemeente) {
    gemeente = await manager
      .getRepository(Gemeente)
      .save({ naam: input.gemeenteNaam, cbsCode: input.cbsCode });
    await audit.record(manager, actor(gemeente.id), {
      action: 'aangemaakt',
      entityType: 'gemeente',
      entityId: gemeente.id,
      after: gemeente,
    });
  }
  let organisatie = await manager
    .getRepository(Organisatie)
    .findOneBy({ gemeenteId: gemeente.id, soort: OrganisatieSoort.Gemeente });
  if (!organisatie) {
    organisatie = await manager.getRepository(Organisatie).save({
      naam: gemeente.naam,
      soort: OrganisatieSoort.Gemeente,
      gemeenteId: gemeente.id,
      kvkNummer: null,
    });
    await audit.record(manager, actor(gemeente.id), {
      action: 'aangemaakt',
      entityType: 'organisatie',
      entityId: organisatie.id,
      after: organisatie,
    });
  }
  const beheerder = await manager.getRepository(Gebruiker).save({
    email,
    passwordHash: await hashPassword(input.password),
  });
  await manager.getRepository(GebruikerGemeente).insert({
    gebruikerId: beheerder.id,
    gemeenteId: gemeente.id,
    organisatieId: organisatie.id,
    naam: input.naam,
  });
  await manager
    .getRepository(GebruikerRol)
    .insert({ gebruikerId: beheerder.id, gemeenteId: gemeente.id, rol: Rol.Beheerder });
  await audit.record(manager, actor(gemeente.id), {
    action: 'aangemaakt',
    entityType: 'gebruiker',
    entityId: beheerder.id,
    after: { email, naam: input.naam, organisatieId: organisatie.id, rollen: [Rol.Beheerder] },
  });
  return { gemeente, organisatie, beheerder, beheerderNaam: input.naam };
}
