import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { Gemeente, Organisatie, PageQuery } from '@wijkkompas/core';

export class CreateAanbiederRequest {
  @ApiProperty({ example: 'Wijkteams Noord' })
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam: string;

  @ApiProperty({ example: '90000011', description: 'KvK-nummer, 8 cijfers.' })
  @Matches(/^\d{8}$/, { message: 'kvkNummer moet uit 8 cijfers bestaan' })
  kvkNummer: string;
}

export class UpdateAanbiederRequest {
  @ApiProperty({
    example: 1,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiPropertyOptional({ example: 'Wijkteams Noord' })
  @IsOptional()
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam?: string;

  @ApiPropertyOptional({ example: '90000011' })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'kvkNummer moet uit 8 cijfers bestaan' })
  kvkNummer?: string;
}

export class AanbiederQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Zoekt in naam en KvK-nummer.' })
  @IsOptional()
  @IsString({ message: 'zoek moet tekst zijn' })
  @MaxLength(100, { message: 'zoek is te lang' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  zoek?: string;
}

export class AanbiederGemeenteResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Gemeente Voorbeeldstad' })
  naam: string;

  @ApiProperty({ example: 'GM9999' })
  cbsCode: string;
}

export class AanbiederResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  naam: string;

  @ApiPropertyOptional({ example: '90000011', nullable: true, type: String })
  kvkNummer: string | null;

  @ApiProperty({
    type: () => AanbiederGemeenteResponse,
    isArray: true,
    description: 'De gemeenten waarvoor de aanbieder werkt.',
  })
  gemeenten: AanbiederGemeenteResponse[];

  @ApiProperty({ example: 1 })
  version: number;
}

export function toAanbiederResponse(
  aanbieder: Organisatie,
  gemeenten: Gemeente[],
): AanbiederResponse {
  return {
    id: aanbieder.id,
    naam: aanbieder.naam,
    kvkNummer: aanbieder.kvkNummer,
    gemeenten: gemeenten
      .map((g) => ({ id: g.id, naam: g.naam, cbsCode: g.cbsCode }))
      .sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    version: aanbieder.version,
  };
}
