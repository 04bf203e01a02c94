import {
  Body,
  Controller,
  Delete,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, uuidParam, Permissie, Vereist } from '@wijkkompas/core';
import { etag } from '@wijkkompas/verantwoording';
import { ETAG_HEADER, IF_MATCH_OPTIONEEL, IF_MATCH_VERPLICHT } from './params';

import { VerandertheorieBewerkingService } from './verandertheorie-bewerking.service';
import {
  CreateElementRequest,
  CreateVerbandRequest,
  CreateVeronderstellingRequest,
  ElementResponse,
  UpdateElementRequest,
  UpdateVeronderstellingRequest,
  VerbandResponse,
  VeronderstellingResponse,
  ZetKpiBewijzenRequest,
} from './verandertheorie.dto';

const Verouderd = () =>
  ApiResponse({ status: 412, description: 'De verandertheorie is intussen gewijzigd (If-Match).' });
const ZonderIfMatch = () => ApiResponse({ status: 428, description: 'If-Match ontbreekt.' });
const Geweigerd = (wat: string) =>
  ApiUnprocessableEntityResponse({
    description: `${wat} De detail legt in gewone taal uit waarom, en wat wel kan.`,
  });

/**
 * The parts of a theory of change: activities and outcomes, links, assumptions and the KPIs
 * that evidence elements. Each change is a new version of the theory; the ETag of every
 * answer is that version.
 */
@ApiTags('Verandertheorieën')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('verandertheorieen')
export class VerandertheorieBewerkingController {
  constructor(private readonly bewerking: VerandertheorieBewerkingService) {}

  @Post(':id/elementen')
  @Vereist(Permissie.VerandertheorieMeeschrijven)
  @ApiOperation({
    summary: 'Activiteit of uitkomst toevoegen',
    description:
      'Een nieuwe versie. Gemeente en aanbieder van de opdracht schrijven mee. De ETag is de nieuwe versie van de verandertheorie.',
  })
  @ApiHeader(IF_MATCH_OPTIONEEL)
  @ApiCreatedResponse({ type: ElementResponse, headers: ETAG_HEADER })
  @Geweigerd('Bijvoorbeeld een tweede ambitie.')
  @Verouderd()
  async voegElementToe(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateElementRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ElementResponse> {
    const { resultaat, versie } = await this.bewerking.voegElementToe(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(versie));
    return resultaat;
  }

  @Patch(':id/elementen/:elementId')
  @Vereist(Permissie.VerandertheorieMeeschrijven)
  @ApiOperation({
    summary: 'Activiteit of uitkomst wijzigen',
    description: 'Titel of omschrijving; de titel van de ambitie volgt de tekst van de ambitie.',
  })
  @ApiHeader(IF_MATCH_VERPLICHT)
  @ApiOkResponse({ type: ElementResponse, headers: ETAG_HEADER })
  @Verouderd()
  @ZonderIfMatch()
  async wijzigElement(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('elementId', uuidParam('elementId')) elementId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateElementRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ElementResponse> {
    const { resultaat, versie } = await this.bewerking.wijzigElement(
      actor,
      id,
      elementId,
      ifMatch,
      body,
    );
    res.setHeader('ETag', etag(versie));
    return resultaat;
  }

  @Delete(':id/elementen/:elementId')
  @Vereist(Permissie.VerandertheorieMeeschrijven)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Activiteit of uitkomst verwijderen',
    description:
      'Met de verbanden van en naar het element, hun veronderstellingen en de KPI-koppelingen. De ambitie blijft.',
  })
  @ApiHeader(IF_MATCH_OPTIONEEL)
  @ApiNoContentResponse({ description: 'Verwijderd in een nieuwe versie.', headers: ETAG_HEADER })
  @Geweigerd('De ambitie kan niet worden verwijderd.')
  @Verouderd()
  async verwijderElement(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('elementId', uuidParam('elementId')) elementId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    res.setHeader(
      'ETag',
      etag(await this.bewerking.verwijderElement(actor, id, elementId, ifMatch)),
    );
  }

