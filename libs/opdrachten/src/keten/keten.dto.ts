import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Keten } from './keten.entity';

export class CreateKetenRequest {
  @ApiProperty({ example: 'Jeugd' })
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam: string;

  @ApiPropertyOptional({
    example: 'Jeugdhulp, jeugdbescherming en onderwijs.',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString({ message: 'omschrijving moet tekst zijn' })
  @MaxLength(4000, { message: 'omschrijving is te lang' })
  omschrijving?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Een gebruiker met de rol ketenregisseur in uw gemeente.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ketenregisseurId moet een uuid zijn' })
  ketenregisseurId?: string | null;
}

export class UpdateKetenRequest {
  @ApiProperty({
    example: 1,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiPropertyOptional({ example: 'Jeugd' })
  @IsOptional()
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString({ message: 'omschrijving moet tekst zijn' })
  @MaxLength(4000, { message: 'omschrijving is te lang' })
  omschrijving?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null haalt de ketenregisseur weg.',
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: 'ketenregisseurId moet een uuid zijn' })
  ketenregisseurId?: string | null;
}

export class KetenResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Jeugd' })
  naam: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  omschrijving: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  ketenregisseurId: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Karim Ketenregisseur' })
  ketenregisseurNaam: string | null;

  @ApiProperty({ example: 1 })
  version: number;
}

export function toKetenResponse(keten: Keten): KetenResponse {
  return {
    id: keten.id,
    naam: keten.naam,
    omschrijving: keten.omschrijving,
    ketenregisseurId: keten.ketenregisseurId,
    ketenregisseurNaam:
      keten.ketenregisseur?.relaties?.find((r) => r.gemeenteId === keten.gemeenteId)?.naam ?? null,
    version: keten.version,
  };
}
