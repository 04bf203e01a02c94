import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedContext, DemoSeedRegistry, Gebruiker, Rol, SystemActor } from '@wijkkompas/core';
import { MailVoorkeur } from '../mail-voorkeur.service';

/**
 * E-mail preferences of the demo users: the wethouder and the beleidsadviseur read one
 * overview a day, everyone else gets each notification at once (the default). No
 * notifications are made up here: the quarterly rhythm notifies the demo users for real
 * once the worker runs (periods open, reminders, submissions).
 */
const VOORKEUREN: Partial<Record<Rol, MailVoorkeur>> = {
  [Rol.Bestuurder]: 'dagelijks',
  [Rol.Beleidsadviseur]: 'dagelijks',
};

@Injectable()
export class NotificatiesDemoSeed implements OnModuleInit {
  constructor(private readonly registry: DemoSeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      order: 900,
      name: 'e-mailvoorkeuren',
      run: (ctx) => this.run(ctx),
    });
  }

  async run(ctx: DemoSeedContext): Promise<void> {
    const system: SystemActor = { system: 'demo-data', gemeenteId: ctx.gemeente.id };
    const repo = ctx.manager.getRepository(Gebruiker);
    for (const gebruiker of ctx.gebruikers) {
      const voorkeur = VOORKEUREN[gebruiker.rol];
      if (!voorkeur) continue;
      await repo.update({ id: gebruiker.id }, { mailVoorkeur: voorkeur });
      await ctx.audit.record(ctx.manager, system, {
        action: 'mail-voorkeur-gewijzigd',
        entityType: 'gebruiker',
        entityId: gebruiker.id,
        before: { mailVoorkeur: 'direct' },
        after: { mailVoorkeur: voorkeur },
      });
    }
  }
}
