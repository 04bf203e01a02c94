import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@wijkkompas/core';
import { IsDatum } from '../shared/dto';
import { Financieringsvorm } from '../shared/enums';
import { formatEuro, indexeer, MAX_CENTEN } from '../shared/geld';
import { Hoofdopdracht, HoofdopdrachtVersie } from './hoofdopdracht.entity';
import { maandDrempel, Wijzigingssoort } from './wijziging';

/** The soorten a person can record (the first version is the only `oorspronkelijk`). */
export const WIJZIGINGSSOORTEN = Object.values(Wijzigingssoort).filter(
  (s) => s !== Wijzigingssoort.Oorspronkelijk,
);

export class JaarbudgetInput {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt({ message: 'jaar moet een geheel getal zijn' })
  @Min(2000, { message: 'jaar moet minstens 2000 zijn' })
  @Max(2100, { message: 'jaar mag hoogstens 2100 zijn' })
  jaar: number;

  @ApiProperty({
    example: 123456789,
    description: 'Jaarbudget in eurocenten (geheel getal, vóór indexatie).',
  })
  @IsInt({ message: 'budgetCenten moet een geheel getal (eurocenten) zijn' })
  @Min(0, { message: 'budgetCenten mag niet negatief zijn' })
  @Max(MAX_CENTEN, { message: 'budgetCenten is te groot' })
  budgetCenten: number;

  @ApiProperty({ example: 275, description: 'Indexatie van dit jaar in basispunten: 2,75% = 275.' })
  @IsInt({ message: 'indexatieBasispunten moet een geheel getal zijn (2,75% = 275)' })
  @Min(-10000, { message: 'indexatieBasispunten moet minstens -10000 zijn' })
  @Max(10000, { message: 'indexatieBasispunten mag hoogstens 10000 zijn' })
  indexatieBasispunten: number;
}

export class HerijkingsmomentInput {
  @ApiProperty({ format: 'date', example: '2023-01-01' })
  @IsDatum('datum')
  datum: string;

  @ApiProperty({ example: 'Midterm-herijking na vier jaar' })
  @IsString({ message: 'omschrijving moet tekst zijn' })
  @Length(1, 500, { message: 'omschrijving moet 1 tot 500 tekens zijn' })
  omschrijving: string;
}

class HoofdopdrachtVoorwaarden {
  @ApiProperty({ example: 'Iedere inwoner kan meedoen, dichtbij en op eigen kracht.' })
  @IsString({ message: 'visie moet tekst zijn' })
  @Length(1, 10000, { message: 'visie moet 1 tot 10000 tekens zijn' })
  visie: string;

  @ApiProperty({ example: 'Wij versterken de sociale basis en bieden integrale hulp in de wijk.' })
  @IsString({ message: 'missie moet tekst zijn' })
  @Length(1, 10000, { message: 'missie moet 1 tot 10000 tekens zijn' })
  missie: string;

  @ApiProperty({ enum: Financieringsvorm, enumName: 'Financieringsvorm' })
  @IsEnum(Financieringsvorm, {
    message: `financieringsvorm moet een van ${Object.values(Financieringsvorm).join(', ')} zijn`,
  })
  financieringsvorm: Financieringsvorm;

  @ApiProperty({ type: () => JaarbudgetInput, isArray: true })
  @IsArray({ message: 'jaarbudgetten moet een lijst zijn' })
  @ArrayMaxSize(50, { message: 'jaarbudgetten bevat te veel jaren' })
  @ValidateNested({ each: true })
  @Type(() => JaarbudgetInput)
  jaarbudgetten: JaarbudgetInput[];

  @ApiProperty({ type: () => HerijkingsmomentInput, isArray: true })
  @IsArray({ message: 'herijkingsmomenten moet een lijst zijn' })
  @ArrayMaxSize(50, { message: 'herijkingsmomenten bevat te veel momenten' })
  @ValidateNested({ each: true })
  @Type(() => HerijkingsmomentInput)
  herijkingsmomenten: HerijkingsmomentInput[];

  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'De percelen waarop de hoofdopdracht betrekking heeft.',
  })
  @IsArray({ message: 'perceelIds moet een lijst zijn' })
  @ArrayUnique({ message: 'perceelIds bevat een perceel dubbel' })
  @IsUUID('all', { each: true, message: 'perceelIds mag alleen uuids bevatten' })
  perceelIds: string[];
}

