import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery, KWARTAAL_PATROON } from '@wijkkompas/core';
import type { DossierVerschil } from '../diff';
import {
  DOSSIER_AANLEIDINGEN,
  DOSSIER_STATUSSEN,
  Dossier,
  DossierAanleiding,
  DossierStatus,
} from '../persistence/dossier.entity';

const KWARTAAL = KWARTAAL_PATROON;

export class CreateDossierRequest {
  @ApiProperty({ format: 'uuid', description: 'De aanbieder waarvoor het dossier is.' })
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId: string;

  @ApiProperty({ example: '2026-Q3', description: 'Het kwartaal waarover het dossier gaat.' })
  @Matches(KWARTAAL, { message: 'periode moet een kwartaal zijn, bijvoorbeeld 2026-Q3' })
  periode: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Het verantwoordingsgesprek waarvoor het dossier is. Zonder dit veld wordt het geplande gesprek met deze aanbieder over dit kwartaal gebruikt, als dat er is.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'overlegId moet een uuid zijn' })
  overlegId?: string;
}

export class DossierQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;

  @ApiPropertyOptional({ example: '2026-Q3' })
  @IsOptional()
  @Matches(KWARTAAL, { message: 'periode moet een kwartaal zijn, bijvoorbeeld 2026-Q3' })
  periode?: string;

  @ApiPropertyOptional({ enum: [...DOSSIER_STATUSSEN], enumName: 'DossierStatus' })
  @IsOptional()
  @IsIn([...DOSSIER_STATUSSEN], {
    message: `status moet een van ${DOSSIER_STATUSSEN.join(', ')} zijn`,
  })
  status?: DossierStatus;
}

export class DossierSamenvattingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  aanbiederNaam: string;

  @ApiProperty({ example: '2026-Q3' })
  periode: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  overlegId: string | null;

  @ApiProperty({
    enum: [...DOSSIER_STATUSSEN],
    enumName: 'DossierStatus',
    description:
      'wachtrij: aangevraagd, nog niet begonnen; bezig: wordt samengesteld (zie voortgang); gereed: een vaste versie; mislukt: zie fout.',
  })
  status: DossierStatus;

  @ApiProperty({ minimum: 0, maximum: 100, example: 50, description: 'Voortgang in procenten.' })
  voortgang: number;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'Waarom de laatste poging mislukte. Bij status wachtrij volgt nog een poging; bij mislukt is dit de reden.',
  })
  fout: string | null;

  @ApiProperty({ example: 1, description: 'Aantal begonnen pogingen.' })
  pogingen: number;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 2,
    description: 'Versienummer binnen aanbieder en kwartaal; alleen als het dossier gereed is.',
  })
  versie: number | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'De vorige gereed versie, waartegen de wijzigingen worden bepaald.',
  })
  vorigeVersieId: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'sha256 van de inhoud: gelijke hash betekent gelijke inhoud.',
  })
  inhoudHash: string | null;

  @ApiProperty({ enum: [...DOSSIER_AANLEIDINGEN], enumName: 'DossierAanleiding' })
  aanleiding: DossierAanleiding;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Wie het dossier aanvroeg; leeg als de kwartaalplanning het deed.',
  })
  aangevraagdDoorId: string | null;

  @ApiProperty({ format: 'date-time' })
  aangevraagdOp: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  gereedOp: string | null;

  @ApiProperty({ format: 'date-time' })
  bijgewerktOp: string;
}

export class DossierResponse extends DossierSamenvattingResponse {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'Het dossier zelf (alleen als het gereed is): kop (titel, gemeente, aanbieder, periode, peildatum, gesprek) en de secties (agenda, toelichting, KPI’s per doel met trend en verhalen, verhalen, aanvullende opdrachten, budget en formatie, signalen, acties), elk met sleutel, titel, volgorde en inhoud.',
  })
  document: Record<string, unknown> | null;
}

export function toDossierSamenvattingResponse(d: Dossier): DossierSamenvattingResponse {
  return {
    id: d.id,
    aanbiederId: d.aanbiederId,
    aanbiederNaam: d.aanbieder?.naam ?? '',
    periode: d.periode,
    overlegId: d.overlegId,
    status: d.status,
    voortgang: d.voortgang,
    fout: d.fout,
    pogingen: d.pogingen,
    versie: d.versie,
    vorigeVersieId: d.vorigeVersieId,
    inhoudHash: d.inhoudHash,
    aanleiding: d.aanleiding,
    aangevraagdDoorId: d.aangevraagdDoorId,
    aangevraagdOp: d.createdAt.toISOString(),
    gereedOp: d.gereedOp ? d.gereedOp.toISOString() : null,
    bijgewerktOp: d.updatedAt.toISOString(),
  };
}

export function toDossierResponse(d: Dossier): DossierResponse {
  return {
    ...toDossierSamenvattingResponse(d),
    document: d.status === 'gereed' ? (d.document as unknown as Record<string, unknown>) : null,
  };
}

