import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '@wijkkompas/core';
import { AGENDA_BRONNEN, AgendaBronSoort } from '../agenda/agenda.regels';
import { OverlegSoort, OverlegStatus } from '../overleg/overleg.regels';
import { Actie, Besluit } from './verslag.entity';
import {
  ACTIE_STATUSSEN,
  ActieStatus,
  BESLUIT_ONDERWERPEN,
  BesluitOnderwerp,
} from './verslag.regels';

const DATUM = /^\d{4}-\d{2}-\d{2}$/;

export class CreateBesluitRequest {
  @ApiProperty({
    example: 'De ketens Jeugd en Armoede maken één aanpak voor gezinnen met schulden.',
  })
  @IsString({ message: 'tekst moet tekst zijn' })
  @Length(1, 4000, { message: 'tekst moet 1 tot 4000 tekens zijn' })
  tekst: string;

  @ApiPropertyOptional({
    enum: BESLUIT_ONDERWERPEN,
    enumName: 'BesluitOnderwerp',
    description:
      'Waar het besluit over gaat; zonder opgave afgeleid uit de tekst (budget, contract of inhoud).',
  })
  @IsOptional()
  @IsIn(BESLUIT_ONDERWERPEN, {
    message: `onderwerp moet een van ${BESLUIT_ONDERWERPEN.join(', ')} zijn`,
  })
  onderwerp?: BesluitOnderwerp;

  @ApiPropertyOptional({
    enum: AGENDA_BRONNEN,
    enumName: 'AgendaBronSoort',
    description: 'De bron waar het besluit over gaat.',
  })
  @IsOptional()
  @IsIn(AGENDA_BRONNEN, { message: `bronSoort moet een van ${AGENDA_BRONNEN.join(', ')} zijn` })
  bronSoort?: AgendaBronSoort;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'bronId moet een uuid zijn' })
  bronId?: string;
}

export class BesluitResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  overlegId: string;

  @ApiProperty()
  tekst: string;

  @ApiProperty({ enum: BESLUIT_ONDERWERPEN, enumName: 'BesluitOnderwerp' })
  onderwerp: BesluitOnderwerp;

  @ApiPropertyOptional({ enum: AGENDA_BRONNEN, enumName: 'AgendaBronSoort', nullable: true })
  bronSoort: AgendaBronSoort | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  bronId: string | null;

  @ApiPropertyOptional({
    enum: OverlegSoort,
    enumName: 'OverlegSoort',
    nullable: true,
    description: 'Het soort overleg waar dit besluit hoort, als dat een ander is.',
  })
  hoortBij: OverlegSoort | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Waarom het besluit hier niet hoort; staat ook op het verslag.',
  })
  signalering: string | null;

  @ApiProperty({ example: 'Rita de Regisseur' })
  vastgelegdDoor: string;

  @ApiProperty({ format: 'date-time' })
  vastgelegdOp: string;
}

/** A decision; for a provider's people without the gemeente's link to its source. */
export function toBesluitResponse(b: Besluit, voorAanbieder = false): BesluitResponse {
  return {
    id: b.id,
    overlegId: b.overlegId,
    tekst: b.tekst,
    onderwerp: b.onderwerp,
    bronSoort: b.bronSoort,
    bronId: voorAanbieder ? null : b.bronId,
    hoortBij: b.hoortBij,
    signalering: b.signalering,
    vastgelegdDoor: b.vastgelegdDoorNaam,
    vastgelegdOp: b.createdAt.toISOString(),
  };
}

export class CreateActieRequest {
  @ApiProperty({ example: 'Voorstel gezamenlijke aanpak schulden uitwerken' })
  @IsString({ message: 'omschrijving moet tekst zijn' })
  @Length(1, 2000, { message: 'omschrijving moet 1 tot 2000 tekens zijn' })
  omschrijving: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'De eigenaar als persoon; óf dit óf eigenaarOrganisatieId.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'eigenaarGebruikerId moet een uuid zijn' })
  eigenaarGebruikerId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'De eigenaar als organisatie (de gemeente of een aanbieder).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'eigenaarOrganisatieId moet een uuid zijn' })
  eigenaarOrganisatieId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-15' })
  @IsOptional()
  @Matches(DATUM, { message: 'deadline moet een datum zijn (JJJJ-MM-DD)' })
  deadline?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Het besluit waar de actie uit voortkomt.' })
  @IsOptional()
  @IsUUID('all', { message: 'besluitId moet een uuid zijn' })
  besluitId?: string;
}

export class CreateActieStatuswijzigingRequest {
  @ApiProperty({ enum: ACTIE_STATUSSEN, enumName: 'ActieStatus' })
  @IsIn(ACTIE_STATUSSEN, { message: `status moet een van ${ACTIE_STATUSSEN.join(', ')} zijn` })
  status: ActieStatus;

  @ApiPropertyOptional({ description: 'Wat er gedaan is (bij gereed) of waarom de actie vervalt.' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsString({ message: 'toelichting moet tekst zijn' })
  @MaxLength(4000, { message: 'toelichting is te lang' })
  toelichting?: string;
}

export class CreateOverlegStatuswijzigingRequest {
  @ApiProperty({
    enum: OverlegStatus,
    enumName: 'OverlegStatus',
    description: 'gehouden, verslag-vastgesteld, geannuleerd of (na annuleren) gepland.',
  })
  @IsIn(Object.values(OverlegStatus), {
    message: `status moet een van ${Object.values(OverlegStatus).join(', ')} zijn`,
  })
  status: OverlegStatus;
}

export class ActieQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACTIE_STATUSSEN, enumName: 'ActieStatus' })
  @IsOptional()
  @IsIn(ACTIE_STATUSSEN, { message: `status moet een van ${ACTIE_STATUSSEN.join(', ')} zijn` })
  status?: ActieStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'overlegId moet een uuid zijn' })
  overlegId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Acties van deze organisatie.' })
  @IsOptional()
  @IsUUID('all', { message: 'eigenaarOrganisatieId moet een uuid zijn' })
  eigenaarOrganisatieId?: string;
}

export class ActieResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  overlegId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  besluitId: string | null;

  @ApiProperty()
  omschrijving: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  eigenaarGebruikerId: string | null;

  @ApiProperty({ format: 'uuid' })
  eigenaarOrganisatieId: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  eigenaar: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  deadline: string | null;

  @ApiProperty({ enum: ACTIE_STATUSSEN, enumName: 'ActieStatus' })
  status: ActieStatus;

  @ApiPropertyOptional({ nullable: true, type: String })
  toelichting: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  afgehandeldOp: string | null;

  @ApiProperty({ example: 1, description: 'Rijversie; ook als ETag.' })
  version: number;
}

export function toActieResponse(a: Actie): ActieResponse {
  return {
    id: a.id,
    overlegId: a.overlegId,
    besluitId: a.besluitId,
    omschrijving: a.omschrijving,
    eigenaarGebruikerId: a.eigenaarGebruikerId,
    eigenaarOrganisatieId: a.eigenaarOrganisatieId,
    eigenaar: a.eigenaarNaam,
    deadline: a.deadline,
    status: a.status,
    toelichting: a.toelichting,
    afgehandeldOp: a.afgehandeldOp?.toISOString() ?? null,
    version: a.version,
  };
}

export class BesluitenResponse {
  @ApiProperty({ type: () => BesluitResponse, isArray: true })
  items: BesluitResponse[];
}
