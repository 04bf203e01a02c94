import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainErrorKind } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  unprocessable: 422,
  'precondition-required': 428,
  'too-many-requests': 429,
  unavailable: 503,
};

export class InvalidParamDto {
  @ApiProperty({ example: 'email', description: 'Het veld (pad met punten bij geneste velden).' })
  name: string;

  @ApiProperty({ example: 'email moet een e-mailadres zijn' })
  reason: string;
}

/** RFC 9457 problem details, plus our stable `code` and the invalid fields. */
export class Problem {
  @ApiProperty({ example: 'https://wijkkompas.nl/problemen/validatiefout', format: 'uri' })
  type: string;

  @ApiProperty({ example: 'Ongeldige invoer' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional({ example: 'Een of meer velden zijn ongeldig.' })
  detail?: string;

  @ApiProperty({
    example: '/api/v1/wijken/{id}',
    description: 'De operatie zoals gedocumenteerd, zonder de ids of de query die u stuurde.',
  })
  instance: string;

  @ApiProperty({ example: 'validatiefout', description: 'Stabiele, machineleesbare foutcode.' })
  code: string;

  @ApiPropertyOptional({ type: [InvalidParamDto] })
  invalidParams?: InvalidParamDto[];
}

export function problemType(code: string): string {
  return `https://wijkkompas.nl/problemen/${code}`;
}
