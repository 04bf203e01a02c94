import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@wijkkompas/core';
import { IsDatum, Referentie } from '../shared/dto';
import {
  BinnengekomenVia,
  OpdrachtBron,
  Rapportagefrequentie,
  Toetsoordeel,
} from '../shared/enums';
import { formatEuro, MAX_CENTEN } from '../shared/geld';
import { vandaag } from '../shared/datum';
import {
  AanvullendeOpdracht,
  AanvullendeOpdrachtReactie,
  AanvullendeOpdrachtStatuswijziging,
  AanvullendeOpdrachtVersie,
} from './aanvullende-opdracht.entity';
import { Wijzigingssoort } from '../hoofdopdracht/wijziging';
import { AanvullendeOpdrachtStatus, toegestaneOvergangen } from './levenscyclus';

export class AanbiederAandeelInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId: string;

  @ApiProperty({
    example: 123456789,
    description: 'Het deel van het budget voor deze aanbieder, in eurocenten.',
  })
  @IsInt({ message: 'budgetCenten moet een geheel getal (eurocenten) zijn' })
  @Min(0, { message: 'budgetCenten mag niet negatief zijn' })
  @Max(MAX_CENTEN, { message: 'budgetCenten is te groot' })
  budgetCenten: number;
}

export class CreateAanvullendeOpdrachtRequest {
  @ApiProperty({ example: 'Extra inzet schuldhulp in Zuid' })
  @IsString({ message: 'titel moet tekst zijn' })
  @Length(1, 200, { message: 'titel moet 1 tot 200 tekens zijn' })
  titel: string;

  @ApiProperty({ example: 'Vroegsignalering van betalingsachterstanden en snelle doorverwijzing.' })
  @IsString({ message: 'doel moet tekst zijn' })
  @Length(1, 4000, { message: 'doel moet 1 tot 4000 tekens zijn' })
  doel: string;

  @ApiProperty({ enum: OpdrachtBron, enumName: 'OpdrachtBron' })
  @IsEnum(OpdrachtBron, {
    message: `bron moet een van ${Object.values(OpdrachtBron).join(', ')} zijn`,
  })
  bron: OpdrachtBron;

  @ApiPropertyOptional({
    example: 'Gezond en Actief Leven Akkoord',
    nullable: true,
    type: String,
    description: 'Naam van het programma bij een landelijk of ander programma.',
  })
  @IsOptional()
  @IsString({ message: 'programmaNaam moet tekst zijn' })
  @MaxLength(200, { message: 'programmaNaam is te lang' })
  programmaNaam?: string | null;

  @ApiProperty({ example: 'Werk en Inkomen' })
  @IsString({ message: 'aanvragendeAfdeling moet tekst zijn' })
  @Length(1, 200, { message: 'aanvragendeAfdeling moet 1 tot 200 tekens zijn' })
  aanvragendeAfdeling: string;

  @ApiProperty({ example: 'Wethouder Sociaal Domein' })
  @IsString({ message: 'opdrachtgever moet tekst zijn' })
  @Length(1, 200, { message: 'opdrachtgever moet 1 tot 200 tekens zijn' })
  opdrachtgever: string;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsDatum('startdatum')
  startdatum: string;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @IsDatum('einddatum')
  einddatum: string;

