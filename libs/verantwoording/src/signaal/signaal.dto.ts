import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, ValidateIf } from 'class-validator';
import { PageQuery } from '@wijkkompas/core';
import {
  FilterUuid,
  IsDatum,
  GekoppeldItem,
  Kwartaal,
  KWARTAAL_PATROON,
  naarBoolean,
  Tekst,
  Uuid,
  Uuids,
} from '../casus/dto-velden';
import { koppelingen, Namen } from '../casus/verwijzingen';
import { LEERORDES, SIGNAAL_STATUSSEN, SignaalStatus } from '../signaal.lifecycle';
import { SIGNAAL_SOORTEN, Signaal, SignaalSoort } from './signaal.entity';

export const SIGNAAL_TEKSTVELDEN = ['titel', 'waarneming', 'antwoord', 'terugkoppeling'] as const;

export const SIGNAAL_VELDNAMEN: Readonly<Record<(typeof SIGNAAL_TEKSTVELDEN)[number], string>> = {
  titel: 'Titel',
  waarneming: 'Waarneming',
  antwoord: 'Antwoord',
  terugkoppeling: 'Terugkoppeling',
};

const MAX_TEKST = 10_000;

export class CreateSignaalRequest {
  @Tekst('titel', 300, 'verplicht', {
    example: 'Wachtlijst schuldhulp loopt op, gezinnen haken af',
  })
  titel: string;

  @Tekst('waarneming', MAX_TEKST, 'verplicht', { description: 'Wat er in de praktijk is gezien.' })
  waarneming: string;

  @ApiProperty({ enum: [...SIGNAAL_SOORTEN], enumName: 'SignaalSoort' })
  @IsIn([...SIGNAAL_SOORTEN], { message: `soort moet een van ${SIGNAAL_SOORTEN.join(', ')} zijn` })
  soort: SignaalSoort;

  @Uuid(
    'perceelId',
    'wisbaar',
    'Waar het speelde. Voor een aanbieder een perceel dat in het kwartaal aan hem was toegewezen.',
  )
  perceelId?: string | null;

  @Uuid('wijkId', 'wisbaar', 'De wijk; bij een perceel een wijk van dat perceel.')
  wijkId?: string | null;

  @Uuids('ketenIds', 'De keten(s) die het signaal raakt.')
  ketenIds?: string[];

  @Kwartaal('periode', 'optioneel', 'Het kwartaal van inbreng; standaard het huidige kwartaal.')
  periode?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description:
      'De datum waarop een antwoord is afgesproken; standaard zes weken na vandaag. Niet in het verleden.',
  })
  @ValidateIf((_o: object, waarde: unknown) => waarde !== undefined)
  @IsDatum('antwoordTermijn')
  antwoordTermijn?: string;
}

export class UpdateSignaalRequest {
  @Tekst('titel', 300, 'optioneel')
  titel?: string;

  @Tekst('waarneming', MAX_TEKST, 'optioneel')
  waarneming?: string;

  @ApiPropertyOptional({ enum: [...SIGNAAL_SOORTEN], enumName: 'SignaalSoort' })
  @ValidateIf((_o: object, waarde: unknown) => waarde !== undefined)
  @IsIn([...SIGNAAL_SOORTEN], { message: `soort moet een van ${SIGNAAL_SOORTEN.join(', ')} zijn` })
  soort?: SignaalSoort;

  @Uuid('perceelId', 'wisbaar', 'Het perceel; null maakt het leeg.')
  perceelId?: string | null;

  @Uuid('wijkId', 'wisbaar', 'De wijk; null maakt het leeg.')
  wijkId?: string | null;

  @Uuids('ketenIds', 'Vervangt de ketens.')
  ketenIds?: string[];

  @Kwartaal('periode', 'optioneel', 'Het kwartaal van inbreng.')
  periode?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsDatum('antwoordTermijn')
  antwoordTermijn?: string | null;

  @Tekst('antwoord', MAX_TEKST, 'wisbaar', {
    description: 'Wat de gemeente met het signaal doet, of waarom niets.',
  })
  antwoord?: string | null;

  @Tekst('terugkoppeling', MAX_TEKST, 'wisbaar', {
    description: 'Hoe en wanneer de professionals die het inbrachten het antwoord kregen.',
  })
  terugkoppeling?: string | null;
}

