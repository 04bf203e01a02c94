/**
 * HTML per dossier section. A section added later registers its renderer here by key (or
 * passes its own map to renderDossierHtml); a section without one is still shown, as a
 * plain definition list of its content, so nothing is silently left out.
 */
import type { DossierDocument } from '../assembleer';
import { KPI_TYPE_LABELS } from '../labels';
import type { KpiToelichting } from '../kpi-beeld';
import type { ActiesInhoud } from '../sections/acties.sectie';
import type { AgendaInhoud, AgendaPunt } from '../sections/agenda.sectie';
import type { BudgetEnFormatieInhoud } from '../sections/budget-en-formatie.sectie';
import type { KpiGroep, KpiRij, KpisInhoud } from '../sections/kpis.sectie';
import type { OpdrachtenInhoud } from '../sections/opdrachten.sectie';
import type { DossierSectieResultaat } from '../sections/sectie';
import type { SignalenInhoud } from '../sections/signalen.sectie';
import type { VerantwoordingInhoud } from '../sections/verantwoording.sectie';
import type { VerhalenInhoud } from '../sections/verhalen.sectie';
import { alineas, escapeHtml as e, htmlId } from './escape';
import {
  formatBedrag,
  formatDagen,
  formatDatum,
  formatGetal,
  formatKpiVerschil,
  formatKpiWaarde,
  formatPercentage,
  formatPeriode,
} from './format';
import { balkSvg, sparklineSvg } from './svg';
import { trendTabelHtml } from './trend.html';

export type SectieHtmlRenderer = (
  inhoud: unknown,
  sectie: DossierSectieResultaat,
  doc: DossierDocument,
) => string;

const STATUS_SYMBOOL: Record<string, string> = {
  'op-koers': '✓',
  'let-op': '!',
  'uit-koers': '✕',
  'geen-norm': '–',
};

function statusBadge(status: string, label: string): string {
  return `<span class="status status-${e(status)}"><span class="symbool" aria-hidden="true">${
    STATUS_SYMBOOL[status] ?? ''
  }</span> ${e(label)}</span>`;
}

function leeg(tekst: string): string {
  return `<p class="leeg">${e(tekst)}</p>`;
}

const KWALITEIT_TEKST: Record<string, string> = {
  voorlopig: 'voorlopig cijfer',
  onvolledig: 'onvolledig cijfer',
  onzeker: 'onzeker cijfer',
};

const AGGREGATIE_TEKST: Record<string, string> = {
  som: 'som van de percelen',
  gemiddelde: 'gemiddelde van de percelen',
  'gewogen-gemiddelde': 'gewogen gemiddelde van de percelen',
};

// ---------------------------------------------------------------- agenda

const AGENDA_BRON: Record<AgendaPunt['soort'], { label: string; anker: string }> = {
  'kpi-afwijking': { label: 'KPI-afwijking', anker: 'kpi' },
  signaal: { label: 'Signaal', anker: 'signaal' },
  'aanvullende-opdracht': { label: 'Aanvullende opdracht', anker: 'opdracht' },
  'open-actie': { label: 'Open actie', anker: 'actie' },
};

function agendaHtml(inhoud: unknown): string {
  const { punten } = inhoud as AgendaInhoud;
  if (punten.length === 0) {
    return leeg(
      'Er zijn geen afwijkingen, verstreken termijnen, aflopende opdrachten of open acties om te bespreken.',
    );
  }
  return `<ol class="agenda">${punten
    .map((p) => {
      const bron = AGENDA_BRON[p.soort];
      return (
        `<li><p class="onderwerp"><a href="#${htmlId(bron.anker, p.bronId)}">${e(p.onderwerp)}</a></p>` +
        `<p>${e(p.toelichting)}</p><p class="klein">Bron: ${e(bron.label)}</p></li>`
      );
    })
    .join('')}</ol>`;
}

// ---------------------------------------------------------------- verantwoording

