import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { PageQuery } from '@wijkkompas/core';
import { GraafMelding, GraafMeldingCode, nummerVeronderstellingen } from '../graaf';
import {
  BEWIJSSTATUSSEN,
  BEWIJSSTATUS_LABELS,
  Bewijsstatus,
  ELEMENT_SOORTEN,
  ELEMENT_SOORT_LABELS,
  ElementSoort,
  KENNISBRONNEN,
  KENNISBRON_LABELS,
  Kennisbron,
  STRATEGIEEN,
  Strategie,
  TheorieElement,
  Verband,
  Veronderstelling,
} from '../model';
import { Meetniveau, MEETNIVEAUS, STRATEGIE_METING } from '../strategie';
import { meldingenVan, TheorieInhoud } from './inhoud';
import { Verandertheorie, VerandertheorieVersie } from './verandertheorie.entity';
import { Keuze, Kwartaal, Tekst, Teksten, Uuid, Uuids } from './velden';

// ---------------------------------------------------------------- requests

export class VerandertheorieQuery extends PageQuery {
  @Uuid('hoofdopdrachtId', 'optioneel', 'Alleen de verandertheorieën van deze hoofdopdracht.')
  hoofdopdrachtId?: string;

  @Uuid(
    'aanvullendeOpdrachtId',
    'optioneel',
    'Alleen de verandertheorieën van deze aanvullende opdracht.',
  )
  aanvullendeOpdrachtId?: string;

  @Tekst('thema', 100, 'optioneel', {
    example: 'armoede en schulden',
    description: 'Alleen de verandertheorieën van dit thema.',
  })
  thema?: string;
}

export class PeriodeQuery {
  @Kwartaal(
    'periode',
    'Het kwartaal waarvan u de versie wilt zien die toen gold; zonder periode de nieuwste versie.',
  )
  periode?: string;
}

const TOELICHTING_OPTIES = {
  example: 'Besproken in het ontwikkeloverleg van 12 maart.',
  description:
    'Waarom deze wijziging; komt bij de versie te staan, na de beschrijving van wat er veranderde.',
};

const GELDIG_VANAF_WIJZIGING =
  'Vanaf welk kwartaal de nieuwe versie geldt, niet vóór de nieuwste versie. Standaard: zolang een teruggedateerde verandertheorie nog niet in gebruik is (geschreven in dit kwartaal, nog geen diagnose), het kwartaal van de nieuwste versie, zodat de review van dat kwartaal de aanvulling toont; daarna het huidige kwartaal, en dan kan een wijziging niet terugwerken.';

export class AmbitieInput {
  @Tekst('ambitie.tekst', 500, 'verplicht', {
    example: 'Inwoners redden zich zo veel mogelijk zelf, samen met hun omgeving',
  })
  tekst: string;

  @Uuids(
    'ambitie.doelIds',
    'verplicht',
    'De doelen van de opdracht waaraan de ambitie bijdraagt (bij een aanvullende opdracht of thema: doelen van de gemeente).',
  )
  doelIds: string[];
}

export class CreateVerandertheorieRequest {
  @Tekst('titel', 200, 'verplicht', { example: 'Wijkteam Noord: eerder en dichtbij' })
  titel: string;

  @Uuid(
    'hoofdopdrachtId',
    'optioneel',
    'De hoofdopdracht; precies één van hoofdopdrachtId, aanvullendeOpdrachtId en thema.',
  )
  hoofdopdrachtId?: string;

  @Uuid('aanvullendeOpdrachtId', 'optioneel', 'De aanvullende opdracht.')
  aanvullendeOpdrachtId?: string;

  @Tekst('thema', 100, 'optioneel', {
    example: 'armoede en schulden',
    description: 'Een thema over opdrachten heen.',
  })
  thema?: string;

  @Uuid(
    'aanbiederId',
    'optioneel',
    'De aanbieder die meeschrijft. Bij een hoofdopdracht altijd de aanbieder daarvan; bij een aanvullende opdracht een van haar aanbieders (leeg: alle aanbieders ervan).',
  )
  aanbiederId?: string;

  @Keuze('strategie', STRATEGIEEN, 'Strategie', 'verplicht', {
    description: 'De Ebrahim-strategie: welke vorm van verantwoording past bij het werk.',
  })
  strategie: Strategie;

  @ApiProperty({ type: () => AmbitieInput })
  @IsDefined({ message: 'ambitie is verplicht' })
  @IsObject({ message: 'ambitie moet een object zijn' })
  @ValidateNested()
  @Type(() => AmbitieInput)
  ambitie: AmbitieInput;

