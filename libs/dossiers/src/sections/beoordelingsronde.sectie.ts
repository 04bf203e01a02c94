import { alineas, escapeHtml as e } from '../render/escape';
import { formatDatum } from '../render/format';
import type { DossierSnapshot } from '../snapshot';
import type { DossierSectie } from './sectie';

/**
 * The review round of the quarter's account: per revision when it was submitted, returned
 * and adopted, and every question of the gemeente with the aanbieder's answer. Its data is
 * read by BeoordelingsrondeBijdrage (one query) into snapshot.bijdragen; this part is pure.
 */
export const BEOORDELINGSRONDE_SLEUTEL = 'beoordelingsronde';

export interface BeoordelingsVraag {
  id: string;
  revisie: number;
  onderdeel: string;
  vraag: string;
  gesteldDoor: string;
  gesteldOp: string;
  antwoord: string | null;
  beantwoordDoor: string | null;
  beantwoordOp: string | null;
}

export interface BeoordelingsRevisie {
  revisie: number;
  status: string;
  ingediendOp: string | null;
  teruggezetOp: string | null;
  vastgesteldOp: string | null;
  vragen: BeoordelingsVraag[];
}

export interface BeoordelingsrondeInhoud {
  periode: string;
  revisies: BeoordelingsRevisie[];
  aantalVragen: number;
  aantalOnbeantwoord: number;
}

const ONDERDEEL_LABEL: Record<string, string> = {
  algemeen: 'Algemeen',
  'kpi-waarde': 'KPI-cijfer',
  verhaal: 'Verhaal bij de cijfers',
  budget: 'Budget',
  formatie: 'Formatie',
  casus: 'Casus',
  signaal: 'Signaal',
};

export const beoordelingsrondeSectie: DossierSectie<BeoordelingsrondeInhoud> = {
  sleutel: BEOORDELINGSRONDE_SLEUTEL,
  titel: 'Beoordelingsronde',
  volgorde: 25,
  bouw(snapshot: DossierSnapshot): BeoordelingsrondeInhoud {
    const revisies =
      (snapshot.bijdragen?.[BEOORDELINGSRONDE_SLEUTEL] as BeoordelingsRevisie[] | undefined) ?? [];
    const vragen = revisies.flatMap((r) => r.vragen);
    return {
      periode: snapshot.periode,
      revisies,
      aantalVragen: vragen.length,
      aantalOnbeantwoord: vragen.filter((v) => v.antwoord === null).length,
    };
  },
};

const datum = (d: string | null) => (d ? formatDatum(d) : '–');

export function beoordelingsrondeHtml(inhoud: unknown): string {
  const b = inhoud as BeoordelingsrondeInhoud;
  if (b.revisies.length === 0)
    return '<p class="leeg">Er is voor dit kwartaal geen kwartaalverantwoording ingediend.</p>';
  return b.revisies
    .map((r) => {
      const data =
        `<p>${e(`Revisie ${r.revisie}: ingediend ${datum(r.ingediendOp)}`)}` +
        (r.teruggezetOp ? e(`, teruggezet ${datum(r.teruggezetOp)}`) : '') +
        e(
          r.vastgesteldOp ? `, vastgesteld ${datum(r.vastgesteldOp)}.` : ', nog niet vastgesteld.',
        ) +
        '</p>';
      if (r.vragen.length === 0)
        return `${data}<p class="leeg">Bij deze revisie zijn geen vragen gesteld.</p>`;
      const rijen = r.vragen
        .map(
          (v) =>
            `<tr><th scope="row">${alineas(v.vraag)}<span class="klein">${e(
              `${ONDERDEEL_LABEL[v.onderdeel] ?? v.onderdeel}; ${v.gesteldDoor}, ${datum(v.gesteldOp)}`,
            )}</span></th><td>${
              v.antwoord === null
                ? '<span class="waarschuwing">Nog niet beantwoord</span>'
                : `${alineas(v.antwoord)}<span class="klein">${e(
                    `${v.beantwoordDoor ?? ''}, ${datum(v.beantwoordOp)}`,
                  )}</span>`
            }</td></tr>`,
        )
        .join('');
      return (
        data +
        `<table class="beoordeling"><caption>${e(
          `Vragen en antwoorden bij revisie ${r.revisie}`,
        )}</caption><thead><tr><th scope="col">Vraag van de gemeente</th><th scope="col">Antwoord van de aanbieder</th></tr></thead><tbody>${rijen}</tbody></table>`
      );
    })
    .join('');
}
