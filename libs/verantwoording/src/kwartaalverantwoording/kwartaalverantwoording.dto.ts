import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { PageQuery, PERIODE_PATROON } from '@wijkkompas/core';
import { MAX_CENTEN } from '@wijkkompas/opdrachten';
import {
  KPI_AGGREGATIES,
  KPI_EENHEDEN,
  KPI_RICHTINGEN,
  KPI_STATUSSEN,
  KPI_TYPES,
  KpiAggregatie,
  KpiEenheid,
  KpiRichting,
  KpiStatus,
  KpiType,
} from '../kpi-status';
import {
  KWARTAALVERANTWOORDING_STATUSSEN,
  KwartaalverantwoordingStatus,
} from '../kwartaalverantwoording.lifecycle';
import {
  controleerDecimaal,
  DecimaalGrenzen,
  FTE_GRENZEN,
  GEWICHT_GRENZEN,
  PERCENTAGE_GRENZEN,
  WAARDE_GRENZEN,
} from './decimaal-invoer';
import {
  BEOORDELING_ONDERDELEN,
  BeoordelingOnderdeel,
  DATAKWALITEITEN,
  Datakwaliteit,
  KwartaalverantwoordingVersie,
} from './kwartaalverantwoording.entity';
import {
  KpiWaardenWeergave,
  OntbrekendeWaarde,
  PerceelWaardeWeergave,
  TotaalWeergave,
  WeergaveNorm,
} from './weergave';

export const MAX_VERHAAL = 20_000;
export const MAX_WAARDEN_PER_VERZOEK = 2_000;

const GETAL = {
  oneOf: [{ type: 'number' }, { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' }],
};

/** A decimal as a JSON number or a string; validated against its column, not rounded. */
function Decimaal(veld: string, grenzen: DecimaalGrenzen) {
  return ValidateBy({
    name: 'isDecimaal',
    validator: {
      validate: (waarde: unknown) => controleerDecimaal(waarde, veld, grenzen).ok,
      defaultMessage: (args) => {
        const uitkomst = controleerDecimaal(args?.value, veld, grenzen);
        return uitkomst.ok ? `${veld} is ongeldig` : uitkomst.reden;
      },
    },
  });
}

/** Optional and clearable: absent leaves it, null clears it. */
function WisbareTekst(veld: string, max: number, description: string, example?: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: max, description, example }),
    IsOptional(),
    IsString({ message: `${veld} moet tekst zijn` }),
    MaxLength(max, { message: `${veld} mag hoogstens ${max} tekens zijn` }),
  );
}

function WisbaarDecimaal(
  veld: string,
  grenzen: DecimaalGrenzen,
  description: string,
  example: number,
) {
  return applyDecorators(
    // No `example` next to oneOf + nullable: it would not match the untyped schema.
    ApiPropertyOptional({
      ...GETAL,
      nullable: true,
      description: `${description} Bijvoorbeeld ${example}.`,
    }),
    IsOptional(),
    Decimaal(veld, grenzen),
  );
}

function WisbaarCenten(veld: string, description: string, example: number) {
  return applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, description, example }),
    IsOptional(),
    IsInt({ message: `${veld} moet een geheel getal (eurocenten) zijn` }),
    Min(0, { message: `${veld} mag niet negatief zijn` }),
    Max(MAX_CENTEN, { message: `${veld} is te groot` }),
  );
}

// ---------------------------------------------------------------- requests

export class CreateKwartaalverantwoordingRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'De rapportageperiode (kwartaal) van uw organisatie waarover u verantwoordt.',
  })
  @IsUUID('all', { message: 'rapportageperiodeId moet een uuid zijn' })
  rapportageperiodeId: string;
}