// ------------------------------------------------------------------ wijzigingen

export class KpiVerwijzingResponse {
  @ApiProperty({ example: 'WK-01' })
  kpiCode: string;

  @ApiProperty({ example: 'Vragen binnen vijf werkdagen opgepakt' })
  naam: string;
}

export class KpiWaardeWijzigingResponse extends KpiVerwijzingResponse {
  @ApiProperty({
    example: 'realisatie perceel Noord',
    description:
      "Wat veranderde: realisatie, 'realisatie perceel <code>', 'realisatie <kwartaal>' (een gecorrigeerd eerder kwartaal), streefwaarde, status, toelichting, datakwaliteit, versie, naam of definitie.",
  })
  veld: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '82.5' })
  oud: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '86' })
  nieuw: string | null;
}

export class KpiWaardenWijzigingenResponse {
  @ApiProperty({ type: () => KpiVerwijzingResponse, isArray: true })
  toegevoegd: KpiVerwijzingResponse[];

  @ApiProperty({ type: () => KpiVerwijzingResponse, isArray: true })
  verwijderd: KpiVerwijzingResponse[];

  @ApiProperty({ type: () => KpiWaardeWijzigingResponse, isArray: true })
  gewijzigd: KpiWaardeWijzigingResponse[];
}

export class VerhaalVerwijzingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Samen de schuldhulp rond krijgen' })
  titel: string;
}

export class VerhaalWijzigingResponse extends VerhaalVerwijzingResponse {
  @ApiProperty({ type: String, isArray: true, example: ['effect', 'les'] })
  velden: string[];
}

export class VerhalenWijzigingenResponse {
  @ApiProperty({ type: () => VerhaalVerwijzingResponse, isArray: true })
  toegevoegd: VerhaalVerwijzingResponse[];

  @ApiProperty({ type: () => VerhaalVerwijzingResponse, isArray: true })
  verwijderd: VerhaalVerwijzingResponse[];

  @ApiProperty({ type: () => VerhaalWijzigingResponse, isArray: true })
  gewijzigd: VerhaalWijzigingResponse[];
}

export class SectieWijzigingenResponse {
  @ApiProperty({ type: String, isArray: true })
  toegevoegd: string[];

  @ApiProperty({ type: String, isArray: true })
  verwijderd: string[];

  @ApiProperty({ type: String, isArray: true, example: ['kpis', 'agenda'] })
  gewijzigd: string[];
}

export class DossierWijzigingenResponse {
  @ApiProperty({ format: 'uuid' })
  dossierId: string;

  @ApiProperty({ example: 2 })
  versie: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  vorigeVersieId: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 1 })
  vorigeVersie: number | null;

  @ApiProperty({ description: 'Waar: dit is de eerste versie, er is niets om mee te vergelijken.' })
  eersteVersie: boolean;

  @ApiProperty({ description: 'Waar: de inhoud is gelijk aan die van de vorige versie.' })
  ongewijzigd: boolean;

  @ApiProperty({
    example:
      'Ten opzichte van de vorige versie: 2 wijzigingen in de cijfers van 1 KPI en 1 verhaal toegevoegd.',
  })
  samenvatting: string;

  @ApiProperty({ type: () => KpiWaardenWijzigingenResponse })
  kpiWaarden: KpiWaardenWijzigingenResponse;

  @ApiProperty({ type: () => VerhalenWijzigingenResponse })
  verhalen: VerhalenWijzigingenResponse;

  @ApiProperty({ type: () => SectieWijzigingenResponse })
  secties: SectieWijzigingenResponse;

  @ApiProperty({
    type: String,
    isArray: true,
    description: 'Gewijzigde kopgegevens: titel, gemeente, aanbieder, periode, peildatum, overleg.',
  })
  kop: string[];
}

export const EERSTE_VERSIE_SAMENVATTING =
  'Dit is de eerste versie van dit dossier; er is geen eerdere versie om mee te vergelijken.';

export function toDossierWijzigingenResponse(
  dossier: Dossier,
  vorige: Dossier | null,
  verschil: DossierVerschil | null,
): DossierWijzigingenResponse {
  return {
    dossierId: dossier.id,
    versie: dossier.versie ?? 0,
    vorigeVersieId: vorige?.id ?? null,
    vorigeVersie: vorige?.versie ?? null,
    eersteVersie: verschil === null,
    ongewijzigd: verschil?.ongewijzigd ?? false,
    samenvatting: verschil?.samenvatting ?? EERSTE_VERSIE_SAMENVATTING,
    kpiWaarden: verschil?.kpiWaarden ?? { toegevoegd: [], verwijderd: [], gewijzigd: [] },
    verhalen: verschil?.verhalen ?? { toegevoegd: [], verwijderd: [], gewijzigd: [] },
    secties: verschil?.secties ?? { toegevoegd: [], verwijderd: [], gewijzigd: [] },
    kop: verschil?.kop ?? [],
  };
}
