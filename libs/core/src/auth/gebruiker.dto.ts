import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../http/pagination';
import { OrganisatieSoort, Rol } from '../tenancy/rol';
import { Gebruiker } from './gebruiker.entity';
import { relatieIn } from './gebruiker-gemeente.entity';
import { MIN_PASSWORD_LENGTH } from './password';

export class CreateGebruikerRequest {
  @ApiProperty({ example: 'j.jansen@voorbeeldstad.nl' })
  @IsEmail({}, { message: 'email moet een e-mailadres zijn' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Jan Jansen' })
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam: string;

  @ApiProperty({
    format: 'uuid',
    description:
      'Waarvoor de persoon in uw gemeente werkt: de gemeente zelf of een aanbieder die voor de gemeente werkt.',
  })
  @IsUUID('all', { message: 'organisatieId moet een uuid zijn' })
  organisatieId: string;

  @ApiProperty({ enum: Rol, enumName: 'Rol', isArray: true, example: [Rol.Contractmanager] })
  @ArrayMinSize(1, { message: 'rollen moet minstens één rol bevatten' })
  @ArrayMaxSize(8)
  @ArrayUnique({ message: 'rollen bevat een rol dubbel' })
  @IsEnum(Rol, {
    each: true,
    message: `rollen mag alleen bevatten: ${Object.values(Rol).join(', ')}`,
  })
  rollen: Rol[];

  @ApiProperty({
    format: 'password',
    minLength: MIN_PASSWORD_LENGTH,
    description:
      'Beginwachtwoord; de gebruiker krijgt het via een veilig kanaal. Heeft de persoon al een account in Wijkkompas, dan blijft dat wachtwoord gelden: hij meldt zich aan zoals altijd en kiest uw gemeente.',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens zijn`,
  })
  @MaxLength(200)
  wachtwoord: string;
}

export class UpdateGebruikerRequest {
  @ApiProperty({
    example: 3,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam?: string;

  @ApiPropertyOptional({ description: 'false blokkeert aanmelden en beëindigt lopende sessies.' })
  @IsOptional()
  @IsBoolean({ message: 'actief moet true of false zijn' })
  actief?: boolean;

  @ApiPropertyOptional({
    enum: Rol,
    enumName: 'Rol',
    isArray: true,
    description: 'De rollen in deze gemeente (vervangt de huidige).',
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'rollen moet minstens één rol bevatten' })
  @ArrayUnique({ message: 'rollen bevat een rol dubbel' })
  @IsEnum(Rol, {
    each: true,
    message: `rollen mag alleen bevatten: ${Object.values(Rol).join(', ')}`,
  })
  rollen?: Rol[];
}

export class GebruikerQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Rol, enumName: 'Rol' })
  @IsOptional()
  @IsEnum(Rol, { message: `rol moet een van ${Object.values(Rol).join(', ')} zijn` })
  rol?: Rol;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'organisatieId moet een uuid zijn' })
  organisatieId?: string;

  @ApiPropertyOptional({ description: 'Zoekt in naam en e-mailadres.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  zoek?: string;
}

/** A user as the asking gemeente knows them: its own relation with the person. */
export class GebruikerResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  naam: string;

  @ApiProperty({ format: 'uuid' })
  organisatieId: string;

  @ApiProperty()
  organisatieNaam: string;

  @ApiProperty({ enum: OrganisatieSoort, enumName: 'OrganisatieSoort' })
  organisatieSoort: OrganisatieSoort;

  @ApiProperty({
    enum: Rol,
    enumName: 'Rol',
    isArray: true,
    description: 'Rollen in de gemeente van de vrager.',
  })
  rollen: Rol[];

  @ApiProperty()
  actief: boolean;

  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** The user as the given gemeente knows them: its own relation's name, state and version. */
export function toGebruikerResponse(gebruiker: Gebruiker, gemeenteId: string): GebruikerResponse {
  const relatie = relatieIn(gebruiker, gemeenteId);
  return {
    id: gebruiker.id,
    email: gebruiker.email,
    naam: relatie.naam,
    organisatieId: relatie.organisatieId,
    organisatieNaam: relatie.organisatie?.naam ?? '',
    organisatieSoort: relatie.organisatie?.soort ?? OrganisatieSoort.Gemeente,
    rollen: (gebruiker.rollen ?? [])
      .filter((r) => r.gemeenteId === gemeenteId)
      .map((r) => r.rol)
      .sort(),
    actief: relatie.actief,
    version: relatie.version,
    createdAt: relatie.createdAt.toISOString(),
  };
}
