import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '@wijkkompas/core';
import { IsDatum } from '../shared/dto';
import { toewijzingOp } from './toewijzing';
import { Perceel, PerceelProgramma, PerceelToewijzing } from './perceel.entity';

export class CreatePerceelRequest {
  @ApiProperty({ example: 'Perceel Noord' })
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString({ message: 'omschrijving moet tekst zijn' })
  @MaxLength(4000, { message: 'omschrijving is te lang' })
  omschrijving?: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'De wijken van het perceel; een wijk hoort bij één perceel.',
  })
  @IsArray({ message: 'wijkIds moet een lijst zijn' })
  @ArrayUnique({ message: 'wijkIds bevat een wijk dubbel' })
  @ArrayMaxSize(500, { message: 'wijkIds bevat te veel wijken' })
  @IsUUID('all', { each: true, message: 'wijkIds mag alleen uuids bevatten' })
  wijkIds: string[];
}

export class UpdatePerceelRequest {
  @ApiProperty({
    example: 1,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiPropertyOptional({ example: 'Perceel Noord' })
  @IsOptional()
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString({ message: 'omschrijving moet tekst zijn' })
  @MaxLength(4000, { message: 'omschrijving is te lang' })
  omschrijving?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Vervangt de wijken van het perceel.',
  })
  @IsOptional()
  @IsArray({ message: 'wijkIds moet een lijst zijn' })
  @ArrayUnique({ message: 'wijkIds bevat een wijk dubbel' })
  @ArrayMaxSize(500, { message: 'wijkIds bevat te veel wijken' })
  @IsUUID('all', { each: true, message: 'wijkIds mag alleen uuids bevatten' })
  wijkIds?: string[];
}

export class CreateToewijzingRequest {
  @ApiProperty({ format: 'uuid', description: 'Een aanbieder die voor uw gemeente werkt.' })
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId: string;

  @ApiProperty({
    format: 'date',
    example: '2024-07-01',
    description: 'Vanaf deze datum (inclusief). Een lopende toewijzing eindigt de dag ervoor.',
  })
  @IsDatum('van')
  van: string;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    example: '2026-12-31',
    description: 'Tot en met deze datum; leeg is open.',
  })
  @IsOptional()
  @IsDatum('tot')
  tot?: string | null;
}

export class CreateProgrammaRequest {
  @ApiProperty({ example: 'PACT' })
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 100, { message: 'naam moet 1 tot 100 tekens zijn' })
  naam: string;

  @ApiProperty({
    example: 'Ministerie van BZK, programma Leefbaarheid en Veiligheid',
    description: 'De tweede opdrachtgever van dit programma.',
  })
  @IsString({ message: 'opdrachtgever moet tekst zijn' })
  @Length(1, 200, { message: 'opdrachtgever moet 1 tot 200 tekens zijn' })
  opdrachtgever: string;

  @ApiProperty({ format: 'date', example: '2023-01-01' })
  @IsDatum('van')
  van: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsDatum('tot')
  tot?: string | null;
}

export class PerceelQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'Toont de aanbieder op deze datum; standaard vandaag.',
  })
  @IsOptional()
  @IsDatum('peildatum')
  peildatum?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Alleen percelen die op de peildatum aan deze aanbieder zijn toegewezen.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;
}

export class PerceelWijkResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'WK999901' })
  cbsCode: string;

  @ApiProperty({ example: 'Centrum' })
  naam: string;
}

export class ToewijzingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  aanbiederNaam: string;

  @ApiProperty({ format: 'date', example: '2019-01-01' })
  van: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  tot: string | null;
}

export class ProgrammaResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'PACT' })
  naam: string;

  @ApiProperty({ example: 'Ministerie van BZK' })
  opdrachtgever: string;

  @ApiProperty({ format: 'date' })
  van: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  tot: string | null;
}

export class PerceelResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Perceel Noord' })
  naam: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  omschrijving: string | null;

  @ApiProperty({ type: () => PerceelWijkResponse, isArray: true })
  wijken: PerceelWijkResponse[];

  @ApiProperty({ format: 'date', description: 'De datum waarop aanbieder en programma’s gelden.' })
  peildatum: string;

  @ApiPropertyOptional({
    type: () => ToewijzingResponse,
    nullable: true,
    description: 'De toewijzing op de peildatum.',
  })
  aanbieder: ToewijzingResponse | null;

  @ApiProperty({
    type: () => ToewijzingResponse,
    isArray: true,
    description: 'Alle toewijzingen, oudste eerst.',
  })
  toewijzingen: ToewijzingResponse[];

  @ApiProperty({
    type: () => ProgrammaResponse,
    isArray: true,
    description: 'Programma’s met een eigen opdrachtgever (zoals PACT).',
  })
  programmas: ProgrammaResponse[];

  @ApiProperty({ example: 1 })
  version: number;
}

export function toToewijzingResponse(t: PerceelToewijzing): ToewijzingResponse {
  return {
    id: t.id,
    aanbiederId: t.aanbiederId,
    aanbiederNaam: t.aanbieder?.naam ?? '',
    van: t.van,
    tot: t.tot,
  };
}

export function toProgrammaResponse(p: PerceelProgramma): ProgrammaResponse {
  return { id: p.id, naam: p.naam, opdrachtgever: p.opdrachtgever, van: p.van, tot: p.tot };
}

export function toPerceelResponse(perceel: Perceel, peildatum: string): PerceelResponse {
  const toewijzingen = [...(perceel.toewijzingen ?? [])]
    .sort((a, b) => a.van.localeCompare(b.van))
    .map(toToewijzingResponse);
  return {
    id: perceel.id,
    naam: perceel.naam,
    omschrijving: perceel.omschrijving,
    wijken: (perceel.wijken ?? [])
      .map((pw) => ({ id: pw.wijkId, cbsCode: pw.wijk?.cbsCode ?? '', naam: pw.wijk?.naam ?? '' }))
      .sort((a, b) => a.cbsCode.localeCompare(b.cbsCode)),
    peildatum,
    aanbieder: toewijzingOp(toewijzingen, peildatum) ?? null,
    toewijzingen,
    programmas: [...(perceel.programmas ?? [])]
      .sort((a, b) => a.van.localeCompare(b.van))
      .map(toProgrammaResponse),
    version: perceel.version,
  };
}
