import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery, KWARTAAL_PATROON } from '@wijkkompas/core';
import { Overleg } from './overleg.entity';
import { OverlegSoort, OverlegStatus } from './overleg.regels';

/** A moment with its offset, as the API takes timestamps: 2026-10-12T10:00:00+02:00. */
const TIJDSTIP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATUM = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_DEELNEMERS = 50;

function IsTijdstip(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsString({ message: `${String(key)} moet tekst zijn` })(target, key);
    Matches(TIJDSTIP, {
      message: `${String(key)} moet een tijdstip met tijdzone zijn, bijvoorbeeld 2026-10-12T10:00:00+02:00`,
    })(target, key);
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: `${String(key)} moet een bestaand tijdstip zijn` },
    )(target, key);
  };
}

function IsDatum(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    Matches(DATUM, { message: `${String(key)} moet een datum zijn (JJJJ-MM-DD)` })(target, key);
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: `${String(key)} moet een bestaande datum zijn (JJJJ-MM-DD)` },
    )(target, key);
  };
}

export class DeelnemerInput {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Een gebruiker van uw gemeente of van de aanbieder van het gesprek. Naam, organisatie en rol worden dan aangevuld als u ze weglaat.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'gebruikerId moet een uuid zijn' })
  gebruikerId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Een organisatie die als geheel deelneemt (een aanbieder van de gemeente): al haar medewerkers nemen deel. Niet samen met gebruikerId.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organisatieId moet een uuid zijn' })
  organisatieId?: string;

  @ApiPropertyOptional({
    example: 'Carla de Contractmanager',
    description: 'Verplicht voor een gast (zonder gebruikerId of organisatieId).',
  })
  @ValidateIf((o: DeelnemerInput) => (!o.gebruikerId && !o.organisatieId) || o.naam !== undefined)
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam?: string;

  @ApiPropertyOptional({ example: 'Gemeente Voorbeeldstad' })
  @IsOptional()
  @IsString({ message: 'organisatie moet tekst zijn' })
  @MaxLength(200, { message: 'organisatie is te lang' })
  organisatie?: string;

  @ApiPropertyOptional({ example: 'contractmanager' })
  @IsOptional()
  @IsString({ message: 'rol moet tekst zijn' })
  @MaxLength(100, { message: 'rol is te lang' })
  rol?: string;
}

function IsDeelnemers(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsOptional()(target, key);
    IsArray({ message: 'deelnemers moet een lijst zijn' })(target, key);
    ArrayMaxSize(MAX_DEELNEMERS, {
      message: `deelnemers mag hoogstens ${MAX_DEELNEMERS} personen bevatten`,
    })(target, key);
    ValidateNested({ each: true, message: 'elke deelnemer moet een object zijn' })(target, key);
    Type(() => DeelnemerInput)(target, key);
  };
}

export class CreateOverlegRequest {
  @ApiProperty({ enum: OverlegSoort, enumName: 'OverlegSoort' })
  @IsEnum(OverlegSoort, {
    message: `soort moet een van ${Object.values(OverlegSoort).join(', ')} zijn`,
  })
  soort: OverlegSoort;

  @ApiProperty({ example: 'Verantwoordingsgesprek 3e kwartaal 2026 — Wijkteams Noord' })
  @IsString({ message: 'titel moet tekst zijn' })
  @Length(1, 300, { message: 'titel moet 1 tot 300 tekens zijn' })
  titel: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'De aanbieder; verplicht bij een verantwoordingsgesprek.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'De keten; verplicht bij (en alleen bij) een ketenoverleg.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ketenId moet een uuid zijn' })
  ketenId?: string;

  @ApiPropertyOptional({
    example: '2026-Q3',
    description:
      'Het kwartaal waarover het overleg gaat; verplicht bij een verantwoordingsgesprek.',
  })
  @IsOptional()
  @IsString({ message: 'periode moet tekst zijn' })
  @MaxLength(20, { message: 'periode is te lang' })
  periode?: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-10-12T10:00:00+02:00',
    description: 'Wanneer het overleg plaatsvindt, met tijdzone.',
  })
  @IsTijdstip()
  tijdstip: string;

  @ApiPropertyOptional({ example: 'Stadskantoor, vergaderzaal De Brug' })
  @IsOptional()
  @IsString({ message: 'locatie moet tekst zijn' })
  @MaxLength(300, { message: 'locatie is te lang' })
  locatie?: string;

  @ApiPropertyOptional({ type: () => DeelnemerInput, isArray: true })
  @IsDeelnemers()
  deelnemers?: DeelnemerInput[];
}

