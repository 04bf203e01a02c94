import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQuery, PERIODE_PATROON } from '@wijkkompas/core';
import { Rapportageperiode } from './rapportageperiode.entity';

const PERIODE = PERIODE_PATROON;
const DATUM = /^\d{4}-\d{2}-\d{2}$/;

export class CreateRapportageperiodeRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId: string;

  @ApiProperty({
    example: '2026-Q3',
    pattern: PERIODE.source,
    description:
      'Een kwartaal (2026-Q3). Voor een aanvullende opdracht die per jaar rapporteert ook een jaar (2026).',
  })
  @IsString({ message: 'periode moet tekst zijn' })
  @Matches(PERIODE, { message: 'periode moet een kwartaal (2026-Q3) of een jaar (2026) zijn' })
  periode: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Voor een aanvullende opdracht met een eigen verantwoording; leeg voor de hoofdopdracht.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'aanvullendeOpdrachtId moet een uuid zijn' })
  aanvullendeOpdrachtId?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-10-30',
    description: 'Uiterste inleverdatum; standaard 30 dagen na de laatste dag van de periode.',
  })
  @IsOptional()
  @Matches(DATUM, { message: 'deadline moet een datum zijn (JJJJ-MM-DD)' })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'deadline moet een bestaande datum zijn (JJJJ-MM-DD)' },
  )
  deadline?: string;
}

export class RapportageperiodeQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;

  @ApiPropertyOptional({ example: '2026-Q3' })
  @IsOptional()
  @Matches(PERIODE, { message: 'periode moet een kwartaal (2026-Q3) of een jaar (2026) zijn' })
  periode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'aanvullendeOpdrachtId moet een uuid zijn' })
  aanvullendeOpdrachtId?: string;
}

export class RapportageperiodeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  aanbiederNaam: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  aanvullendeOpdrachtId: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Vroegsignalering schulden' })
  aanvullendeOpdrachtTitel: string | null;

  @ApiProperty({ example: '2026-Q3' })
  periode: string;

  @ApiProperty({ format: 'date', example: '2026-07-01' })
  begindatum: string;

  @ApiProperty({ format: 'date', example: '2026-09-30' })
  einddatum: string;

  @ApiProperty({ format: 'date', example: '2026-10-30' })
  deadline: string;

  @ApiProperty({ format: 'date-time' })
  geopendOp: string;

  @ApiProperty({ example: 1 })
  version: number;
}

export function toRapportageperiodeResponse(p: Rapportageperiode): RapportageperiodeResponse {
  return {
    id: p.id,
    aanbiederId: p.aanbiederId,
    aanbiederNaam: p.aanbieder?.naam ?? '',
    aanvullendeOpdrachtId: p.aanvullendeOpdrachtId,
    aanvullendeOpdrachtTitel: p.aanvullendeOpdracht?.titel ?? null,
    periode: p.periode,
    begindatum: p.begindatum,
    einddatum: p.einddatum,
    deadline: p.deadline,
    geopendOp: p.createdAt.toISOString(),
    version: p.version,
  };
}