  @ApiProperty({
    type: () => AanbiederAandeelInput,
    isArray: true,
    description: 'De uitvoerende aanbieder(s) met hun deel; het totale budget is de som.',
  })
  @IsArray({ message: 'aanbieders moet een lijst zijn' })
  @ArrayMinSize(1, { message: 'aanbieders moet minstens één aanbieder bevatten' })
  @ArrayMaxSize(20, { message: 'aanbieders bevat te veel aanbieders' })
  @ValidateNested({ each: true })
  @Type(() => AanbiederAandeelInput)
  aanbieders: AanbiederAandeelInput[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  @IsArray({ message: 'perceelIds moet een lijst zijn' })
  @ArrayUnique({ message: 'perceelIds bevat een perceel dubbel' })
  @IsUUID('all', { each: true, message: 'perceelIds mag alleen uuids bevatten' })
  perceelIds: string[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  @IsArray({ message: 'ketenIds moet een lijst zijn' })
  @ArrayUnique({ message: 'ketenIds bevat een keten dubbel' })
  @IsUUID('all', { each: true, message: 'ketenIds mag alleen uuids bevatten' })
  ketenIds: string[];

  @ApiProperty({ description: 'Of het budget geoormerkt is.' })
  @IsBoolean({ message: 'geoormerkt moet true of false zijn' })
  geoormerkt: boolean;

  @ApiProperty({
    example: 'armoede en schulden',
    description: 'Thema, om kleine budgetten op hetzelfde thema te zien en te bundelen.',
  })
  @IsString({ message: 'thema moet tekst zijn' })
  @Length(1, 100, { message: 'thema moet 1 tot 100 tekens zijn' })
  thema: string;

  @ApiProperty({ enum: Rapportagefrequentie, enumName: 'Rapportagefrequentie' })
  @IsEnum(Rapportagefrequentie, {
    message: `rapportagefrequentie moet een van ${Object.values(Rapportagefrequentie).join(', ')} zijn`,
  })
  rapportagefrequentie: Rapportagefrequentie;

  @ApiPropertyOptional({
    enum: BinnengekomenVia,
    enumName: 'BinnengekomenVia',
    default: BinnengekomenVia.Register,
    description:
      'buiten-register: het verzoek bereikte een team buiten het register om (zijsturing).',
  })
  @IsOptional()
  @IsEnum(BinnengekomenVia, {
    message: `binnengekomenVia moet een van ${Object.values(BinnengekomenVia).join(', ')} zijn`,
  })
  binnengekomenVia?: BinnengekomenVia;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Wanneer het verzoek werd gedaan; standaard vandaag.',
  })
  @IsOptional()
  @IsDatum('aangevraagdOp')
  aangevraagdOp?: string;
}

export class UpdateAanvullendeOpdrachtRequest {
  @ApiProperty({
    example: 1,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'titel moet tekst zijn' })
  @Length(1, 200, { message: 'titel moet 1 tot 200 tekens zijn' })
  titel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'doel moet tekst zijn' })
  @Length(1, 4000, { message: 'doel moet 1 tot 4000 tekens zijn' })
  doel?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDatum('startdatum')
  startdatum?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDatum('einddatum')
  einddatum?: string;

  @ApiPropertyOptional({
    type: () => AanbiederAandeelInput,
    isArray: true,
    description: 'Vervangt de aanbieders en hun delen.',
  })
  @IsOptional()
  @IsArray({ message: 'aanbieders moet een lijst zijn' })
  @ArrayMinSize(1, { message: 'aanbieders moet minstens één aanbieder bevatten' })
  @ValidateNested({ each: true })
  @Type(() => AanbiederAandeelInput)
  aanbieders?: AanbiederAandeelInput[];

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true })
  @IsOptional()
  @IsArray({ message: 'perceelIds moet een lijst zijn' })
  @ArrayUnique({ message: 'perceelIds bevat een perceel dubbel' })
  @IsUUID('all', { each: true, message: 'perceelIds mag alleen uuids bevatten' })
  perceelIds?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true })
  @IsOptional()
  @IsArray({ message: 'ketenIds moet een lijst zijn' })
  @ArrayUnique({ message: 'ketenIds bevat een keten dubbel' })
  @IsUUID('all', { each: true, message: 'ketenIds mag alleen uuids bevatten' })
  ketenIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'geoormerkt moet true of false zijn' })
  geoormerkt?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'thema moet tekst zijn' })
  @Length(1, 100, { message: 'thema moet 1 tot 100 tekens zijn' })
  thema?: string;

  @ApiPropertyOptional({ enum: Rapportagefrequentie, enumName: 'Rapportagefrequentie' })
  @IsOptional()
  @IsEnum(Rapportagefrequentie, {
    message: `rapportagefrequentie moet een van ${Object.values(Rapportagefrequentie).join(', ')} zijn`,
  })
  rapportagefrequentie?: Rapportagefrequentie;
}

export class ToetsInput {
  @ApiProperty({
    enum: Toetsoordeel,
    enumName: 'Toetsoordeel',
    description: 'Past het binnen de geest van de hoofdopdracht?',
  })
  @IsEnum(Toetsoordeel, {
    message: `oordeel moet een van ${Object.values(Toetsoordeel).join(', ')} zijn`,
  })
  oordeel: Toetsoordeel;

  @ApiProperty({ example: 'Sluit aan bij de ambitie preventie; tijdelijk extra capaciteit.' })
  @IsString({ message: 'motivering moet tekst zijn' })
  @Length(1, 4000, { message: 'motivering moet 1 tot 4000 tekens zijn' })
  motivering: string;
}