export class KwartaalverantwoordingQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;

  @ApiPropertyOptional({
    example: '2026-Q3',
    description: 'Een kwartaal (2026-Q3) of jaar (2026).',
  })
  @IsOptional()
  @Matches(PERIODE_PATROON, { message: 'periode moet een kwartaal (2026-Q3) of een jaar zijn' })
  periode?: string;

  @ApiPropertyOptional({
    enum: [...KWARTAALVERANTWOORDING_STATUSSEN],
    enumName: 'KwartaalverantwoordingStatus',
  })
  @IsOptional()
  @IsIn([...KWARTAALVERANTWOORDING_STATUSSEN], {
    message: `status moet een van ${KWARTAALVERANTWOORDING_STATUSSEN.join(', ')} zijn`,
  })
  status?: KwartaalverantwoordingStatus;
}

export class BudgetInput {
  @WisbaarCenten('budget.begrootCenten', 'Begroot over het kwartaal, in eurocenten.', 152_500_000)
  begrootCenten?: number | null;

  @WisbaarCenten(
    'budget.gerealiseerdCenten',
    'Gerealiseerd over het kwartaal, in eurocenten.',
    149_830_000,
  )
  gerealiseerdCenten?: number | null;

  @WisbareTekst('budget.toelichting', MAX_VERHAAL, 'Toelichting op de budgetrealisatie.')
  toelichting?: string | null;
}

export class FormatieInput {
  @WisbaarDecimaal(
    'formatie.formatieFte',
    FTE_GRENZEN,
    'Formatie in fte aan het eind van het kwartaal.',
    48.6,
  )
  formatieFte?: string | number | null;

  @WisbaarDecimaal('formatie.vacaturesFte', FTE_GRENZEN, 'Openstaande vacatures in fte.', 3.2)
  vacaturesFte?: string | number | null;

  @WisbaarDecimaal(
    'formatie.verloopPercentage',
    PERCENTAGE_GRENZEN,
    'Personeelsverloop over het kwartaal, in procenten.',
    4.5,
  )
  verloopPercentage?: string | number | null;

  @WisbareTekst(
    'formatie.toelichting',
    MAX_VERHAAL,
    'Toelichting op formatie, vacatures en verloop.',
  )
  toelichting?: string | null;
}

export class UpdateKwartaalverantwoordingRequest {
  @WisbareTekst('hoogtepunten', MAX_VERHAAL, 'Wat ging er goed dit kwartaal.')
  hoogtepunten?: string | null;

  @WisbareTekst('knelpunten', MAX_VERHAAL, 'Waar liep het team tegenaan.')
  knelpunten?: string | null;

  @WisbareTekst('vooruitblik', MAX_VERHAAL, 'Wat komt er het volgende kwartaal.')
  vooruitblik?: string | null;

  @ApiPropertyOptional({ type: () => BudgetInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => BudgetInput)
  budget?: BudgetInput;

  @ApiPropertyOptional({ type: () => FormatieInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => FormatieInput)
  formatie?: FormatieInput;
}

export class KpiWaardeInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'kpiId moet een uuid zijn' })
  kpiId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description:
      'Het perceel bij een KPI die per perceel wordt gerapporteerd; leeg (null) bij een KPI voor de hele aanbieder.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'perceelId moet een uuid zijn' })
  perceelId?: string | null;

  @ApiProperty({
    ...GETAL,
    example: '82.5',
    description: 'De gerealiseerde waarde (hoogstens 4 decimalen).',
  })
  @Decimaal('waarde', WAARDE_GRENZEN)
  waarde: string | number;

  @WisbaarDecimaal(
    'gewicht',
    GEWICHT_GRENZEN,
    'Gewicht voor een gewogen gemiddelde over de percelen, bijvoorbeeld het aantal cliënten.',
    412,
  )
  gewicht?: string | number | null;

  @WisbareTekst('toelichting', MAX_VERHAAL, 'Het verhaal achter dit cijfer.')
  toelichting?: string | null;

  @WisbareTekst('bron', 200, 'Waar het cijfer vandaan komt.', 'Registratiesysteem, export 5 juli')
  bron?: string | null;

  @ApiPropertyOptional({
    enum: [...DATAKWALITEITEN],
    enumName: 'Datakwaliteit',
    default: 'betrouwbaar',
  })
  @IsOptional()
  @IsIn([...DATAKWALITEITEN], {
    message: `datakwaliteit moet een van ${DATAKWALITEITEN.join(', ')} zijn`,
  })
  datakwaliteit?: Datakwaliteit;
}

