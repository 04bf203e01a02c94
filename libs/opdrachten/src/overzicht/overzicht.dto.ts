import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsDatum, Referentie } from '../shared/dto';
import { AanvullendeOpdrachtStatus } from '../aanvullende-opdracht/levenscyclus';

export class BudgetQuery {
  @ApiProperty({ example: 2026, description: 'Eerste jaar.' })
  @Type(() => Number)
  @IsInt({ message: 'vanJaar moet een geheel getal zijn' })
  @Min(2000, { message: 'vanJaar moet minstens 2000 zijn' })
  @Max(2100, { message: 'vanJaar mag hoogstens 2100 zijn' })
  vanJaar: number;

  @ApiProperty({
    example: 2026,
    description: 'Laatste jaar (inclusief); hoogstens 20 jaar na vanJaar.',
  })
  @Type(() => Number)
  @IsInt({ message: 'totJaar moet een geheel getal zijn' })
  @Min(2000, { message: 'totJaar moet minstens 2000 zijn' })
  @Max(2100, { message: 'totJaar mag hoogstens 2100 zijn' })
  totJaar: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;
}

export class ThemaQuery {
  @ApiPropertyOptional({
    enum: AanvullendeOpdrachtStatus,
    enumName: 'AanvullendeOpdrachtStatus',
    isArray: true,
    description: 'Standaard de lopende: aangevraagd, getoetst, actief.',
  })
  @IsOptional()
  @Type(() => String)
  @IsEnum(AanvullendeOpdrachtStatus, {
    each: true,
    message: `status moet een van ${Object.values(AanvullendeOpdrachtStatus).join(', ')} zijn`,
  })
  status?: AanvullendeOpdrachtStatus[] | AanvullendeOpdrachtStatus;
}

export class AflopendQuery {
  @ApiPropertyOptional({
    example: 90,
    default: 90,
    description:
      'Binnen hoeveel dagen na de peildatum de opdracht eindigt (bijvoorbeeld 30 of 90).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'binnenDagen moet een geheel getal zijn' })
  @Min(1, { message: 'binnenDagen moet minstens 1 zijn' })
  @Max(366, { message: 'binnenDagen mag hoogstens 366 zijn' })
  binnenDagen?: number;

  @ApiPropertyOptional({ format: 'date', description: 'Standaard vandaag.' })
  @IsOptional()
  @IsDatum('peildatum')
  peildatum?: string;
}

export class ZijsturingQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Verzoeken gedaan vanaf deze datum.' })
  @IsOptional()
  @IsDatum('vanDatum')
  vanDatum?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Verzoeken gedaan tot en met deze datum.' })
  @IsOptional()
  @IsDatum('totDatum')
  totDatum?: string;
}

export class OpdrachtRegel {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() titel: string;
  @ApiProperty({ enum: AanvullendeOpdrachtStatus, enumName: 'AanvullendeOpdrachtStatus' })
  status: AanvullendeOpdrachtStatus;
  @ApiProperty() thema: string;
  @ApiProperty({ format: 'date' }) startdatum: string;
  @ApiProperty({ format: 'date' }) einddatum: string;
  @ApiProperty({
    description: 'Het budget dat hier telt (bij een aanbieder: zijn deel), in eurocenten.',
  })
  budgetCenten: number;
  @ApiProperty({ example: '€ 12.500,00' }) budgetWeergave: string;
  @ApiProperty() geoormerkt: boolean;
  @ApiProperty({ type: () => Referentie, isArray: true }) aanbieders: Referentie[];
}

export class GeldendeHoofdopdracht {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() titel: string;
  @ApiProperty({ format: 'date' }) startdatum: string;
  @ApiProperty({ format: 'date', description: 'De einddatum die op de peildatum geldt.' })
  einddatum: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 6,
    description: 'Loopt binnen 12, 6 of 3 maanden af (de kleinste bereikte drempel); anders null.',
  })
  looptAfBinnenMaanden: number | null;
  @ApiProperty({ example: 2 }) versie: number;
  @ApiProperty({ format: 'date' }) ingangsdatum: string;
  @ApiProperty({ example: 2026 }) jaar: number;
  @ApiProperty({
    description: 'Geïndexeerd jaarbudget van het jaar van de peildatum, in eurocenten.',
  })
  jaarbudgetCenten: number;
  @ApiProperty({ example: '€ 1.234.567,89' }) jaarbudgetWeergave: string;
}

export class AanbiederOverzichtResponse {
  @ApiProperty({ type: () => Referentie }) aanbieder: Referentie;
  @ApiProperty({ format: 'date' }) peildatum: string;
  @ApiPropertyOptional({ type: () => GeldendeHoofdopdracht, nullable: true })
  hoofdopdracht: GeldendeHoofdopdracht | null;
  @ApiProperty({
    type: () => Referentie,
    isArray: true,
    description: 'Percelen die op de peildatum aan de aanbieder zijn toegewezen.',
  })
  percelen: Referentie[];
  @ApiProperty({
    type: () => OpdrachtRegel,
    isArray: true,
    description: 'Actieve aanvullende opdrachten, op einddatum.',
  })
  aanvullendeOpdrachten: OpdrachtRegel[];
  @ApiProperty({
    description: 'Som van de budgetdelen van de actieve aanvullende opdrachten, in eurocenten.',
  })
  aanvullendBudgetCenten: number;
  @ApiProperty() aanvullendBudgetWeergave: string;
}

