import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { BootstrapGemeenteResult, Gemeente, MIN_PASSWORD_LENGTH } from '@wijkkompas/core';

export class UpdateGemeenteRequest {
  @ApiProperty({
    example: 1,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiPropertyOptional({ example: 'Gemeente Voorbeeldstad' })
  @IsOptional()
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam?: string;

  @ApiPropertyOptional({ example: 'GM0479', description: 'CBS-gemeentecode.' })
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'cbsCode moet de vorm GM0479 hebben' })
  cbsCode?: string;
}

export class GemeenteResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Gemeente Voorbeeldstad' })
  naam: string;

  @ApiProperty({ example: 'GM0479' })
  cbsCode: string;

  @ApiProperty({ example: 1 })
  version: number;
}

export function toGemeenteResponse(gemeente: Gemeente): GemeenteResponse {
  return {
    id: gemeente.id,
    naam: gemeente.naam,
    cbsCode: gemeente.cbsCode,
    version: gemeente.version,
  };
}

export class EersteBeheerderRequest {
  @ApiProperty({ example: 'beheer@zaanstad.nl' })
  @IsEmail({}, { message: 'beheerder.email moet een e-mailadres zijn' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Bea Beheer' })
  @IsString({ message: 'beheerder.naam moet tekst zijn' })
  @Length(1, 200, { message: 'beheerder.naam moet 1 tot 200 tekens zijn' })
  naam: string;

  @ApiProperty({
    format: 'password',
    minLength: MIN_PASSWORD_LENGTH,
    description:
      'Beginwachtwoord (minstens 12 tekens, geen veelgebruikt wachtwoord, niet het eigen e-mailadres of de naam); de beheerder krijgt het via een veilig kanaal.',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `beheerder.wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens zijn`,
  })
  @MaxLength(200)
  wachtwoord: string;
}

export class CreateGemeenteRequest {
  @ApiProperty({ example: 'Gemeente Zaanstad' })
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam: string;

  @ApiProperty({ example: 'GM0479', pattern: '^GM\\d{4}$', description: 'CBS-gemeentecode.' })
  @Matches(/^GM\d{4}$/, { message: 'cbsCode moet een CBS-code zijn zoals GM0479' })
  cbsCode: string;

  @ApiProperty({ type: EersteBeheerderRequest })
  @ValidateNested()
  @Type(() => EersteBeheerderRequest)
  beheerder: EersteBeheerderRequest;
}

export class EersteBeheerderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'beheer@zaanstad.nl' })
  email: string;

  @ApiProperty({ example: 'Bea Beheer' })
  naam: string;
}

export class NieuweGemeenteResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Gemeente Zaanstad' })
  naam: string;

  @ApiProperty({ example: 'GM0479' })
  cbsCode: string;

  @ApiProperty({ type: EersteBeheerderResponse })
  beheerder: EersteBeheerderResponse;
}

export function toNieuweGemeenteResponse(result: BootstrapGemeenteResult): NieuweGemeenteResponse {
  return {
    id: result.gemeente.id,
    naam: result.gemeente.naam,
    cbsCode: result.gemeente.cbsCode,
    beheerder: {
      id: result.beheerder.id,
      email: result.beheerder.email,
      naam: result.beheerderNaam,
    },
  };
}