function verantwoordingHtml(inhoud: unknown): string {
  const v = inhoud as VerantwoordingInhoud;
  if (!v.aanwezig) return leeg(v.melding);
  const blok = (titel: string, tekst: string | null) =>
    `<h3>${e(titel)}</h3>${tekst && tekst.trim() ? alineas(tekst) : leeg('Niet ingevuld.')}`;
  return (
    `<p>Status van de kwartaalverantwoording: <strong>${e(v.statusLabel)}</strong> (revisie ${e(v.revisie)}).</p>` +
    blok('Hoogtepunten', v.hoogtepunten) +
    blok('Knelpunten', v.knelpunten) +
    blok('Vooruitblik', v.vooruitblik)
  );
}

// ---------------------------------------------------------------- KPI's

function normTekst(rij: KpiRij): string {
  if (rij.streefwaarde === null) return '<span class="klein">Geen streefwaarde</span>';
  const kant = rij.richting === 'hoger-is-beter' ? 'eronder' : 'erboven';
  const periode =
    rij.normPeriode && rij.normPeriode.length === 4
      ? ` <span class="klein">(jaarnorm ${e(rij.normPeriode)})</span>`
      : '';
  const toleranties =
    rij.tolerantieLetOp !== null && rij.tolerantieUitKoers !== null
      ? `<br><span class="klein">Let op bij meer dan ${e(formatKpiVerschil(rij.tolerantieLetOp, rij.eenheid))} ${kant}, uit koers bij meer dan ${e(
          formatKpiVerschil(rij.tolerantieUitKoers, rij.eenheid),
        )}</span>`
      : '';
  return `<span class="getal">${e(formatKpiWaarde(rij.streefwaarde, rij.eenheid))}</span>${periode}${toleranties}`;
}

function realisatieTekst(rij: KpiRij): string {
  if (rij.realisatie === null) {
    return `<span class="klein">Geen realisatie</span>`;
  }
  const bron =
    rij.realisatieBron === 'berekend'
      ? AGGREGATIE_TEKST[rij.aggregatie]
      : rij.perPerceel.length > 0
        ? 'opgegeven voor alle percelen samen'
        : 'één cijfer voor de aanbieder';
  const extra: string[] = [bron];
  if (rij.datakwaliteit && KWALITEIT_TEKST[rij.datakwaliteit])
    extra.push(KWALITEIT_TEKST[rij.datakwaliteit]);
  if (rij.ontbrekendePercelen.length > 0)
    extra.push(`onvolledig, ontbreekt: ${rij.ontbrekendePercelen.join(', ')}`);
  if (rij.andereVersie) extra.push('deels gemeten met een eerdere definitie');
  return `<span class="getal">${e(formatKpiWaarde(rij.realisatie, rij.eenheid))}</span><br><span class="klein">${e(
    extra.join('; '),
  )}</span>`;
}

function perceelTekst(rij: KpiRij): string {
  if (rij.perPerceel.length === 0) return '<span class="klein">Niet per perceel</span>';
  return `<ul class="percelen">${rij.perPerceel
    .map((p) => {
      const waarde = p.waarde === null ? 'ontbreekt' : formatKpiWaarde(p.waarde, rij.eenheid);
      const status =
        p.status && p.status !== 'geen-norm'
          ? ` (${p.status === 'op-koers' ? 'op koers' : p.status === 'let-op' ? 'let op' : 'uit koers'})`
          : '';
      const kwaliteit =
        p.datakwaliteit && KWALITEIT_TEKST[p.datakwaliteit]
          ? `, ${KWALITEIT_TEKST[p.datakwaliteit]}`
          : '';
      return `<li><abbr title="${e(p.perceelNaam)}">${e(p.perceelCode)}</abbr>: <span class="getal">${e(waarde)}</span>${e(
        status + kwaliteit,
      )}</li>`;
    })
    .join('')}</ul>`;
}

function toelichtingTekst(toelichtingen: KpiToelichting[]): string {
  return toelichtingen
    .map(
      (t) =>
        `<p>${t.perceelCode ? `<abbr title="${e(t.perceelNaam)}">${e(t.perceelCode)}</abbr>: ` : ''}${e(t.tekst)}</p>`,
    )
    .join('');
}

