import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { AgendaVersie, Agendapunt } from './agenda.entity';
import type { AgendaVoorstel } from './agenda-opstelling';
import {
  AGENDA_BRONNEN,
  AGENDA_DOELEN,
  AgendaBronSoort,
  AgendaDoel,
  GepubliceerdAgendapunt,
} from './agenda.regels';

export class CreateAgendapuntRequest {
  @ApiProperty({ enum: AGENDA_BRONNEN, enumName: 'AgendaBronSoort' })
  @IsIn(AGENDA_BRONNEN, { message: `bronSoort moet een van ${AGENDA_BRONNEN.join(', ')} zijn` })
  bronSoort: AgendaBronSoort;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'De KPI, indicator, signaal, … waar het punt over gaat; leeg bij een vrij onderwerp.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'bronId moet een uuid zijn' })
  bronId?: string;

  @ApiProperty({ example: 'Wachttijden schuldhulp' })
  @IsString({ message: 'onderwerp moet tekst zijn' })
  @Length(1, 300, { message: 'onderwerp moet 1 tot 300 tekens zijn' })
  onderwerp: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'toelichting moet tekst zijn' })
  @MaxLength(4000, { message: 'toelichting is te lang' })
  toelichting?: string;

  @ApiProperty({ enum: AGENDA_DOELEN, enumName: 'AgendaDoel' })
  @IsIn(AGENDA_DOELEN, { message: `doel moet een van ${AGENDA_DOELEN.join(', ')} zijn` })
  doel: AgendaDoel;

  @ApiPropertyOptional({ example: 15, description: 'Geplande tijd in minuten.' })
  @IsOptional()
  @IsInt({ message: 'minuten moet een geheel getal zijn' })
  @Min(1, { message: 'minuten moet minstens 1 zijn' })
  @Max(480, { message: 'minuten mag hoogstens 480 zijn' })
  minuten?: number;

  @ApiPropertyOptional({
    example: 2,
    description: 'Plaats op de agenda (1 is eerst); standaard achteraan.',
  })
  @IsOptional()
  @IsInt({ message: 'volgorde moet een geheel getal zijn' })
  @Min(1, { message: 'volgorde moet minstens 1 zijn' })
  volgorde?: number;
}

export class UpdateAgendapuntRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'onderwerp moet tekst zijn' })
  @Length(1, 300, { message: 'onderwerp moet 1 tot 300 tekens zijn' })
  onderwerp?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString({ message: 'toelichting moet tekst zijn' })
  @MaxLength(4000, { message: 'toelichting is te lang' })
  toelichting?: string | null;

  @ApiPropertyOptional({ enum: AGENDA_DOELEN, enumName: 'AgendaDoel' })
  @IsOptional()
  @IsIn(AGENDA_DOELEN, { message: `doel moet een van ${AGENDA_DOELEN.join(', ')} zijn` })
  doel?: AgendaDoel;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsInt({ message: 'minuten moet een geheel getal zijn' })
  @Min(1, { message: 'minuten moet minstens 1 zijn' })
  @Max(480, { message: 'minuten mag hoogstens 480 zijn' })
  minuten?: number | null;

  @ApiPropertyOptional({ description: 'Nieuwe plaats op de agenda; de andere punten schuiven op.' })
  @IsOptional()
  @IsInt({ message: 'volgorde moet een geheel getal zijn' })
  @Min(1, { message: 'volgorde moet minstens 1 zijn' })
  volgorde?: number;
}

export class AgendapuntResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 1 })
  volgorde: number;

  @ApiProperty({ enum: AGENDA_BRONNEN, enumName: 'AgendaBronSoort' })
  bronSoort: AgendaBronSoort;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  bronId: string | null;

  @ApiProperty()
  onderwerp: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  toelichting: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Waarom de opstelling dit punt voorstelde.',
  })
  reden: string | null;

  @ApiProperty({ enum: AGENDA_DOELEN, enumName: 'AgendaDoel' })
  doel: AgendaDoel;

  @ApiPropertyOptional({ nullable: true, type: Number })
  minuten: number | null;

  @ApiProperty({ example: 1, description: 'Rijversie; ook als ETag. Stuur die mee in If-Match.' })
  version: number;
}

