import { assembleerDossier } from '../assembleer';
import { DOSSIER_SECTIES, DossierSectie } from '../sections';
import { DossierSnapshot } from '../snapshot';
import { maakDossierSnapshot, maakLegeSnapshot, maakSnapshotActie } from '../testing/fixture';
import { renderDossierHtml } from './html';
import { balkSvg, sparklineSvg } from './svg';

const html = renderDossierHtml(
  assembleerDossier(maakDossierSnapshot({}, { acties: [maakSnapshotActie()] })),
);

function alle(regex: RegExp, tekst = html): string[] {
  return [...tekst.matchAll(regex)].map((m) => m[1] ?? m[0]);
}

describe('renderDossierHtml: one self-contained, accessible HTML5 document in Dutch', () => {
  it('is an HTML5 document in Dutch with one h1, landmarks and a title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      '<title>Dossier verantwoordingsgesprek Q3 2026 – Stichting Wijkteams Zaanstreek</title>',
    );
    expect(alle(/<h1[ >]/g)).toHaveLength(1);
    for (const landmark of ['<header>', '<nav ', '<main ', '<footer>'])
      expect(html).toContain(landmark);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('names the gemeente once, whether or not its name already says "Gemeente"', () => {
    expect(html).toContain('<p class="soort">Gemeente Zaanstad · dossier');
    const voluit = renderDossierHtml(
      assembleerDossier({ ...maakDossierSnapshot(), gemeente: { naam: 'Gemeente Voorbeeldstad' } }),
    );
    expect(voluit).toContain('<p class="soort">Gemeente Voorbeeldstad · dossier');
  });

  it('loads nothing from outside: no scripts, stylesheets, images, fonts or remote links', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
    const adressen = alle(/(https?:\/\/[^\s"'<>]+)/g);
    expect(new Set(adressen)).toEqual(new Set(['http://www.w3.org/2000/svg'])); // the SVG namespace only
    expect(alle(/href="([^"]*)"/g).every((h) => h.startsWith('#'))).toBe(true);
  });

  it('every in-page link has a target, and ids are unique', () => {
    const ids = alle(/\sid="([^"]+)"/g);
    expect(new Set(ids).size).toBe(ids.length);
    for (const href of alle(/href="#([^"]+)"/g)) expect(ids).toContain(href);
  });

  it('keeps its elements balanced', () => {
    for (const tag of [
      'table',
      'thead',
      'tbody',
      'tr',
      'td',
      'th',
      'section',
      'ul',
      'ol',
      'li',
      'dl',
      'dt',
      'dd',
      'p',
      'svg',
      'article',
      'div',
      'a',
      'span',
      'caption',
      'abbr',
    ]) {
      const open = alle(new RegExp(`<${tag}[\\s>]`, 'g')).length;
      const dicht = alle(new RegExp(`</${tag}>`, 'g')).length;
      expect([tag, open]).toEqual([tag, dicht]);
    }
  });

  it('gives every table a caption and every header cell a scope', () => {
    const tabellen = alle(/<table[^>]*>([\s\S]*?)<\/table>/g);
    expect(tabellen.length).toBeGreaterThanOrEqual(7);
    for (const tabel of tabellen) expect(tabel.startsWith('<caption>')).toBe(true);
    const kopcellen = alle(/<th(\s[^>]*)?>/g);
    expect(kopcellen.length).toBeGreaterThan(0);
    for (const th of alle(/(<th[\s>][^>]*>)/g)) expect(th).toMatch(/scope="(col|row)"/);
  });

  it('draws a sparkline and a target bar per KPI row, each an image with a text alternative', () => {
    const rijen = 4 + 2 + 1; // W04 stands under two goals
    const trends = alle(/<svg class="sparkline"[\s\S]*?<\/svg>/g);
    const balken = alle(/<svg class="balk"[\s\S]*?<\/svg>/g);
    expect(trends).toHaveLength(rijen);
    expect(balken).toHaveLength(rijen);
    for (const svg of [...trends, ...balken]) {
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/aria-label="[^"]{10,}"/);
      expect(svg).toMatch(/<title[^>]*>[^<]+<\/title>/);
      expect(svg).toMatch(/<desc[^>]*>[^<]+<\/desc>/);
    }
    const w02 = trends.find((s) => s.includes('Trend W02')) as string;
    expect(w02).toContain(
      'aria-label="Trend W02 over 6 kwartalen: van 89,3% in Q2 2025 naar 86,8% in Q3 2026"',
    );
    expect(w02).toContain('Q3 2026: 86,8% (let op, streefwaarde 90%)');
    const w03balk = balken.find((s) => s.includes('W03:')) as string;
    expect(w03balk).toContain(
      'aria-label="W03: realisatie 20,75 dagen tegen streefwaarde 14 dagen (lager is beter): uit koers"',
    );
  });

  it('shows status as words and a symbol, not colour alone', () => {
    const badges = alle(/<span class="status status-([a-z-]+)">/g);
    expect(new Set(badges)).toEqual(new Set(['op-koers', 'let-op', 'uit-koers', 'geen-norm']));
    expect(html).toMatch(
      /status-uit-koers"><span class="symbool" aria-hidden="true">✕<\/span> Uit koers<\/span>/,
    );
    expect(html).toMatch(
      /status-let-op"><span class="symbool" aria-hidden="true">!<\/span> Let op<\/span>/,
    );
  });

  it('writes figures, money and dates the Dutch way', () => {
    for (const tekst of [
      '86,8%',
      '20,75 dagen',
      '1.245',
      '€ 2.460,00',
      '€ 185.000,00',
      '€ 3.125.000,00',
      '15 december 2026',
      '5 november 2026 om 14:00',
      '42,5 fte',
      'Q3 2026',
    ]) {
      expect(html).toContain(tekst);
    }
  });

  it('is printable: A4 page, parts flowing on without forced page breaks, repeated table headers, colours kept', () => {
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).toContain('@media print');
    expect(html).not.toContain('break-before: page');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('print-color-adjust: exact');
  });

  it('shows the version and what changed when given', () => {
    const metVersie = renderDossierHtml(assembleerDossier(maakLegeSnapshot()), {
      versie: 3,
      aangemaaktOp: '2026-10-20T06:00:00Z',
      wijzigingen: 'Ten opzichte van de vorige versie: 1 KPI toegevoegd.',
    });
    expect(metVersie).toContain('<dt>Versie</dt><dd>3</dd>');
    expect(metVersie).toContain('<dt>Samengesteld op</dt><dd>20 oktober 2026 om 08:00</dd>');
    expect(metVersie).toContain('<p>Ten opzichte van de vorige versie: 1 KPI toegevoegd.</p>');
  });

  it('says so in words when a part is empty', () => {
    const leeg = renderDossierHtml(assembleerDossier(maakLegeSnapshot()));
    expect(leeg).toContain('Er zijn geen open signalen.');
    expect(leeg).toContain('Er zijn geen KPI&#39;s voor deze aanbieder vastgelegd.');
    expect(leeg).toContain('Er is voor dit kwartaal geen kwartaalverantwoording ingediend');
    expect(leeg).not.toContain('<svg');
  });

  it('renders a section without its own renderer generically, and uses a given renderer', () => {
    const extra: DossierSectie = {
      sleutel: 'besluiten',
      titel: 'Besluiten <ketenoverleg>',
      volgorde: 90,
      bouw: () => ({ besluiten: [{ omschrijving: 'Wachtlijst <b>agenderen</b>', genomen: true }] }),
    };
    const doc = assembleerDossier(maakLegeSnapshot(), [...DOSSIER_SECTIES, extra]);
    const algemeen = renderDossierHtml(doc);
    expect(algemeen).toContain('<h2 id="sectie-besluiten-kop">Besluiten &lt;ketenoverleg&gt;</h2>');
    expect(algemeen).toContain('Wachtlijst &lt;b&gt;agenderen&lt;/b&gt;');
    expect(algemeen).toContain('<dd>ja</dd>');
    const eigen = renderDossierHtml(doc, {
      renderers: { besluiten: () => '<p>Eigen weergave</p>' },
    });
    expect(eigen).toContain('<p>Eigen weergave</p>');
  });
});

