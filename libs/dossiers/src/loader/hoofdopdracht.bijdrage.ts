import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DossierHoofdopdracht,
  HOOFDOPDRACHT_SLEUTEL,
  hoofdopdrachtHtml,
  hoofdopdrachtSectie,
} from '../sections/hoofdopdracht.sectie';
import { DossierBijdrageRegistry, DossierLaadScope } from './dossier-bijdragen';

/**
 * The aanbieder's hoofdopdrachten that had started by the peildatum and whose end date in
 * force then had not passed, with their versions up to that day: one query.
 */
export async function laadHoofdopdracht(
  manager: EntityManager,
  scope: DossierLaadScope,
): Promise<DossierHoofdopdracht[]> {
  const rijen: DossierHoofdopdracht[] = await manager.query(
    `SELECT h.id, h.titel, h.startdatum::text AS startdatum,
            COALESCE((SELECT json_agg(json_build_object(
                        'versie', v.versie, 'soort', v.soort, 'ingangsdatum', v.ingangsdatum::text,
                        'einddatum', v.einddatum::text, 'reden', v.reden)
                      ORDER BY v.ingangsdatum, v.versie)
                        FROM hoofdopdracht_versies v
                       WHERE v.hoofdopdracht_id = h.id AND v.ingangsdatum <= $3::date), '[]'::json) AS versies
       FROM hoofdopdrachten h
      WHERE h.gemeente_id = $1 AND h.aanbieder_id = $2 AND h.startdatum <= $3::date
      ORDER BY h.startdatum, h.id`,
    [scope.gemeenteId, scope.aanbiederId, scope.vandaag],
  );
  // Ended before the peildatum (by the end date then in force): not part of the picture.
  return rijen.filter((h) => {
    const geldend = h.versies[h.versies.length - 1];
    return geldend && geldend.einddatum >= scope.vandaag;
  });
}

/** Registers the hoofdopdracht as a section of the dossier (API: rendering; worker: loading). */
@Injectable()
export class HoofdopdrachtBijdrage implements OnModuleInit {
  constructor(private readonly registry: DossierBijdrageRegistry) {}

  onModuleInit(): void {
    this.registry.registreer({
      sleutel: HOOFDOPDRACHT_SLEUTEL,
      laad: laadHoofdopdracht,
      sectie: hoofdopdrachtSectie,
      html: hoofdopdrachtHtml,
    });
  }
}
