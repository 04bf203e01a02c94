import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { Actor } from '../tenancy/actor';
import { OrganisatieSoort, Rol } from '../tenancy/rol';
import { TokenPair } from './auth.service';

export class LoginRequest {
  @ApiProperty({ example: 'contractmanager@voorbeeldstad.nl' })
  @IsEmail({}, { message: 'email moet een e-mailadres zijn' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'geheim-wachtwoord', format: 'password' })
  @IsString({ message: 'password moet tekst zijn' })
  @IsNotEmpty({ message: 'password is verplicht' })
  @MaxLength(200, { message: 'password mag hoogstens 200 tekens zijn' })
  password: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Alleen nodig als u voor meerdere gemeenten werkt.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'gemeenteId moet een uuid zijn' })
  gemeenteId?: string;

  @ApiPropertyOptional({
    description:
      'Voor de webapp: het verversingstoken komt in een HttpOnly-cookie in plaats van in het antwoord.',
  })
  @IsOptional()
  @IsBoolean({ message: 'refreshTokenInCookie moet true of false zijn' })
  refreshTokenInCookie?: boolean;
}

export class RefreshRequest {
  @ApiPropertyOptional({
    description:
      'Het verversingstoken uit de vorige aanmelding of verversing. Weglaten als het in het cookie van de webapp zit.',
  })
  @IsOptional()
  @IsString({ message: 'refreshToken moet tekst zijn' })
  @IsNotEmpty({ message: 'refreshToken is verplicht' })
  @MaxLength(200)
  refreshToken?: string;
}

export class ActorResponse {
  @ApiProperty({ format: 'uuid' })
  gebruikerId: string;

  @ApiProperty()
  naam: string;

  @ApiProperty({ format: 'uuid' })
  gemeenteId: string;

  @ApiProperty({ format: 'uuid' })
  organisatieId: string;

  @ApiProperty({ enum: OrganisatieSoort, enumName: 'OrganisatieSoort' })
  organisatieSoort: OrganisatieSoort;

  @ApiProperty({ enum: Rol, enumName: 'Rol', isArray: true })
  rollen: Rol[];
}

export class TokenResponse {
  @ApiProperty({ description: 'JWT; meesturen als Authorization: Bearer <token>.' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'Geldigheid van het toegangstoken in seconden.' })
  expiresIn: number;

  @ApiPropertyOptional({
    description:
      'Eenmalig te gebruiken; elke verversing geeft een nieuw token. Ontbreekt als het in het cookie van de webapp zit.',
  })
  refreshToken?: string;

  @ApiProperty({ format: 'date-time' })
  refreshExpiresAt: string;

  @ApiProperty({ type: ActorResponse })
  gebruiker: ActorResponse;
}

export function toActorResponse(actor: Actor): ActorResponse {
  return {
    gebruikerId: actor.gebruikerId,
    naam: actor.naam,
    gemeenteId: actor.gemeenteId,
    organisatieId: actor.organisatieId,
    organisatieSoort: actor.organisatieSoort,
    rollen: actor.rollen,
  };
}

export function toTokenResponse(pair: TokenPair): TokenResponse {
  return {
    accessToken: pair.accessToken,
    tokenType: 'Bearer',
    expiresIn: pair.expiresIn,
    refreshToken: pair.refreshToken,
    refreshExpiresAt: pair.refreshExpiresAt.toISOString(),
    gebruiker: toActorResponse(pair.actor),
  };
}
