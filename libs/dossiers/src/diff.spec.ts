import { assembleerDossier } from './assembleer';
import { vergelijkDossiers } from './diff';
import { DossierSnapshot } from './snapshot';
import {
  fixtureId,
  maakDossierSnapshot,
  maakSnapshotKpi,
  maakSnapshotWaarde,
} from './testing/fixture';

const basis = maakDossierSnapshot();
const vorige = assembleerDossier(basis);

function met(aanpassing: (s: DossierSnapshot) => DossierSnapshot) {
  return vergelijkDossiers(vorige, assembleerDossier(aanpassing(structuredClone(basis))));
}

const W03 = fixtureId('kpi', 3);
const ZW = fixtureId('perceel', 2);

describe('vergelijkDossiers', () => {
  it('finds nothing between two assemblies of the same snapshot', () => {
    const verschil = vergelijkDossiers(vorige, assembleerDossier(maakDossierSnapshot()));
    expect(verschil).toEqual({
      kpiWaarden: { toegevoegd: [], verwijderd: [], gewijzigd: [] },
      verhalen: { toegevoegd: [], verwijderd: [], gewijzigd: [] },
      secties: { toegevoegd: [], verwijderd: [], gewijzigd: [] },
      kop: [],
      ongewijzigd: true,
      samenvatting: 'Geen wijzigingen ten opzichte van de vorige versie.',
    });
  });

  it('reports a corrected figure with every consequence: perceel, total, status, agenda', () => {
    const verschil = met((s) => {
      const w = s.waarden.find(
        (x) => x.kpiId === W03 && x.periode === '2026-Q3' && x.perceelId === ZW,
      );
      if (w) w.waarde = '14.5'; // mean (21 + 14.5) / 2 = 17.75: 3.75 above 14, let op
      return s;
    });
    expect(verschil.kpiWaarden.gewijzigd).toEqual([
      {
        kpiCode: 'W03',
        naam: 'Doorlooptijd tot start ondersteuning',
        veld: 'realisatie',
        oud: '20.75',
        nieuw: '17.75',
      },
      {
        kpiCode: 'W03',
        naam: 'Doorlooptijd tot start ondersteuning',
        veld: 'realisatie perceel ZW',
        oud: '20.5',
        nieuw: '14.5',
      },
      {
        kpiCode: 'W03',
        naam: 'Doorlooptijd tot start ondersteuning',
        veld: 'status',
        oud: 'uit-koers',
        nieuw: 'let-op',
      },
    ]);
    expect(verschil.secties.gewijzigd).toEqual(['agenda', 'kpis']);
    expect(verschil.ongewijzigd).toBe(false);
    expect(verschil.samenvatting).toBe(
      'Ten opzichte van de vorige versie: 3 wijzigingen in de cijfers van 1 KPI en ook gewijzigd: ‘Voorgestelde agenda’.',
    );
  });

  it('reports a correction of an earlier quarter under that quarter', () => {
    const verschil = met((s) => {
      const w = s.waarden.find(
        (x) => x.kpiId === W03 && x.periode === '2026-Q2' && x.perceelId === ZW,
      );
      if (w) w.waarde = '19';
      return s;
    });
    expect(verschil.kpiWaarden.gewijzigd.map((w) => [w.veld, w.oud, w.nieuw])).toEqual([
      ['realisatie Q2 2026', '17.5', '18.5'],
    ]);
  });

  it('reports added and removed KPIs, the toelichting and a changed norm', () => {
    const verschil = met((s) => {
      const nieuw = maakSnapshotKpi({
        id: fixtureId('kpi', 77),
        code: 'W07',
        naam: 'Nieuwe indicator',
      });
      s.kpis = s.kpis.filter((k) => k.code !== 'W06').concat(nieuw);
      s.waarden.push(maakSnapshotWaarde({ kpiId: nieuw.id, perceelId: null, waarde: '82' }));
      const w01 = s.kpis.find((k) => k.code === 'W01');
      if (w01)
        w01.normen = w01.normen.map((n) =>
          n.periode === '2026-Q3' ? { ...n, streefwaarde: '1250' } : n,
        );
      const toelichting = s.waarden.find(
        (x) => x.kpiId === W03 && x.periode === '2026-Q3' && x.perceelId === ZW,
      );
      if (toelichting) toelichting.toelichting = 'Vacatures zijn inmiddels vervuld.';
      return s;
    });
    expect(verschil.kpiWaarden.toegevoegd).toEqual([{ kpiCode: 'W07', naam: 'Nieuwe indicator' }]);
    expect(verschil.kpiWaarden.verwijderd).toEqual([
      { kpiCode: 'W06', naam: 'Kosten per afgesloten traject' },
    ]);
    expect(verschil.kpiWaarden.gewijzigd).toEqual([
      {
        kpiCode: 'W01',
        naam: 'Bereik: inwoners met een eerste contact',
        veld: 'streefwaarde',
        oud: '1200',
        nieuw: '1250',
      },
      {
        kpiCode: 'W03',
        naam: 'Doorlooptijd tot start ondersteuning',
        veld: 'toelichting',
        oud: 'ZO: Wachttijd opgelopen door vacatures in het team Zaandam-Oost.\nZW: Wachttijd opgelopen door vacatures in het team Zaandam-West.',
        nieuw:
          'ZO: Wachttijd opgelopen door vacatures in het team Zaandam-Oost.\nZW: Vacatures zijn inmiddels vervuld.',
      },
    ]);
    expect(verschil.samenvatting).toBe(
      "Ten opzichte van de vorige versie: 2 wijzigingen in de cijfers van 2 KPI's, 1 KPI toegevoegd en 1 KPI vervallen.",
    );
  });

  it('reports added, removed and changed stories with the fields that changed', () => {
    const verschil = met((s) => {
      s.casussen[0].effect = 'Mevrouw woont weer zelfstandig.';
      s.casussen[0].kpiIds = [...s.casussen[0].kpiIds, fixtureId('kpi', 5)];
      s.casussen = s.casussen.filter((c) => c.titel !== 'De buurtkamer als vindplaats');
      s.casussen.push({ ...s.casussen[1], id: fixtureId('casus', 50), titel: 'Nieuw verhaal' });
      return s;
    });
    expect(verschil.verhalen).toEqual({
      toegevoegd: [{ id: fixtureId('casus', 50), titel: 'Nieuw verhaal' }],
      verwijderd: [{ id: fixtureId('casus', 3), titel: 'De buurtkamer als vindplaats' }],
      gewijzigd: [
        {
          id: fixtureId('casus', 1),
          titel: 'Mevrouw houdt de regie na een val',
          velden: ['effect', 'kpis'],
        },
      ],
    });
    expect(verschil.samenvatting).toContain(
      '1 verhaal toegevoegd, 1 verhaal vervallen, 1 verhaal gewijzigd',
    );
  });

  it('notices changes in any other section and in the header', () => {
    const verschil = met((s) => {
      s.signalen = s.signalen.map((x) =>
        x.titel.startsWith('Wachtlijst') ? { ...x, status: 'beantwoord' } : x,
      );
      s.overleg = { datum: '2026-11-12T14:00:00+01:00', deelnemers: [] };
      return s;
    });
    expect(verschil.kpiWaarden.gewijzigd).toEqual([]);
    expect(verschil.secties.gewijzigd).toEqual(['agenda', 'signalen']);
    expect(verschil.kop).toEqual(['overleg']);
    expect(verschil.samenvatting).toBe(
      'Ten opzichte van de vorige versie: gewijzigd: ‘Voorgestelde agenda’, ‘Open signalen’ en het gesprek (datum of deelnemers).',
    );
  });

  it('notices an added section', () => {
    const nieuwe = assembleerDossier(basis);
    nieuwe.secties.push({
      sleutel: 'besluiten',
      titel: 'Besluiten ketenoverleg',
      volgorde: 90,
      inhoud: [],
    });
    const verschil = vergelijkDossiers(vorige, nieuwe);
    expect(verschil.secties.toegevoegd).toEqual(['besluiten']);
    expect(verschil.samenvatting).toBe(
      'Ten opzichte van de vorige versie: nieuw onderdeel: ‘Besluiten ketenoverleg’.',
    );
  });
});
