import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  Actor,
  ApiExportResponse,
  CurrentActor,
  exportBestand,
  ExportQuery,
  Permissie,
  Vereist,
} from '@wijkkompas/core';
import { vandaag } from '../shared/datum';
import { budgetTabel, registerTabel } from './opdrachten-export';
import { OverzichtService } from './overzicht.service';

export class BudgetExportQuery extends ExportQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'vanJaar moet een geheel getal zijn' })
  @Min(2000, { message: 'vanJaar moet minstens 2000 zijn' })
  @Max(2100, { message: 'vanJaar mag hoogstens 2100 zijn' })
  vanJaar: number;

  @ApiProperty({ example: 2027 })
  @Type(() => Number)
  @IsInt({ message: 'totJaar moet een geheel getal zijn' })
  @Min(2000, { message: 'totJaar moet minstens 2000 zijn' })
  @Max(2100, { message: 'totJaar mag hoogstens 2100 zijn' })
  totJaar: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;
}

@ApiTags('Exports')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('overzichten')
export class OpdrachtenExportController {
  constructor(private readonly overzichten: OverzichtService) {}

  @Get('opdrachtenregister/export')
  @ApiOperation({
    summary: 'Opdrachtenregister exporteren (CSV of XLSX)',
    description:
      'Alle aanvullende opdrachten met status, aanbieders, percelen, looptijd en budget (in euro, als getal). Een aanbieder alleen de opdrachten waarin hij deelneemt.',
  })
  @ApiExportResponse('Het register als CSV of XLSX.')
  async register(
    @CurrentActor() actor: Actor,
    @Query() query: ExportQuery,
  ): Promise<StreamableFile> {
    const opdrachten = await this.overzichten.register(actor);
    return exportBestand([registerTabel(opdrachten, vandaag())], query.formaat, [
      'opdrachtenregister',
      vandaag(),
    ]);
  }

  @Get('budgetten/export')
  @Vereist(Permissie.GemeenteLezen)
  @ApiOperation({
    summary: 'Budgetoverzicht exporteren (CSV of XLSX)',
    description:
      'Het budget per jaar per aanbieder (structureel, incidenteel, totaal in euro) zoals GET /overzichten/budgetten.',
  })
  @ApiExportResponse('Het budgetoverzicht als CSV of XLSX.')
  async budgetten(
    @CurrentActor() actor: Actor,
    @Query() query: BudgetExportQuery,
  ): Promise<StreamableFile> {
    const overzicht = await this.overzichten.budgetten(
      actor,
      query.vanJaar,
      query.totJaar,
      query.aanbiederId,
    );
    return exportBestand([budgetTabel(overzicht)], query.formaat, [
      'budget',
      String(query.vanJaar),
      String(query.totJaar),
    ]);
  }
}
