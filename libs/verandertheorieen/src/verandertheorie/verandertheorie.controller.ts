import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Actor,
  ApiPageResponse,
  CurrentActor,
  Page,
  PageQuery,
  toPage,
  uuidParam,
  Permissie,
  Vereist,
} from '@wijkkompas/core';
import { etag } from '@wijkkompas/verantwoording';
import { theorieNaarMermaid } from '../export/mermaid';
import { theorieNaarSvg } from '../export/svg';
import { naarTheorie } from './inhoud';
import { ETAG_HEADER, IF_MATCH_VERPLICHT, versieParam } from './params';

import { VerandertheorieBewerkingService } from './verandertheorie-bewerking.service';
import {
  CreateVerandertheorieRequest,
  PeriodeQuery,
  toVerandertheorieResponse,
  toVersieSamenvattingResponse,
  UpdateVerandertheorieRequest,
  VerandertheorieQuery,
  VerandertheorieResponse,
  VerandertheorieSamenvattingResponse,
  VersieSamenvattingResponse,
} from './verandertheorie.dto';
import { VerandertheorieService } from './verandertheorie.service';

const Verouderd = () =>
  ApiResponse({ status: 412, description: 'De verandertheorie is intussen gewijzigd (If-Match).' });
const ZonderIfMatch = () => ApiResponse({ status: 428, description: 'If-Match ontbreekt.' });

const SVG = 'image/svg+xml';
const MERMAID = 'text/vnd.mermaid';

@ApiTags('Verandertheorieën')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('verandertheorieen')
export class VerandertheorieController {
  constructor(
    private readonly theorieen: VerandertheorieService,
    private readonly bewerking: VerandertheorieBewerkingService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Verandertheorieën',
    description:
      'Met hun nieuwste versie. Een aanbieder ziet alleen de verandertheorieën van de eigen opdrachten.',
  })
  @ApiPageResponse(VerandertheorieSamenvattingResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: VerandertheorieQuery,
  ): Promise<Page<VerandertheorieSamenvattingResponse>> {
    const [rows, total] = await this.theorieen.findPage(actor, query);
    return toPage(rows, total, query, (row) => row);
  }

  @Post()
  @Vereist(Permissie.VerandertheorieOpstellen)
  @ApiOperation({
    summary: 'Verandertheorie opstellen',
    description:
      'Voor één hoofdopdracht, aanvullende opdracht of thema, met titel, Ebrahim-strategie en ambitie (gekoppeld aan doelen). Versie 1 bevat de ambitie; activiteiten, uitkomsten, verbanden en veronderstellingen komen er daarna bij, elk als nieuwe versie.',
  })
  @ApiCreatedResponse({ type: VerandertheorieResponse, headers: ETAG_HEADER })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateVerandertheorieRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VerandertheorieResponse> {
    const response = await this.theorieen.create(actor, body);
    res.setHeader('ETag', etag(response.huidigeVersie));
    return response;
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén verandertheorie',
    description:
      'De nieuwste versie; met periode de versie die in dat kwartaal gold (zoals het dossier van dat kwartaal haar toont). Met de nummers van de veronderstellingen zoals in het diagram, en aandachtspunten.',
  })
  @ApiOkResponse({ type: VerandertheorieResponse, headers: ETAG_HEADER })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PeriodeQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VerandertheorieResponse> {
    const { theorie, versie } = await this.theorieen.findOne(actor, id, query.periode);
    res.setHeader('ETag', etag(theorie.huidigeVersie));
    return toVerandertheorieResponse(theorie, versie);
  }

  @Patch(':id')
  @Vereist(Permissie.VerandertheorieOpstellen)
  @ApiOperation({
    summary: 'Titel, strategie of ambitie herzien',
    description:
      'Een nieuwe versie, vanaf het huidige kwartaal of het opgegeven latere kwartaal; eerdere versies blijven leesbaar.',
  })
  @ApiHeader(IF_MATCH_VERPLICHT)
  @ApiOkResponse({ type: VerandertheorieResponse, headers: ETAG_HEADER })
  @Verouderd()
  @ZonderIfMatch()
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateVerandertheorieRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VerandertheorieResponse> {
    const { resultaat, versie } = await this.bewerking.wijzigKop(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(versie));
    return resultaat;
  }

  @Get(':id/versies')
  @ApiOperation({
    summary: 'Versiehistorie',
    description:
      'Elke versie met het kwartaal waarin zij ingaat en wat er veranderde, oudste eerst.',
  })
  @ApiPageResponse(VersieSamenvattingResponse)
  async versies(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<VersieSamenvattingResponse>> {
    const alle = await this.theorieen.versies(actor, id);
    const start = (query.page - 1) * query.pageSize;
    return toPage(
      alle.slice(start, start + query.pageSize),
      alle.length,
      query,
      toVersieSamenvattingResponse,
    );
  }

  @Get(':id/versies/:versie')
  @ApiOperation({
    summary: 'Eén eerdere versie',
    description: 'De hele verandertheorie zoals zij toen was.',
  })
  @ApiParam({ name: 'versie', type: Number, example: 3 })
  @ApiOkResponse({ type: VerandertheorieResponse })
  async versie(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('versie', versieParam()) nummer: number,
  ): Promise<VerandertheorieResponse> {
    const { theorie, versie } = await this.theorieen.versie(actor, id, nummer);
    return toVerandertheorieResponse(theorie, versie);
  }

  @Get(':id/diagram')
  @ApiOperation({
    summary: 'Diagram van de verandertheorie',
    description:
      'Als SVG (image/svg+xml, standaard; zelfstandig, in het Nederlands, met alle elementen en de genummerde veronderstellingen) of als Mermaid-tekst om in te bedden (Accept: text/vnd.mermaid of text/plain). Met periode het diagram van de versie die toen gold.',
  })
  @ApiProduces(SVG, MERMAID, 'text/plain')
  @ApiOkResponse({
    description: 'Het diagram.',
    content: {
      [SVG]: { schema: { type: 'string' } },
      [MERMAID]: { schema: { type: 'string' } },
      'text/plain': { schema: { type: 'string' } },
    },
  })
  async diagram(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PeriodeQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { theorie, versie } = await this.theorieen.findOne(actor, id, query.periode);
    const model = naarTheorie(theorie.id, versie.inhoud);
    const formaat = req.accepts([SVG, MERMAID, 'text/plain']) || SVG;
    res.setHeader('Vary', 'Accept');
    if (formaat === SVG) {
      res.type(`${SVG}; charset=utf-8`);
      return theorieNaarSvg(model);
    }
    res.type(`${formaat}; charset=utf-8`);
    return theorieNaarMermaid(model);
  }
}
