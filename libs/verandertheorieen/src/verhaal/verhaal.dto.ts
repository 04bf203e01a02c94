import { ApiProperty } from '@nestjs/swagger';
import { PageQuery } from '@wijkkompas/core';
import { Kwartaal, Tekst, Uuids } from '../verandertheorie/velden';

export class VerhaalQuery extends PageQuery {
  @Kwartaal('periode', 'Alleen de casusverhalen van dit kwartaal.')
  periode?: string;
}

export class ZetVerhaalElementenRequest {
  @Uuids(
    'elementIds',
    'verplicht',
    'De activiteiten en uitkomsten die dit casusverhaal laat zien; vervangt de eerdere koppelingen, leeg ontkoppelt.',
    20,
  )
  elementIds: string[];

  @Tekst('toelichting', 2000, 'optioneel', {
    description: 'Waarom dit verhaal deze uitkomst laat zien (voor het logboek).',
  })
  toelichting?: string;
}

export class VerhaalResponse {
  @ApiProperty({ format: 'uuid' })
  casusId: string;

  @ApiProperty({ example: 'Via de buurtmaaltijd op tijd bij het spreekuur' })
  titel: string;

  @ApiProperty({ example: '2026-Q2' })
  periode: string;

  @ApiProperty({ format: 'uuid' })
  aanbiederId: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Elementen waaraan het verhaal uitdrukkelijk is gekoppeld.',
  })
  gekoppeldeElementIds: string[];

  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description:
      'Alle elementen die het verhaal laat zien: de gekoppelde en die van de KPI’s die het verhaal illustreert.',
  })
  elementIds: string[];
}