export class ZetWaardenRequest {
  @ApiProperty({
    type: () => KpiWaardeInput,
    isArray: true,
    maxItems: MAX_WAARDEN_PER_VERZOEK,
    description:
      'Toevoegen of bijwerken per (KPI, perceel). Waarden die niet in de lijst staan blijven ongewijzigd. Grote aantallen: gebruik de import.',
  })
  @IsArray({ message: 'waarden moet een lijst zijn' })
  @ArrayMaxSize(MAX_WAARDEN_PER_VERZOEK, {
    message: `waarden mag hoogstens ${MAX_WAARDEN_PER_VERZOEK} regels bevatten; gebruik de import voor meer`,
  })
  @ValidateNested({ each: true })
  @Type(() => KpiWaardeInput)
  waarden: KpiWaardeInput[];
}

export class CreateVerantwoordingStatuswijzigingRequest {
  @ApiProperty({
    enum: [...KWARTAALVERANTWOORDING_STATUSSEN],
    enumName: 'KwartaalverantwoordingStatus',
    description:
      'De nieuwe status: ingediend (directeur), vastgesteld of teruggezet (contractmanager), concept (een teruggezette verantwoording weer in bewerking).',
  })
  @IsIn([...KWARTAALVERANTWOORDING_STATUSSEN], {
    message: `status moet een van ${KWARTAALVERANTWOORDING_STATUSSEN.join(', ')} zijn`,
  })
  status: KwartaalverantwoordingStatus;

  @ApiPropertyOptional({
    type: String,
    maxLength: 4000,
    description:
      'Bij terugzetten: de vraag aan de aanbieder (wordt een beoordelingsopmerking). Anders een toelichting voor het logboek.',
  })
  @IsOptional()
  @IsString({ message: 'toelichting moet tekst zijn' })
  @Length(1, 4000, { message: 'toelichting moet 1 tot 4000 tekens zijn' })
  toelichting?: string;
}

export class CreateBeoordelingsopmerkingRequest {
  @ApiProperty({ enum: [...BEOORDELING_ONDERDELEN], enumName: 'BeoordelingOnderdeel' })
  @IsIn([...BEOORDELING_ONDERDELEN], {
    message: `onderdeel moet een van ${BEOORDELING_ONDERDELEN.join(', ')} zijn`,
  })
  onderdeel: BeoordelingOnderdeel;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Bij kpi-waarde: de KPI; bij casus of signaal: de casus of het signaal van deze aanbieder en periode.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'onderdeelId moet een uuid zijn' })
  onderdeelId?: string;

  @ApiProperty({ example: 'Het bereik in Perceel Noord daalt sterk; wat is de oorzaak?' })
  @IsString({ message: 'tekst moet tekst zijn' })
  @Length(1, 4000, { message: 'tekst moet 1 tot 4000 tekens zijn' })
  tekst: string;
}

export class CreateBeoordelingsreactieRequest {
  @ApiProperty({
    example:
      'Twee van de vijf medewerkers waren langdurig ziek; sinds juni is het team weer compleet.',
  })
  @IsString({ message: 'reactie moet tekst zijn' })
  @Length(1, 4000, { message: 'reactie moet 1 tot 4000 tekens zijn' })
  reactie: string;
}

// ---------------------------------------------------------------- responses

export class BudgetResponse {
  @ApiProperty({ type: Number, nullable: true, example: 152_500_000 })
  begrootCenten: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 149_830_000 })
  gerealiseerdCenten: number | null;

  @ApiProperty({ type: String, nullable: true })
  toelichting: string | null;
}

export class FormatieResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '48.6',
    description: 'Exact decimaal als tekst.',
  })
  formatieFte: string | null;

  @ApiProperty({ type: String, nullable: true, example: '3.2' })
  vacaturesFte: string | null;

  @ApiProperty({ type: String, nullable: true, example: '4.5' })
  verloopPercentage: string | null;

  @ApiProperty({ type: String, nullable: true })
  toelichting: string | null;
}

