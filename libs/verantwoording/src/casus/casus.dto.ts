import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@wijkkompas/core';
import { Casus } from './casus.entity';
import {
  FilterUuid,
  GekoppeldItem,
  GekoppeldeKpi,
  Kwartaal,
  KWARTAAL_PATROON,
  Tekst,
  Uuid,
  Uuids,
} from './dto-velden';
import { koppelingen, Namen } from './verwijzingen';

/** The free-text fields of a story, in the order of the brief; all are privacy-scanned. */
export const CASUS_TEKSTVELDEN = [
  'titel',
  'situatie',
  'vraag',
  'waarden',
  'betrokkenen',
  'aanpak',
  'effect',
  'les',
  'kwestie',
] as const;
export type CasusTekstveld = (typeof CASUS_TEKSTVELDEN)[number];

/** How the fields are called in a message to the writer. */
export const CASUS_VELDNAMEN: Readonly<Record<CasusTekstveld, string>> = {
  titel: 'Titel',
  situatie: 'Situatie',
  vraag: 'Vraag of dilemma',
  waarden: 'Waarden',
  betrokkenen: 'Betrokkenen',
  aanpak: 'Aanpak',
  effect: 'Effect voor de inwoner',
  les: 'Les',
  kwestie: 'Kwestie voor beleid',
};

const MAX_TEKST = 10_000;

export class CreateCasusRequest {
  @Kwartaal('periode', 'verplicht', 'Het kwartaal waarover het verhaal gaat.')
  periode: string;

  @Tekst('titel', 300, 'verplicht', { example: 'Schulden en schooluitval in één gezin' })
  titel: string;

  @Tekst('situatie', MAX_TEKST, 'verplicht', {
    description: 'De situatie: de feiten zoals samen met de inwoner en partners vastgesteld.',
  })
  situatie: string;

  @Tekst('vraag', MAX_TEKST, 'wisbaar', { description: 'De vraag of het dilemma.' })
  vraag?: string | null;

  @Tekst('waarden', MAX_TEKST, 'wisbaar', { description: 'De waarden die op het spel stonden.' })
  waarden?: string | null;

  @Tekst('betrokkenen', MAX_TEKST, 'wisbaar', {
    description: 'Wie er betrokken waren: formele en informele partners.',
  })
  betrokkenen?: string | null;

  @Tekst('aanpak', MAX_TEKST, 'wisbaar', { description: 'Wat er gedaan is.' })
  aanpak?: string | null;

  @Tekst('effect', MAX_TEKST, 'wisbaar', { description: 'Het effect voor de inwoner.' })
  effect?: string | null;

  @Tekst('les', MAX_TEKST, 'wisbaar', { description: 'De les.' })
  les?: string | null;

  @Tekst('kwestie', MAX_TEKST, 'wisbaar', {
    description: 'De kwestie om met beleid te bespreken.',
  })
  kwestie?: string | null;

  @Uuid(
    'perceelId',
    'wisbaar',
    'Het perceel waar het speelde; moet in het kwartaal aan uw organisatie toegewezen zijn.',
  )
  perceelId?: string | null;

  @Uuid('wijkId', 'wisbaar', 'De wijk; bij een perceel een wijk van dat perceel.')
  wijkId?: string | null;

  @Uuids('kpiIds', 'KPI’s van uw opdrachten die het verhaal illustreert.')
  kpiIds?: string[];

  @Uuids('doelIds', 'Doelen van uw hoofdopdracht die het verhaal raakt.')
  doelIds?: string[];

  @Uuids('ketenIds', 'De keten(s) waarin het verhaal speelt.')
  ketenIds?: string[];
}

export class UpdateCasusRequest {
  @Kwartaal('periode', 'optioneel', 'Het kwartaal waarover het verhaal gaat.')
  periode?: string;

  @Tekst('titel', 300, 'optioneel')
  titel?: string;

  @Tekst('situatie', MAX_TEKST, 'optioneel')
  situatie?: string;

  @Tekst('vraag', MAX_TEKST, 'wisbaar')
  vraag?: string | null;

  @Tekst('waarden', MAX_TEKST, 'wisbaar')
  waarden?: string | null;

  @Tekst('betrokkenen', MAX_TEKST, 'wisbaar')
  betrokkenen?: string | null;

  @Tekst('aanpak', MAX_TEKST, 'wisbaar')
  aanpak?: string | null;

  @Tekst('effect', MAX_TEKST, 'wisbaar')
  effect?: string | null;

  @Tekst('les', MAX_TEKST, 'wisbaar')
  les?: string | null;

  @Tekst('kwestie', MAX_TEKST, 'wisbaar')
  kwestie?: string | null;

  @Uuid('perceelId', 'wisbaar', 'Het perceel; null maakt het leeg.')
  perceelId?: string | null;

  @Uuid('wijkId', 'wisbaar', 'De wijk; null maakt het leeg.')
  wijkId?: string | null;

  @Uuids('kpiIds', 'Vervangt de gekoppelde KPI’s.')
  kpiIds?: string[];

  @Uuids('doelIds', 'Vervangt de gekoppelde doelen.')
  doelIds?: string[];

  @Uuids('ketenIds', 'Vervangt de ketens.')
  ketenIds?: string[];
}