export class CreateSignaalStatuswijzigingRequest {
  @ApiProperty({
    enum: [...SIGNAAL_STATUSSEN],
    enumName: 'SignaalStatus',
    description: 'De volgende status: nieuw → in-analyse → geagendeerd → beantwoord → gesloten.',
  })
  @IsIn([...SIGNAAL_STATUSSEN], {
    message: `status moet een van ${SIGNAAL_STATUSSEN.join(', ')} zijn`,
  })
  status: SignaalStatus;

  @Tekst('antwoord', MAX_TEKST, 'optioneel', {
    description: 'Het antwoord; nodig voor beantwoord als het er nog niet is.',
  })
  antwoord?: string;

  @Tekst('terugkoppeling', MAX_TEKST, 'optioneel', {
    description: 'De terugkoppeling aan de professionals; nodig voor beantwoord.',
  })
  terugkoppeling?: string;

  @ApiPropertyOptional({
    enum: [...LEERORDES],
    description:
      'Alleen bij sluiten, en dan verplicht: 1 (dit geval opgelost), 2 (de oorzaak weggenomen), 3 (eigen gedrag of systeem veranderd).',
  })
  @ValidateIf((_o: object, waarde: unknown) => waarde !== undefined)
  @IsInt({ message: 'leerorde moet 1, 2 of 3 zijn' })
  @IsIn([...LEERORDES], { message: 'leerorde moet 1, 2 of 3 zijn' })
  leerorde?: number;
}

export class SignaalQuery extends PageQuery {
  @ApiPropertyOptional({ enum: [...SIGNAAL_STATUSSEN], enumName: 'SignaalStatus' })
  @IsOptional()
  @IsIn([...SIGNAAL_STATUSSEN], {
    message: `status moet een van ${SIGNAAL_STATUSSEN.join(', ')} zijn`,
  })
  status?: SignaalStatus;

  @ApiPropertyOptional({ enum: [...SIGNAAL_SOORTEN], enumName: 'SignaalSoort' })
  @IsOptional()
  @IsIn([...SIGNAAL_SOORTEN], { message: `soort moet een van ${SIGNAAL_SOORTEN.join(', ')} zijn` })
  soort?: SignaalSoort;

  @FilterUuid('ketenId', 'Alleen signalen in deze keten.')
  ketenId?: string;

  @FilterUuid('organisatieId', 'Alleen signalen die deze organisatie inbracht.')
  organisatieId?: string;

  @ApiPropertyOptional({ example: '2026-Q3', pattern: KWARTAAL_PATROON.source })
  @IsOptional()
  @Matches(KWARTAAL_PATROON, { message: 'periode moet een kwartaal zijn, bijvoorbeeld 2026-Q3' })
  periode?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: alleen signalen waarvan de antwoordtermijn voorbij is zonder antwoord (nog niet beantwoord); false: alleen de andere.',
  })
  @IsOptional()
  @Transform(naarBoolean)
  @IsBoolean({ message: 'termijnVerstreken moet true of false zijn' })
  termijnVerstreken?: boolean;
}

