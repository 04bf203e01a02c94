/**
 * Inline SVG charts for the printable dossier: a sparkline per KPI trend and a bar of the
 * realisation against its target. Each chart is an image with a name (aria-label, <title>)
 * and a description listing the figures (<desc>), so a screen reader gets the numbers the
 * picture shows. Geometry uses floats; the figures in the text are exact decimals.
 */
import type { Decimaal, KpiEenheid, KpiRichting, KpiStatus } from '@wijkkompas/verantwoording';
import type { TrendPunt } from '../kpi-beeld';
import { kpiStatusLabel } from '../labels';
import { escapeHtml } from './escape';
import { formatKpiWaarde, formatPeriode } from './format';

export const STATUS_KLEUR: Readonly<Record<KpiStatus, string>> = {
  'op-koers': '#2e7d32',
  'let-op': '#a15c00',
  'uit-koers': '#c62828',
  'geen-norm': '#6b6b6b',
};

const LIJN_KLEUR = '#1f4e79';

function r(getal: number): string {
  const afgerond = Math.round(getal * 10) / 10;
  return String(Object.is(afgerond, -0) ? 0 : afgerond);
}

function getal(waarde: Decimaal | null): number | null {
  if (waarde === null) return null;
  const n = Number(waarde);
  return Number.isFinite(n) ? n : null;
}

function segmenten(punten: { x: number; y: number | null }[]): string[] {
  const uit: string[] = [];
  let huidig: string[] = [];
  for (const p of punten) {
    if (p.y === null) {
      if (huidig.length) uit.push(huidig.join(' '));
      huidig = [];
    } else {
      huidig.push(`${r(p.x)},${r(p.y)}`);
    }
  }
  if (huidig.length) uit.push(huidig.join(' '));
  return uit;
}

export interface SparklineInvoer {
  id: string;
  kpiCode: string;
  eenheid: KpiEenheid;
  trend: readonly TrendPunt[];
}

export function sparklineSvg({ id, kpiCode, eenheid, trend }: SparklineInvoer): string {
  const breedte = 140;
  const hoogte = 40;
  const marge = 5;
  const waarden = trend.map((t) => getal(t.waarde));
  const streef = trend.map((t) => getal(t.streefwaarde));
  const alle = [...waarden, ...streef].filter((w): w is number => w !== null);
  const gemeten = trend.filter((t) => t.waarde !== null);
  if (gemeten.length === 0) return '<span class="klein">Geen cijfers in deze periode</span>';

  let min = Math.min(...alle);
  let max = Math.max(...alle);
  if (min === max) {
    const ruimte = Math.abs(min) * 0.1 || 1;
    min -= ruimte;
    max += ruimte;
  }
  const x = (i: number) =>
    trend.length === 1 ? breedte / 2 : marge + (i * (breedte - 2 * marge)) / (trend.length - 1);
  const y = (w: number) => hoogte - marge - ((w - min) / (max - min)) * (hoogte - 2 * marge);

  const tekst = (w: Decimaal | null) => (w === null ? 'geen cijfer' : formatKpiWaarde(w, eenheid));
  const eerste = gemeten[0];
  const laatste = gemeten[gemeten.length - 1];
  const naam =
    gemeten.length === 1
      ? `Trend ${kpiCode}: ${tekst(laatste.waarde)} in ${formatPeriode(laatste.periode)}`
      : `Trend ${kpiCode} over ${trend.length} kwartalen: van ${tekst(eerste.waarde)} in ${formatPeriode(
          eerste.periode,
        )} naar ${tekst(laatste.waarde)} in ${formatPeriode(laatste.periode)}`;
  const beschrijving = trend
    .map((t) => {
      const norm = t.streefwaarde === null ? '' : `, streefwaarde ${tekst(t.streefwaarde)}`;
      const status = t.waarde === null ? '' : ` (${kpiStatusLabel(t.status).toLowerCase()}${norm})`;
      return `${formatPeriode(t.periode)}: ${tekst(t.waarde)}${status}${t.onvolledig ? ', onvolledig' : ''}`;
    })
    .join('; ');

  const streefLijnen = segmenten(streef.map((w, i) => ({ x: x(i), y: w === null ? null : y(w) })))
    .map(
      (p) =>
        `<polyline points="${p}" fill="none" stroke="#8a8a8a" stroke-width="1" stroke-dasharray="3 2"/>`,
    )
    .join('');
  const waardeLijnen = segmenten(waarden.map((w, i) => ({ x: x(i), y: w === null ? null : y(w) })))
    .map((p) => `<polyline points="${p}" fill="none" stroke="${LIJN_KLEUR}" stroke-width="1.5"/>`)
    .join('');
  const laatsteIndex = trend.length - 1;
  const stippen = waarden
    .map((w, i) => {
      if (w === null) return '';
      const isLaatste = i === laatsteIndex;
      const kleur = isLaatste ? STATUS_KLEUR[trend[i].status] : LIJN_KLEUR;
      return `<circle cx="${r(x(i))}" cy="${r(y(w))}" r="${isLaatste ? 3.2 : 1.8}" fill="${kleur}"/>`;
    })
    .join('');

  const titelId = `${id}-titel`;
  const descId = `${id}-desc`;
  return (
    `<svg class="sparkline" id="${escapeHtml(id)}" width="${breedte}" height="${hoogte}" viewBox="0 0 ${breedte} ${hoogte}" ` +
    `role="img" aria-label="${escapeHtml(naam)}" aria-describedby="${escapeHtml(descId)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${escapeHtml(titelId)}">${escapeHtml(naam)}</title>` +
    `<desc id="${escapeHtml(descId)}">${escapeHtml(beschrijving)}</desc>` +
    `${streefLijnen}${waardeLijnen}${stippen}</svg>`
  );
}