export class UpdateOverlegRequest {
  @ApiProperty({
    example: 1,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiPropertyOptional({ example: 'Verantwoordingsgesprek 3e kwartaal 2026 — Wijkteams Noord' })
  @IsOptional()
  @IsString({ message: 'titel moet tekst zijn' })
  @Length(1, 300, { message: 'titel moet 1 tot 300 tekens zijn' })
  titel?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-10-19T14:00:00+02:00',
    description: 'Het nieuwe tijdstip van het overleg, met tijdzone.',
  })
  @IsOptional()
  @IsTijdstip()
  tijdstip?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null haalt de locatie weg.' })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString({ message: 'locatie moet tekst zijn' })
  @MaxLength(300, { message: 'locatie is te lang' })
  locatie?: string | null;

  @ApiPropertyOptional({
    type: () => DeelnemerInput,
    isArray: true,
    description: 'De volledige nieuwe lijst deelnemers.',
  })
  @IsDeelnemers()
  deelnemers?: DeelnemerInput[];

  @ApiPropertyOptional({
    enum: OverlegStatus,
    enumName: 'OverlegStatus',
    description:
      'gepland of agenda-gepubliceerd → gehouden of geannuleerd, gehouden → verslag-vastgesteld; een geannuleerd overleg kan weer gepland worden. Agenda-gepubliceerd wordt een overleg door een agendaversie te publiceren. Liever: POST /overleggen/{id}/statuswijzigingen.',
  })
  @IsOptional()
  @IsEnum(OverlegStatus, {
    message: `status moet een van ${Object.values(OverlegStatus).join(', ')} zijn`,
  })
  status?: OverlegStatus;
}

export class OverlegQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OverlegSoort, enumName: 'OverlegSoort' })
  @IsOptional()
  @IsEnum(OverlegSoort, {
    message: `soort moet een van ${Object.values(OverlegSoort).join(', ')} zijn`,
  })
  soort?: OverlegSoort;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;

  @ApiPropertyOptional({ example: '2026-Q3' })
  @IsOptional()
  @Matches(KWARTAAL_PATROON, { message: 'periode moet een kwartaal zijn, bijvoorbeeld 2026-Q3' })
  periode?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-10-01',
    description: 'Overleggen met een tijdstip op of na deze dag.',
  })
  @IsOptional()
  @IsDatum()
  vanaf?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description: 'Overleggen met een tijdstip op of vóór deze dag.',
  })
  @IsOptional()
  @IsDatum()
  tot?: string;

  @ApiPropertyOptional({ enum: OverlegStatus, enumName: 'OverlegStatus' })
  @IsOptional()
  @IsEnum(OverlegStatus, {
    message: `status moet een van ${Object.values(OverlegStatus).join(', ')} zijn`,
  })
  status?: OverlegStatus;
}

export class DeelnemerResponse {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  gebruikerId: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Een organisatie die als geheel deelneemt.',
  })
  organisatieId: string | null;

  @ApiProperty({ example: 'Carla de Contractmanager' })
  naam: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Gemeente Voorbeeldstad' })
  organisatie: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'contractmanager' })
  rol: string | null;
}

export class OverlegResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: OverlegSoort, enumName: 'OverlegSoort' })
  soort: OverlegSoort;

  @ApiProperty({ example: 'Verantwoordingsgesprek 3e kwartaal 2026 — Wijkteams Noord' })
  titel: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  aanbiederId: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Wijkteams Noord' })
  aanbiederNaam: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  ketenId: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Armoede & Schulden' })
  ketenNaam: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-Q3' })
  periode: string | null;

  @ApiProperty({
    format: 'date-time',
    example: '2026-10-12T08:00:00.000Z',
    description: 'Wanneer het overleg plaatsvindt (UTC).',
  })
  tijdstip: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  locatie: string | null;

  @ApiProperty({ type: () => DeelnemerResponse, isArray: true })
  deelnemers: DeelnemerResponse[];

  @ApiProperty({ enum: OverlegStatus, enumName: 'OverlegStatus' })
  status: OverlegStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ example: 1 })
  version: number;
}

export function toOverlegResponse(overleg: Overleg): OverlegResponse {
  return {
    id: overleg.id,
    soort: overleg.soort,
    titel: overleg.titel,
    aanbiederId: overleg.aanbiederId,
    aanbiederNaam: overleg.aanbieder?.naam ?? null,
    ketenId: overleg.ketenId,
    ketenNaam: overleg.keten?.naam ?? null,
    periode: overleg.periode,
    tijdstip: overleg.datum.toISOString(),
    locatie: overleg.locatie,
    deelnemers: overleg.deelnemers.map((d) => ({
      gebruikerId: d.gebruikerId ?? null,
      organisatieId: d.organisatieId ?? null,
      naam: d.naam,
      organisatie: d.organisatie ?? null,
      rol: d.rol ?? null,
    })),
    status: overleg.status,
    createdAt: overleg.createdAt.toISOString(),
    updatedAt: overleg.updatedAt.toISOString(),
    version: overleg.version,
  };
}