export class CreateHoofdopdrachtRequest extends HoofdopdrachtVoorwaarden {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId: string;

  @ApiProperty({ example: 'Hoofdopdracht sociale wijkteams Noord 2019-2026' })
  @IsString({ message: 'titel moet tekst zijn' })
  @Length(1, 200, { message: 'titel moet 1 tot 200 tekens zijn' })
  titel: string;

  @ApiProperty({
    format: 'date',
    example: '2019-01-01',
    description: 'Ook de ingangsdatum van versie 1.',
  })
  @IsDatum('startdatum')
  startdatum: string;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @IsDatum('einddatum')
  einddatum: string;
}

export class UpdateHoofdopdrachtRequest {
  @ApiProperty({
    example: 1,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiPropertyOptional({ example: 'Hoofdopdracht sociale wijkteams Noord 2019-2026' })
  @IsOptional()
  @IsString({ message: 'titel moet tekst zijn' })
  @Length(1, 200, { message: 'titel moet 1 tot 200 tekens zijn' })
  titel?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2028-12-31',
    deprecated: true,
    description:
      'Wordt geweigerd (400, code einddatum-via-wijziging): de einddatum verandert alleen met een verlenging of beëindiging via POST /hoofdopdrachten/{id}/wijzigingen.',
  })
  @IsOptional()
  @IsDatum('einddatum')
  einddatum?: string;
}

export class IndexatieInput {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt({ message: 'jaar moet een geheel getal zijn' })
  @Min(2000, { message: 'jaar moet minstens 2000 zijn' })
  @Max(2100, { message: 'jaar mag hoogstens 2100 zijn' })
  jaar: number;

  @ApiProperty({ example: 275, description: 'Indexatie van dit jaar in basispunten: 2,75% = 275.' })
  @IsInt({ message: 'indexatieBasispunten moet een geheel getal zijn (2,75% = 275)' })
  @Min(-10000, { message: 'indexatieBasispunten moet minstens -10000 zijn' })
  @Max(10000, { message: 'indexatieBasispunten mag hoogstens 10000 zijn' })
  indexatieBasispunten: number;
}

/** An amendment: what changes, from when, and why. Omitted terms carry over unchanged. */
export class CreateWijzigingRequest {
  @ApiProperty({
    example: 2,
    description: 'De version van de hoofdopdracht die u het laatst las; anders 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiProperty({
    format: 'date',
    example: '2025-07-01',
    description: 'Vanaf deze datum geldt de wijziging; niet vóór de laatste bestaande versie.',
  })
  @IsDatum('ingangsdatum')
  ingangsdatum: string;

  @ApiProperty({
    enum: WIJZIGINGSSOORTEN,
    enumName: 'Wijzigingssoort',
    description:
      'verlenging (einddatum later, jaarbudgetten voor de nieuwe jaren), budgetwijziging (jaarbudgetten), indexering (indexaties), scopewijziging (visie, missie, financieringsvorm, herijkingsmomenten, perceelIds), beeindiging (einddatum eerder). Velden van een andere soort worden geweigerd.',
  })
  @IsEnum(WIJZIGINGSSOORTEN, {
    message: `soort moet een van ${WIJZIGINGSSOORTEN.join(', ')} zijn`,
  })
  soort: Wijzigingssoort;

