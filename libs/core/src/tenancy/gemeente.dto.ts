import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../auth/wachtwoordbeleid';
import { BootstrapGemeenteResult } from '../seed/bootstrap-gemeente';

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

export class GemeenteResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Gemeente Zaanstad' })
  naam: string;

  @ApiProperty({ example: 'GM0479' })
  cbsCode: string;

  @ApiProperty({ type: EersteBeheerderResponse })
  beheerder: EersteBeheerderResponse;
}

export function toGemeenteResponse(result: BootstrapGemeenteResult): GemeenteResponse {
  return {
    id: result.gemeente.id,
    naam: result.gemeente.naam,
    cbsCode: result.gemeente.cbsCode,
    beheerder: {
      id: result.beheerder.id,
      email: result.beheerder.email,
      naam: result.beheerder.naam,
    },
  };
}