function kpiRijHtml(rij: KpiRij, rijId: string | null, grafiekId: string): string {
  const verhalen =
    rij.verhalen.length === 0
      ? ''
      : `<p class="verhalen">Verhalen: ${rij.verhalen
          .map((v) => `<a href="#${htmlId('verhaal', v.id)}">${e(v.titel)}</a>`)
          .join(', ')}</p>`;
  const toelichting = toelichtingTekst(rij.toelichtingen) + verhalen;
  return (
    `<tr${rijId ? ` id="${rijId}"` : ''}>` +
    `<th scope="row"><span class="code">${e(rij.code)}</span> ${e(rij.naam)}${
      rij.definitie ? `<br><span class="klein">${e(rij.definitie)}</span>` : ''
    }<br><span class="klein">${e(`${KPI_TYPE_LABELS[rij.type] ?? rij.type}-indicator${rij.versie > 1 ? `, versie ${rij.versie}` : ''}`)}</span></th>` +
    `<td>${normTekst(rij)}</td>` +
    `<td>${realisatieTekst(rij)}</td>` +
    `<td>${perceelTekst(rij)}</td>` +
    `<td class="grafiek">${sparklineSvg({ id: `${grafiekId}-trend`, kpiCode: rij.code, eenheid: rij.eenheid, trend: rij.trend })}${
      rij.streefwaarde === null
        ? ''
        : `<br><span class="klein">Norm ${e(formatKpiWaarde(rij.streefwaarde, rij.eenheid))}</span>`
    }</td>` +
    `<td class="grafiek">${balkSvg({
      id: `${grafiekId}-balk`,
      kpiCode: rij.code,
      eenheid: rij.eenheid,
      richting: rij.richting,
      realisatie: rij.realisatie,
      streefwaarde: rij.streefwaarde,
      status: rij.status,
      statusLabel: rij.statusLabel,
    })}</td>` +
    `<td>${statusBadge(rij.status, rij.statusLabel)}<br><span class="klein">${e(rij.statusToelichting)}</span></td>` +
    `<td>${toelichting || '<span class="klein">Geen toelichting</span>'}</td>` +
    `</tr>`
  );
}

function kpiGroepHtml(
  groep: KpiGroep,
  index: number,
  inhoud: KpisInhoud,
  gezien: Set<string>,
): string {
  const trendBereik = (() => {
    const langste = groep.kpis.reduce(
      (a, r) => (r.trend.length > a.length ? r.trend : a),
      groep.kpis[0]?.trend ?? [],
    );
    return langste.length
      ? `${formatPeriode(langste[0].periode)} – ${formatPeriode(langste[langste.length - 1].periode)}`
      : '';
  })();
  const pad = groep.pad.length
    ? `<p class="pad">${groep.pad.map((p) => e(p)).join(' › ')}</p>`
    : '';
  const caption =
    groep.doelId === null
      ? `KPI's die niet aan een doel gekoppeld zijn, ${formatPeriode(inhoud.periode)}`
      : `KPI's bij ${groep.niveau ?? 'doel'} ‘${groep.titel}’, ${formatPeriode(inhoud.periode)}`;
  const rijen = groep.kpis
    .map((rij, i) => {
      const eerste = !gezien.has(rij.kpiId);
      gezien.add(rij.kpiId);
      return kpiRijHtml(rij, eerste ? htmlId('kpi', rij.kpiId) : null, `g${index}-k${i}`);
    })
    .join('');
  return (
    `<div class="kpi-groep">${pad}<h3>${e(groep.titel)}</h3>` +
    `<table class="kpis"><caption>${e(caption)}</caption><thead><tr>` +
    `<th scope="col">KPI</th><th scope="col">Streefwaarde</th><th scope="col">Realisatie</th>` +
    `<th scope="col">Per perceel</th><th scope="col">Trend${trendBereik ? ` <span class="klein">(${e(trendBereik)})</span>` : ''}</th>` +
    `<th scope="col">Realisatie t.o.v. streefwaarde</th><th scope="col">Status</th><th scope="col">Toelichting en verhalen</th>` +
    `</tr></thead><tbody>${rijen}</tbody></table>${trendTabelHtml(groep)}</div>`
  );
}

