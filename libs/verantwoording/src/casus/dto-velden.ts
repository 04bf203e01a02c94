import { applyDecorators } from '@nestjs/common';
import { KWARTAAL_PATROON } from '@wijkkompas/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';

/**
 * Field decorators shared by the case story and signal requests: validation with Dutch
 * messages and the OpenAPI description in one place.
 *
 * - `verplicht`: must be present;
 * - `optioneel`: may be left out (leave as it is), but null is refused;
 * - `wisbaar`: may be left out or null (null clears it).
 */
export type Modus = 'verplicht' | 'optioneel' | 'wisbaar';

function aanwezigheid(modus: Modus): PropertyDecorator {
  if (modus === 'verplicht') return () => undefined;
  if (modus === 'wisbaar') return IsOptional();
  return ValidateIf((_object: object, waarde: unknown) => waarde !== undefined);
}

function documentatie(modus: Modus, opties: Record<string, unknown>): PropertyDecorator {
  return modus === 'verplicht'
    ? ApiProperty(opties)
    : ApiPropertyOptional({ ...opties, ...(modus === 'wisbaar' ? { nullable: true } : {}) });
}

/** Free text of at most `max` characters that is not only white space. */
export function Tekst(
  veld: string,
  max: number,
  modus: Modus,
  extra: Record<string, unknown> = {},
) {
  return applyDecorators(
    documentatie(modus, { type: String, maxLength: max, ...extra }),
    aanwezigheid(modus),
    IsString({ message: `${veld} moet tekst zijn` }),
    Length(1, max, { message: `${veld} moet 1 tot ${max} tekens zijn` }),
    Matches(/\S/, { message: `${veld} mag niet leeg zijn` }),
  );
}

export function Uuid(veld: string, modus: Modus, beschrijving: string) {
  return applyDecorators(
    documentatie(modus, { type: String, format: 'uuid', description: beschrijving }),
    aanwezigheid(modus),
    IsUUID('all', { message: `${veld} moet een uuid zijn` }),
  );
}

export function Uuids(veld: string, beschrijving: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'uuid', isArray: true, description: beschrijving }),
    ValidateIf((_object: object, waarde: unknown) => waarde !== undefined),
    IsArray({ message: `${veld} moet een lijst zijn` }),
    ArrayMaxSize(50, { message: `${veld} bevat te veel elementen` }),
    ArrayUnique({ message: `${veld} bevat een id dubbel` }),
    IsUUID('all', { each: true, message: `${veld} mag alleen uuids bevatten` }),
  );
}

export { KWARTAAL_PATROON };

export function Kwartaal(veld: string, modus: Modus, beschrijving: string) {
  return applyDecorators(
    documentatie(modus, {
      type: String,
      example: '2026-Q3',
      pattern: KWARTAAL_PATROON.source,
      description: beschrijving,
    }),
    aanwezigheid(modus),
    IsString({ message: `${veld} moet een kwartaal zijn, bijvoorbeeld 2026-Q3` }),
    Matches(KWARTAAL_PATROON, { message: `${veld} moet een kwartaal zijn, bijvoorbeeld 2026-Q3` }),
  );
}

/** An optional uuid filter in a query string. */
export function FilterUuid(veld: string, beschrijving: string) {
  return applyDecorators(
    ApiPropertyOptional({ format: 'uuid', description: beschrijving }),
    IsOptional(),
    IsUUID('all', { message: `${veld} moet een uuid zijn` }),
  );
}

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 does not). */
export function IsDatum(veld: string) {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${veld} moet een datum zijn (JJJJ-MM-DD)` }),
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: `${veld} moet een bestaande datum zijn (JJJJ-MM-DD)` },
    ),
  );
}

/** Query string 'true'/'false' to a boolean; anything else is left for IsBoolean to refuse. */
export const naarBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** A linked item in a response: the id and how people call it. */
export class GekoppeldItem {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Armoede & Schulden' })
  naam: string;
}

export class GekoppeldeKpi extends GekoppeldItem {
  @ApiProperty({ example: 'NRD-02' })
  code: string;
}