describe('escaping', () => {
  const aanval = '<script>alert(1)</script>"><img src=x onerror=alert(1)>\'';
  const snapshot = maakDossierSnapshot({}, {}) as DossierSnapshot;
  const besmet: DossierSnapshot = {
    ...snapshot,
    gemeente: { naam: aanval },
    aanbieder: { ...snapshot.aanbieder, naam: aanval },
    overleg: { datum: '2026-11-05', deelnemers: [aanval] },
    kpis: snapshot.kpis.map((k) => ({
      ...k,
      naam: aanval,
      definitie: aanval,
      code: `${k.code}${aanval}`,
    })),
    doelen: snapshot.doelen.map((d) => ({ ...d, titel: aanval + d.id })),
    percelen: snapshot.percelen.map((p) => ({ ...p, naam: aanval, code: `${p.code}"` })),
    waarden: snapshot.waarden.map((w) => ({ ...w, toelichting: aanval })),
    casussen: snapshot.casussen.map((c) => ({
      ...c,
      titel: aanval,
      situatie: aanval,
      kwestie: aanval,
    })),
    aanvullendeOpdrachten: snapshot.aanvullendeOpdrachten.map((o) => ({
      ...o,
      titel: aanval,
      thema: aanval,
    })),
    signalen: snapshot.signalen.map((s) => ({ ...s, titel: aanval, type: aanval })),
    acties: [maakSnapshotActie({ omschrijving: aanval, eigenaar: aanval })],
    verantwoording: snapshot.verantwoording && {
      ...snapshot.verantwoording,
      hoogtepunten: aanval,
      knelpunten: aanval,
      vooruitblik: aanval,
      budget: { ...snapshot.verantwoording.budget, toelichting: aanval },
    },
  };
  const uit = renderDossierHtml(assembleerDossier(besmet), { wijzigingen: aanval });

  it('escapes every text from the data, so no markup can be injected', () => {
    expect(uit).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(uit).not.toContain(aanval);
    expect(uit).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;',
    );
  });

  it('keeps attributes intact (ids and aria-labels carry no raw quotes)', () => {
    for (const id of alle(/\sid="([^"]+)"/g, uit)) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const label of alle(/aria-label="([^"]*)"/g, uit)) expect(label).not.toMatch(/[<>]/);
  });
});