function kpisHtml(inhoud: unknown): string {
  const k = inhoud as KpisInhoud;
  if (k.overzicht.totaal === 0) return leeg("Er zijn geen KPI's voor deze aanbieder vastgelegd.");
  const o = k.overzicht;
  const samenvatting =
    `<p>${e(`${o.totaal} ${o.totaal === 1 ? 'KPI' : "KPI's"} in ${formatPeriode(k.periode)}:`)} ` +
    `${statusBadge('op-koers', `${o.opKoers} op koers`)} ${statusBadge('let-op', `${o.letOp} let op`)} ` +
    `${statusBadge('uit-koers', `${o.uitKoers} uit koers`)} ${statusBadge('geen-norm', `${o.geenNorm} zonder oordeel`)}</p>` +
    `<p class="klein">In de trend is de doorgetrokken lijn de realisatie en de stippellijn de streefwaarde; de laatste stip heeft de kleur van de status. ` +
    `In de balk is de zwarte streep de streefwaarde. De status staat altijd ook in tekst in de kolom Status.</p>`;
  const gezien = new Set<string>();
  const groepen = k.groepen.map((g, i) => kpiGroepHtml(g, i, k, gezien)).join('');
  const gaten =
    k.doelenZonderKpi.length === 0
      ? ''
      : `<h3>Doelen zonder KPI</h3><p>Aan deze doelen is geen KPI gekoppeld, dus het dossier zegt er niets over:</p><ul>${k.doelenZonderKpi
          .map(
            (d) =>
              `<li>${d.pad.length ? `${d.pad.map((p) => e(p)).join(' › ')} › ` : ''}${e(d.titel)}</li>`,
          )
          .join('')}</ul>`;
  return samenvatting + groepen + gaten;
}

// ---------------------------------------------------------------- verhalen

/**
 * 'Perceel Noord' once, also when its code and name are the same or the name already says
 * perceel ('Perceel Perceel Noord Perceel Noord' was the old header).
 */
export function perceelLabel(perceel: { code: string; naam: string }): string {
  const naam = /^perceel\b/i.test(perceel.naam) ? perceel.naam : `Perceel ${perceel.naam}`;
  const code = perceel.code.trim();
  return code && code !== perceel.naam && !naam.includes(code) ? `${naam} (${code})` : naam;
}

function verhalenHtml(inhoud: unknown): string {
  const { verhalen, periode } = inhoud as VerhalenInhoud;
  if (verhalen.length === 0)
    return leeg(`Er zijn voor ${formatPeriode(periode)} geen verhalen ingediend.`);
  const veld = (label: string, tekst: string | null) =>
    tekst && tekst.trim() ? `<dt>${e(label)}</dt><dd>${alineas(tekst)}</dd>` : '';
  return verhalen
    .map(
      (v) =>
        `<article class="verhaal" id="${htmlId('verhaal', v.id)}" aria-labelledby="${htmlId('verhaal', v.id, 'kop')}">` +
        `<h3 id="${htmlId('verhaal', v.id, 'kop')}">${e(v.titel)}</h3>` +
        (v.perceel ? `<p class="klein">${e(perceelLabel(v.perceel))}</p>` : '') +
        `<dl>${veld('Situatie', v.situatie)}${veld('Vraag of dilemma', v.vraag)}${veld(
          'Waarden die op het spel staan',
          v.waarden,
        )}${veld('Betrokkenen', v.betrokkenen)}${veld('Wat er is gedaan', v.aanpak)}${veld(
          'Effect voor de inwoner',
          v.effect,
        )}${veld('Les', v.les)}${veld('Kwestie voor beleid', v.kwestie)}` +
        `<dt>Illustreert</dt><dd>${
          v.kpis.length === 0
            ? 'Geen KPI gekoppeld.'
            : v.kpis
                .map((k) => `<a href="#${htmlId('kpi', k.id)}">${e(k.code)} ${e(k.naam)}</a>`)
                .join(', ')
        }${v.doelen.length ? `<br>Doelen: ${v.doelen.map((d) => e(d.titel)).join(', ')}` : ''}</dd></dl></article>`,
    )
    .join('');
}

// ---------------------------------------------------------------- opdrachten

