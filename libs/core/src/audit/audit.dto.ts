import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../http/pagination';
import { AuditEntry } from './audit-entry.entity';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'gebruiker' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId moet een uuid zijn' })
  actorId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Vanaf dit moment (inclusief).' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from moet een datum-tijd zijn' })
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Tot dit moment (exclusief).' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to moet een datum-tijd zijn' })
  to?: Date;
}

export class AuditEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  actorId: string | null;

  @ApiProperty({ example: 'Jan Jansen' })
  actorNaam: string;

  @ApiProperty({ example: 'gewijzigd' })
  action: string;

  @ApiProperty({ example: 'gebruiker' })
  entityType: string;

  @ApiProperty()
  entityId: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  requestId: string | null;
}

export function toAuditEntryResponse(entry: AuditEntry): AuditEntryResponse {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    actorId: entry.actorId,
    actorNaam: entry.actorNaam,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    requestId: entry.requestId,
  };
}