export interface BalkInvoer {
  id: string;
  kpiCode: string;
  eenheid: KpiEenheid;
  richting: KpiRichting;
  realisatie: Decimaal | null;
  streefwaarde: Decimaal | null;
  status: KpiStatus;
  statusLabel: string;
}

/** A horizontal bar for the realisation with a vertical marker at the target. */
export function balkSvg(invoer: BalkInvoer): string {
  const { id, kpiCode, eenheid, richting, status } = invoer;
  const realisatie = getal(invoer.realisatie);
  const streef = getal(invoer.streefwaarde);
  if (realisatie === null || invoer.realisatie === null)
    return '<span class="klein">Geen realisatie</span>';

  const breedte = 170;
  const hoogte = 24;
  const hoogste = Math.max(realisatie, streef ?? 0);
  const schaal = eenheid === 'percentage' && hoogste <= 100 ? 100 : hoogste > 0 ? hoogste * 1.2 : 1;
  const positie = (w: number) => (Math.min(Math.max(w, 0), schaal) / schaal) * breedte;

  const richtingTekst = richting === 'hoger-is-beter' ? 'hoger is beter' : 'lager is beter';
  const naam =
    streef === null || invoer.streefwaarde === null
      ? `${kpiCode}: realisatie ${formatKpiWaarde(invoer.realisatie, eenheid)}, geen streefwaarde`
      : `${kpiCode}: realisatie ${formatKpiWaarde(invoer.realisatie, eenheid)} tegen streefwaarde ${formatKpiWaarde(
          invoer.streefwaarde,
          eenheid,
        )} (${richtingTekst}): ${invoer.statusLabel.toLowerCase()}`;
  const marker =
    streef === null
      ? ''
      : `<line x1="${r(positie(streef))}" y1="1" x2="${r(positie(streef))}" y2="${hoogte - 1}" stroke="#000" stroke-width="2"/>` +
        `<path d="M${r(positie(streef) - 4)},0 L${r(positie(streef) + 4)},0 L${r(positie(streef))},5 Z" fill="#000"/>`;
  return (
    `<svg class="balk" id="${escapeHtml(id)}" width="${breedte}" height="${hoogte}" viewBox="0 0 ${breedte} ${hoogte}" ` +
    `role="img" aria-label="${escapeHtml(naam)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(naam)}</title>` +
    `<desc>${escapeHtml(
      streef === null
        ? 'De balk toont de realisatie; voor deze periode is geen streefwaarde vastgelegd.'
        : 'De balk toont de realisatie, de zwarte streep de streefwaarde.',
    )}</desc>` +
    `<rect x="0" y="7" width="${breedte}" height="10" fill="#ececec"/>` +
    `<rect x="0" y="7" width="${r(positie(realisatie))}" height="10" fill="${STATUS_KLEUR[status]}"/>` +
    `${marker}</svg>`
  );
}