describe('svg charts', () => {
  const punt = (periode: string, waarde: string | null, streefwaarde: string | null = '80') => ({
    periode,
    waarde,
    streefwaarde,
    status: 'op-koers' as const,
    onvolledig: false,
    andereVersie: false,
  });

  it('breaks the sparkline where a quarter has no figure', () => {
    const svg = sparklineSvg({
      id: 't',
      kpiCode: 'T01',
      eenheid: 'percentage',
      trend: [
        punt('2026-Q1', '70'),
        punt('2026-Q2', '75'),
        punt('2026-Q3', null),
        punt('2026-Q4', '82'),
      ],
    });
    expect(alle(/<polyline[^>]*stroke="#1f4e79"/g, svg)).toHaveLength(2);
    expect(alle(/<circle/g, svg)).toHaveLength(3);
    expect(svg).toContain('Q3 2026: geen cijfer');
  });

  it('draws no sparkline without figures, and a flat line stays inside the box', () => {
    expect(
      sparklineSvg({ id: 't', kpiCode: 'T01', eenheid: 'aantal', trend: [punt('2026-Q3', null)] }),
    ).toBe('<span class="klein">Geen cijfers in deze periode</span>');
    const vlak = sparklineSvg({
      id: 't',
      kpiCode: 'T01',
      eenheid: 'aantal',
      trend: [punt('2026-Q2', '80'), punt('2026-Q3', '80')],
    });
    const ys = alle(/cy="([^"]+)"/g, vlak).map(Number);
    expect(ys).toEqual([20, 20]);
  });

  it('marks the target on the bar, and leaves the marker out without a target', () => {
    const invoer = {
      id: 'b',
      kpiCode: 'T01',
      eenheid: 'percentage' as const,
      richting: 'hoger-is-beter' as const,
      realisatie: '50',
      streefwaarde: '80',
      status: 'uit-koers' as const,
      statusLabel: 'Uit koers',
    };
    const met = balkSvg(invoer);
    expect(met).toContain('<rect x="0" y="7" width="85" height="10" fill="#c62828"/>'); // 50 of 100 × 170
    expect(met).toContain('<line x1="136"'); // 80 of 100 × 170
    const zonder = balkSvg({ ...invoer, streefwaarde: null });
    expect(zonder).not.toContain('<line');
    expect(zonder).toContain('geen streefwaarde');
    expect(balkSvg({ ...invoer, realisatie: null })).toBe(
      '<span class="klein">Geen realisatie</span>',
    );
  });
});
