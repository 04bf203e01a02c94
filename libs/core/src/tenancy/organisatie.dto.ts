import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Organisatie } from './organisatie.entity';
import { OrganisatieSoort } from './rol';

export class OrganisatieResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  naam: string;

  @ApiProperty({ enum: OrganisatieSoort, enumName: 'OrganisatieSoort' })
  soort: OrganisatieSoort;

  @ApiPropertyOptional({ example: '12345678', nullable: true, type: String })
  kvkNummer: string | null;
}

export function toOrganisatieResponse(organisatie: Organisatie): OrganisatieResponse {
  return {
    id: organisatie.id,
    naam: organisatie.naam ?? '',
    soort: organisatie.soort,
    kvkNummer: organisatie.kvkNummer,
  };
}
