import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@wijkkompas/core';
import { Wijk } from './wijk.entity';

export class CreateWijkRequest {
  @ApiProperty({ example: 'WK999901', description: 'CBS-wijkcode: WK gevolgd door 6 cijfers.' })
  @Matches(/^WK\d{6}$/, { message: 'cbsCode moet de vorm WK047901 hebben' })
  cbsCode: string;

  @ApiProperty({ example: 'Centrum' })
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam: string;
}

export class UpdateWijkRequest {
  @ApiProperty({
    example: 1,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiPropertyOptional({ example: 'WK999901' })
  @IsOptional()
  @Matches(/^WK\d{6}$/, { message: 'cbsCode moet de vorm WK047901 hebben' })
  cbsCode?: string;

  @ApiPropertyOptional({ example: 'Centrum' })
  @IsOptional()
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 200, { message: 'naam moet 1 tot 200 tekens zijn' })
  naam?: string;
}

export class WijkQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Zoekt in naam en CBS-code.' })
  @IsOptional()
  @IsString({ message: 'zoek moet tekst zijn' })
  @MaxLength(100, { message: 'zoek is te lang' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  zoek?: string;
}

export class WijkResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'WK999901' })
  cbsCode: string;

  @ApiProperty({ example: 'Centrum' })
  naam: string;

  @ApiProperty({ example: 1 })
  version: number;
}

export function toWijkResponse(wijk: Wijk): WijkResponse {
  return { id: wijk.id, cbsCode: wijk.cbsCode, naam: wijk.naam, version: wijk.version };
}
