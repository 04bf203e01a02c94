import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { PageQuery, KWARTAAL_PATROON } from '@wijkkompas/core';
import { naarDecimaal } from '../decimaal';
import {
  KPI_AGGREGATIES,
  KPI_EENHEDEN,
  KPI_FREQUENTIES,
  KPI_RICHTINGEN,
  KPI_TYPES,
  KpiAggregatie,
  KpiEenheid,
  KpiFrequentie,
  KpiRichting,
  KpiType,
} from '../kpi-status';
import { KPI_BRONNEN, Kpi, KpiBron, KpiNormRecord, KpiVersie } from './kpi.entity';

/** How a field behaves in a request: required, optional but never null, or clearable. */
type Modus = 'verplicht' | 'optioneel' | 'wisbaar';

function aanwezigheid(modus: Modus): PropertyDecorator {
  if (modus === 'verplicht') return () => undefined;
  if (modus === 'wisbaar') return IsOptional();
  // Absent means "leave as it is"; null is validated (and refused) like any other value.
  return ValidateIf((_object: object, waarde: unknown) => waarde !== undefined);
}

function documentatie(modus: Modus, opties: Record<string, unknown>): PropertyDecorator {
  return modus === 'verplicht'
    ? ApiProperty(opties)
    : ApiPropertyOptional({ ...opties, ...(modus === 'wisbaar' ? { nullable: true } : {}) });
}

function Keuze(
  veld: string,
  waarden: readonly string[],
  enumName: string,
  modus: Modus,
  extra: Record<string, unknown> = {},
) {
  return applyDecorators(
    documentatie(modus, { enum: [...waarden], enumName, ...extra }),
    aanwezigheid(modus),
    IsIn([...waarden], { message: `${veld} moet een van ${waarden.join(', ')} zijn` }),
  );
}

function Tekst(
  veld: string,
  max: number,
  modus: Modus,
  extra: Record<string, unknown> = {},
  min = 1,
) {
  return applyDecorators(
    documentatie(modus, { type: String, maxLength: max, ...extra }),
    aanwezigheid(modus),
    IsString({ message: `${veld} moet tekst zijn` }),
    Length(min, max, { message: `${veld} moet ${min} tot ${max} tekens zijn` }),
  );
}

function Waarheid(veld: string, modus: Modus, extra: Record<string, unknown> = {}) {
  return applyDecorators(
    documentatie(modus, { type: Boolean, ...extra }),
    aanwezigheid(modus),
    IsBoolean({ message: `${veld} moet true of false zijn` }),
  );
}

function Uuids(veld: string, beschrijving: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'uuid', isArray: true, description: beschrijving }),
    ValidateIf((_object: object, waarde: unknown) => waarde !== undefined),
    IsArray({ message: `${veld} moet een lijst zijn` }),
    ArrayMaxSize(50, { message: `${veld} bevat te veel elementen` }),
    ArrayUnique({ message: `${veld} bevat een id dubbel` }),
    IsUUID('all', { each: true, message: `${veld} mag alleen uuids bevatten` }),
  );
}

function Kwartaal(veld: string, beschrijving: string) {
  return applyDecorators(
    ApiPropertyOptional({
      example: '2026-Q3',
      pattern: KWARTAAL_PATROON.source,
      description: beschrijving,
    }),
    IsOptional(),
    IsString({ message: `${veld} moet een kwartaal zijn, bijvoorbeeld 2026-Q3` }),
    Matches(KWARTAAL_PATROON, { message: `${veld} moet een kwartaal zijn, bijvoorbeeld 2026-Q3` }),
  );
}

