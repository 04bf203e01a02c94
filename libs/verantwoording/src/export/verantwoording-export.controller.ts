import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import {
  Actor,
  ApiExportResponse,
  CurrentActor,
  exportBestand,
  ExportQuery,
  Permissie,
  uuidParam,
  Vereist,
} from '@wijkkompas/core';
import { VerantwoordingExportService } from './verantwoording-export.service';

export class KpiExportQuery extends ExportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Alleen dit perceel.' })
  @IsOptional()
  @IsUUID('all', { message: 'perceelId moet een uuid zijn' })
  perceelId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Alleen deze aanbieder.' })
  @IsOptional()
  @IsUUID('all', { message: 'aanbiederId moet een uuid zijn' })
  aanbiederId?: string;
}

@ApiTags('Exports')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller()
export class VerantwoordingExportController {
  constructor(private readonly exports: VerantwoordingExportService) {}

  @Get('kwartaalverantwoordingen/:id/export')
  @ApiOperation({
    summary: 'Kwartaalverantwoording exporteren (CSV of XLSX)',
    description:
      'Alle cijfers van de verantwoording: per KPI een regel per perceel en het totaal volgens de aggregatie, met gewicht, teller en noemer (de definitie van de KPI), streefwaarde, status en datakwaliteit. Cijfers als getallen. Een aanbieder alleen de eigen; anders 404.',
  })
  @ApiExportResponse('De cijfers als CSV (puntkomma, decimale komma) of XLSX.')
  async account(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: ExportQuery,
  ): Promise<StreamableFile> {
    const { tabellen, naam } = await this.exports.account(actor, id);
    return exportBestand(tabellen, query.formaat, naam);
  }

  @Get('kwartaalverantwoordingen/:id/importsjabloon')
  @ApiOperation({
    summary: 'Importsjabloon van een kwartaalverantwoording',
    description:
      'Een regel per verwacht cijfer met KPI-code, perceel, eenheid en aggregatie ingevuld; vul waarde (en bij een gewogen gemiddelde het gewicht) in en importeer het bestand ongewijzigd via POST /kwartaalverantwoordingen/{id}/imports.',
  })
  @ApiExportResponse('Het sjabloon als CSV of XLSX.')
  async sjabloon(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: ExportQuery,
  ): Promise<StreamableFile> {
    const { tabellen, naam } = await this.exports.sjabloon(actor, id);
    return exportBestand(tabellen, query.formaat, naam);
  }

  @Get('kpis/:id/export')
  @ApiOperation({
    summary: 'Eén KPI over kwartalen en aanbieders exporteren',
    description:
      'De cijfers uit vastgestelde verantwoordingen (de laatste vastgestelde revisie per periode), per kwartaal, aanbieder en perceel. Een aanbieder alleen de eigen cijfers.',
  })
  @ApiExportResponse('De reeks als CSV of XLSX.')
  async kpi(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: KpiExportQuery,
  ): Promise<StreamableFile> {
    const { tabellen, naam } = await this.exports.kpiReeks(actor, id, query);
    return exportBestand(tabellen, query.formaat, naam);
  }
}
