import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches, ValidationOptions } from 'class-validator';
import { PageQuery } from '@wijkkompas/core';
import { formatEuro } from './geld';

/** A calendar date 'YYYY-MM-DD' that exists (2023-02-29 does not). */
export function IsDatum(veld: string, options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    Matches(/^\d{4}-\d{2}-\d{2}$/, {
      ...options,
      message: `${veld} moet een datum zijn (JJJJ-MM-DD)`,
    })(target, key);
    IsISO8601(
      { strict: true, strictSeparator: true },
      { ...options, message: `${veld} moet een bestaande datum zijn (JJJJ-MM-DD)` },
    )(target, key);
  };
}

export class PeildatumQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'De stand op deze datum; standaard vandaag.',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsDatum('peildatum')
  peildatum?: string;
}

export class PagePeildatumQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'De stand op deze datum; standaard vandaag.',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsDatum('peildatum')
  peildatum?: string;
}

/** A money amount as the API sends it: exact cents and a Dutch display string. */
export class Bedrag {
  @ApiProperty({ example: 123456789, description: 'Bedrag in eurocenten (geheel getal).' })
  centen: number;

  @ApiProperty({ example: '€ 1.234.567,89', description: 'Weergave in Nederlandse notatie.' })
  weergave: string;
}

export function bedrag(centen: number): Bedrag {
  return { centen, weergave: formatEuro(centen) };
}

export class Referentie {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Wijkteams Noord' })
  naam: string;
}
