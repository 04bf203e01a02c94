import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
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
import {
  KPI_EENHEDEN,
  KPI_RICHTINGEN,
  KPI_STATUSSEN,
  KpiEenheid,
  KpiRichting,
  KpiStatus,
} from '../kpi-status';
import { Indicator } from './indicator.entity';
import type { VergelijkingRij } from './indicator-vergelijking';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class CreateIndicatorRequest {
  @ApiProperty({ example: 'IND-SNEL', description: 'Uniek binnen de gemeente.' })
  @IsString({ message: 'code moet tekst zijn' })
  @Length(1, 40, { message: 'code moet 1 tot 40 tekens zijn' })
  @Matches(CODE, {
    message: 'code mag letters, cijfers, punt, streepje en liggend streepje bevatten',
  })
  code: string;

  @ApiProperty({ example: 'Vragen binnen 10 werkdagen opgepakt' })
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam: string;

  @ApiPropertyOptional({
    example: 'Aandeel nieuwe hulpvragen dat binnen 10 werkdagen een eerste gesprek had.',
  })
  @IsOptional()
  @IsString({ message: 'omschrijving moet tekst zijn' })
  @MaxLength(4000, { message: 'omschrijving is te lang' })
  omschrijving?: string;

  @ApiProperty({ enum: KPI_EENHEDEN, enumName: 'KpiEenheid' })
  @IsIn(KPI_EENHEDEN, { message: `eenheid moet een van ${KPI_EENHEDEN.join(', ')} zijn` })
  eenheid: KpiEenheid;

  @ApiProperty({ enum: KPI_RICHTINGEN, enumName: 'KpiRichting' })
  @IsIn(KPI_RICHTINGEN, { message: `richting moet een van ${KPI_RICHTINGEN.join(', ')} zijn` })
  richting: KpiRichting;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'De ketens waartoe de indicator hoort.',
  })
  @IsOptional()
  @IsArray({ message: 'ketenIds moet een lijst zijn' })
  @ArrayMaxSize(20, { message: 'ketenIds mag hoogstens 20 ketens bevatten' })
  @ArrayUnique({ message: 'ketenIds noemt een keten twee keer' })
  @IsUUID('all', { each: true, message: 'elke ketenId moet een uuid zijn' })
  ketenIds?: string[];
}

export class UpdateIndicatorRequest {
  @ApiPropertyOptional({ example: 'Vragen binnen 10 werkdagen opgepakt' })
  @IsOptional()
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString({ message: 'omschrijving moet tekst zijn' })
  @MaxLength(4000, { message: 'omschrijving is te lang' })
  omschrijving?: string | null;

  @ApiPropertyOptional({
    enum: KPI_EENHEDEN,
    enumName: 'KpiEenheid',
    description: 'Alleen zolang geen KPI de indicator overneemt.',
  })
  @IsOptional()
  @IsIn(KPI_EENHEDEN, { message: `eenheid moet een van ${KPI_EENHEDEN.join(', ')} zijn` })
  eenheid?: KpiEenheid;

  @ApiPropertyOptional({
    enum: KPI_RICHTINGEN,
    enumName: 'KpiRichting',
    description: 'Alleen zolang geen KPI de indicator overneemt.',
  })
  @IsOptional()
  @IsIn(KPI_RICHTINGEN, { message: `richting moet een van ${KPI_RICHTINGEN.join(', ')} zijn` })
  richting?: KpiRichting;

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true })
  @IsOptional()
  @IsArray({ message: 'ketenIds moet een lijst zijn' })
  @ArrayMaxSize(20, { message: 'ketenIds mag hoogstens 20 ketens bevatten' })
  @ArrayUnique({ message: 'ketenIds noemt een keten twee keer' })
  @IsUUID('all', { each: true, message: 'elke ketenId moet een uuid zijn' })
  ketenIds?: string[];
}

export class IndicatorQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Alleen indicatoren van deze keten.' })
  @IsOptional()
  @IsUUID('all', { message: 'ketenId moet een uuid zijn' })
  ketenId?: string;
}

