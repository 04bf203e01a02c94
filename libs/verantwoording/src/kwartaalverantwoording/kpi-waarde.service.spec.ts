import { Kpi, KpiVersie } from '../kpi/kpi.entity';
import { toProblem } from '@wijkkompas/core';
import { DirectIdentificerendeGegevensError } from '@wijkkompas/core';
import { controleerKpiEnPerceel, weigerWaardeIdentificatoren } from './kpi-waarde.service';
import { indienFouten } from './kwartaalverantwoording-status.service';
import { Kwartaalverantwoording } from './kwartaalverantwoording.entity';
import { Verwachting } from './kwartaalverantwoording.lezer';

const verwachting: Verwachting = {
  periode: {} as Verwachting['periode'],
  kpis: new Map([
    ['perceel', { id: 'perceel', code: 'NRD-01' } as Kpi],
    ['totaal', { id: 'totaal', code: 'NRD-08' } as Kpi],
  ]),
  huidigeVersies: new Map([
    ['perceel', { id: 'v1', kpiId: 'perceel', perPerceel: true } as KpiVersie],
    ['totaal', { id: 'v2', kpiId: 'totaal', perPerceel: false } as KpiVersie],
  ]),
  verwacht: [],
  percelen: new Map([['p1', 'Perceel Centrum']]),
};

describe('controleerKpiEnPerceel', () => {
  it('accepts a per-perceel KPI on a perceel of the aanbieder, and a whole-aanbieder KPI without', () => {
    expect(controleerKpiEnPerceel(verwachting, 'perceel', 'p1')).toBeNull();
    expect(controleerKpiEnPerceel(verwachting, 'totaal', null)).toBeNull();
  });

  it.each([
    ['onbekend', 'p1', 'kpiId', 'hoort niet bij'],
    ['perceel', null, 'perceelId', 'per perceel'],
    ['totaal', 'p1', 'perceelId', 'hele aanbieder'],
    ['perceel', 'p9', 'perceelId', 'niet aan uw organisatie toegewezen'],
  ])('refuses KPI %s on perceel %s (%s: %s)', (kpiId, perceelId, veld, reden) => {
    const fout = controleerKpiEnPerceel(verwachting, kpiId, perceelId);
    expect(fout?.veld).toBe(veld);
    expect(fout?.reden).toContain(reden);
  });
});

describe('indienFouten', () => {
  const v = (velden: Partial<Kwartaalverantwoording>) => velden as Kwartaalverantwoording;

  it('needs highlights, knelpunten and outlook before submitting', () => {
    expect(indienFouten(v({ hoogtepunten: 'a', knelpunten: 'b', vooruitblik: 'c' }))).toEqual([]);
    expect(
      indienFouten(v({ hoogtepunten: '  ', knelpunten: null, vooruitblik: 'c' })).map(
        (f) => f.name,
      ),
    ).toEqual(['hoogtepunten', 'knelpunten']);
  });
});

describe('weigerWaardeIdentificatoren', () => {
  const fout = (waarden: { toelichting?: string | null; bron?: string | null }[]) => {
    try {
      weigerWaardeIdentificatoren(waarden);
    } catch (error) {
      return error as DirectIdentificerendeGegevensError;
    }
    return undefined;
  };

  it('lets clean, absent and null texts through', () =>
    expect(
      fout([
        { toelichting: 'Gemiddeld 12,5 dagen; 3 van de 40 meldingen later.' },
        { toelichting: null, bron: 'Registratiesysteem, export 05-07-2026' },
        {},
      ]),
    ).toBeUndefined());

  it('names each refused field by its path in the request, never the identifier', () => {
    const error = fout([
      { toelichting: 'Goed.' },
      { toelichting: 'Navraag via 06-12345678', bron: 'CRM' },
      { bron: 'lijst van BSN123456782' },
    ]);
    expect(error).toBeInstanceOf(DirectIdentificerendeGegevensError);
    const { problem } = toProblem(error, '/api/v1/kwartaalverantwoordingen/x/waarden');
    expect(problem).toMatchObject({
      status: 422,
      code: 'direct-identificerende-gegevens',
      title: 'KPI-waarde bevat direct identificerende gegevens',
      invalidParams: [
        {
          name: 'waarden.1.toelichting',
          code: 'telefoonnummer',
          reason: expect.stringContaining("'toelichting op regel 2'"),
        },
        { name: 'waarden.2.bron', code: 'bsn', reason: expect.stringContaining('regel 3') },
      ],
    });
    expect(JSON.stringify(problem)).not.toMatch(/12345678|123456782/);
  });
});