  @ApiProperty({
    example: 'Extra middelen voor preventie na de herijking.',
    description: 'De motivering.',
  })
  @IsString({ message: 'reden moet tekst zijn' })
  @Length(1, 2000, { message: 'reden moet 1 tot 2000 tekens zijn' })
  reden: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2028-12-31',
    description: 'De nieuwe einddatum (verlenging: later, beëindiging: eerder).',
  })
  @IsOptional()
  @IsDatum('einddatum')
  einddatum?: string;

  @ApiPropertyOptional({
    type: () => IndexatieInput,
    isArray: true,
    description: 'Bij een indexering: per jaar de nieuwe indexatie; het budget blijft gelijk.',
  })
  @IsOptional()
  @IsArray({ message: 'indexaties moet een lijst zijn' })
  @ArrayMaxSize(50, { message: 'indexaties bevat te veel jaren' })
  @ValidateNested({ each: true })
  @Type(() => IndexatieInput)
  indexaties?: IndexatieInput[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'visie moet tekst zijn' })
  @Length(1, 10000, { message: 'visie moet 1 tot 10000 tekens zijn' })
  visie?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'missie moet tekst zijn' })
  @Length(1, 10000, { message: 'missie moet 1 tot 10000 tekens zijn' })
  missie?: string;

  @ApiPropertyOptional({ enum: Financieringsvorm, enumName: 'Financieringsvorm' })
  @IsOptional()
  @IsEnum(Financieringsvorm, {
    message: `financieringsvorm moet een van ${Object.values(Financieringsvorm).join(', ')} zijn`,
  })
  financieringsvorm?: Financieringsvorm;

  @ApiPropertyOptional({
    type: () => JaarbudgetInput,
    isArray: true,
    description: 'Per genoemd jaar het nieuwe jaarbudget; niet genoemde jaren blijven gelijk.',
  })
  @IsOptional()
  @IsArray({ message: 'jaarbudgetten moet een lijst zijn' })
  @ArrayMaxSize(50, { message: 'jaarbudgetten bevat te veel jaren' })
  @ValidateNested({ each: true })
  @Type(() => JaarbudgetInput)
  jaarbudgetten?: JaarbudgetInput[];

  @ApiPropertyOptional({
    type: () => HerijkingsmomentInput,
    isArray: true,
    description: 'Vervangt de lijst.',
  })
  @IsOptional()
  @IsArray({ message: 'herijkingsmomenten moet een lijst zijn' })
  @ValidateNested({ each: true })
  @Type(() => HerijkingsmomentInput)
  herijkingsmomenten?: HerijkingsmomentInput[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Vervangt de lijst.',
  })
  @IsOptional()
  @IsArray({ message: 'perceelIds moet een lijst zijn' })
  @ArrayUnique({ message: 'perceelIds bevat een perceel dubbel' })
  @IsUUID('all', { each: true, message: 'perceelIds mag alleen uuids bevatten' })
  perceelIds?: string[];
}

export class HoofdopdrachtQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Toont de versie die op deze datum gold; standaard vandaag.',
  })
  @IsOptional()
  @IsDatum('peildatum')
  peildatum?: string;
}

export class JaarbudgetResponse {
  @ApiProperty({ example: 2026 })
  jaar: number;

  @ApiProperty({ example: 123456789, description: 'Eurocenten, vóór indexatie.' })
  budgetCenten: number;

  @ApiProperty({ example: '€ 1.234.567,89' })
  budgetWeergave: string;

  @ApiProperty({ example: 275, description: '2,75% = 275 basispunten.' })
  indexatieBasispunten: number;

  @ApiProperty({
    example: 126851743,
    description: 'Eurocenten na indexatie (half naar boven afgerond op hele centen).',
  })
  geindexeerdCenten: number;

  @ApiProperty({ example: '€ 1.268.517,43' })
  geindexeerdWeergave: string;
}

export class HerijkingsmomentResponse {
  @ApiProperty({ format: 'date' })
  datum: string;

  @ApiProperty()
  omschrijving: string;
}

export class HoofdopdrachtVersieResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 1 })
  versie: number;

  @ApiProperty({ format: 'date' })
  ingangsdatum: string;

  @ApiProperty({ enum: Wijzigingssoort, enumName: 'Versiesoort' })
  soort: Wijzigingssoort;

  @ApiProperty({ format: 'date', description: 'De einddatum die deze versie afspreekt.' })
  einddatum: string;

  @ApiProperty({ description: 'De motivering.' })
  reden: string;

  @ApiProperty()
  visie: string;

  @ApiProperty()
  missie: string;

  @ApiProperty({ enum: Financieringsvorm, enumName: 'Financieringsvorm' })
  financieringsvorm: Financieringsvorm;

  @ApiProperty({ type: () => JaarbudgetResponse, isArray: true })
  jaarbudgetten: JaarbudgetResponse[];

  @ApiProperty({ type: () => HerijkingsmomentResponse, isArray: true })
  herijkingsmomenten: HerijkingsmomentResponse[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  perceelIds: string[];

  @ApiProperty({ example: 'Carla de Contractmanager' })
  vastgelegdDoor: string;

  @ApiProperty({ format: 'date-time' })
  vastgelegdOp: string;
}