const hoofdletters = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class CreateKpiRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'De hoofdopdracht waartoe de KPI hoort; óf dit óf aanvullendeOpdrachtId.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'hoofdopdrachtId moet een uuid zijn' })
  hoofdopdrachtId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'De aanvullende opdracht waartoe de KPI hoort; óf dit óf hoofdopdrachtId.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'aanvullendeOpdrachtId moet een uuid zijn' })
  aanvullendeOpdrachtId?: string;

  @ApiProperty({
    example: 'WT-01',
    maxLength: 40,
    description:
      'Uniek per gemeente; wordt in hoofdletters opgeslagen. Letters, cijfers, punt, koppelteken en liggend streepje.',
  })
  @Transform(hoofdletters)
  @IsString({ message: 'code moet tekst zijn' })
  @Length(1, 40, { message: 'code moet 1 tot 40 tekens zijn' })
  @Matches(/^[A-Z0-9][A-Z0-9._-]*$/, {
    message: 'code mag alleen letters, cijfers, punt, koppelteken en liggend streepje bevatten',
  })
  code: string;

  @Tekst('naam', 200, 'verplicht', { example: 'Percentage vragen binnen 5 werkdagen opgepakt' })
  naam: string;

  @Tekst('definitie', 4000, 'wisbaar', {
    example: 'Het aandeel nieuwe hulpvragen waarop binnen 5 werkdagen een eerste gesprek volgde.',
    description: 'Precies wat er geteld wordt.',
  })
  definitie?: string | null;

  @Tekst('teller', 1000, 'wisbaar', {
    example: 'Hulpvragen met een eerste gesprek binnen 5 werkdagen',
  })
  teller?: string | null;

  @Tekst('noemer', 1000, 'wisbaar', { example: 'Alle nieuwe hulpvragen in het kwartaal' })
  noemer?: string | null;

  @Keuze('type', KPI_TYPES, 'KpiType', 'verplicht')
  type: KpiType;

  @Keuze('eenheid', KPI_EENHEDEN, 'KpiEenheid', 'verplicht')
  eenheid: KpiEenheid;

  @Keuze('richting', KPI_RICHTINGEN, 'KpiRichting', 'verplicht')
  richting: KpiRichting;

  @Keuze('bron', KPI_BRONNEN, 'KpiBron', 'wisbaar', {
    description: 'Waar het cijfer vandaan komt.',
  })
  bron?: KpiBron | null;

  @Tekst('bronOmschrijving', 1000, 'wisbaar', {
    example: 'Export uit het cliëntregistratiesysteem',
  })
  bronOmschrijving?: string | null;

  @Keuze('frequentie', KPI_FREQUENTIES, 'KpiFrequentie', 'optioneel', { default: 'kwartaal' })
  frequentie?: KpiFrequentie;

  @Keuze('aggregatie', KPI_AGGREGATIES, 'KpiAggregatie', 'verplicht', {
    description: 'Hoe de waarden per perceel optellen tot één cijfer per aanbieder.',
  })
  aggregatie: KpiAggregatie;

  @Waarheid('perPerceel', 'optioneel', {
    default: true,
    description: 'Per perceel gerapporteerd (true) of één keer voor de hele aanbieder.',
  })
  perPerceel?: boolean;

  @Uuids(
    'doelIds',
    'Doelen van de hoofdopdracht (bij een aanvullende opdracht: doelen van de gemeente) die de KPI zichtbaar maakt.',
  )
  doelIds?: string[];

  @Uuids('ketenIds', 'Ketens van de gemeente waartoe de KPI hoort.')
  ketenIds?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'De indicator van de gemeente die deze KPI meet (zelfde eenheid en richting), zodat de cijfers naast die van andere aanbieders te lezen zijn.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'indicatorId moet een uuid zijn' })
  indicatorId?: string;

  @Kwartaal(
    'geldigVanaf',
    'Eerste kwartaal waarover met deze definitie gerapporteerd wordt; standaard het huidige kwartaal.',
  )
  geldigVanaf?: string;
}

export class UpdateKpiRequest {
  @Tekst('naam', 200, 'optioneel')
  naam?: string;

  @Tekst('definitie', 4000, 'wisbaar')
  definitie?: string | null;

  @Tekst('teller', 1000, 'wisbaar')
  teller?: string | null;

  @Tekst('noemer', 1000, 'wisbaar')
  noemer?: string | null;

  @Keuze('type', KPI_TYPES, 'KpiType', 'optioneel')
  type?: KpiType;

  @Keuze('eenheid', KPI_EENHEDEN, 'KpiEenheid', 'optioneel')
  eenheid?: KpiEenheid;

  @Keuze('richting', KPI_RICHTINGEN, 'KpiRichting', 'optioneel')
  richting?: KpiRichting;

  @Keuze('bron', KPI_BRONNEN, 'KpiBron', 'wisbaar')
  bron?: KpiBron | null;

  @Tekst('bronOmschrijving', 1000, 'wisbaar')
  bronOmschrijving?: string | null;

  @Keuze('frequentie', KPI_FREQUENTIES, 'KpiFrequentie', 'optioneel')
  frequentie?: KpiFrequentie;

  @Keuze('aggregatie', KPI_AGGREGATIES, 'KpiAggregatie', 'optioneel')
  aggregatie?: KpiAggregatie;

  @Waarheid('perPerceel', 'optioneel')
  perPerceel?: boolean;

  @Kwartaal(
    'geldigVanaf',
    'Alleen bij een wijziging van de definitie: het eerste kwartaal van de nieuwe versie; standaard het huidige kwartaal, niet vóór de huidige versie.',
  )
  geldigVanaf?: string;

  @Uuids('doelIds', 'Vervangt de gekoppelde doelen (geen nieuwe versie).')
  doelIds?: string[];

  @Uuids('ketenIds', 'Vervangt de gekoppelde ketens (geen nieuwe versie).')
  ketenIds?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'Neemt een indicator van de gemeente over (geen nieuwe versie); null laat hem los.',
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: 'indicatorId moet een uuid zijn' })
  indicatorId?: string | null;

  @Waarheid('actief', 'optioneel', {
    description: 'Een niet-actieve KPI houdt zijn cijfers maar wordt niet meer uitgevraagd.',
  })
  actief?: boolean;
}

const naarBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class KpiQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'hoofdopdrachtId moet een uuid zijn' })
  hoofdopdrachtId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'aanvullendeOpdrachtId moet een uuid zijn' })
  aanvullendeOpdrachtId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'ketenId moet een uuid zijn' })
  ketenId?: string;

  @ApiPropertyOptional({ enum: [...KPI_TYPES], enumName: 'KpiType' })
  @IsOptional()
  @IsIn([...KPI_TYPES], { message: `type moet een van ${KPI_TYPES.join(', ')} zijn` })
  type?: KpiType;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(naarBoolean)
  @IsBoolean({ message: 'actief moet true of false zijn' })
  actief?: boolean;
}

const GETAL = {
  oneOf: [{ type: 'number' }, { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' }],
};

export class KpiNormRequest {
  @ApiProperty({
    ...GETAL,
    example: 80,
    description: 'De streefwaarde in de eenheid van de KPI (een getal of een tekst als "80.5").',
  })
  @IsDefined({ message: 'streefwaarde is verplicht' })
  streefwaarde: unknown;

  @ApiProperty({
    ...GETAL,
    example: 5,
    description:
      'Hoeveel de waarde aan de verkeerde kant van de streefwaarde mag liggen en nog ‘op koers’ is.',
  })
  @IsDefined({ message: 'tolerantieLetOp is verplicht' })
  tolerantieLetOp: unknown;

  @ApiProperty({
    ...GETAL,
    example: 10,
    description: 'Voorbij deze afwijking is de KPI ‘uit koers’; minstens tolerantieLetOp.',
  })
  @IsDefined({ message: 'tolerantieUitKoers is verplicht' })
  tolerantieUitKoers: unknown;
}

export class KpiKoppelingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Een sterke sociale basis in elke wijk' })
  naam: string;
}

export class KpiVersieResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 1 })
  versie: number;

  @ApiProperty({ example: '2026-Q1', description: 'Eerste kwartaal van deze definitie.' })
  geldigVanaf: string;

  @ApiProperty({ example: 'Percentage vragen binnen 5 werkdagen opgepakt' })
  naam: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  definitie: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  teller: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  noemer: string | null;

  @ApiProperty({ enum: [...KPI_TYPES], enumName: 'KpiType' })
  type: KpiType;

  @ApiProperty({ enum: [...KPI_EENHEDEN], enumName: 'KpiEenheid' })
  eenheid: KpiEenheid;

  @ApiProperty({ enum: [...KPI_RICHTINGEN], enumName: 'KpiRichting' })
  richting: KpiRichting;

  @ApiPropertyOptional({ enum: [...KPI_BRONNEN], enumName: 'KpiBron', nullable: true })
  bron: KpiBron | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  bronOmschrijving: string | null;

  @ApiProperty({ enum: [...KPI_FREQUENTIES], enumName: 'KpiFrequentie' })
  frequentie: KpiFrequentie;

  @ApiProperty({ enum: [...KPI_AGGREGATIES], enumName: 'KpiAggregatie' })
  aggregatie: KpiAggregatie;

  @ApiProperty()
  perPerceel: boolean;

  @ApiProperty({ format: 'date-time' })
  vastgelegdOp: string;
}

export class KpiResponse extends KpiVersieResponse {
  @ApiProperty({ format: 'uuid' })
  versieId: string;

  @ApiProperty({ example: 'WT-01' })
  code: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  hoofdopdrachtId: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  aanvullendeOpdrachtId: string | null;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  doelIds: string[];

  @ApiProperty({
    type: () => KpiKoppelingResponse,
    isArray: true,
    description: 'De gekoppelde doelen.',
  })
  doelen: KpiKoppelingResponse[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  ketenIds: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'De indicator van de gemeente die deze KPI meet.',
  })
  indicatorId: string | null;

  @ApiProperty({
    type: () => KpiKoppelingResponse,
    isArray: true,
    description: 'De gekoppelde ketens.',
  })
  ketens: KpiKoppelingResponse[];

  @ApiProperty()
  actief: boolean;

  @ApiProperty({
    example: 3,
    description: 'Rijversie; ook als ETag W/"3". Stuur die mee in If-Match.',
  })
  version: number;
}

export class KpiNormResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  kpiId: string;

  @ApiProperty({ example: '2026-Q3', description: 'Een jaar (2026) of een kwartaal (2026-Q3).' })
  periode: string;

  @ApiProperty({ example: '80', description: 'Exact decimaal getal als tekst.' })
  streefwaarde: string;

  @ApiProperty({ example: '5' })
  tolerantieLetOp: string;

  @ApiProperty({ example: '10' })
  tolerantieUitKoers: string;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ format: 'date-time' })
  gewijzigdOp: string;
}

