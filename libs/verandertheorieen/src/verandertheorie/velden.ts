import { applyDecorators } from '@nestjs/common';
import { KWARTAAL_PATROON } from '@wijkkompas/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';

/**
 * Field decorators shared by the request DTOs: each documents the field in OpenAPI and
 * validates it with a Dutch message naming the field.
 *
 * How a field may appear: required, optional but never null when present, or clearable
 * (null empties it).
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

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export function Tekst(
  veld: string,
  max: number,
  modus: Modus,
  extra: Record<string, unknown> = {},
): PropertyDecorator {
  return applyDecorators(
    documentatie(modus, { type: String, maxLength: max, ...extra }),
    Transform(trim),
    aanwezigheid(modus),
    IsString({ message: `${veld} moet tekst zijn` }),
    Length(1, max, { message: `${veld} moet 1 tot ${max} tekens zijn` }),
  );
}

export function Keuze(
  veld: string,
  waarden: readonly string[],
  enumName: string,
  modus: Modus,
  extra: Record<string, unknown> = {},
): PropertyDecorator {
  return applyDecorators(
    documentatie(modus, { enum: [...waarden], enumName, ...extra }),
    aanwezigheid(modus),
    IsIn([...waarden], { message: `${veld} moet een van ${waarden.join(', ')} zijn` }),
  );
}

export function Uuid(veld: string, modus: Modus, beschrijving: string): PropertyDecorator {
  return applyDecorators(
    documentatie(modus, { type: String, format: 'uuid', description: beschrijving }),
    aanwezigheid(modus),
    IsUUID('all', { message: `${veld} moet een uuid zijn` }),
  );
}

export function Uuids(
  veld: string,
  modus: 'verplicht' | 'optioneel',
  beschrijving: string,
  max = 50,
): PropertyDecorator {
  return applyDecorators(
    documentatie(modus, {
      type: String,
      format: 'uuid',
      isArray: true,
      maxItems: max,
      description: beschrijving,
    }),
    aanwezigheid(modus),
    IsArray({ message: `${veld} moet een lijst zijn` }),
    ArrayMaxSize(max, { message: `${veld} mag hoogstens ${max} ids bevatten` }),
    ArrayUnique({ message: `${veld} bevat een id dubbel` }),
    IsUUID('all', { each: true, message: `${veld} mag alleen uuids bevatten` }),
  );
}

/** A list of short texts (randvoorwaarden, externe factoren). */
export function Teksten(
  veld: string,
  modus: 'verplicht' | 'optioneel',
  beschrijving: string,
  voorbeeld: string[],
): PropertyDecorator {
  return applyDecorators(
    documentatie(modus, {
      type: String,
      isArray: true,
      maxItems: 20,
      description: beschrijving,
      example: voorbeeld,
    }),
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value,
    ),
    aanwezigheid(modus),
    IsArray({ message: `${veld} moet een lijst zijn` }),
    ArrayMaxSize(20, { message: `${veld} mag hoogstens 20 punten bevatten` }),
    IsString({ each: true, message: `${veld} mag alleen tekst bevatten` }),
    Length(1, 300, { each: true, message: `elk punt van ${veld} moet 1 tot 300 tekens zijn` }),
  );
}

export { KWARTAAL_PATROON };

export function Kwartaal(veld: string, beschrijving: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example: '2026-Q3',
      pattern: KWARTAAL_PATROON.source,
      description: beschrijving,
    }),
    IsOptional(),
    IsString({ message: `${veld} moet een kwartaal zijn, bijvoorbeeld 2026-Q3` }),
    Matches(KWARTAAL_PATROON, { message: `${veld} moet een kwartaal zijn, bijvoorbeeld 2026-Q3` }),
  );
}
