import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KpiSetBevinding, KpiSetInput } from '../kpi-set-check';

/** What an extra rule may know besides the set itself, to look up its own data. */
export interface KpiSetCheckContext {
  /** Read-only use: the check runs outside a transaction. */
  manager: EntityManager;
  gemeenteId: string;
  opdrachtSoort: 'hoofdopdracht' | 'aanvullende-opdracht';
  opdrachtId: string;
  peildatum: string;
}

/**
 * A rule contributed by another capability, e.g. the mix of KPI types against the Ebrahim
 * strategy of the opdracht's theory of change. It sees the same input as the built-in rules
 * (KPI_SET_REGELS) plus the context, and may query the database for what it needs.
 */
export type KpiSetExtraRegel = (
  input: KpiSetInput,
  context: KpiSetCheckContext,
) => KpiSetBevinding[] | Promise<KpiSetBevinding[]>;

/**
 * The extra rules of the KPI-set check. A capability registers its rule once, from its
 * module's onModuleInit (as with DemoSeedRegistry), and the check runs it after the built-in
 * rules, in registration order; its findings appear in the same list.
 */
@Injectable()
export class KpiSetRegelRegistry {
  private readonly regels = new Map<string, KpiSetExtraRegel>();

  register(naam: string, regel: KpiSetExtraRegel): void {
    if (this.regels.has(naam)) throw new Error(`KPI-set-regel ${naam} is al geregistreerd`);
    this.regels.set(naam, regel);
  }

  alle(): { naam: string; regel: KpiSetExtraRegel }[] {
    return [...this.regels].map(([naam, regel]) => ({ naam, regel }));
  }
}