export class CreateStatuswijzigingRequest {
  @ApiProperty({ enum: AanvullendeOpdrachtStatus, enumName: 'AanvullendeOpdrachtStatus' })
  @IsEnum(AanvullendeOpdrachtStatus, {
    message: `naar moet een van ${Object.values(AanvullendeOpdrachtStatus).join(', ')} zijn`,
  })
  naar: AanvullendeOpdrachtStatus;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Verplicht bij afgewezen en beeindigd.',
  })
  @IsOptional()
  @IsString({ message: 'toelichting moet tekst zijn' })
  @MaxLength(4000, { message: 'toelichting is te lang' })
  toelichting?: string | null;

  @ApiPropertyOptional({ type: () => ToetsInput, description: 'Verplicht bij naar=getoetst.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ToetsInput)
  toets?: ToetsInput;

  @ApiPropertyOptional({
    example: 1,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsOptional()
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version?: number;
}

export class CreateReactieRequest {
  @ApiProperty({ example: 'Wij kunnen dit uitvoeren vanaf maart met twee extra consulenten.' })
  @IsString({ message: 'tekst moet tekst zijn' })
  @Length(1, 4000, { message: 'tekst moet 1 tot 4000 tekens zijn' })
  tekst: string;
}

export class AanvullendeOpdrachtQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AanvullendeOpdrachtStatus, enumName: 'AanvullendeOpdrachtStatus' })
  @IsOptional()
  @IsEnum(AanvullendeOpdrachtStatus, {
    message: `status moet een van ${Object.values(AanvullendeOpdrachtStatus).join(', ')} zijn`,
  })
  status?: AanvullendeOpdrachtStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'perceelId moet een uuid zijn' })
  perceelId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'ketenId moet een uuid zijn' })
  ketenId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'thema moet tekst zijn' })
  @MaxLength(100, { message: 'thema is te lang' })
  thema?: string;

  @ApiPropertyOptional({ enum: OpdrachtBron, enumName: 'OpdrachtBron' })
  @IsOptional()
  @IsEnum(OpdrachtBron, {
    message: `bron moet een van ${Object.values(OpdrachtBron).join(', ')} zijn`,
  })
  bron?: OpdrachtBron;

  @ApiPropertyOptional({ enum: BinnengekomenVia, enumName: 'BinnengekomenVia' })
  @IsOptional()
  @IsEnum(BinnengekomenVia, {
    message: `binnengekomenVia moet een van ${Object.values(BinnengekomenVia).join(', ')} zijn`,
  })
  binnengekomenVia?: BinnengekomenVia;
}

export class AanbiederAandeelResponse {
  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  aanbiederNaam: string;

  @ApiProperty({ example: 123456789 })
  budgetCenten: number;

  @ApiProperty({ example: '€ 1.234.567,89' })
  budgetWeergave: string;
}

export class ToetsResponse {
  @ApiProperty({ enum: Toetsoordeel, enumName: 'Toetsoordeel' })
  oordeel: Toetsoordeel;

  @ApiProperty()
  motivering: string;

  @ApiProperty({ example: 'Carla de Contractmanager' })
  getoetstDoor: string;

  @ApiProperty({ format: 'date-time' })
  getoetstOp: string;
}

export class AanvullendeOpdrachtResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() titel: string;
  @ApiProperty() doel: string;
  @ApiProperty({ enum: OpdrachtBron, enumName: 'OpdrachtBron' }) bron: OpdrachtBron;
  @ApiPropertyOptional({ nullable: true, type: String }) programmaNaam: string | null;
  @ApiProperty() aanvragendeAfdeling: string;
  @ApiProperty() opdrachtgever: string;
  @ApiProperty({ format: 'date' }) startdatum: string;
  @ApiProperty({ format: 'date' }) einddatum: string;
  @ApiProperty({ example: 123456789, description: 'Totaal in eurocenten: de som van de delen.' })
  budgetCenten: number;
  @ApiProperty({ example: '€ 1.234.567,89' }) budgetWeergave: string;
  @ApiProperty() geoormerkt: boolean;
  @ApiProperty() thema: string;
  @ApiProperty({ enum: Rapportagefrequentie, enumName: 'Rapportagefrequentie' })
  rapportagefrequentie: Rapportagefrequentie;
  @ApiProperty({ enum: AanvullendeOpdrachtStatus, enumName: 'AanvullendeOpdrachtStatus' })
  status: AanvullendeOpdrachtStatus;
  @ApiProperty({
    enum: AanvullendeOpdrachtStatus,
    enumName: 'AanvullendeOpdrachtStatus',
    isArray: true,
  })
  toegestaneVervolgstatussen: AanvullendeOpdrachtStatus[];
  @ApiProperty({ enum: BinnengekomenVia, enumName: 'BinnengekomenVia' })
  binnengekomenVia: BinnengekomenVia;
  @ApiProperty({ format: 'date' }) aangevraagdOp: string;
  @ApiProperty({
    description:
      'Nog aangevraagd (niet getoetst) terwijl de beoogde startdatum voorbij is: vraagt om een besluit.',
  })
  aanvraagNaStart: boolean;
  @ApiProperty({ type: () => AanbiederAandeelResponse, isArray: true })
  aanbieders: AanbiederAandeelResponse[];
  @ApiProperty({ type: () => Referentie, isArray: true }) percelen: Referentie[];
  @ApiProperty({ type: () => Referentie, isArray: true }) ketens: Referentie[];
  @ApiPropertyOptional({ type: () => ToetsResponse, nullable: true }) toets: ToetsResponse | null;
  @ApiProperty({ example: 1 }) version: number;
}