function opdrachtenHtml(inhoud: unknown): string {
  const o = inhoud as OpdrachtenInhoud;
  if (o.opdrachten.length === 0)
    return leeg('Er zijn geen aanvullende opdrachten voor deze aanbieder.');
  const rijen = o.opdrachten
    .map(
      (r) =>
        `<tr id="${htmlId('opdracht', r.id)}"><th scope="row">${e(r.titel)}${r.thema ? `<br><span class="klein">Thema: ${e(r.thema)}</span>` : ''}</th>` +
        `<td>${e(r.statusLabel)}</td>` +
        `<td class="getal">${e(formatBedrag(r.budgetCenten))}${r.oormerk ? '<br><span class="klein">geoormerkt</span>' : ''}</td>` +
        `<td>${e(formatDatum(r.einddatum))}</td>` +
        `<td>${
          r.looptAf
            ? `<span class="waarschuwing"><span aria-hidden="true">! </span>Ja, ${
                r.dagenTotEinde === 0 ? 'vandaag' : `over ${e(formatDagen(r.dagenTotEinde))}`
              }</span>`
            : 'Nee'
        }</td></tr>`,
    )
    .join('');
  return (
    `<table><caption>Aanvullende opdrachten; ${e(
      `${o.aantalAflopend} ${o.aantalAflopend === 1 ? 'loopt' : 'lopen'} af binnen ${o.aflopendBinnenDagen} dagen`,
    )}</caption>` +
    `<thead><tr><th scope="col">Opdracht</th><th scope="col">Status</th><th scope="col">Budget</th><th scope="col">Einddatum</th>` +
    `<th scope="col">Loopt af binnen ${e(o.aflopendBinnenDagen)} dagen</th></tr></thead><tbody>${rijen}</tbody>` +
    `<tfoot><tr><th scope="row" colspan="2">Budget van lopende opdrachten<br><span class="klein">alleen actieve opdrachten; aanvragen tellen niet mee</span></th><td class="getal">${e(
      formatBedrag(o.budgetLopendCenten),
    )}</td><td colspan="2"></td></tr></tfoot></table>`
  );
}

// ---------------------------------------------------------------- budget en formatie

function budgetEnFormatieHtml(inhoud: unknown): string {
  const b = inhoud as BudgetEnFormatieInhoud;
  if (!b.aanwezig) return leeg(b.melding);
  const bedrag = (c: number | null) => (c === null ? 'Niet ingevuld' : formatBedrag(c));
  const fte = (w: string | null) => (w === null ? 'Niet ingevuld' : `${formatGetal(w, 2)} fte`);
  const verschil =
    b.budget.verschilCenten === null
      ? 'Niet te berekenen'
      : b.budget.verschilCenten > 0
        ? `${formatBedrag(b.budget.verschilCenten)} meer uitgegeven dan begroot`
        : b.budget.verschilCenten < 0
          ? `${formatBedrag(-b.budget.verschilCenten)} minder uitgegeven dan begroot`
          : 'Precies volgens begroting';
  const rij = (label: string, waarde: string) =>
    `<tr><th scope="row">${e(label)}</th><td class="getal">${e(waarde)}</td></tr>`;
  return (
    `<table class="smal"><caption>Budget in dit kwartaal</caption><tbody>` +
    rij('Begroot', bedrag(b.budget.begrootCenten)) +
    rij('Gerealiseerd', bedrag(b.budget.gerealiseerdCenten)) +
    rij('Verschil', verschil) +
    rij(
      'Realisatie',
      b.budget.realisatiePercentage === null
        ? 'Niet te berekenen'
        : `${formatPercentage(b.budget.realisatiePercentage)} van de begroting`,
    ) +
    `</tbody></table>${b.budget.toelichting ? `<h3>Toelichting op het budget</h3>${alineas(b.budget.toelichting)}` : ''}` +
    `<table class="smal"><caption>Formatie</caption><tbody>` +
    rij('Formatie', fte(b.formatie.formatieFte)) +
    rij(
      'Vacatures',
      b.formatie.vacaturesFte === null
        ? 'Niet ingevuld'
        : `${fte(b.formatie.vacaturesFte)}${b.formatie.vacaturePercentage === null ? '' : ` (${formatPercentage(b.formatie.vacaturePercentage)} van de formatie)`}`,
    ) +
    rij(
      'Verloop',
      b.formatie.verloopPercentage === null
        ? 'Niet ingevuld'
        : formatPercentage(b.formatie.verloopPercentage),
    ) +
    `</tbody></table>${b.formatie.toelichting ? `<h3>Toelichting op de formatie</h3>${alineas(b.formatie.toelichting)}` : ''}`
  );
}