export class CasusQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-Q3', pattern: KWARTAAL_PATROON.source })
  @IsOptional()
  @Matches(KWARTAAL_PATROON, { message: 'periode moet een kwartaal zijn, bijvoorbeeld 2026-Q3' })
  periode?: string;

  @FilterUuid('aanbiederId', 'Alleen verhalen van deze aanbieder.')
  aanbiederId?: string;

  @FilterUuid('kpiId', 'Alleen verhalen die deze KPI illustreren.')
  kpiId?: string;

  @FilterUuid('doelId', 'Alleen verhalen bij dit doel.')
  doelId?: string;

  @FilterUuid('ketenId', 'Alleen verhalen in deze keten.')
  ketenId?: string;

  @FilterUuid('perceelId', 'Alleen verhalen uit dit perceel.')
  perceelId?: string;
}

export class CasusResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  gemeenteId: string;

  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  aanbiederNaam: string;

  @ApiProperty({ example: '2026-Q3' })
  periode: string;

  @ApiProperty({ example: 'Schulden en schooluitval in één gezin' })
  titel: string;

  @ApiProperty()
  situatie: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  vraag: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  waarden: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  betrokkenen: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  aanpak: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  effect: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  les: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  kwestie: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  perceelId: string | null;

  @ApiPropertyOptional({ type: () => GekoppeldItem, nullable: true })
  perceel: GekoppeldItem | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  wijkId: string | null;

  @ApiPropertyOptional({ type: () => GekoppeldItem, nullable: true })
  wijk: GekoppeldItem | null;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  kpiIds: string[];

  @ApiProperty({ type: () => GekoppeldeKpi, isArray: true })
  kpis: GekoppeldeKpi[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  doelIds: string[];

  @ApiProperty({ type: () => GekoppeldItem, isArray: true })
  doelen: GekoppeldItem[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  ketenIds: string[];

  @ApiProperty({ type: () => GekoppeldItem, isArray: true })
  ketens: GekoppeldItem[];

  @ApiProperty({ format: 'uuid' })
  auteurId: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Tessa Teamleider' })
  auteurNaam: string | null;

  @ApiProperty({
    description:
      'true als de verantwoording van dit kwartaal is ingediend of vastgesteld: het verhaal hoort bij die versie en kan niet meer wijzigen of verdwijnen.',
  })
  bevroren: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ example: 1, description: 'Ook als ETag (W/"<version>") meegestuurd.' })
  version: number;
}

/** The names a page of stories needs. */
export function casusTeBenoemen(rows: readonly Casus[]) {
  return {
    perceelIds: rows.map((c) => c.perceelId),
    wijkIds: rows.map((c) => c.wijkId),
    ketenIds: rows.flatMap((c) => c.ketenIds),
    doelIds: rows.flatMap((c) => c.doelIds),
    kpiIds: rows.flatMap((c) => c.kpiIds),
    organisatieIds: rows.map((c) => c.aanbiederId),
    gebruikerIds: rows.map((c) => c.auteurId),
  };
}

export function toCasusResponse(casus: Casus, namen: Namen, bevroren: boolean): CasusResponse {
  const ref = (id: string | null, map: Map<string, string>): GekoppeldItem | null =>
    id && map.has(id) ? { id, naam: map.get(id)! } : null;
  return {
    id: casus.id,
    gemeenteId: casus.gemeenteId,
    aanbiederId: casus.aanbiederId,
    aanbiederNaam: namen.organisaties.get(casus.aanbiederId) ?? '',
    periode: casus.periode,
    titel: casus.titel,
    situatie: casus.situatie,
    vraag: casus.vraag,
    waarden: casus.waarden,
    betrokkenen: casus.betrokkenen,
    aanpak: casus.aanpak,
    effect: casus.effect,
    les: casus.les,
    kwestie: casus.kwestie,
    perceelId: casus.perceelId,
    perceel: ref(casus.perceelId, namen.percelen),
    wijkId: casus.wijkId,
    wijk: ref(casus.wijkId, namen.wijken),
    kpiIds: casus.kpiIds,
    kpis: casus.kpiIds
      .filter((id) => namen.kpis.has(id))
      .map((id) => ({ id, ...namen.kpis.get(id)! })),
    doelIds: casus.doelIds,
    doelen: koppelingen(casus.doelIds, namen.doelen),
    ketenIds: casus.ketenIds,
    ketens: koppelingen(casus.ketenIds, namen.ketens),
    auteurId: casus.auteurId,
    auteurNaam: namen.gebruikers.get(casus.auteurId) ?? null,
    bevroren,
    createdAt: casus.createdAt.toISOString(),
    updatedAt: casus.updatedAt.toISOString(),
    version: casus.version,
  };
}

/** What the audit trail keeps of a story: its content and links, without derived names. */
export function casusAudit(casus: Casus): Record<string, unknown> {
  return {
    aanbiederId: casus.aanbiederId,
    periode: casus.periode,
    titel: casus.titel,
    situatie: casus.situatie,
    vraag: casus.vraag,
    waarden: casus.waarden,
    betrokkenen: casus.betrokkenen,
    aanpak: casus.aanpak,
    effect: casus.effect,
    les: casus.les,
    kwestie: casus.kwestie,
    perceelId: casus.perceelId,
    wijkId: casus.wijkId,
    kpiIds: casus.kpiIds,
    doelIds: casus.doelIds,
    ketenIds: casus.ketenIds,
    version: casus.version,
  };
}