export class KpiNormLijstResponse {
  @ApiProperty({ type: () => KpiNormResponse, isArray: true, description: 'Oudste periode eerst.' })
  items: KpiNormResponse[];
}

export class KpiAantalPerTypeResponse {
  @ApiProperty({ example: 2 })
  input: number;

  @ApiProperty({ example: 3 })
  throughput: number;

  @ApiProperty({ example: 4 })
  output: number;

  @ApiProperty({ example: 3 })
  outcome: number;
}

export class KpiSetBevindingResponse {
  @ApiProperty({
    example: 'doel-zonder-kpi',
    description:
      'kpi-niet-meetbaar, doel-zonder-kpi, kpi-zonder-doel, alleen-output-sturing of een code van een aanvullende regel.',
  })
  code: string;

  @ApiProperty({ enum: ['waarschuwing', 'aandacht'], enumName: 'KpiSetBevindingErnst' })
  ernst: 'waarschuwing' | 'aandacht';

  @ApiProperty({
    example: "Doel 'Minder doorverwijzingen naar maatwerkvoorzieningen' heeft geen KPI. …",
  })
  melding: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  kpiIds: string[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  doelIds: string[];
}

export class KpiSetCheckResponse {
  @ApiProperty({ enum: ['hoofdopdracht', 'aanvullende-opdracht'], enumName: 'KpiSetOpdrachtSoort' })
  opdrachtSoort: 'hoofdopdracht' | 'aanvullende-opdracht';

  @ApiProperty({ format: 'uuid' })
  opdrachtId: string;

  @ApiProperty({ example: 'Hoofdopdracht sociaal wijkteam Wijkteams Noord 2019-2026' })
  opdrachtTitel: string;

  @ApiProperty({ format: 'date' })
  peildatum: string;

  @ApiProperty({
    type: String,
    isArray: true,
    example: ['2026-Q3', '2026-Q4'],
    description:
      'Een KPI heeft een norm als er voor een van deze kwartalen (of hun jaar) een streefwaarde is.',
  })
  normPeriodes: string[];

  @ApiProperty({ example: 12, description: 'Aantal actieve KPI’s.' })
  aantalKpis: number;

  @ApiProperty({ type: () => KpiAantalPerTypeResponse })
  aantalPerType: KpiAantalPerTypeResponse;

  @ApiProperty({ type: () => KpiSetBevindingResponse, isArray: true })
  bevindingen: KpiSetBevindingResponse[];
}

export function toKpiVersieResponse(versie: KpiVersie): KpiVersieResponse {
  return {
    id: versie.id,
    versie: versie.versie,
    geldigVanaf: versie.geldigVanaf,
    naam: versie.naam,
    definitie: versie.definitie,
    teller: versie.teller,
    noemer: versie.noemer,
    type: versie.type,
    eenheid: versie.eenheid,
    richting: versie.richting,
    bron: versie.bron,
    bronOmschrijving: versie.bronOmschrijving,
    frequentie: versie.frequentie,
    aggregatie: versie.aggregatie,
    perPerceel: versie.perPerceel,
    vastgelegdOp: versie.createdAt.toISOString(),
  };
}

/** A KPI as read: the stable identity with the version in force and the names of its links. */
export interface KpiMetVersie {
  kpi: Kpi;
  versie: KpiVersie;
  doelen: KpiKoppelingResponse[];
  ketens: KpiKoppelingResponse[];
}

export function toKpiResponse({ kpi, versie, doelen, ketens }: KpiMetVersie): KpiResponse {
  return {
    ...toKpiVersieResponse(versie),
    id: kpi.id,
    versieId: versie.id,
    code: kpi.code,
    hoofdopdrachtId: kpi.hoofdopdrachtId,
    aanvullendeOpdrachtId: kpi.aanvullendeOpdrachtId,
    doelIds: kpi.doelIds,
    doelen,
    ketenIds: kpi.ketenIds,
    ketens,
    indicatorId: kpi.indicatorId ?? null,
    actief: kpi.actief,
    version: kpi.version,
  };
}

export function toKpiNormResponse(norm: KpiNormRecord): KpiNormResponse {
  return {
    id: norm.id,
    kpiId: norm.kpiId,
    periode: norm.periode,
    streefwaarde: naarDecimaal(norm.streefwaarde) ?? norm.streefwaarde,
    tolerantieLetOp: naarDecimaal(norm.tolerantieLetOp) ?? norm.tolerantieLetOp,
    tolerantieUitKoers: naarDecimaal(norm.tolerantieUitKoers) ?? norm.tolerantieUitKoers,
    version: norm.version,
    gewijzigdOp: norm.updatedAt.toISOString(),
  };
}
