import { assembleerDossier } from '../assembleer';
import { DOSSIER_SECTIES } from '../sections';
import {
  hoofdopdrachtHtml,
  hoofdopdrachtSectie,
  HoofdopdrachtInhoud,
} from '../sections/hoofdopdracht.sectie';
import type { KpisInhoud } from '../sections/kpis.sectie';
import { maakDossierSnapshot } from '../testing/fixture';
import { renderDossierHtml } from './html';
import { perceelLabel } from './secties.html';
import { standRegels } from './stand.html';
import { trendTabelHtml } from './trend.html';

const doc = assembleerDossier(maakDossierSnapshot());
const kpis = doc.secties.find((s) => s.sleutel === 'kpis')!.inhoud as KpisInhoud;

describe('the dossier at the table', () => {
  it('says on the first page in three lines where the aanbieder stands', () => {
    const regels = standRegels(doc);
    expect(regels).toHaveLength(3);
    const o = kpis.overzicht;
    expect(regels[0]).toContain(
      `${o.opKoers} op koers, ${o.letOp} let op, ${o.uitKoers} uit koers`,
    );
    expect(regels[1]).toMatch(/^Signalen: /);
    expect(regels[2]).toBe('Opdrachten: 1 aanvullende opdracht loopt af binnen 90 dagen.');
    const html = renderDossierHtml(doc);
    expect(html.indexOf('Waar de aanbieder staat')).toBeLessThan(html.indexOf('<main'));
  });

  it('shows per goal a trend table of at most 8 quarters with the norm of each quarter', () => {
    const groep = kpis.groepen[0];
    const tabel = trendTabelHtml(groep);
    const kwartalen = [...new Set(groep.kpis.flatMap((k) => k.trend.map((p) => p.periode)))];
    const koppen = [...tabel.matchAll(/<th scope="col" class="getal">([^<]+)<\/th>/g)];
    expect(koppen).toHaveLength(Math.min(8, kwartalen.length));
    expect(tabel).toContain('norm ');
    expect((tabel.match(/<tr><th scope="row">/g) ?? []).length).toBe(groep.kpis.length);
    expect(renderDossierHtml(doc)).toContain('Trend per kwartaal: realisatie met de streefwaarde');
  });

  it('names a story’s perceel once', () => {
    expect(perceelLabel({ code: 'Perceel Noord', naam: 'Perceel Noord' })).toBe('Perceel Noord');
    expect(perceelLabel({ code: 'ZW', naam: 'Zaandam-West' })).toBe('Perceel Zaandam-West (ZW)');
    expect(renderDossierHtml(doc)).not.toMatch(/Perceel Perceel/);
  });

  it('shows the hoofdopdracht in force on the peildatum, and says so on the first page when it ends within a year', () => {
    const snapshot = maakDossierSnapshot();
    const versies = [
      {
        versie: 1,
        soort: 'oorspronkelijk',
        ingangsdatum: '2019-01-01',
        einddatum: '2026-12-31',
        reden: 'Oorspronkelijke hoofdopdracht',
      },
    ];
    const metHoofd = assembleerDossier(
      {
        ...snapshot,
        bijdragen: {
          hoofdopdracht: [
            { id: 'h1', titel: 'Sociaal wijkteam', startdatum: '2019-01-01', versies },
          ],
        },
      },
      [...DOSSIER_SECTIES, hoofdopdrachtSectie],
    );
    const inhoud = metHoofd.secties.find((s) => s.sleutel === 'hoofdopdracht')!
      .inhoud as HoofdopdrachtInhoud;
    expect(inhoud.hoofdopdrachten[0]).toMatchObject({
      einddatum: '2026-12-31',
      looptAfBinnenMaanden: 3,
    });
    expect(standRegels(metHoofd)[2]).toBe(
      'Opdrachten: de hoofdopdracht loopt af op 31 december 2026 (binnen 3 maanden); 1 aanvullende opdracht loopt af binnen 90 dagen.',
    );
    expect(hoofdopdrachtHtml(inhoud)).toContain('Loopt af binnen 3 maanden');
    // After a verlenging the end date in force moves and nothing is said about ending.
    const verlengd = hoofdopdrachtSectie.bouw(
      {
        ...snapshot,
        bijdragen: {
          hoofdopdracht: [
            {
              id: 'h1',
              titel: 'Sociaal wijkteam',
              startdatum: '2019-01-01',
              versies: [
                ...versies,
                {
                  versie: 2,
                  soort: 'verlenging',
                  ingangsdatum: '2026-10-01',
                  einddatum: '2028-12-31',
                  reden: 'Optie gelicht',
                },
              ],
            },
          ],
        },
      },
      undefined as never,
    );
    expect(verlengd.hoofdopdrachten[0]).toMatchObject({
      einddatum: '2028-12-31',
      looptAfBinnenMaanden: null,
      versie: 2,
    });
    expect(verlengd.hoofdopdrachten[0].wijzigingen.map((w) => w.soortLabel)).toEqual([
      'oorspronkelijke opdracht',
      'verlenging',
    ]);
  });
});
