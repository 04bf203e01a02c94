import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DemoSeedContext, DemoSeedRegistry, SystemActor } from '@wijkkompas/core';
import { DossierSamensteller } from '../dossier/dossier.samensteller';
import { bewaarVersie, voegAanvraagToe } from '../persistence/dossier-opslag';

/**
 * One finished dossier for Gemeente Voorbeeldstad, so a newcomer sees one at once: for the
 * first aanbieder (Wijkteams Noord), about its most recent adopted quarter, for the
 * verantwoordingsgesprek planned about it. Assembled directly (no queue) in the seed's
 * transaction, with the same loader, assembly, storage and notification as the job. Runs after opdrachten
 * (100), KPIs (200), accounts (210), stories (220), meetings (300) and theories (400);
 * without an adopted account there is nothing to put in a dossier and it does nothing.
 */
@Injectable()
export class DossiersDemoSeed implements OnModuleInit {
  private readonly logger = new Logger(DossiersDemoSeed.name);

  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly samensteller: DossierSamensteller,
  ) {}

  onModuleInit(): void {
    this.registry.register({ order: 500, name: 'dossiers', run: (ctx) => this.run(ctx) });
  }

  async run(ctx: DemoSeedContext): Promise<void> {
    const { manager, audit, gemeente } = ctx;
    const aanbieder = ctx.aanbieders.noord;
    const [laatste] = (await manager.query(
      `SELECT max(periode) AS periode FROM kwartaalverantwoordingen
       WHERE gemeente_id = $1 AND aanbieder_id = $2 AND status = 'vastgesteld'
         AND periode ~ '^[0-9]{4}-Q[1-4]$'`,
      [gemeente.id, aanbieder.id],
    )) as { periode: string | null }[];
    if (!laatste?.periode) {
      this.logger.log('Geen vastgestelde kwartaalverantwoording: geen demodossier');
      return;
    }
    const periode = laatste.periode;
    const [gesprek] = (await manager.query(
      `SELECT id FROM overleggen WHERE gemeente_id = $1 AND aanbieder_id = $2 AND periode = $3
         AND soort = 'verantwoordingsgesprek' AND status <> 'geannuleerd'`,
      [gemeente.id, aanbieder.id, periode],
    )) as { id: string }[];
    const systeem: SystemActor = { system: 'demo-data', gemeenteId: gemeente.id };
    const { dossier } = await voegAanvraagToe(
      manager,
      {
        gemeenteId: gemeente.id,
        aanbiederId: aanbieder.id,
        periode,
        overlegId: gesprek?.id ?? null,
        aanleiding: 'planning',
        aangevraagdDoorId: null,
      },
      systeem,
      audit,
    );
    const { document, inhoudHash } = await this.samensteller.stelSamen(
      manager,
      this.samensteller.scope(dossier),
    );
    const versie = await bewaarVersie(manager, dossier.id, document, inhoudHash, systeem, audit);
    // As the job does: the contractmanager hears that it is ready.
    if (versie) await this.samensteller.meldGereed(manager, versie);
  }
}
