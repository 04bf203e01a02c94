import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Vereist } from '../auth/auth.decorators';
import { Permissie } from '../auth/permissies';
import { ApiPageResponse, Page, toPage } from '../http/pagination';
import { uuidParam } from '../http/params';
import { Actor } from '../tenancy/actor';

import { AuditEntryResponse, AuditQuery, toAuditEntryResponse } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('Audittrail')
@ApiBearerAuth('bearer')
@Vereist(Permissie.AuditLezen)
@Controller('audit-entries')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Audittrail',
    description:
      'Wie wijzigde wat en wanneer, met de toestand ervoor en erna; nieuwste eerst. Alleen voor beheerders, alleen de eigen gemeente.',
  })
  @ApiPageResponse(AuditEntryResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: AuditQuery,
  ): Promise<Page<AuditEntryResponse>> {
    const [rows, total] = await this.audit.findPage(actor, query);
    return toPage(rows, total, query, toAuditEntryResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén auditregel',
    description: 'Eén regel uit de audittrail van uw gemeente; anders 404.',
  })
  @ApiOkResponse({ type: AuditEntryResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<AuditEntryResponse> {
    return toAuditEntryResponse(await this.audit.findOne(actor, id));
  }
}
