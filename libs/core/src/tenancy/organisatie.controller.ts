import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Vereist } from '../auth/auth.decorators';
import { Permissie } from '../auth/permissies';
import { ApiPageResponse, Page, PageQuery, toPage } from '../http/pagination';
import { uuidParam } from '../http/params';
import { Actor } from './actor';
import { OrganisatieResponse, toOrganisatieResponse } from './organisatie.dto';
import { OrganisatieService } from './organisatie.service';

@ApiTags('Organisaties')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('organisaties')
export class OrganisatieController {
  constructor(private readonly organisaties: OrganisatieService) {}

  @Get()
  @ApiOperation({
    summary: 'Organisaties',
    description:
      'De gemeente en de aanbieders die voor haar werken; een aanbieder ziet alleen zichzelf.',
  })
  @ApiPageResponse(OrganisatieResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: PageQuery,
  ): Promise<Page<OrganisatieResponse>> {
    const [rows, total] = await this.organisaties.findPage(actor, query);
    return toPage(rows, total, query, toOrganisatieResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén organisatie',
    description: 'De gemeente of een aanbieder die voor haar werkt; anders 404.',
  })
  @ApiOkResponse({ type: OrganisatieResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<OrganisatieResponse> {
    return toOrganisatieResponse(await this.organisaties.findOne(actor, id));
  }
}
