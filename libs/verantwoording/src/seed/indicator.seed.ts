import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedContext, DemoSeedRegistry, SystemActor } from '@wijkkompas/core';
import { toIndicatorResponse } from '../indicator/indicator.dto';
import { Indicator } from '../indicator/indicator.entity';

/**
 * The measures the demo aanbieders share, each under its own KPI code (NRD-02 and OST-02
 * are the same percentage): one indicator per measure, adopted by those KPIs, so the
 * comparison and the ontwikkeloverleg agenda have something to compare.
 */
const GEDEELD: { code: string; naam: string; kpis: string[] }[] = [
  { code: 'IND-BEREIK', naam: 'Inwoners bereikt via de sociale basis', kpis: ['NRD-01', 'OST-01'] },
  { code: 'IND-SNEL', naam: 'Vragen binnen 5 werkdagen opgepakt', kpis: ['NRD-02', 'OST-02'] },
  {
    code: 'IND-DOORLOOPTIJD',
    naam: 'Doorlooptijd tot start ondersteuning',
    kpis: ['NRD-03', 'ZD-03'],
  },
  { code: 'IND-ZELFREDZAAM', naam: 'Ervaren zelfredzaamheid', kpis: ['NRD-04', 'OST-05'] },
  {
    code: 'IND-EEN-PLAN',
    naam: 'Huishoudens met meervoudige vragen met één plan',
    kpis: ['NRD-05', 'OST-03'],
  },
  {
    code: 'IND-ZONDER-TERUGVAL',
    naam: 'Trajecten afgesloten zonder terugval',
    kpis: ['NRD-07', 'OST-06'],
  },
];

@Injectable()
export class IndicatorDemoSeed implements OnModuleInit {
  constructor(private readonly registry: DemoSeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({ order: 206, name: 'indicatoren', run: (ctx) => this.run(ctx) });
  }

  async run(ctx: DemoSeedContext): Promise<void> {
    const { manager, gemeente } = ctx;
    const system: SystemActor = { system: 'demo-data', gemeenteId: gemeente.id };
    const kpis = (await manager.query(
      `SELECT k.id, k.code, k.keten_ids::text[] AS keten_ids, v.eenheid, v.richting
       FROM kpis k JOIN kpi_versies v ON v.kpi_id = k.id AND v.versie = k.huidige_versie
       WHERE k.gemeente_id = $1`,
      [gemeente.id],
    )) as {
      id: string;
      code: string;
      keten_ids: string[];
      eenheid: Indicator['eenheid'];
      richting: Indicator['richting'];
    }[];
    const repo = manager.getRepository(Indicator);
    for (const spec of GEDEELD) {
      const leden = kpis.filter((k) => spec.kpis.includes(k.code));
      const eerste = leden[0];
      // Only KPIs that measure alike adopt the same indicator.
      const passend = leden.filter(
        (k) => k.eenheid === eerste?.eenheid && k.richting === eerste?.richting,
      );
      if (passend.length < 2) continue;
      const indicator = await repo.save(
        repo.create({
          gemeenteId: gemeente.id,
          code: spec.code,
          naam: spec.naam,
          omschrijving: `Gedeelde maat voor ${passend.map((k) => k.code).join(' en ')}.`,
          eenheid: eerste.eenheid,
          richting: eerste.richting,
          ketenIds: [...new Set(passend.flatMap((k) => k.keten_ids))],
        }),
      );
      await manager.query(`UPDATE kpis SET indicator_id = $1 WHERE id = ANY($2::uuid[])`, [
        indicator.id,
        passend.map((k) => k.id),
      ]);
      await ctx.audit.record(manager, system, {
        action: 'aangemaakt',
        entityType: 'indicator',
        entityId: indicator.id,
        after: { ...toIndicatorResponse(indicator), kpis: passend.map((k) => k.code) },
      });
    }
  }
}
