import { Injectable, OnModuleInit } from '@nestjs/common';
import { AgendaBronRegistry, AgendaBronSoort, AgendaVoorstel } from '@wijkkompas/overleggen';
import { assembleerDossier, vindSectie } from '../assembleer';
import { DossierLoader } from '../loader/dossier.loader';
import type { AgendaBron } from '../sections/agenda.sectie';

const SOORT: Record<AgendaBron, AgendaBronSoort> = {
  'kpi-afwijking': 'kpi',
  signaal: 'signaal',
  'aanvullende-opdracht': 'aanvullende-opdracht',
  'open-actie': 'actie',
};

/**
 * The verantwoordingsgesprek keeps the agenda its dossier proposes: the drafting of its
 * agenda assembles the dossier's agenda section from the same data (in the drafting's read
 * transaction) and stores those points as items, with the dossier's explanation as reason.
 */
@Injectable()
export class DossierAgendaBron implements OnModuleInit {
  constructor(
    private readonly registry: AgendaBronRegistry,
    private readonly loader: DossierLoader,
  ) {}

  onModuleInit(): void {
    this.registry.registreerVerantwoordingsgesprek({
      laad: async (manager, scope): Promise<AgendaVoorstel[]> => {
        if (!scope.aanbiederId || !scope.periode) return [];
        const snapshot = await this.loader.laad(manager, {
          gemeenteId: scope.gemeenteId,
          aanbiederId: scope.aanbiederId,
          periode: scope.periode,
          overlegId: scope.overlegId,
          vandaag: scope.dag,
          tijdzone: scope.tijdzone,
        });
        const agenda = vindSectie(assembleerDossier(snapshot), 'agenda');
        return (agenda?.punten ?? []).map((p) => ({
          bronSoort: SOORT[p.soort],
          bronId: p.bronId,
          onderwerp: p.onderwerp,
          reden: `Uit de voorgestelde agenda van het dossier. ${p.toelichting}`,
          doel: p.soort === 'open-actie' ? 'informeren' : 'bespreken',
          minuten: p.soort === 'open-actie' ? 5 : 15,
        }));
      },
    });
  }
}
