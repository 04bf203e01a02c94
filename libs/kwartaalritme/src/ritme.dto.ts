import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Max, Min } from 'class-validator';

export class RitmeInstellingenDto {
  @ApiProperty({
    type: Number,
    isArray: true,
    example: [10, 3],
    description: 'Dagen vóór de deadline waarop herinnerd wordt.',
  })
  @IsArray({ message: 'herinneringDagen moet een lijst zijn' })
  @ArrayMaxSize(5, { message: 'herinneringDagen mag hoogstens 5 waarden hebben' })
  @IsInt({ each: true, message: 'herinneringDagen moet uit hele getallen bestaan' })
  @Min(0, { each: true, message: 'herinneringDagen mag niet negatief zijn' })
  @Max(60, { each: true, message: 'herinneringDagen mag hoogstens 60 zijn' })
  herinneringDagen: number[];

  @ApiProperty({
    example: 5,
    description: 'Dagen vóór het verantwoordingsgesprek waarop het dossier wordt samengesteld.',
  })
  @IsInt({ message: 'dossierDagenVoorGesprek moet een geheel getal zijn' })
  @Min(0, { message: 'dossierDagenVoorGesprek mag niet negatief zijn' })
  @Max(60, { message: 'dossierDagenVoorGesprek mag hoogstens 60 zijn' })
  dossierDagenVoorGesprek: number;

  @ApiProperty({
    type: Number,
    isArray: true,
    example: [90, 30],
    description: 'Dagen vóór het einde waarop een aanvullende opdracht gesignaleerd wordt.',
  })
  @IsArray({ message: 'opdrachtSignaleringDagen moet een lijst zijn' })
  @ArrayMinSize(1, { message: 'opdrachtSignaleringDagen moet minstens één waarde hebben' })
  @ArrayMaxSize(5, { message: 'opdrachtSignaleringDagen mag hoogstens 5 waarden hebben' })
  @IsInt({ each: true, message: 'opdrachtSignaleringDagen moet uit hele getallen bestaan' })
  @Min(1, { each: true, message: 'opdrachtSignaleringDagen moet minstens 1 zijn' })
  @Max(365, { each: true, message: 'opdrachtSignaleringDagen mag hoogstens 365 zijn' })
  opdrachtSignaleringDagen: number[];

  @ApiProperty({
    example: 30,
    description: 'Dagen na het einde van het kwartaal dat de verantwoording binnen moet zijn.',
  })
  @IsInt({ message: 'deadlineDagen moet een geheel getal zijn' })
  @Min(0, { message: 'deadlineDagen mag niet negatief zijn' })
  @Max(120, { message: 'deadlineDagen mag hoogstens 120 zijn' })
  deadlineDagen: number;

  @ApiProperty({
    example: 0,
    description:
      'De versie die u las (0 zolang de standaard geldt); bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(0, { message: 'version mag niet negatief zijn' })
  version: number;
}