  @Kwartaal(
    'geldigVanaf',
    'Het eerste kwartaal waarin deze verandertheorie geldt; standaard het huidige kwartaal. Mag eerder liggen als de theorie beschrijft hoe al gewerkt wordt.',
  )
  geldigVanaf?: string;

  @Tekst('toelichting', 2000, 'optioneel', TOELICHTING_OPTIES)
  toelichting?: string;
}

export class AmbitieWijziging {
  @Tekst('ambitie.tekst', 500, 'optioneel')
  tekst?: string;

  @Uuids('ambitie.doelIds', 'optioneel', 'De doelen waaraan de ambitie bijdraagt.')
  doelIds?: string[];
}

export class UpdateVerandertheorieRequest {
  @Tekst('titel', 200, 'optioneel')
  titel?: string;

  @Keuze('strategie', STRATEGIEEN, 'Strategie', 'optioneel')
  strategie?: Strategie;

  @ApiPropertyOptional({ type: () => AmbitieWijziging })
  @IsOptional()
  @IsObject({ message: 'ambitie moet een object zijn' })
  @ValidateNested()
  @Type(() => AmbitieWijziging)
  ambitie?: AmbitieWijziging;

  @Kwartaal('geldigVanaf', GELDIG_VANAF_WIJZIGING)
  geldigVanaf?: string;

  @Tekst('toelichting', 2000, 'optioneel', TOELICHTING_OPTIES)
  toelichting?: string;
}

export class CreateElementRequest {
  @Keuze('soort', ELEMENT_SOORTEN, 'ElementSoort', 'verplicht', {
    description:
      'activiteit ("op deze wijze"), outcome-individueel, outcome-maatschappelijk. De ambitie bestaat al.',
  })
  soort: ElementSoort;

  @Tekst('titel', 300, 'verplicht', { example: 'Wekelijks inloopspreekuur in het buurthuis' })
  titel: string;

  @Tekst('omschrijving', 2000, 'wisbaar')
  omschrijving?: string | null;

  @Tekst('toelichting', 2000, 'optioneel', TOELICHTING_OPTIES)
  toelichting?: string;

  @Kwartaal('geldigVanaf', GELDIG_VANAF_WIJZIGING)
  geldigVanaf?: string;
}

export class UpdateElementRequest {
  @Tekst('titel', 300, 'optioneel')
  titel?: string;

  @Tekst('omschrijving', 2000, 'wisbaar')
  omschrijving?: string | null;

  @Tekst('toelichting', 2000, 'optioneel', TOELICHTING_OPTIES)
  toelichting?: string;

  @Kwartaal('geldigVanaf', GELDIG_VANAF_WIJZIGING)
  geldigVanaf?: string;
}

export class CreateVerbandRequest {
  @Uuid('vanId', 'verplicht', 'Het element dat bijdraagt (een activiteit of uitkomst).')
  vanId: string;

  @Uuid('naarId', 'verplicht', 'Het element waaraan het bijdraagt (een uitkomst of de ambitie).')
  naarId: string;

  @Tekst('toelichting', 2000, 'optioneel', TOELICHTING_OPTIES)
  toelichting?: string;

  @Kwartaal('geldigVanaf', GELDIG_VANAF_WIJZIGING)
  geldigVanaf?: string;
}

const RANDVOORWAARDEN = 'Waaraan voldaan moet zijn voor de veronderstelling opgaat.';
const EXTERNE_FACTOREN = 'Wat buiten de invloed van het team meespeelt.';

export class CreateVeronderstellingRequest {
  @Uuid('verbandId', 'verplicht', 'Het verband waarbij dit de "want ..." is.')
  verbandId: string;

  @Tekst('tekst', 2000, 'verplicht', {
    example:
      'Een spreekuur in de eigen wijk, zonder aanmelding, verlaagt de drempel om hulp te vragen.',
  })
  tekst: string;

  @Keuze('kennisbron', KENNISBRONNEN, 'Kennisbron', 'verplicht')
  kennisbron: Kennisbron;

  @Keuze('bewijsstatus', BEWIJSSTATUSSEN, 'Bewijsstatus', 'verplicht')
  bewijsstatus: Bewijsstatus;

  @Teksten('randvoorwaarden', 'optioneel', RANDVOORWAARDEN, [
    'Een vaste, bekende locatie in elke wijk',
  ])
  randvoorwaarden?: string[];

  @Teksten('externeFactoren', 'optioneel', EXTERNE_FACTOREN, [
    'Sluiting van buurthuizen door bezuinigingen',
  ])
  externeFactoren?: string[];