export class HoofdopdrachtResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  aanbiederNaam: string;

  @ApiProperty()
  titel: string;

  @ApiProperty({ format: 'date' })
  startdatum: string;

  @ApiProperty({
    format: 'date',
    description:
      'De einddatum zoals die op de peildatum gold: een verlenging telt pas vanaf haar ingangsdatum.',
  })
  einddatum: string;

  @ApiProperty({ format: 'date', description: 'De laatst afgesproken einddatum.' })
  laatsteEinddatum: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 6,
    description:
      'Loopt binnen 12, 6 of 3 maanden na de peildatum af (de kleinste drempel die bereikt is); anders null.',
  })
  looptAfBinnenMaanden: number | null;

  @ApiProperty({ format: 'date', description: 'De datum waarop de getoonde versie geldt.' })
  peildatum: string;

  @ApiPropertyOptional({
    type: () => HoofdopdrachtVersieResponse,
    nullable: true,
    description: 'De versie die op de peildatum gold; null vóór de eerste ingangsdatum.',
  })
  geldendeVersie: HoofdopdrachtVersieResponse | null;

  @ApiProperty({ example: 2, description: 'Aantal versies (oorspronkelijk plus wijzigingen).' })
  aantalVersies: number;

  @ApiProperty({ example: 1 })
  version: number;
}

export function toHoofdopdrachtVersieResponse(
  versie: HoofdopdrachtVersie,
): HoofdopdrachtVersieResponse {
  return {
    id: versie.id,
    versie: versie.versie,
    ingangsdatum: versie.ingangsdatum,
    soort: versie.soort,
    einddatum: versie.einddatum,
    reden: versie.reden,
    visie: versie.visie,
    missie: versie.missie,
    financieringsvorm: versie.financieringsvorm,
    jaarbudgetten: [...(versie.jaarbudgetten ?? [])]
      .sort((a, b) => a.jaar - b.jaar)
      .map((b) => {
        const geindexeerd = indexeer(b.budgetCenten, b.indexatieBasispunten);
        return {
          jaar: b.jaar,
          budgetCenten: b.budgetCenten,
          budgetWeergave: formatEuro(b.budgetCenten),
          indexatieBasispunten: b.indexatieBasispunten,
          geindexeerdCenten: geindexeerd,
          geindexeerdWeergave: formatEuro(geindexeerd),
        };
      }),
    herijkingsmomenten: versie.herijkingsmomenten,
    perceelIds: versie.perceelIds,
    vastgelegdDoor: versie.createdByNaam,
    vastgelegdOp: versie.createdAt.toISOString(),
  };
}

export function toHoofdopdrachtResponse(
  hoofdopdracht: Hoofdopdracht,
  peildatum: string,
  geldend: HoofdopdrachtVersie | undefined,
  aantalVersies: number,
): HoofdopdrachtResponse {
  return {
    id: hoofdopdracht.id,
    aanbiederId: hoofdopdracht.aanbiederId,
    aanbiederNaam: hoofdopdracht.aanbieder?.naam ?? '',
    titel: hoofdopdracht.titel,
    startdatum: hoofdopdracht.startdatum,
    einddatum: geldend?.einddatum ?? hoofdopdracht.einddatum,
    laatsteEinddatum: hoofdopdracht.einddatum,
    looptAfBinnenMaanden: maandDrempel(peildatum, geldend?.einddatum ?? hoofdopdracht.einddatum),
    peildatum,
    geldendeVersie: geldend ? toHoofdopdrachtVersieResponse(geldend) : null,
    aantalVersies,
    version: hoofdopdracht.version,
  };
}
