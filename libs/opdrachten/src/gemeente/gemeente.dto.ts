import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { Gemeente } from '@wijkkompas/core';

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
