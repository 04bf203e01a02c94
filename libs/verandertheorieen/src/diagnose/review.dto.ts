import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BEWIJSSTATUSSEN,
  Bewijsstatus,
  ELEMENT_SOORTEN,
  ElementSoort,
  KENNISBRONNEN,
  Kennisbron,
} from '../model';
import { DIAGNOSES, Diagnose } from '../review';
import { Keuze, Tekst, Uuid } from '../verandertheorie/velden';

export class DiagnoseRequest {
  @Keuze('diagnose', DIAGNOSES, 'Diagnose', 'verplicht', {
    description:
      'Waar het aan lag: uitvoering, randvoorwaarden, externe-factor, veronderstelling-klopt-niet of nog-onbekend.',
  })
  diagnose: Diagnose;

  @Tekst('notitie', 4000, 'wisbaar', {
    example:
      'Door de gestegen vaste lasten kwamen meer huishoudens met schulden binnen; trajecten duurden langer.',
  })
  notitie?: string | null;

  @Uuid(
    'kpiId',
    'optioneel',
    'Alleen voor deze uit-koers-KPI; zonder geldt de diagnose onder elke KPI van de review van dit kwartaal.',
  )
  kpiId?: string;
}

export class UitKoersResponse {
  @ApiProperty({ format: 'uuid' })
  kwartaalverantwoordingId: string;

  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty({ example: 1 })
  revisie: number;

  @ApiProperty({ type: String, nullable: true, example: '61.5', description: 'Exact decimaal.' })
  waarde: string | null;

  @ApiProperty({ type: String, nullable: true, example: '75' })
  streefwaarde: string | null;

  @ApiProperty({ example: 'De realisatie 61,5% ligt 13,5 procentpunt onder de streefwaarde 75%…' })
  toelichting: string;
}

export class ReviewElementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: [...ELEMENT_SOORTEN], enumName: 'ElementSoort' })
  soort: ElementSoort;

  @ApiProperty()
  titel: string;
}

export class ReviewPadResponse {
  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  elementIds: string[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  verbandIds: string[];

  @ApiProperty({
    example: "'Huishoudens kunnen na afsluiting zelf verder' → 'Minder doorverwijzingen …'",
  })
  tekst: string;
}

export class ReviewVeronderstellingResponse {
  @ApiProperty({ format: 'uuid' })
  veronderstellingId: string;

  @ApiProperty({ example: 3 })
  nummer: number;

  @ApiProperty()
  tekst: string;

  @ApiProperty({ enum: [...KENNISBRONNEN], enumName: 'Kennisbron' })
  kennisbron: Kennisbron;

  @ApiProperty({ enum: [...BEWIJSSTATUSSEN], enumName: 'Bewijsstatus' })
  bewijsstatus: Bewijsstatus;

  @ApiProperty({ type: String, isArray: true })
  randvoorwaarden: string[];

  @ApiProperty({ type: String, isArray: true })
  externeFactoren: string[];

  @ApiProperty({ format: 'uuid' })
  verbandId: string;

  @ApiProperty({ description: 'Het element waar het verband begint.' })
  van: string;

  @ApiProperty({ description: 'Het element waar het verband naartoe leidt.' })
  naar: string;

  @ApiProperty({ enum: [...DIAGNOSES], enumName: 'Diagnose' })
  diagnose: Diagnose;

  @ApiProperty({ example: 'externe factor' })
  diagnoseLabel: string;

  @ApiProperty({ type: String, nullable: true })
  notitie: string | null;

  @ApiProperty({ description: 'Of er voor dit kwartaal al een diagnose is vastgelegd.' })
  vastgelegd: boolean;
}

export class ReviewKpiResponse {
  @ApiProperty({ format: 'uuid' })
  kpiId: string;

  @ApiProperty({ example: 'NRD-07' })
  code: string;

  @ApiProperty()
  naam: string;