export class PerceelOverzichtResponse {
  @ApiProperty({ type: () => Referentie }) perceel: Referentie;
  @ApiProperty({ format: 'date' }) peildatum: string;
  @ApiPropertyOptional({ type: () => Referentie, nullable: true }) aanbieder: Referentie | null;
  @ApiPropertyOptional({ type: () => GeldendeHoofdopdracht, nullable: true })
  hoofdopdracht: GeldendeHoofdopdracht | null;
  @ApiProperty({ type: () => OpdrachtRegel, isArray: true }) aanvullendeOpdrachten: OpdrachtRegel[];
  @ApiProperty() aanvullendBudgetCenten: number;
  @ApiProperty() aanvullendBudgetWeergave: string;
}

export class BudgetRegelResponse {
  @ApiProperty({ format: 'uuid' }) aanbiederId: string;
  @ApiProperty() aanbiederNaam: string;
  @ApiProperty({ example: 2026 }) jaar: number;
  @ApiProperty({ description: 'Hoofdopdracht (geïndexeerd), eurocenten.' })
  structureelCenten: number;
  @ApiProperty() structureelWeergave: string;
  @ApiProperty({
    description:
      'Aanvullende opdrachten (actief of afgerond), naar rato van dagen in het jaar, eurocenten.',
  })
  incidenteelCenten: number;
  @ApiProperty() incidenteelWeergave: string;
  @ApiProperty() totaalCenten: number;
  @ApiProperty() totaalWeergave: string;
}

export class BudgetOverzichtResponse {
  @ApiProperty({ type: () => BudgetRegelResponse, isArray: true }) regels: BudgetRegelResponse[];
  @ApiProperty() structureelCenten: number;
  @ApiProperty() incidenteelCenten: number;
  @ApiProperty() totaalCenten: number;
  @ApiProperty() totaalWeergave: string;
}

export class ThemaBundelResponse {
  @ApiProperty() thema: string;
  @ApiProperty() aantal: number;
  @ApiProperty() budgetCenten: number;
  @ApiProperty() budgetWeergave: string;
  @ApiProperty({ type: () => OpdrachtRegel, isArray: true }) opdrachten: OpdrachtRegel[];
}

export class ThemaOverzichtResponse {
  @ApiProperty({ type: () => ThemaBundelResponse, isArray: true }) themas: ThemaBundelResponse[];
}

export class AflopendOverzichtResponse {
  @ApiProperty({ format: 'date' }) peildatum: string;
  @ApiProperty() binnenDagen: number;
  @ApiProperty({ format: 'date', description: 'Laatste einddatum die meetelt.' }) totEnMet: string;
  @ApiProperty({
    type: () => OpdrachtRegel,
    isArray: true,
    description: 'Actieve aanvullende opdrachten die binnen binnenDagen aflopen.',
  })
  opdrachten: OpdrachtRegel[];
  @ApiProperty({
    type: () => AflopendeHoofdopdracht,
    isArray: true,
    description: 'Hoofdopdrachten die binnen 12 maanden na de peildatum aflopen.',
  })
  hoofdopdrachten: AflopendeHoofdopdracht[];
  @ApiProperty({
    type: () => OpdrachtRegel,
    isArray: true,
    description:
      'Aanvragen waarvan de beoogde startdatum voorbij is en die nog steeds aangevraagd zijn (nog niet getoetst).',
  })
  aanvragenNaStart: OpdrachtRegel[];
}

export class AflopendeHoofdopdracht {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() titel: string;
  @ApiProperty({ type: () => Referentie }) aanbieder: Referentie;
  @ApiProperty({ format: 'date' }) einddatum: string;
  @ApiProperty({ example: 6, description: 'De kleinste bereikte drempel: 12, 6 of 3 maanden.' })
  looptAfBinnenMaanden: number;
}

export class ZijsturingRegelResponse {
  @ApiProperty() aanvragendeAfdeling: string;
  @ApiProperty({ example: '2026-Q3' }) kwartaal: string;
  @ApiProperty({ description: 'Verzoeken die buiten het register om binnenkwamen (zijsturing).' })
  buitenRegister: number;
  @ApiProperty() viaRegister: number;
  @ApiProperty() totaal: number;
}

export class ZijsturingOverzichtResponse {
  @ApiProperty({ type: () => ZijsturingRegelResponse, isArray: true })
  regels: ZijsturingRegelResponse[];
  @ApiProperty() totaalBuitenRegister: number;
}