  @Tekst('toelichting', 2000, 'optioneel', TOELICHTING_OPTIES)
  toelichting?: string;

  @Kwartaal('geldigVanaf', GELDIG_VANAF_WIJZIGING)
  geldigVanaf?: string;
}

export class UpdateVeronderstellingRequest {
  @Tekst('tekst', 2000, 'optioneel')
  tekst?: string;

  @Keuze('kennisbron', KENNISBRONNEN, 'Kennisbron', 'optioneel')
  kennisbron?: Kennisbron;

  @Keuze('bewijsstatus', BEWIJSSTATUSSEN, 'Bewijsstatus', 'optioneel')
  bewijsstatus?: Bewijsstatus;

  @Teksten('randvoorwaarden', 'optioneel', RANDVOORWAARDEN, [])
  randvoorwaarden?: string[];

  @Teksten('externeFactoren', 'optioneel', EXTERNE_FACTOREN, [])
  externeFactoren?: string[];

  @Tekst('toelichting', 2000, 'optioneel', TOELICHTING_OPTIES)
  toelichting?: string;

  @Kwartaal('geldigVanaf', GELDIG_VANAF_WIJZIGING)
  geldigVanaf?: string;
}

export class ZetKpiBewijzenRequest {
  @Uuids(
    'kpiIds',
    'verplicht',
    'Alle KPI’s die laten zien of dit element dichterbij komt; vervangt de eerdere koppelingen. KPI’s van dezelfde opdracht.',
  )
  kpiIds: string[];

  @Tekst('toelichting', 2000, 'optioneel', TOELICHTING_OPTIES)
  toelichting?: string;

  @Kwartaal('geldigVanaf', GELDIG_VANAF_WIJZIGING)
  geldigVanaf?: string;
}

// ---------------------------------------------------------------- responses

export class ElementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: [...ELEMENT_SOORTEN], enumName: 'ElementSoort' })
  soort: ElementSoort;

  @ApiProperty({ example: 'individuele uitkomst' })
  soortLabel: string;

  @ApiProperty({ example: 'Huishoudens kunnen na afsluiting zelf verder' })
  titel: string;

  @ApiProperty({ type: String, nullable: true })
  omschrijving: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'De KPI’s die dit element zichtbaar maken.',
  })
  kpiIds: string[];
}

export class VerbandResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  vanId: string;

  @ApiProperty({ format: 'uuid' })
  naarId: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  veronderstellingIds: string[];
}

export class VeronderstellingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 3, description: 'Het nummer in het diagram en in de review.' })
  nummer: number;

  @ApiProperty({ format: 'uuid' })
  verbandId: string;

  @ApiProperty()
  tekst: string;

  @ApiProperty({ enum: [...KENNISBRONNEN], enumName: 'Kennisbron' })
  kennisbron: Kennisbron;

  @ApiProperty({ example: 'professionele kennis' })
  kennisbronLabel: string;

  @ApiProperty({ enum: [...BEWIJSSTATUSSEN], enumName: 'Bewijsstatus' })
  bewijsstatus: Bewijsstatus;

  @ApiProperty({ example: 'aannemelijk' })
  bewijsstatusLabel: string;

  @ApiProperty({ type: String, isArray: true })
  randvoorwaarden: string[];

  @ApiProperty({ type: String, isArray: true })
  externeFactoren: string[];
}

export class KpiBewijsResponse {
  @ApiProperty({ format: 'uuid' })
  kpiId: string;

  @ApiProperty({ format: 'uuid' })
  elementId: string;
}

export class AmbitieResponse {
  @ApiProperty()
  tekst: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  doelIds: string[];

  @ApiProperty({ format: 'uuid', description: 'Het element waarop alle paden uitkomen.' })
  elementId: string;
}

export class StrategieResponse {
  @ApiProperty({ enum: [...STRATEGIEEN], enumName: 'Strategie' })
  strategie: Strategie;

  @ApiProperty({ example: 'ecosysteem' })
  label: string;

  @ApiProperty({ example: 'Meet zowel de individuele als de maatschappelijke uitkomsten.' })
  meet: string;

  @ApiProperty({
    enum: [...MEETNIVEAUS],
    enumName: 'Meetniveau',
    isArray: true,
    description: 'Wat de KPI-set moet bevatten om bij de strategie te passen.',
  })
  vereist: Meetniveau[];

  @ApiProperty()
  uitleg: string;
}

export class GraafMeldingResponse {
  @ApiProperty({ type: String, example: 'element-bereikt-ambitie-niet' })
  code: GraafMeldingCode;