export class NormResponse implements WeergaveNorm {
  @ApiProperty({ example: '2026-Q3', description: 'Het kwartaal of jaar van de norm die geldt.' })
  periode: string;

  @ApiProperty({ example: '80' })
  streefwaarde: string;

  @ApiProperty({ example: '5' })
  tolerantieLetOp: string;

  @ApiProperty({ example: '10' })
  tolerantieUitKoers: string;
}

export class PerceelWaardeResponse implements PerceelWaardeWeergave {
  @ApiProperty({ format: 'uuid', description: 'Id van de waarde (voor verwijderen).' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  perceelId: string;

  @ApiProperty({ example: 'Perceel Noord' })
  perceelNaam: string;

  @ApiProperty({ example: '82.5' })
  waarde: string;

  @ApiProperty({ type: String, nullable: true })
  gewicht: string | null;

  @ApiProperty({ type: String, nullable: true })
  toelichting: string | null;

  @ApiProperty({ type: String, nullable: true })
  bron: string | null;

  @ApiProperty({ enum: [...DATAKWALITEITEN], enumName: 'Datakwaliteit' })
  datakwaliteit: Datakwaliteit;

  @ApiProperty({ enum: [...KPI_STATUSSEN], enumName: 'KpiStatus' })
  status: KpiStatus;

  @ApiProperty({
    example: 'De realisatie 82,5% ligt 2,5 procentpunt boven de streefwaarde 80%: op koers.',
  })
  statusToelichting: string;
}

export class TotaalResponse implements TotaalWeergave {
  @ApiProperty({
    format: 'uuid',
    type: String,
    nullable: true,
    description:
      'Id van de waarde bij een KPI voor de hele aanbieder; leeg bij een berekend totaal.',
  })
  id: string | null;

  @ApiProperty({ type: String, nullable: true, example: '78.25' })
  waarde: string | null;

  @ApiProperty({ type: String, nullable: true })
  toelichting: string | null;

  @ApiProperty({ type: String, nullable: true })
  bron: string | null;

  @ApiProperty({ enum: [...DATAKWALITEITEN], enumName: 'Datakwaliteit', nullable: true })
  datakwaliteit: Datakwaliteit | null;

  @ApiProperty({ description: 'Alle verwachte percelen (of de enkele waarde) zijn ingevuld.' })
  compleet: boolean;

  @ApiProperty({ enum: [...KPI_STATUSSEN], enumName: 'KpiStatus' })
  status: KpiStatus;

  @ApiProperty()
  statusToelichting: string;
}

export class KpiWaardenResponse implements KpiWaardenWeergave {
  @ApiProperty({ format: 'uuid' })
  kpiId: string;

  @ApiProperty({ format: 'uuid', description: 'De KPI-versie waartegen gerapporteerd is.' })
  kpiVersieId: string;

  @ApiProperty({ example: 'WT-03' })
  code: string;

  @ApiProperty({ example: 'Percentage hulpvragen binnen vijf werkdagen opgepakt' })
  naam: string;

  @ApiProperty({ example: 1 })
  versie: number;

  @ApiProperty({ enum: [...KPI_TYPES], enumName: 'KpiType' })
  type: KpiType;

  @ApiProperty({ enum: [...KPI_EENHEDEN], enumName: 'KpiEenheid' })
  eenheid: KpiEenheid;

  @ApiProperty({ enum: [...KPI_RICHTINGEN], enumName: 'KpiRichting' })
  richting: KpiRichting;

  @ApiProperty({ enum: [...KPI_AGGREGATIES], enumName: 'KpiAggregatie' })
  aggregatie: KpiAggregatie;

  @ApiProperty()
  perPerceel: boolean;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  ketenIds: string[];

  @ApiProperty({ type: () => NormResponse, nullable: true })
  norm: NormResponse | null;

  @ApiProperty({ type: () => PerceelWaardeResponse, isArray: true })
  percelen: PerceelWaardeResponse[];

  @ApiProperty({
    type: () => TotaalResponse,
    description:
      'Het totaal over de percelen volgens de aggregatie van de KPI, of de enkele waarde.',
  })
  totaal: TotaalResponse;
}

export class OntbrekendeWaardeResponse implements OntbrekendeWaarde {
  @ApiProperty({ format: 'uuid' })
  kpiId: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  naam: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  perceelId: string | null;

  @ApiProperty({ type: String, nullable: true })
  perceelNaam: string | null;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  ketenIds: string[];
}

export class BeoordelingsopmerkingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  kwartaalverantwoordingId: string;

  @ApiProperty({ example: 1 })
  revisie: number;

  @ApiProperty({ enum: [...BEOORDELING_ONDERDELEN], enumName: 'BeoordelingOnderdeel' })
  onderdeel: BeoordelingOnderdeel;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  onderdeelId: string | null;

  @ApiProperty()
  tekst: string;

  @ApiProperty({ format: 'uuid' })
  auteurId: string;

  @ApiProperty({ type: String, nullable: true })
  auteurNaam: string | null;

  @ApiProperty({ type: String, nullable: true })
  reactie: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reactieDoorId: string | null;

  @ApiProperty({ type: String, nullable: true })
  reactieDoorNaam: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reactieOp: string | null;

  @ApiProperty({ description: 'Nog zonder reactie van de aanbieder.' })
  open: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CasusInVerantwoordingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  titel: string;

  @ApiProperty()
  situatie: string;

  @ApiProperty({ type: String, nullable: true })
  vraag: string | null;

  @ApiProperty({ type: String, nullable: true })
  waarden: string | null;

  @ApiProperty({ type: String, nullable: true })
  betrokkenen: string | null;

  @ApiProperty({ type: String, nullable: true })
  aanpak: string | null;

  @ApiProperty({ type: String, nullable: true })
  effect: string | null;

  @ApiProperty({ type: String, nullable: true })
  les: string | null;

  @ApiProperty({ type: String, nullable: true })
  kwestie: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  perceelId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  wijkId: string | null;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  kpiIds: string[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  doelIds: string[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  ketenIds: string[];

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SignaalInVerantwoordingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  titel: string;

  @ApiProperty()
  waarneming: string;

  @ApiProperty({ example: 'regels' })
  soort: string;

  @ApiProperty({ example: 'nieuw' })
  status: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  perceelId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  wijkId: string | null;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  ketenIds: string[];

  @ApiProperty({ type: String, nullable: true })
  antwoord: string | null;

  @ApiProperty({ type: String, nullable: true })
  terugkoppeling: string | null;

  @ApiProperty({ type: Number, nullable: true })
  leerorde: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** Everything a version freezes: the account as it was, for everyone who may read it. */
export class KwartaalverantwoordingInhoud {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  gemeenteId: string;

  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  aanbiederNaam: string;

  @ApiProperty({ format: 'uuid' })
  rapportageperiodeId: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Bij de verantwoording van een aanvullende opdracht met een eigen periode.',
  })
  aanvullendeOpdrachtId: string | null;

  @ApiProperty({ example: '2026-Q3' })
  periode: string;

  @ApiProperty({ format: 'date', example: '2026-10-30' })
  deadline: string;

  @ApiProperty({ example: 1, description: 'Een correctie na vaststelling is een nieuwe revisie.' })
  revisie: number;

  @ApiProperty({
    enum: [...KWARTAALVERANTWOORDING_STATUSSEN],
    enumName: 'KwartaalverantwoordingStatus',
  })
  status: KwartaalverantwoordingStatus;

  @ApiProperty({ type: String, nullable: true })
  hoogtepunten: string | null;

  @ApiProperty({ type: String, nullable: true })
  knelpunten: string | null;

  @ApiProperty({ type: String, nullable: true })
  vooruitblik: string | null;

  @ApiProperty({ type: () => BudgetResponse })
  budget: BudgetResponse;

  @ApiProperty({ type: () => FormatieResponse })
  formatie: FormatieResponse;

  @ApiProperty({
    type: () => KpiWaardenResponse,
    isArray: true,
    description:
      'Per KPI de waarden per perceel en het totaal, met status tegen de norm van de periode.',
  })
  waarden: KpiWaardenResponse[];

  @ApiProperty({
    type: () => OntbrekendeWaardeResponse,
    isArray: true,
    description:
      'Verwachte KPI-waarden die nog ontbreken (een waarschuwing, geen blokkade bij indienen).',
  })
  ontbrekend: OntbrekendeWaardeResponse[];

  @ApiProperty({ type: () => BeoordelingsopmerkingResponse, isArray: true })
  openOpmerkingen: BeoordelingsopmerkingResponse[];

  @ApiProperty({
    type: () => CasusInVerantwoordingResponse,
    isArray: true,
    description: 'De casusverhalen van deze aanbieder over dit kwartaal.',
  })
  casussen: CasusInVerantwoordingResponse[];

  @ApiProperty({
    type: () => SignaalInVerantwoordingResponse,
    isArray: true,
    description: 'De signalen die deze aanbieder dit kwartaal inbracht.',
  })
  signalen: SignaalInVerantwoordingResponse[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  ingediendOp: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ingediendDoorId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  vastgesteldOp: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  vastgesteldDoorId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  teruggezetOp: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({
    example: 3,
    description: 'Gelijk aan de ETag (W/"3"); stuur die mee in If-Match.',
  })
  version: number;
}

export class KwartaalverantwoordingResponse extends KwartaalverantwoordingInhoud {
  @ApiProperty({
    enum: [...KWARTAALVERANTWOORDING_STATUSSEN],
    enumName: 'KwartaalverantwoordingStatus',
    isArray: true,
    description: 'De statussen waarnaar u deze verantwoording met uw rol kunt brengen.',
  })
  volgendeStatussen: KwartaalverantwoordingStatus[];

  @ApiProperty({ description: 'Of dit de nieuwste revisie van de periode is.' })
  laatsteRevisie: boolean;
}

export class KwartaalverantwoordingSamenvattingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty()
  aanbiederNaam: string;

  @ApiProperty({ format: 'uuid' })
  rapportageperiodeId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  aanvullendeOpdrachtId: string | null;

  @ApiProperty({ example: '2026-Q3' })
  periode: string;

  @ApiProperty({ format: 'date' })
  deadline: string;

  @ApiProperty()
  revisie: number;

  @ApiProperty({
    enum: [...KWARTAALVERANTWOORDING_STATUSSEN],
    enumName: 'KwartaalverantwoordingStatus',
  })
  status: KwartaalverantwoordingStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  ingediendOp: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  vastgesteldOp: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty()
  version: number;
}

export class KwartaalverantwoordingVersieResponse {
  @ApiProperty({
    example: 1,
    description: 'Volgnummer binnen deze revisie: 1 is de eerste bevroren versie.',
  })
  volgnummer: number;

  @ApiProperty()
  revisie: number;

  @ApiProperty({
    enum: [...KWARTAALVERANTWOORDING_STATUSSEN],
    enumName: 'KwartaalverantwoordingStatus',
    description: 'De status waarmee deze versie werd bevroren: ingediend of vastgesteld.',
  })
  status: KwartaalverantwoordingStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  aangemaaktDoorId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class KwartaalverantwoordingVersieInhoudResponse extends KwartaalverantwoordingVersieResponse {
  @ApiProperty({ type: () => KwartaalverantwoordingInhoud })
  inhoud: KwartaalverantwoordingInhoud;
}

export class ImportResultaatResponse {
  @ApiProperty({ example: 100_000 })
  aantalRijen: number;

  @ApiProperty({ example: 99_500 })
  toegevoegd: number;

  @ApiProperty({ example: 500 })
  bijgewerkt: number;

  @ApiProperty({
    example: 4,
    description: 'De nieuwe versie (ETag) van de kwartaalverantwoording.',
  })
  version: number;
}

export function toVersieResponse(
  v: KwartaalverantwoordingVersie,
): KwartaalverantwoordingVersieResponse {
  return {
    volgnummer: v.volgnummer,
    revisie: v.revisie,
    status: v.status,
    aangemaaktDoorId: v.aangemaaktDoorId,
    createdAt: v.createdAt.toISOString(),
  };
}

export const ISO = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