  @ApiProperty({
    type: () => UitKoersResponse,
    isArray: true,
    description: 'De vastgestelde kwartaalverantwoordingen waarin de KPI uit koers was.',
  })
  uitKoers: UitKoersResponse[];

  @ApiProperty({
    type: () => ReviewElementResponse,
    isArray: true,
    description: 'De elementen die de KPI zichtbaar maakt.',
  })
  elementen: ReviewElementResponse[];

  @ApiProperty({ type: () => ReviewPadResponse, isArray: true })
  paden: ReviewPadResponse[];

  @ApiProperty({
    type: () => ReviewVeronderstellingResponse,
    isArray: true,
    description: 'Precies de veronderstellingen op die paden, in padvolgorde.',
  })
  veronderstellingen: ReviewVeronderstellingResponse[];
}

export class ReviewResponse {
  @ApiProperty({ format: 'uuid' })
  theorieId: string;

  @ApiProperty()
  titel: string;

  @ApiProperty({ example: '2026-Q2' })
  periode: string;

  @ApiProperty({
    example: 4,
    description: 'De versie van de verandertheorie die in dit kwartaal gold.',
  })
  versie: number;

  @ApiProperty({ example: '2026-Q1' })
  geldigVanaf: string;

  @ApiProperty({
    type: () => ReviewKpiResponse,
    isArray: true,
    description:
      'Per gekoppelde KPI die uit koers was in een vastgestelde kwartaalverantwoording van dit kwartaal; leeg als er niets uit koers was.',
  })
  kpis: ReviewKpiResponse[];
}

export class DiagnoseResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  theorieId: string;

  @ApiProperty({ example: '2026-Q2' })
  periode: string;

  @ApiProperty({ format: 'uuid' })
  veronderstellingId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  kpiId: string | null;

  @ApiProperty({ enum: [...DIAGNOSES], enumName: 'Diagnose' })
  diagnose: Diagnose;

  @ApiProperty({ example: 'randvoorwaarden' })
  diagnoseLabel: string;

  @ApiProperty({ type: String, nullable: true })
  notitie: string | null;

  @ApiProperty()
  gesteldDoor: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ example: 1 })
  version: number;
}

export class GeschiedenisDiagnoseResponse {
  @ApiProperty({ example: '2026-Q2' })
  periode: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  kpiId: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'NRD-07' })
  kpiCode: string | null;

  @ApiProperty({ enum: [...DIAGNOSES], enumName: 'Diagnose' })
  diagnose: Diagnose;

  @ApiProperty({ example: 'externe factor' })
  diagnoseLabel: string;

  @ApiProperty({ type: String, nullable: true })
  notitie: string | null;

  @ApiProperty()
  gesteldDoor: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class GeschiedenisVersieResponse {
  @ApiProperty({ example: 3 })
  versie: number;

  @ApiProperty({ example: '2026-Q1' })
  geldigVanaf: string;

  @ApiProperty()
  tekst: string;

  @ApiProperty({ enum: [...BEWIJSSTATUSSEN], enumName: 'Bewijsstatus' })
  bewijsstatus: Bewijsstatus;
}

export class GeschiedenisResponse {
  @ApiProperty({ format: 'uuid' })
  theorieId: string;

  @ApiProperty({ format: 'uuid' })
  veronderstellingId: string;

  @ApiProperty({
    description: 'De tekst in de nieuwste versie waarin de veronderstelling voorkomt.',
  })
  tekst: string;

  @ApiProperty({ description: 'Of de veronderstelling in de nieuwste versie nog staat.' })
  actueel: boolean;

  @ApiProperty({
    type: () => GeschiedenisVersieResponse,
    isArray: true,
    description: 'De versies waarin de tekst of bewijsstatus veranderde, oudste eerst.',
  })
  versies: GeschiedenisVersieResponse[];

  @ApiProperty({
    type: () => GeschiedenisDiagnoseResponse,
    isArray: true,
    description: 'De diagnoses per kwartaal, oudste eerst: wat er geleerd is.',
  })
  diagnoses: GeschiedenisDiagnoseResponse[];
}
