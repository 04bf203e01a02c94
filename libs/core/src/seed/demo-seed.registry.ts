import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Gemeente } from '../tenancy/gemeente.entity';
import { Organisatie } from '../tenancy/organisatie.entity';
import { Rol } from '../tenancy/rol';

export interface DemoGebruiker {
  email: string;
  naam: string;
  rol: Rol;
  organisatie: string;
  password: string;
  id: string;
}

/** What the core demo data made, for the feature steps to build on. */
export interface DemoSeedContext {
  manager: EntityManager;
  audit: AuditService;
  gemeente: Gemeente;
  gemeenteOrganisatie: Organisatie;
  /** The three aanbieders by short key: noord, oost, zuid. */
  /** With the name Voorbeeldstad contracted them by (names are per gemeente). */
  aanbieders: Record<'noord' | 'oost' | 'zuid', Organisatie & { naam: string }>;
  gebruikers: DemoGebruiker[];
}

export interface DemoSeedStep {
  /** Lower runs first; features that build on others use a higher number. */
  order: number;
  name: string;
  run(context: DemoSeedContext): Promise<void>;
}

/**
 * Each capability adds its part of the demo data by registering a step here (from its
 * module's onModuleInit), so the demo grows with the product without core knowing features.
 */
@Injectable()
export class DemoSeedRegistry {
  private readonly steps: DemoSeedStep[] = [];

  register(step: DemoSeedStep): void {
    this.steps.push(step);
  }

  ordered(): DemoSeedStep[] {
    return [...this.steps].sort((a, b) => a.order - b.order);
  }
}