// ---------------------------------------------------------------- signalen en acties

function signalenHtml(inhoud: unknown): string {
  const s = inhoud as SignalenInhoud;
  if (s.signalen.length === 0) return leeg('Er zijn geen open signalen.');
  const rijen = s.signalen
    .map(
      (r) =>
        `<tr id="${htmlId('signaal', r.id)}"><th scope="row">${e(r.titel)}</th><td>${e(r.soortLabel)}</td><td>${e(r.statusLabel)}</td>` +
        `<td>${e(formatDatum(r.ingebrachtOp))}<br><span class="klein">${e(formatDagen(r.dagenOpen))} open</span></td>` +
        `<td>${
          r.antwoordTermijn === null
            ? 'Geen termijn afgesproken'
            : `Tot en met ${e(formatDatum(r.antwoordTermijn))}`
        }</td>` +
        `<td>${r.termijnVerstreken ? '<span class="waarschuwing"><span aria-hidden="true">! </span>Ja, verstreken</span>' : 'Nee'}</td></tr>`,
    )
    .join('');
  return (
    `<table><caption>${e(
      `Open signalen; bij ${s.aantalTermijnVerstreken} is de antwoordtermijn verstreken`,
    )}</caption><thead><tr><th scope="col">Signaal</th><th scope="col">Soort</th><th scope="col">Status</th>` +
    `<th scope="col">Ingebracht</th><th scope="col">Antwoordtermijn</th><th scope="col">Termijn verstreken</th></tr></thead><tbody>${rijen}</tbody></table>`
  );
}

function actiesHtml(inhoud: unknown): string {
  const a = inhoud as ActiesInhoud;
  if (a.acties.length === 0) return leeg('Er staan geen acties uit eerdere overleggen open.');
  const rijen = a.acties
    .map(
      (r) =>
        `<tr id="${htmlId('actie', r.id)}"><th scope="row">${e(r.omschrijving)}${
          r.overlegDatum
            ? `<br><span class="klein">Afgesproken op ${e(formatDatum(r.overlegDatum))}</span>`
            : ''
        }</th><td>${e(r.eigenaar)}</td><td>${r.deadline ? e(formatDatum(r.deadline)) : 'Geen deadline'}</td><td>${e(r.statusLabel)}</td>` +
        `<td>${r.verlopen ? '<span class="waarschuwing"><span aria-hidden="true">! </span>Ja, verlopen</span>' : 'Nee'}</td></tr>`,
    )
    .join('');
  return (
    `<table><caption>${e(`Open acties; ${a.aantalVerlopen} over de deadline`)}</caption><thead><tr><th scope="col">Actie</th>` +
    `<th scope="col">Eigenaar</th><th scope="col">Deadline</th><th scope="col">Status</th><th scope="col">Deadline verlopen</th></tr></thead><tbody>${rijen}</tbody></table>`
  );
}

// ---------------------------------------------------------------- fallback

/** Any JSON content as nested lists: for a section that has no renderer of its own. */
export function algemeneHtml(inhoud: unknown): string {
  if (inhoud === null || inhoud === undefined) return '<span class="klein">Leeg</span>';
  if (Array.isArray(inhoud)) {
    return inhoud.length === 0
      ? '<span class="klein">Geen</span>'
      : `<ul>${inhoud.map((i) => `<li>${algemeneHtml(i)}</li>`).join('')}</ul>`;
  }
  if (typeof inhoud === 'object') {
    return `<dl class="algemeen">${Object.entries(inhoud as Record<string, unknown>)
      .map(([k, v]) => `<dt>${e(k)}</dt><dd>${algemeneHtml(v)}</dd>`)
      .join('')}</dl>`;
  }
  if (typeof inhoud === 'boolean') return inhoud ? 'ja' : 'nee';
  return e(String(inhoud));
}

export const SECTIE_HTML: Readonly<Record<string, SectieHtmlRenderer>> = {
  agenda: agendaHtml,
  verantwoording: verantwoordingHtml,
  kpis: kpisHtml,
  verhalen: verhalenHtml,
  opdrachten: opdrachtenHtml,
  'budget-en-formatie': budgetEnFormatieHtml,
  signalen: signalenHtml,
  acties: actiesHtml,
};
