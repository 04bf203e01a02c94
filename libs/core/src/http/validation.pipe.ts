import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { controleerInvoer, validationExceptionFactory } from '../errors/validation';
import { ValidationError } from '../errors/domain-error';

/**
 * The one validation step every request value passes (registered globally by the API):
 * first the checks that hold for any field — no control characters or broken Unicode in a
 * text, no nesting deeper than our requests ever go — on the value as it arrived, so neither
 * class-transformer nor a validator ever sees such input; then the DTO's own rules. Both
 * answer 400 problem+json naming the field.
 */
@Injectable()
export class InvoerValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // 'custom' values come from our own decorators (the signed-in actor), not from the client.
    if (metadata.type !== 'custom') {
      const problemen = controleerInvoer(value, metadata.data ?? '');
      if (problemen.length) throw new ValidationError(problemen);
    }
    return super.transform(value, metadata);
  }
}
