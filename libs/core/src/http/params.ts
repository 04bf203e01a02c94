import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationError } from '../errors/domain-error';

/** A path parameter that must be a uuid; a malformed one is a 400 naming the parameter. */
export function uuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ValidationError([{ name, reason: `${name} moet een uuid zijn` }]),
  });
}
