import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { AanbiederGemeente, Organisatie, PageQuery } from '@wijkkompas/core';

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

export class AanbiederResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    example: 'Wijkteams Noord',
    description: 'De naam zoals uw gemeente haar contracteerde.',
  })
  naam: string;

  @ApiPropertyOptional({ example: '90000011', nullable: true, type: String })
  kvkNummer: string | null;

  @ApiProperty({
    example: 1,
    description: 'De versie van de gegevens van uw gemeente over deze aanbieder.',
  })
  version: number;
}

/** What one gemeente sees of an aanbieder: the shared KvK number and its own relation. */
export function toAanbiederResponse(
  aanbieder: Organisatie,
  relatie: AanbiederGemeente,
): AanbiederResponse {
  return {
    id: aanbieder.id,
    naam: relatie.naam,
    kvkNummer: aanbieder.kvkNummer,
    version: relatie.version,
  };
}
