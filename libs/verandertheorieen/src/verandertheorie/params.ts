import { PipeTransform } from '@nestjs/common';
import { ValidationError } from '@wijkkompas/core';
import { KWARTAAL_PATROON } from './velden';

/** A quarter in the path ('2026-Q3'); anything else is a 400 naming the parameter. */
export function kwartaalParam(name = 'periode'): PipeTransform<string, string> {
  return {
    transform(waarde: string): string {
      if (!KWARTAAL_PATROON.test(waarde))
        throw new ValidationError([
          { name, reason: `${name} moet een kwartaal zijn, bijvoorbeeld 2026-Q3` },
        ]);
      return waarde;
    },
  };
}

/** A version number in the path: a whole number from 1. */
export function versieParam(name = 'versie'): PipeTransform<string, number> {
  return {
    transform(waarde: string): number {
      if (!/^[1-9]\d{0,8}$/.test(waarde))
        throw new ValidationError([{ name, reason: `${name} moet een geheel getal vanaf 1 zijn` }]);
      return Number(waarde);
    },
  };
}

export const ETAG_HEADER = {
  ETag: {
    description:
      'De nieuwste versie van de verandertheorie (W/"<versie>"); stuur die bij een wijziging mee in If-Match.',
    schema: { type: 'string', example: 'W/"7"' },
  },
};

export const IF_MATCH_VERPLICHT = {
  name: 'If-Match',
  required: true,
  description:
    'De ETag uit de laatste GET, bijvoorbeeld W/"7". Zonder: 428; verouderd: 412, zodat niemand ongemerkt de wijziging van een ander overschrijft.',
};

export const IF_MATCH_OPTIONEEL = {
  name: 'If-Match',
  required: false,
  description:
    'Optioneel: de ETag uit de laatste GET. Meegestuurd moet hij de nieuwste versie noemen (anders 412); zonder landt de wijziging op de nieuwste versie.',
};
