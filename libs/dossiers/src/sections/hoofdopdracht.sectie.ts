import { maandDrempel, WIJZIGINGSSOORT_LABEL, Wijzigingssoort } from '@wijkkompas/opdrachten';
import { alineas, escapeHtml as e } from '../render/escape';
import { formatDatum } from '../render/format';
import type { DossierSnapshot } from '../snapshot';
import type { DossierSectie } from './sectie';

/**
 * The hoofdopdracht as it stood on the peildatum: its term with the end date then in force,
 * the version and the wijzigingen up to that day, and whether it ends within 12, 6 or 3
 * months. Read by HoofdopdrachtBijdrage (one query) into snapshot.bijdragen; this is pure.
 */
export const HOOFDOPDRACHT_SLEUTEL = 'hoofdopdracht';

export interface DossierHoofdopdrachtVersie {
  versie: number;
  soort: string;
  ingangsdatum: string;
  einddatum: string;
  reden: string;
}

export interface DossierHoofdopdracht {
  id: string;
  titel: string;
  startdatum: string;
  /** Versions in force on or before the peildatum, oldest first. */
  versies: DossierHoofdopdrachtVersie[];
}

export interface HoofdopdrachtRij {
  id: string;
  titel: string;
  startdatum: string;
  einddatum: string;
  versie: number;
  looptAfBinnenMaanden: number | null;
  wijzigingen: (DossierHoofdopdrachtVersie & { soortLabel: string })[];
}

export interface HoofdopdrachtInhoud {
  hoofdopdrachten: HoofdopdrachtRij[];
}

export const hoofdopdrachtSectie: DossierSectie<HoofdopdrachtInhoud> = {
  sleutel: HOOFDOPDRACHT_SLEUTEL,
  titel: 'Hoofdopdracht',
  volgorde: 45,
  bouw(snapshot: DossierSnapshot): HoofdopdrachtInhoud {
    const lijst =
      (snapshot.bijdragen?.[HOOFDOPDRACHT_SLEUTEL] as DossierHoofdopdracht[] | undefined) ?? [];
    return {
      hoofdopdrachten: lijst
        .filter((h) => h.versies.length > 0)
        .map((h) => {
          const geldend = h.versies[h.versies.length - 1];
          return {
            id: h.id,
            titel: h.titel,
            startdatum: h.startdatum,
            einddatum: geldend.einddatum,
            versie: geldend.versie,
            looptAfBinnenMaanden: maandDrempel(snapshot.peildatum, geldend.einddatum),
            wijzigingen: h.versies.map((v) => ({
              ...v,
              soortLabel: WIJZIGINGSSOORT_LABEL[v.soort as Wijzigingssoort] ?? v.soort,
            })),
          };
        }),
    };
  },
};

export function hoofdopdrachtHtml(inhoud: unknown): string {
  const h = inhoud as HoofdopdrachtInhoud;
  if (h.hoofdopdrachten.length === 0)
    return '<p class="leeg">Op de peildatum liep er geen hoofdopdracht.</p>';
  return h.hoofdopdrachten
    .map((r) => {
      const af =
        r.looptAfBinnenMaanden === null
          ? ''
          : `<p class="waarschuwing"><span aria-hidden="true">! </span>${e(
              `Loopt af binnen ${r.looptAfBinnenMaanden} maanden, op ${formatDatum(r.einddatum)}: besluit over verlengen, opnieuw aanbesteden of beëindigen.`,
            )}</p>`;
      const rijen = r.wijzigingen
        .map(
          (w) =>
            `<tr><td>${e(w.versie)}</td><td>${e(w.soortLabel)}</td><td>${e(formatDatum(w.ingangsdatum))}</td>` +
            `<td>${e(formatDatum(w.einddatum))}</td><td>${alineas(w.reden)}</td></tr>`,
        )
        .join('');
      return (
        `<h3>${e(r.titel)}</h3><p>${e(
          `Looptijd ${formatDatum(r.startdatum)} tot en met ${formatDatum(r.einddatum)}; versie ${r.versie} geldt.`,
        )}</p>${af}` +
        `<table><caption>Versies en wijzigingen tot de peildatum</caption><thead><tr><th scope="col">Versie</th>` +
        `<th scope="col">Soort</th><th scope="col">Ingangsdatum</th><th scope="col">Einddatum</th><th scope="col">Motivering</th></tr></thead><tbody>${rijen}</tbody></table>`
      );
    })
    .join('');
}
