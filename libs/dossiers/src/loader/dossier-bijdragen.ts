import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SECTIE_HTML, SectieHtmlRenderer } from '../render/secties.html';
import { DOSSIER_SECTIES } from '../sections';
import type { DossierSectie } from '../sections/sectie';

/** Whose dossier is loaded: one aanbieder of one gemeente, one quarter. */
export interface DossierLaadScope {
  gemeenteId: string;
  aanbiederId: string;
  /** The quarter: '2026-Q3'. */
  periode: string;
  /** The verantwoordingsgesprek named in the request; otherwise the one planned is used. */
  overlegId?: string | null;
  /** The assembly day in the gemeente's time zone ('YYYY-MM-DD'): the dossier's peildatum. */
  vandaag: string;
  /** The gemeente's time zone, for dates of timestamps ("raised on"). */
  tijdzone: string;
}

/**
 * A section a later capability adds to the dossier, with its own data. `laad` reads that data
 * once per dossier through the loader's manager (the same read-only snapshot as the rest, so
 * it must not write) and returns plain JSON; it lands in `snapshot.bijdragen[sleutel]`, where
 * the capability's own `sectie.bouw` (pure) picks it up. `html` renders the section; without
 * it the section is shown as a plain list of its content.
 *
 * Register from the capability's module, e.g. in an OnModuleInit provider:
 *
 *   registry.registreer({
 *     sleutel: 'verandertheorieen',
 *     laad: (manager, s) => dossierService.dossierSectieGegevens(s.gemeenteId, s.aanbiederId, s.periode, manager),
 *     sectie: { sleutel: 'verandertheorieen', titel: 'Verandertheorie', volgorde: 35,
 *               bouw: (snapshot) => snapshot.bijdragen?.verandertheorieen ?? null },
 *     html: (inhoud) => ...,
 *   });
 *
 * Keep `laad` to a fixed number of queries: the dossier's query count must not grow with the
 * number of KPIs, quarters or stories.
 */
export interface DossierSectieBijdrage<T = unknown> {
  /** Key of the data in snapshot.bijdragen; also the usual section key. Kebab-case. */
  readonly sleutel: string;
  laad(manager: EntityManager, scope: DossierLaadScope): Promise<T>;
  readonly sectie: DossierSectie;
  readonly html?: SectieHtmlRenderer;
}

/**
 * The sections a dossier is built from: the built-in ones plus what other capabilities
 * registered. One instance per process (API and worker each fill theirs at start-up).
 */
@Injectable()
export class DossierBijdrageRegistry {
  private readonly lijst: DossierSectieBijdrage[] = [];

  registreer(bijdrage: DossierSectieBijdrage): void {
    const bezet = new Set([
      ...DOSSIER_SECTIES.map((s) => s.sleutel),
      ...this.lijst.flatMap((b) => [b.sleutel, b.sectie.sleutel]),
    ]);
    if (bezet.has(bijdrage.sleutel) || bezet.has(bijdrage.sectie.sleutel))
      throw new Error(`Dossierbijdrage '${bijdrage.sleutel}' is al geregistreerd`);
    this.lijst.push(bijdrage);
  }

  bijdragen(): readonly DossierSectieBijdrage[] {
    return this.lijst;
  }

  /** Every section of a dossier: the built-in ones and the contributed ones. */
  secties(): readonly DossierSectie[] {
    return [...DOSSIER_SECTIES, ...this.lijst.map((b) => b.sectie)];
  }

  /** HTML renderers by section key, the contributed ones included. */
  renderers(): Readonly<Record<string, SectieHtmlRenderer>> {
    const eigen = Object.fromEntries(
      this.lijst.flatMap((b) => (b.html ? [[b.sectie.sleutel, b.html] as const] : [])),
    );
    return { ...SECTIE_HTML, ...eigen };
  }
}