  @Put(':id/elementen/:elementId/kpi-bewijzen')
  @Vereist(Permissie.VerandertheorieOpstellen)
  @ApiOperation({
    summary: 'KPI’s koppelen die dit element zichtbaar maken',
    description:
      'Vervangt de KPI’s van dit element (een activiteit of uitkomst) door deze lijst; leeg ontkoppelt alles. Alleen KPI’s van de eigen opdracht. Zo weet de verandertheorie haar indicatoren, en een KPI wat hij moet laten zien (GET /kpis/{id}/theorie-elementen).',
  })
  @ApiHeader(IF_MATCH_OPTIONEEL)
  @ApiOkResponse({ type: ElementResponse, headers: ETAG_HEADER })
  @Geweigerd('Bijvoorbeeld een KPI op de ambitie.')
  @Verouderd()
  async zetKpiBewijzen(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('elementId', uuidParam('elementId')) elementId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ZetKpiBewijzenRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ElementResponse> {
    const { resultaat, versie } = await this.bewerking.zetKpiBewijzen(
      actor,
      id,
      elementId,
      ifMatch,
      body,
    );
    res.setHeader('ETag', etag(versie));
    return resultaat;
  }

  @Post(':id/verbanden')
  @Vereist(Permissie.VerandertheorieMeeschrijven)
  @ApiOperation({
    summary: 'Verband leggen',
    description:
      'Van activiteit naar uitkomst, tussen uitkomsten, of van uitkomst naar de ambitie. Een verband dat een kringloop maakt wordt geweigerd (422, code kringloop) met het pad in de detail.',
  })
  @ApiHeader(IF_MATCH_OPTIONEEL)
  @ApiCreatedResponse({ type: VerbandResponse, headers: ETAG_HEADER })
  @Geweigerd('Een kringloop, een verband in een richting die niet kan, of een dubbel verband.')
  @Verouderd()
  async voegVerbandToe(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateVerbandRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VerbandResponse> {
    const { resultaat, versie } = await this.bewerking.voegVerbandToe(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(versie));
    return resultaat;
  }

  @Delete(':id/verbanden/:verbandId')
  @Vereist(Permissie.VerandertheorieMeeschrijven)
  @HttpCode(204)
  @ApiOperation({ summary: 'Verband verwijderen', description: 'Met de veronderstellingen erop.' })
  @ApiHeader(IF_MATCH_OPTIONEEL)
  @ApiNoContentResponse({ description: 'Verwijderd in een nieuwe versie.', headers: ETAG_HEADER })
  @Verouderd()
  async verwijderVerband(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('verbandId', uuidParam('verbandId')) verbandId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    res.setHeader(
      'ETag',
      etag(await this.bewerking.verwijderVerband(actor, id, verbandId, ifMatch)),
    );
  }

  @Post(':id/veronderstellingen')
  @Vereist(Permissie.VerandertheorieMeeschrijven)
  @ApiOperation({
    summary: 'Veronderstelling toevoegen',
    description:
      'De "want ..." bij een verband, met kennisbron, bewijsstatus, randvoorwaarden en externe factoren.',
  })
  @ApiHeader(IF_MATCH_OPTIONEEL)
  @ApiCreatedResponse({ type: VeronderstellingResponse, headers: ETAG_HEADER })
  @Geweigerd('Het verband bestaat niet in deze verandertheorie.')
  @Verouderd()
  async voegVeronderstellingToe(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateVeronderstellingRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VeronderstellingResponse> {
    const { resultaat, versie } = await this.bewerking.voegVeronderstellingToe(
      actor,
      id,
      ifMatch,
      body,
    );
    res.setHeader('ETag', etag(versie));
    return resultaat;
  }

  @Patch(':id/veronderstellingen/:veronderstellingId')
  @Vereist(Permissie.VerandertheorieMeeschrijven)
  @ApiOperation({
    summary: 'Veronderstelling herzien',
    description:
      'Bijvoorbeeld de bewijsstatus na wat de review leerde (onzeker → weerlegd). De eerdere versie blijft leesbaar.',
  })
  @ApiHeader(IF_MATCH_VERPLICHT)
  @ApiOkResponse({ type: VeronderstellingResponse, headers: ETAG_HEADER })
  @Verouderd()
  @ZonderIfMatch()
  async wijzigVeronderstelling(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('veronderstellingId', uuidParam('veronderstellingId')) veronderstellingId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateVeronderstellingRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VeronderstellingResponse> {
    const { resultaat, versie } = await this.bewerking.wijzigVeronderstelling(
      actor,
      id,
      veronderstellingId,
      ifMatch,
      body,
    );
    res.setHeader('ETag', etag(versie));
    return resultaat;
  }

  @Delete(':id/veronderstellingen/:veronderstellingId')
  @Vereist(Permissie.VerandertheorieMeeschrijven)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Veronderstelling verwijderen',
    description: 'In een nieuwe versie; eerdere diagnoses blijven in de geschiedenis.',
  })
  @ApiHeader(IF_MATCH_OPTIONEEL)
  @ApiNoContentResponse({ description: 'Verwijderd in een nieuwe versie.', headers: ETAG_HEADER })
  @Verouderd()
  async verwijderVeronderstelling(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('veronderstellingId', uuidParam('veronderstellingId')) veronderstellingId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    res.setHeader(
      'ETag',
      etag(await this.bewerking.verwijderVeronderstelling(actor, id, veronderstellingId, ifMatch)),
    );
  }
}
