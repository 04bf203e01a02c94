import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { PageMeta, PageQuery } from '@wijkkompas/core';
import { MAIL_VOORKEUREN, MailVoorkeur, MailVoorkeurStand } from './mail-voorkeur.service';
import { MAIL_STATUSSEN, MailStatus, Notificatie } from './notificatie.entity';

/** A moment with its offset, as the API takes timestamps: 2026-10-12T10:00:00.000Z. */
const TIJDSTIP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export class NotificatieQuery extends PageQuery {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'Alleen gelezen (true) of alleen ongelezen (false) meldingen.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'gelezen moet true of false zijn' })
  gelezen?: boolean;
}

export class UpdateNotificatieRequest {
  @ApiProperty({ description: 'true markeert de melding als gelezen, false weer als ongelezen.' })
  @IsBoolean({ message: 'gelezen moet true of false zijn' })
  gelezen: boolean;
}

export class AllesGelezenRequest {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-10-12T10:00:00.000Z',
    description:
      'Alleen meldingen tot en met dit moment (bijvoorbeeld de createdAt van de nieuwste melding die u toonde), zodat een melding die net binnenkwam ongelezen blijft. Zonder: alle meldingen.',
  })
  @IsOptional()
  @IsString({ message: 'totEnMet moet tekst zijn' })
  @Matches(TIJDSTIP, {
    message: 'totEnMet moet een tijdstip met tijdzone zijn, bijvoorbeeld 2026-10-12T10:00:00Z',
  })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'totEnMet moet een bestaand tijdstip zijn' },
  )
  totEnMet?: string;
}

export class NotificatieResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    example: 'herinnering',
    description:
      'Soort gebeurtenis, bijvoorbeeld periode-geopend, herinnering, escalatie, ingediend, dossier-gereed, opdracht-loopt-af, signaal-termijn.',
  })
  soort: string;

  @ApiProperty({ example: 'Herinnering: kwartaalverantwoording 3e kwartaal 2026' })
  titel: string;

  @ApiProperty({
    example: 'De kwartaalverantwoording over het 3e kwartaal 2026 moet over 10 dagen binnen zijn.',
  })
  tekst: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '/api/v1/kwartaalverantwoordingen/9b2f…',
    description: 'Pad binnen Wijkkompas waar het over gaat.',
  })
  link: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'kwartaalverantwoording' })
  entiteitType: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  entiteitId: string | null;

  @ApiProperty()
  gelezen: boolean;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  gelezenOp: string | null;

  @ApiProperty({
    enum: MAIL_STATUSSEN,
    enumName: 'MailStatus',
    description:
      'De e-mail bij deze melding: wachtrij (volgt), digest (in het dagelijkse overzicht), bezig, verzonden, overgeslagen (geen e-mail: voorkeur, al gelezen of geen mailserver) of mislukt.',
  })
  mailStatus: MailStatus;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  mailVerzondenOp: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export function toNotificatieResponse(n: Notificatie): NotificatieResponse {
  return {
    id: n.id,
    soort: n.soort,
    titel: n.titel,
    tekst: n.tekst,
    link: n.link,
    entiteitType: n.entiteitType,
    entiteitId: n.entiteitId,
    gelezen: n.gelezenOp !== null,
    gelezenOp: n.gelezenOp?.toISOString() ?? null,
    mailStatus: n.mailStatus,
    mailVerzondenOp: n.mailVerzondenOp?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

export class NotificatiePageResponse {
  @ApiProperty({ type: NotificatieResponse, isArray: true })
  items: NotificatieResponse[];

  @ApiProperty({ type: PageMeta })
  meta: PageMeta;

  @ApiProperty({
    example: 3,
    description: 'Ongelezen meldingen in totaal (los van filter en pagina).',
  })
  ongelezen: number;
}

export class AllesGelezenResponse {
  @ApiProperty({ example: 4, description: 'Meldingen die nu als gelezen zijn gemarkeerd.' })
  gemarkeerd: number;

  @ApiProperty({ example: 0, description: 'Meldingen die nog ongelezen zijn.' })
  ongelezen: number;
}

export class MailVoorkeurRequest {
  @ApiProperty({
    enum: MAIL_VOORKEUREN,
    enumName: 'MailVoorkeur',
    description:
      'direct: een e-mail per melding; dagelijks: één overzicht per dag (standaard om 7.00 uur); geen: alleen in Wijkkompas.',
  })
  @IsIn(MAIL_VOORKEUREN, { message: 'mailVoorkeur moet direct, dagelijks of geen zijn' })
  mailVoorkeur: MailVoorkeur;
}

export class NotificatieInstellingenResponse {
  @ApiProperty({ enum: MAIL_VOORKEUREN, enumName: 'MailVoorkeur' })
  mailVoorkeur: MailVoorkeur;

  @ApiProperty({ description: 'Het adres waar de e-mails heen gaan.' })
  email: string;

  @ApiProperty({
    description:
      'false wanneer deze omgeving geen mailserver heeft: dan blijven meldingen in Wijkkompas, wat de voorkeur ook is.',
  })
  mailIngeschakeld: boolean;
}

export function toInstellingenResponse(stand: MailVoorkeurStand): NotificatieInstellingenResponse {
  return {
    mailVoorkeur: stand.mailVoorkeur,
    email: stand.email,
    mailIngeschakeld: stand.mailIngeschakeld,
  };
}