export class StatuswijzigingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({
    enum: AanvullendeOpdrachtStatus,
    enumName: 'AanvullendeOpdrachtStatus',
    nullable: true,
  })
  van: AanvullendeOpdrachtStatus | null;
  @ApiProperty({ enum: AanvullendeOpdrachtStatus, enumName: 'AanvullendeOpdrachtStatus' })
  naar: AanvullendeOpdrachtStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) toelichting: string | null;
  @ApiProperty() door: string;
  @ApiProperty({ format: 'date-time' }) op: string;
}

export class ReactieResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() auteur: string;
  @ApiProperty({ format: 'uuid' }) organisatieId: string;
  @ApiProperty() tekst: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toAanvullendeOpdrachtResponse(o: AanvullendeOpdracht): AanvullendeOpdrachtResponse {
  return {
    id: o.id,
    titel: o.titel,
    doel: o.doel,
    bron: o.bron,
    programmaNaam: o.programmaNaam,
    aanvragendeAfdeling: o.aanvragendeAfdeling,
    opdrachtgever: o.opdrachtgever,
    startdatum: o.startdatum,
    einddatum: o.einddatum,
    budgetCenten: o.budgetCenten,
    budgetWeergave: formatEuro(o.budgetCenten),
    geoormerkt: o.geoormerkt,
    thema: o.thema,
    rapportagefrequentie: o.rapportagefrequentie,
    status: o.status,
    toegestaneVervolgstatussen: [...toegestaneOvergangen(o.status)],
    binnengekomenVia: o.binnengekomenVia,
    aangevraagdOp: o.aangevraagdOp,
    aanvraagNaStart: o.status === AanvullendeOpdrachtStatus.Aangevraagd && o.startdatum < vandaag(),
    aanbieders: (o.aanbieders ?? [])
      .map((a) => ({
        aanbiederId: a.aanbiederId,
        aanbiederNaam: a.aanbieder?.naam ?? '',
        budgetCenten: a.budgetCenten,
        budgetWeergave: formatEuro(a.budgetCenten),
      }))
      .sort((a, b) => a.aanbiederNaam.localeCompare(b.aanbiederNaam, 'nl')),
    percelen: (o.percelen ?? [])
      .map((p) => ({ id: p.perceelId, naam: p.perceel?.naam ?? '' }))
      .sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    ketens: (o.ketens ?? [])
      .map((k) => ({ id: k.ketenId, naam: k.keten?.naam ?? '' }))
      .sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    toets:
      o.toetsOordeel && o.getoetstOp
        ? {
            oordeel: o.toetsOordeel,
            motivering: o.toetsMotivering ?? '',
            getoetstDoor: o.getoetstDoorNaam ?? '',
            getoetstOp: o.getoetstOp.toISOString(),
          }
        : null,
    version: o.version,
  };
}

export function toStatuswijzigingResponse(
  s: AanvullendeOpdrachtStatuswijziging,
): StatuswijzigingResponse {
  return {
    id: s.id,
    van: s.van,
    naar: s.naar,
    toelichting: s.toelichting,
    door: s.doorNaam,
    op: s.op.toISOString(),
  };
}

