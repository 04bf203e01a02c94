import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  BEOORDELINGSRONDE_SLEUTEL,
  beoordelingsrondeHtml,
  beoordelingsrondeSectie,
  BeoordelingsRevisie,
} from '../sections/beoordelingsronde.sectie';
import { DossierBijdrageRegistry, DossierLaadScope } from './dossier-bijdragen';

/**
 * Reads the review round of the quarter's account in one query: every revision of the
 * aanbieder's quarterly account (not those of aanvullende opdrachten) with its dates and the
 * questions and answers made up to the peildatum. Dates in the gemeente's time zone.
 */
export async function laadBeoordelingsronde(
  manager: EntityManager,
  scope: DossierLaadScope,
): Promise<BeoordelingsRevisie[]> {
  const datum = (kolom: string) => `to_char(${kolom} AT TIME ZONE $4, 'YYYY-MM-DD')`;
  return manager.query(
    `SELECT k.revisie, k.status,
            ${datum('k.ingediend_op')} AS "ingediendOp",
            ${datum('k.teruggezet_op')} AS "teruggezetOp",
            ${datum('k.vastgesteld_op')} AS "vastgesteldOp",
            COALESCE((
              SELECT json_agg(json_build_object(
                       'id', b.id, 'revisie', b.revisie, 'onderdeel', b.onderdeel,
                       'vraag', b.tekst, 'gesteldDoor', ga.naam, 'gesteldOp', ${datum('b.created_at')},
                       'antwoord', b.reactie, 'beantwoordDoor', gr.naam,
                       'beantwoordOp', ${datum('b.reactie_op')})
                     ORDER BY b.created_at, b.id)
                FROM beoordelingsopmerkingen b
                JOIN gebruiker_gemeenten ga ON ga.gebruiker_id = b.auteur_id
                                           AND ga.gemeente_id = k.gemeente_id
                LEFT JOIN gebruiker_gemeenten gr ON gr.gebruiker_id = b.reactie_door_id
                                                AND gr.gemeente_id = k.gemeente_id
               WHERE b.kwartaalverantwoording_id = k.id
                 AND (b.created_at AT TIME ZONE $4)::date <= $5::date), '[]'::json) AS vragen
       FROM kwartaalverantwoordingen k
       JOIN rapportageperiodes p ON p.id = k.rapportageperiode_id
      WHERE k.gemeente_id = $1 AND k.aanbieder_id = $2 AND k.periode = $3
        AND p.aanvullende_opdracht_id IS NULL AND k.ingediend_op IS NOT NULL
      ORDER BY k.revisie`,
    [scope.gemeenteId, scope.aanbiederId, scope.periode, scope.tijdzone, scope.vandaag],
  );
}

/** Registers the review round as a section of the dossier (API: rendering; worker: loading). */
@Injectable()
export class BeoordelingsrondeBijdrage implements OnModuleInit {
  constructor(private readonly registry: DossierBijdrageRegistry) {}

  onModuleInit(): void {
    this.registry.registreer({
      sleutel: BEOORDELINGSRONDE_SLEUTEL,
      laad: laadBeoordelingsronde,
      sectie: beoordelingsrondeSectie,
      html: beoordelingsrondeHtml,
    });
  }
}