export class SignaalResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  gemeenteId: string;

  @ApiProperty({ format: 'uuid', description: 'De organisatie die het signaal inbracht.' })
  organisatieId: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  organisatieNaam: string;

  @ApiProperty({ example: 'Wachtlijst schuldhulp loopt op, gezinnen haken af' })
  titel: string;

  @ApiProperty()
  waarneming: string;

  @ApiProperty({ enum: [...SIGNAAL_SOORTEN], enumName: 'SignaalSoort' })
  soort: SignaalSoort;

  @ApiProperty({ enum: [...SIGNAAL_STATUSSEN], enumName: 'SignaalStatus' })
  status: SignaalStatus;

  @ApiProperty({
    enum: [...SIGNAAL_STATUSSEN],
    enumName: 'SignaalStatus',
    isArray: true,
    description: 'De statussen waarnaar u dit signaal nu kunt brengen.',
  })
  volgendeStatussen: SignaalStatus[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  perceelId: string | null;

  @ApiPropertyOptional({ type: () => GekoppeldItem, nullable: true })
  perceel: GekoppeldItem | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  wijkId: string | null;

  @ApiPropertyOptional({ type: () => GekoppeldItem, nullable: true })
  wijk: GekoppeldItem | null;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  ketenIds: string[];

  @ApiProperty({ type: () => GekoppeldItem, isArray: true })
  ketens: GekoppeldItem[];

  @ApiProperty({ example: '2026-Q3' })
  periode: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  antwoordTermijn: string | null;

  @ApiProperty({
    description: 'De antwoordtermijn is voorbij en het signaal is nog niet beantwoord.',
  })
  termijnVerstreken: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  antwoord: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  terugkoppeling: string | null;

  @ApiPropertyOptional({ type: Number, enum: [...LEERORDES], nullable: true })
  leerorde: number | null;

  @ApiProperty({ format: 'uuid' })
  ingebrachtDoorId: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Tessa Teamleider' })
  ingebrachtDoorNaam: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  beantwoordOp: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  geslotenOp: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ example: 1, description: 'Ook als ETag (W/"<version>") meegestuurd.' })
  version: number;
}

export function signaalTeBenoemen(rows: readonly Signaal[]) {
  return {
    perceelIds: rows.map((s) => s.perceelId),
    wijkIds: rows.map((s) => s.wijkId),
    ketenIds: rows.flatMap((s) => s.ketenIds),
    organisatieIds: rows.map((s) => s.organisatieId),
    gebruikerIds: rows.map((s) => s.ingebrachtDoorId),
  };
}

export function toSignaalResponse(
  signaal: Signaal,
  namen: Namen,
  extra: { volgendeStatussen: SignaalStatus[]; termijnVerstreken: boolean },
): SignaalResponse {
  const ref = (id: string | null, map: Map<string, string>): GekoppeldItem | null =>
    id && map.has(id) ? { id, naam: map.get(id)! } : null;
  return {
    id: signaal.id,
    gemeenteId: signaal.gemeenteId,
    organisatieId: signaal.organisatieId,
    organisatieNaam: namen.organisaties.get(signaal.organisatieId) ?? '',
    titel: signaal.titel,
    waarneming: signaal.waarneming,
    soort: signaal.soort,
    status: signaal.status,
    volgendeStatussen: extra.volgendeStatussen,
    perceelId: signaal.perceelId,
    perceel: ref(signaal.perceelId, namen.percelen),
    wijkId: signaal.wijkId,
    wijk: ref(signaal.wijkId, namen.wijken),
    ketenIds: signaal.ketenIds,
    ketens: koppelingen(signaal.ketenIds, namen.ketens),
    periode: signaal.periode,
    antwoordTermijn: signaal.antwoordTermijn,
    termijnVerstreken: extra.termijnVerstreken,
    antwoord: signaal.antwoord,
    terugkoppeling: signaal.terugkoppeling,
    leerorde: signaal.leerorde,
    ingebrachtDoorId: signaal.ingebrachtDoorId,
    ingebrachtDoorNaam: namen.gebruikers.get(signaal.ingebrachtDoorId) ?? null,
    beantwoordOp: signaal.beantwoordOp ? signaal.beantwoordOp.toISOString() : null,
    geslotenOp: signaal.geslotenOp ? signaal.geslotenOp.toISOString() : null,
    createdAt: signaal.createdAt.toISOString(),
    updatedAt: signaal.updatedAt.toISOString(),
    version: signaal.version,
  };
}

/** What the audit trail keeps of a signal. */
export function signaalAudit(signaal: Signaal): Record<string, unknown> {
  return {
    organisatieId: signaal.organisatieId,
    titel: signaal.titel,
    waarneming: signaal.waarneming,
    soort: signaal.soort,
    status: signaal.status,
    perceelId: signaal.perceelId,
    wijkId: signaal.wijkId,
    ketenIds: signaal.ketenIds,
    periode: signaal.periode,
    antwoordTermijn: signaal.antwoordTermijn,
    antwoord: signaal.antwoord,
    terugkoppeling: signaal.terugkoppeling,
    leerorde: signaal.leerorde,
    beantwoordOp: signaal.beantwoordOp,
    geslotenOp: signaal.geslotenOp,
    version: signaal.version,
  };
}
