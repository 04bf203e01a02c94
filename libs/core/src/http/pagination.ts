import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
/** Far beyond any list we have, and small enough that the offset stays a safe integer. */
export const MAX_PAGE = 1_000_000;

export class PageQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE,
    default: 1,
    description: 'Paginanummer, vanaf 1.',
  })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt({ message: 'page moet een geheel getal zijn' })
  @Min(1, { message: 'page moet minstens 1 zijn' })
  @Max(MAX_PAGE, { message: `page mag hoogstens ${MAX_PAGE} zijn` })
  page: number = 1;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: 20,
    description: 'Aantal items per pagina.',
  })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt({ message: 'pageSize moet een geheel getal zijn' })
  @Min(1, { message: 'pageSize moet minstens 1 zijn' })
  @Max(MAX_PAGE_SIZE, { message: `pageSize mag hoogstens ${MAX_PAGE_SIZE} zijn` })
  pageSize: number = 20;
}

export class PageMeta {
  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 42, description: 'Totaal aantal items over alle pagina’s.' })
  totalItems: number;

  @ApiProperty({ example: 3 })
  totalPages: number;
}

export interface Page<T> {
  items: T[];
  meta: PageMeta;
}

export function toPage<E, R>(
  rows: E[],
  total: number,
  query: PageQuery,
  map: (row: E) => R,
): Page<R> {
  return {
    items: rows.map(map),
    meta: {
      page: query.page,
      pageSize: query.pageSize,
      totalItems: total,
      totalPages: Math.ceil(total / query.pageSize),
    },
  };
}

/**
 * Offset and size of a page. With TypeORM, `.skip().take()` on a query with joins first selects
 * the page's distinct ids in a query of its own (safe when a join multiplies rows); where every
 * join is many-to-one or one-to-one, `.offset().limit()` gives the same page in one query.
 */
export function skipTake(query: PageQuery): { skip: number; take: number } {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
}

/** Documents a paginated list response of `model` as `{ items: Model[], meta: PageMeta }`. */
export function ApiPageResponse(model: Type<unknown>, description = 'Een pagina resultaten.') {
  return applyDecorators(
    ApiExtraModels(PageMeta, model),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'meta'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          meta: { $ref: getSchemaPath(PageMeta) },
        },
      },
    }),
  );
}
