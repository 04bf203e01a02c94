import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import {
  alineas,
  DossierBijdrageRegistry,
  DossierSectie,
  DossiersModule,
  escapeHtml as e,
  formatPeriode,
  htmlId,
} from '@wijkkompas/dossiers';
import { BEWIJSSTATUS_LABELS } from '../model';
import { VerandertheorieenModule } from '../verandertheorieen.module';
import {
  DossierVerandertheorie,
  VerandertheorieDossierSectie,
  VerandertheorieDossierService,
} from './verandertheorie-dossier.service';

export const VERANDERTHEORIE_SLEUTEL = 'verandertheorieen';

/**
 * The dossier's section of the theories of change: the version in force in the quarter,
 * its diagram, the outcomes without any evidence that quarter and the assumption review.
 * Pure: it passes on what the loader read (VerandertheorieDossierService) and is empty when
 * the aanbieder has no theory.
 */
export const verandertheorieSectie: DossierSectie<VerandertheorieDossierSectie> = {
  sleutel: VERANDERTHEORIE_SLEUTEL,
  titel: 'Verandertheorie en veronderstellingen',
  volgorde: 35,
  bouw(snapshot) {
    const gegevens = snapshot.bijdragen?.[VERANDERTHEORIE_SLEUTEL] as
      VerandertheorieDossierSectie | undefined;
    return gegevens ?? { periode: snapshot.periode, theorieen: [] };
  },
};

function lijst(items: string[], leegTekst: string): string {
  return items.length
    ? `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`
    : `<span class="klein">${e(leegTekst)}</span>`;
}

function reviewHtml(theorie: DossierVerandertheorie, periode: string): string {
  const { kpis } = theorie.review;
  if (kpis.length === 0) {
    return `<p class="leeg">${e(
      `Geen KPI van deze verandertheorie was in ${formatPeriode(periode)} uit koers in een vastgestelde kwartaalverantwoording: er zijn geen veronderstellingen te toetsen.`,
    )}</p>`;
  }
  return kpis
    .map((kpi) => {
      const rijen = kpi.veronderstellingen
        .map(
          (v) =>
            `<tr><th scope="row">V${v.nummer}. ${e(v.tekst)}<br><span class="klein">${e(
              `${v.van} → ${v.naar}`,
            )}</span></th><td>${e(BEWIJSSTATUS_LABELS[v.bewijsstatus] ?? v.bewijsstatus)}</td><td>${
              v.vastgelegd ? e(v.diagnoseLabel) : '<span class="klein">Nog geen diagnose</span>'
            }</td><td>${v.notitie ? alineas(v.notitie) : ''}</td></tr>`,
        )
        .join('');
      const uitKoers = kpi.uitKoers.map((u) => u.toelichting);
      return (
        `<h4>${e(`${kpi.code} ${kpi.naam}`)}: uit koers</h4>${lijst(uitKoers, '')}` +
        (rijen
          ? `<table><caption>${e(
              'Veronderstellingen op de paden van deze KPI naar de ambitie, met de diagnose van dit kwartaal',
            )}</caption><thead><tr><th scope="col">Veronderstelling</th><th scope="col">Bewijsstatus</th>` +
            `<th scope="col">Diagnose</th><th scope="col">Notitie</th></tr></thead><tbody>${rijen}</tbody></table>`
          : '<p class="leeg">Op de paden van deze KPI liggen geen veronderstellingen.</p>')
      );
    })
    .join('');
}

function theorieHtml(theorie: DossierVerandertheorie, periode: string): string {
  const zonderBewijs = theorie.outcomesZonderBewijs.map((o) => `${o.soortLabel}: ${o.melding}`);
  return (
    `<section class="verandertheorie" id="${htmlId('verandertheorie', theorie.theorieId)}">` +
    `<h3>${e(theorie.titel)}</h3>` +
    `<p>${e(
      `Versie ${theorie.versie}, geldig vanaf ${formatPeriode(theorie.geldigVanaf)}. Strategie: ${theorie.strategieLabel}. ${theorie.strategieMeet}`,
    )}</p>` +
    `<p><strong>Ambitie:</strong> ${e(theorie.ambitie.tekst)}</p>` +
    `<figure class="diagram">${theorie.diagram.svg}<figcaption>${e(
      `Verandertheorie '${theorie.titel}' (versie ${theorie.versie})`,
    )}</figcaption></figure>` +
    `<h4>Uitkomsten zonder bewijs dit kwartaal</h4>${lijst(
      zonderBewijs,
      'Elke uitkomst heeft dit kwartaal een KPI-cijfer of een casusverhaal.',
    )}` +
    `<h4>Veronderstellingenreview</h4>${reviewHtml(theorie, periode)}</section>`
  );
}

export function verandertheorieHtml(inhoud: unknown): string {
  const s = inhoud as VerandertheorieDossierSectie;
  if (s.theorieen.length === 0) {
    return `<p class="leeg">${e(
      `Voor deze aanbieder gold in ${formatPeriode(s.periode)} geen verandertheorie.`,
    )}</p>`;
  }
  return s.theorieen.map((t) => theorieHtml(t, s.periode)).join('');
}

/** Registers the section with the dossier (API: rendering; worker: loading). */
@Injectable()
export class VerandertheorieDossierBijdrage implements OnModuleInit {
  constructor(
    private readonly registry: DossierBijdrageRegistry,
    private readonly service: VerandertheorieDossierService,
  ) {}

  onModuleInit(): void {
    this.registry.registreer({
      sleutel: VERANDERTHEORIE_SLEUTEL,
      laad: (manager, scope) =>
        this.service.dossierSectieGegevens(
          scope.gemeenteId,
          scope.aanbiederId,
          scope.periode,
          manager,
        ),
      sectie: verandertheorieSectie,
      html: verandertheorieHtml,
    });
  }
}

/** The theories of change as a section of the dossier; in the API and in the worker. */
@Module({
  imports: [DossiersModule, VerandertheorieenModule],
  providers: [VerandertheorieDossierBijdrage],
})
export class VerandertheorieenDossierModule {}