export class IndicatorResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'IND-SNEL' })
  code: string;

  @ApiProperty({ example: 'Vragen binnen 10 werkdagen opgepakt' })
  naam: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  omschrijving: string | null;

  @ApiProperty({ enum: KPI_EENHEDEN, enumName: 'KpiEenheid' })
  eenheid: KpiEenheid;

  @ApiProperty({ enum: KPI_RICHTINGEN, enumName: 'KpiRichting' })
  richting: KpiRichting;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  ketenIds: string[];

  @ApiProperty({
    example: 1,
    description: 'Rijversie; ook als ETag W/"1". Stuur die mee in If-Match.',
  })
  version: number;
}

export function toIndicatorResponse(indicator: Indicator): IndicatorResponse {
  return {
    id: indicator.id,
    code: indicator.code,
    naam: indicator.naam,
    omschrijving: indicator.omschrijving,
    eenheid: indicator.eenheid,
    richting: indicator.richting,
    ketenIds: indicator.ketenIds,
    version: indicator.version,
  };
}

export class VergelijkingNormResponse {
  @ApiProperty({ example: '80' })
  streefwaarde: string;

  @ApiProperty({ example: '5' })
  tolerantieLetOp: string;

  @ApiProperty({ example: '10' })
  tolerantieUitKoers: string;
}

export class VergelijkingPerceelResponse {
  @ApiProperty({ format: 'uuid' })
  perceelId: string;

  @ApiProperty({ example: 'Noord-1' })
  perceelNaam: string;

  @ApiProperty({ example: '78.5' })
  waarde: string;

  @ApiProperty({ enum: KPI_STATUSSEN, enumName: 'KpiStatus' })
  status: KpiStatus;

  @ApiProperty()
  statusToelichting: string;
}

export class VergelijkingRijResponse {
  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  aanbiederNaam: string;

  @ApiProperty({ format: 'uuid' })
  kpiId: string;

  @ApiProperty({ example: 'NRD-01' })
  kpiCode: string;

  @ApiProperty()
  kpiNaam: string;

  @ApiProperty({ example: 1, description: 'De KPI-versie die in het kwartaal gold.' })
  kpiVersie: number;

  @ApiProperty({ enum: ['hoofdopdracht', 'aanvullende-opdracht'] })
  opdrachtSoort: 'hoofdopdracht' | 'aanvullende-opdracht';

  @ApiProperty({ format: 'uuid' })
  opdrachtId: string;

  @ApiProperty()
  opdrachtTitel: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '78.5',
    description:
      'Het cijfer van de aanbieder (over de percelen samengenomen); null als er niets is ingediend.',
  })
  waarde: string | null;

  @ApiPropertyOptional({ nullable: true, type: () => VergelijkingNormResponse })
  norm: VergelijkingNormResponse | null;

  @ApiProperty({ enum: KPI_STATUSSEN, enumName: 'KpiStatus' })
  status: KpiStatus;

  @ApiProperty({ example: 'De realisatie 70% ligt 10 procentpunt onder de streefwaarde 80%, …' })
  statusToelichting: string;

  @ApiProperty({
    type: () => VergelijkingPerceelResponse,
    isArray: true,
    description: 'Per perceel, waar de KPI per perceel gerapporteerd wordt.',
  })
  percelen: VergelijkingPerceelResponse[];
}

export class IndicatorVergelijkingResponse {
  @ApiProperty({ type: () => IndicatorResponse })
  indicator: IndicatorResponse;

  @ApiProperty({ example: '2026-Q3' })
  periode: string;

  @ApiProperty({
    type: () => VergelijkingRijResponse,
    isArray: true,
    description: 'Eén rij per aanbieder en KPI, op naam van de aanbieder.',
  })
  rijen: VergelijkingRijResponse[];

  @ApiProperty({ example: 2, description: 'Aantal aanbieders dat uit koers is.' })
  aantalUitKoers: number;
}

export function toVergelijkingRijResponse(rij: VergelijkingRij): VergelijkingRijResponse {
  return { ...rij, percelen: rij.percelen.map((p) => ({ ...p })) };
}