export function toReactieResponse(r: AanvullendeOpdrachtReactie): ReactieResponse {
  return {
    id: r.id,
    auteur: r.auteurNaam,
    organisatieId: r.organisatieId,
    tekst: r.tekst,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The soorten of a wijziging of an active aanvullende opdracht. */
export const OPDRACHT_WIJZIGINGSSOORTEN = Object.values(Wijzigingssoort).filter(
  (s) => s !== Wijzigingssoort.Oorspronkelijk,
);

export class CreateOpdrachtWijzigingRequest {
  @ApiProperty({ example: 3, description: 'De version die u het laatst las; anders 412.' })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiProperty({
    enum: OPDRACHT_WIJZIGINGSSOORTEN,
    enumName: 'Wijzigingssoort',
    description:
      'verlenging (einddatum later), beeindiging (einddatum eerder), budgetwijziging (aanbieders met hun nieuwe deel), indexering (indexatieBasispunten over elk deel), scopewijziging (doel, thema, perceelIds, ketenIds). Velden van een andere soort worden geweigerd.',
  })
  @IsEnum(OPDRACHT_WIJZIGINGSSOORTEN, {
    message: `soort moet een van ${OPDRACHT_WIJZIGINGSSOORTEN.join(', ')} zijn`,
  })
  soort: Wijzigingssoort;

  @ApiProperty({ format: 'date', example: '2026-07-01', description: 'Vanaf wanneer het geldt.' })
  @IsDatum('ingangsdatum')
  ingangsdatum: string;

  @ApiProperty({ example: 'Het programma loopt een half jaar langer door.' })
  @IsString({ message: 'reden moet tekst zijn' })
  @Length(1, 2000, { message: 'reden moet 1 tot 2000 tekens zijn' })
  reden: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDatum('einddatum')
  einddatum?: string;

  @ApiPropertyOptional({ type: () => AanbiederAandeelInput, isArray: true })
  @IsOptional()
  @IsArray({ message: 'aanbieders moet een lijst zijn' })
  @ArrayMinSize(1, { message: 'aanbieders moet minstens één aanbieder bevatten' })
  @ValidateNested({ each: true })
  @Type(() => AanbiederAandeelInput)
  aanbieders?: AanbiederAandeelInput[];

  @ApiPropertyOptional({ example: 275, description: '2,75% = 275 basispunten, over elk deel.' })
  @IsOptional()
  @IsInt({ message: 'indexatieBasispunten moet een geheel getal zijn (2,75% = 275)' })
  @Min(-10000, { message: 'indexatieBasispunten moet minstens -10000 zijn' })
  @Max(10000, { message: 'indexatieBasispunten mag hoogstens 10000 zijn' })
  indexatieBasispunten?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'doel moet tekst zijn' })
  @Length(1, 4000, { message: 'doel moet 1 tot 4000 tekens zijn' })
  doel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'thema moet tekst zijn' })
  @Length(1, 100, { message: 'thema moet 1 tot 100 tekens zijn' })
  thema?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true })
  @IsOptional()
  @IsArray({ message: 'perceelIds moet een lijst zijn' })
  @ArrayUnique({ message: 'perceelIds bevat een perceel dubbel' })
  @IsUUID('all', { each: true, message: 'perceelIds mag alleen uuids bevatten' })
  perceelIds?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true })
  @IsOptional()
  @IsArray({ message: 'ketenIds moet een lijst zijn' })
  @ArrayUnique({ message: 'ketenIds bevat een keten dubbel' })
  @IsUUID('all', { each: true, message: 'ketenIds mag alleen uuids bevatten' })
  ketenIds?: string[];
}

export class OpdrachtVersieResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2 }) versie: number;
  @ApiProperty({ enum: Wijzigingssoort, enumName: 'Versiesoort' }) soort: Wijzigingssoort;
  @ApiProperty({ format: 'date' }) ingangsdatum: string;
  @ApiProperty({ format: 'date' }) einddatum: string;
  @ApiProperty() budgetCenten: number;
  @ApiProperty({ example: '€ 12.500,00' }) budgetWeergave: string;
  @ApiProperty({ type: () => AanbiederAandeelResponse, isArray: true })
  aanbieders: AanbiederAandeelResponse[];
  @ApiProperty({ description: 'De motivering.' }) reden: string;
  @ApiProperty() vastgelegdDoor: string;
  @ApiProperty({ format: 'date-time' }) vastgelegdOp: string;
}

export function toOpdrachtVersieResponse(
  v: AanvullendeOpdrachtVersie,
  namen: Map<string, string>,
): OpdrachtVersieResponse {
  return {
    id: v.id,
    versie: v.versie,
    soort: v.soort,
    ingangsdatum: v.ingangsdatum,
    einddatum: v.einddatum,
    budgetCenten: v.budgetCenten,
    budgetWeergave: formatEuro(v.budgetCenten),
    aanbieders: v.aandelen.map((a) => ({
      aanbiederId: a.aanbiederId,
      aanbiederNaam: namen.get(a.aanbiederId) ?? '',
      budgetCenten: a.budgetCenten,
      budgetWeergave: formatEuro(a.budgetCenten),
    })),
    reden: v.reden,
    vastgelegdDoor: v.createdByNaam,
    vastgelegdOp: v.createdAt.toISOString(),
  };
}