export function toAgendapuntResponse(p: Agendapunt): AgendapuntResponse {
  return {
    id: p.id,
    volgorde: p.volgorde,
    bronSoort: p.bronSoort,
    bronId: p.bronId,
    onderwerp: p.onderwerp,
    toelichting: p.toelichting,
    reden: p.reden,
    doel: p.doel,
    minuten: p.minuten,
    version: p.version,
  };
}

export class AgendapuntenResponse {
  @ApiProperty({ type: () => AgendapuntResponse, isArray: true })
  items: AgendapuntResponse[];
}

export class AgendaVoorstelResponse {
  @ApiProperty({ enum: AGENDA_BRONNEN, enumName: 'AgendaBronSoort' })
  bronSoort: AgendaBronSoort;

  @ApiProperty({ format: 'uuid' })
  bronId: string;

  @ApiProperty()
  onderwerp: string;

  @ApiProperty({ description: 'Waarom dit punt wordt voorgesteld.' })
  reden: string;

  @ApiProperty({ enum: AGENDA_DOELEN, enumName: 'AgendaDoel' })
  doel: AgendaDoel;

  @ApiProperty({ example: 15 })
  minuten: number;

  @ApiProperty({ description: 'Staat dit punt al op de agenda?' })
  alOpAgenda: boolean;
}

export class AgendaVoorstellenResponse {
  @ApiProperty({ type: () => AgendaVoorstelResponse, isArray: true })
  items: AgendaVoorstelResponse[];
}

export function toAgendaVoorstelResponse(
  v: AgendaVoorstel,
  alOpAgenda: boolean,
): AgendaVoorstelResponse {
  return { ...v, alOpAgenda };
}

export class GepubliceerdAgendapuntResponse {
  @ApiProperty({ example: 1 })
  nummer: number;

  @ApiProperty({ enum: AGENDA_BRONNEN, enumName: 'AgendaBronSoort' })
  bronSoort: AgendaBronSoort;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  bronId: string | null;

  @ApiProperty()
  onderwerp: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  toelichting: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  reden: string | null;

  @ApiProperty({ enum: AGENDA_DOELEN, enumName: 'AgendaDoel' })
  doel: AgendaDoel;

  @ApiPropertyOptional({ nullable: true, type: Number })
  minuten: number | null;
}

export class AgendaVersieResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  overlegId: string;

  @ApiProperty({ example: 1 })
  versie: number;

  @ApiProperty({ type: () => GepubliceerdAgendapuntResponse, isArray: true })
  punten: GepubliceerdAgendapuntResponse[];

  @ApiProperty({ example: 'Rita de Regisseur' })
  gepubliceerdDoor: string;

  @ApiProperty({ format: 'date-time' })
  gepubliceerdOp: string;
}

/**
 * A published agenda. A provider's people read its text; the sources behind the items (a
 * signal, an opdracht, a story — often another aanbieder's) stay the gemeente's working links,
 * so for them `bronId` is left out.
 */
export function toAgendaVersieResponse(
  v: AgendaVersie,
  voorAanbieder = false,
): AgendaVersieResponse {
  return {
    id: v.id,
    overlegId: v.overlegId,
    versie: v.versie,
    punten: v.punten.map((p: GepubliceerdAgendapunt) =>
      voorAanbieder ? { ...p, bronId: null } : { ...p },
    ),
    gepubliceerdDoor: v.gepubliceerdDoorNaam,
    gepubliceerdOp: v.createdAt.toISOString(),
  };
}

export class AgendaVersiesResponse {
  @ApiProperty({ type: () => AgendaVersieResponse, isArray: true })
  items: AgendaVersieResponse[];
}