  @ApiProperty({ enum: ['fout', 'aandacht'], enumName: 'GraafMeldingErnst' })
  ernst: 'fout' | 'aandacht';

  @ApiProperty()
  melding: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  elementIds: string[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  verbandIds: string[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  veronderstellingIds: string[];
}

class VerandertheorieKop {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Wijkteam Noord: eerder en dichtbij' })
  titel: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  hoofdopdrachtId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  aanvullendeOpdrachtId: string | null;

  @ApiProperty({ type: String, nullable: true })
  thema: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  aanbiederId: string | null;

  @ApiProperty({ example: 7, description: 'Het nummer van de nieuwste versie.' })
  huidigeVersie: number;
}

export class VerandertheorieSamenvattingResponse extends VerandertheorieKop {
  @ApiProperty({ enum: [...STRATEGIEEN], enumName: 'Strategie' })
  strategie: Strategie;

  @ApiProperty({ example: '2026-Q3', description: 'Vanaf wanneer de nieuwste versie geldt.' })
  geldigVanaf: string;

  @ApiProperty()
  ambitie: string;

  @ApiProperty({ example: 8 })
  aantalElementen: number;

  @ApiProperty({ example: 5 })
  aantalVeronderstellingen: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class VerandertheorieResponse extends VerandertheorieKop {
  @ApiProperty({ format: 'uuid' })
  gemeenteId: string;

  @ApiProperty({ example: 5, description: 'De versie die dit antwoord laat zien.' })
  versie: number;

  @ApiProperty({ example: '2026-Q3', description: 'Het eerste kwartaal waarin deze versie geldt.' })
  geldigVanaf: string;

  @ApiProperty({ example: "Verband van 'A' naar 'B' gelegd" })
  toelichting: string;

  @ApiProperty({ example: 'Carla Contractmanager' })
  gewijzigdDoor: string;

  @ApiProperty({ format: 'date-time' })
  gewijzigdOp: string;

  @ApiProperty({ type: () => StrategieResponse })
  strategie: StrategieResponse;

  @ApiProperty({ type: () => AmbitieResponse })
  ambitie: AmbitieResponse;

  @ApiProperty({ type: () => ElementResponse, isArray: true })
  elementen: ElementResponse[];

  @ApiProperty({ type: () => VerbandResponse, isArray: true })
  verbanden: VerbandResponse[];

  @ApiProperty({ type: () => VeronderstellingResponse, isArray: true })
  veronderstellingen: VeronderstellingResponse[];

  @ApiProperty({ type: () => KpiBewijsResponse, isArray: true })
  kpiBewijzen: KpiBewijsResponse[];

  @ApiProperty({
    type: () => GraafMeldingResponse,
    isArray: true,
    description: 'Aandachtspunten, zoals elementen die (nog) niet naar de ambitie leiden.',
  })
  meldingen: GraafMeldingResponse[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class VersieSamenvattingResponse {
  @ApiProperty({ example: 3 })
  versie: number;

  @ApiProperty({ example: '2026-Q3' })
  geldigVanaf: string;

  @ApiProperty()
  toelichting: string;

  @ApiProperty()
  gewijzigdDoor: string;

  @ApiProperty({ format: 'date-time' })
  gewijzigdOp: string;
}

export class KpiTheorieElementResponse {
  @ApiProperty({ format: 'uuid' })
  theorieId: string;

  @ApiProperty()
  theorieTitel: string;

  @ApiProperty({ example: 4, description: 'De nieuwste versie van de verandertheorie.' })
  versie: number;

  @ApiProperty({ format: 'uuid' })
  elementId: string;

  @ApiProperty({ enum: [...ELEMENT_SOORTEN], enumName: 'ElementSoort' })
  soort: ElementSoort;

  @ApiProperty({ example: 'individuele uitkomst' })
  soortLabel: string;

  @ApiProperty({ example: 'Huishoudens kunnen na afsluiting zelf verder' })
  titel: string;
}

export class KpiTheorieElementenResponse {
  @ApiProperty({ format: 'uuid' })
  kpiId: string;

  @ApiProperty({
    type: () => KpiTheorieElementResponse,
    isArray: true,
    description:
      'De elementen van verandertheorieën (nieuwste versie) die deze KPI zichtbaar maakt.',
  })
  elementen: KpiTheorieElementResponse[];
}

// ---------------------------------------------------------------- mappers

export function toElementResponse(element: TheorieElement, inhoud: TheorieInhoud): ElementResponse {
  return {
    id: element.id,
    soort: element.soort,
    soortLabel: ELEMENT_SOORT_LABELS[element.soort],
    titel: element.titel,
    omschrijving: element.omschrijving,
    kpiIds: inhoud.kpiBewijzen.filter((b) => b.elementId === element.id).map((b) => b.kpiId),
  };
}

export function toVerbandResponse(verband: Verband, inhoud: TheorieInhoud): VerbandResponse {
  return {
    id: verband.id,
    vanId: verband.vanId,
    naarId: verband.naarId,
    veronderstellingIds: inhoud.veronderstellingen
      .filter((v) => v.verbandId === verband.id)
      .map((v) => v.id),
  };
}

export function toVeronderstellingResponse(
  v: Veronderstelling,
  nummers: ReadonlyMap<string, number>,
): VeronderstellingResponse {
  return {
    id: v.id,
    nummer: nummers.get(v.id) ?? 0,
    verbandId: v.verbandId,
    tekst: v.tekst,
    kennisbron: v.kennisbron,
    kennisbronLabel: KENNISBRON_LABELS[v.kennisbron],
    bewijsstatus: v.bewijsstatus,
    bewijsstatusLabel: BEWIJSSTATUS_LABELS[v.bewijsstatus],
    randvoorwaarden: [...v.randvoorwaarden],
    externeFactoren: [...v.externeFactoren],
  };
}

export function toStrategieResponse(strategie: Strategie): StrategieResponse {
  const meting = STRATEGIE_METING[strategie];
  return {
    strategie,
    label: meting.label,
    meet: meting.meet,
    vereist: [...meting.vereist],
    uitleg: meting.uitleg,
  };
}

function toMelding(m: GraafMelding): GraafMeldingResponse {
  return {
    code: m.code,
    ernst: m.ernst,
    melding: m.melding,
    elementIds: m.elementIds,
    verbandIds: m.verbandIds,
    veronderstellingIds: m.veronderstellingIds,
  };
}

function kop(t: Verandertheorie): VerandertheorieKop {
  return {
    id: t.id,
    titel: t.titel,
    hoofdopdrachtId: t.hoofdopdrachtId,
    aanvullendeOpdrachtId: t.aanvullendeOpdrachtId,
    thema: t.thema,
    aanbiederId: t.aanbiederId,
    huidigeVersie: t.huidigeVersie,
  };
}

export function toVerandertheorieResponse(
  t: Verandertheorie,
  v: VerandertheorieVersie,
): VerandertheorieResponse {
  const inhoud = v.inhoud;
  const nummers = nummerVeronderstellingen({ id: t.id, ...inhoud });
  const ambitie = inhoud.elementen.find((e) => e.soort === 'ambitie');
  return {
    ...kop(t),
    titel: inhoud.titel,
    gemeenteId: t.gemeenteId,
    versie: v.versie,
    geldigVanaf: v.geldigVanaf,
    toelichting: v.toelichting,
    gewijzigdDoor: v.createdByNaam,
    gewijzigdOp: v.createdAt.toISOString(),
    strategie: toStrategieResponse(inhoud.strategie),
    ambitie: {
      tekst: inhoud.ambitie.tekst,
      doelIds: [...inhoud.ambitie.doelIds],
      elementId: ambitie?.id ?? '',
    },
    elementen: inhoud.elementen.map((e) => toElementResponse(e, inhoud)),
    verbanden: inhoud.verbanden.map((vb) => toVerbandResponse(vb, inhoud)),
    veronderstellingen: inhoud.veronderstellingen.map((vo) =>
      toVeronderstellingResponse(vo, nummers),
    ),
    kpiBewijzen: inhoud.kpiBewijzen.map((b) => ({ kpiId: b.kpiId, elementId: b.elementId })),
    meldingen: meldingenVan(t.id, inhoud).map(toMelding),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function toSamenvattingResponse(
  t: Verandertheorie,
  v: VerandertheorieVersie,
): VerandertheorieSamenvattingResponse {
  return {
    ...kop(t),
    strategie: v.inhoud.strategie,
    geldigVanaf: v.geldigVanaf,
    ambitie: v.inhoud.ambitie.tekst,
    aantalElementen: v.inhoud.elementen.length,
    aantalVeronderstellingen: v.inhoud.veronderstellingen.length,
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function toVersieSamenvattingResponse(v: VerandertheorieVersie): VersieSamenvattingResponse {
  return {
    versie: v.versie,
    geldigVanaf: v.geldigVanaf,
    toelichting: v.toelichting,
    gewijzigdDoor: v.createdByNaam,
    gewijzigdOp: v.createdAt.toISOString(),
  };
}
