import {
  assembleerDossier,
  canoniekeJson,
  DossierDocument,
  dossierHash,
  vindSectie,
} from './assembleer';
import { DOSSIER_SECTIES, DossierSectie, KpiRij, NIET_GEKOPPELD_TITEL } from './sections';
import { DossierSnapshot } from './snapshot';
import {
  fixtureId,
  maakDossierSnapshot,
  maakLegeSnapshot,
  maakSnapshotActie,
} from './testing/fixture';

function sectie<K extends Parameters<typeof vindSectie>[1]>(doc: DossierDocument, sleutel: K) {
  const inhoud = vindSectie(doc, sleutel);
  if (!inhoud) throw new Error(`sectie ${sleutel} ontbreekt`);
  return inhoud;
}

function rijen(doc: DossierDocument): Map<string, KpiRij> {
  const uit = new Map<string, KpiRij>();
  for (const g of sectie(doc, 'kpis').groepen) for (const r of g.kpis) uit.set(r.code, r);
  return uit;
}

/** Reverses every array of the snapshot: the loader's row order must not matter. */
function omgekeerd(s: DossierSnapshot): DossierSnapshot {
  return {
    ...s,
    kpis: [...s.kpis].reverse().map((k) => ({ ...k, normen: [...k.normen].reverse() })),
    doelen: [...s.doelen].reverse(),
    percelen: [...s.percelen].reverse(),
    waarden: [...s.waarden].reverse(),
    casussen: [...s.casussen].reverse(),
    aanvullendeOpdrachten: [...s.aanvullendeOpdrachten].reverse(),
    signalen: [...s.signalen].reverse(),
    acties: [...s.acties].reverse(),
  };
}

describe('assembleerDossier with the realistic fixture (6 KPIs × 6 quarters × 2 percelen × 4 stories)', () => {
  const snapshot = maakDossierSnapshot();
  const doc = assembleerDossier(snapshot);

  it('has a header from the snapshot only and the sections in their order', () => {
    expect(doc).toMatchObject({
      schemaVersie: 1,
      titel: 'Dossier verantwoordingsgesprek Q3 2026 – Stichting Wijkteams Zaanstreek',
      gemeente: { naam: 'Zaanstad' },
      periode: '2026-Q3',
      peildatum: '2026-10-20',
      overleg: { datum: '2026-11-05T14:00:00+01:00' },
    });
    expect(doc.secties.map((s) => s.sleutel)).toEqual([
      'agenda',
      'verantwoording',
      'kpis',
      'verhalen',
      'opdrachten',
      'budget-en-formatie',
      'signalen',
      'acties',
    ]);
    expect(doc.secties.map((s) => s.titel)).toContain("KPI's per doel");
  });

  it('computes realisation and status per KPI exactly (weighted, mean, sum, reported total)', () => {
    const r = rijen(doc);
    const samenvatting = [...r.values()].map((x) => [
      x.code,
      x.realisatie,
      x.streefwaarde,
      x.status,
      x.realisatieBron,
    ]);
    expect(samenvatting).toEqual(
      expect.arrayContaining([
        ['W01', '1245', '1200', 'op-koers', 'berekend'],
        ['W02', '86.75', '90', 'let-op', 'berekend'],
        ['W03', '20.75', '14', 'uit-koers', 'berekend'],
        ['W04', '7.7', '7.5', 'op-koers', 'berekend'],
        ['W05', '59', '70', 'uit-koers', 'berekend'],
        ['W06', '2460', '2500', 'op-koers', 'gerapporteerd'],
      ]),
    );
    expect(r.get('W02')?.perPerceel.map((p) => [p.perceelCode, p.waarde, p.gewicht])).toEqual([
      ['ZO', '86', '250'],
      ['ZW', '88', '150'],
    ]);
    expect(r.get('W02')?.normPeriode).toBe('2026');
    expect(r.get('W01')?.normPeriode).toBe('2026-Q3');
    expect(r.get('W04')?.datakwaliteit).toBe('voorlopig');
    expect(sectie(doc, 'kpis').overzicht).toEqual({
      totaal: 6,
      opKoers: 3,
      letOp: 1,
      uitKoers: 2,
      geenNorm: 0,
    });
  });

  it('shows the trend of the six quarters, each against its own norm', () => {
    const w01 = rijen(doc).get('W01') as KpiRij;
    expect(w01.trend.map((t) => [t.periode, t.waarde, t.status])).toEqual([
      ['2025-Q2', '1100', 'let-op'],
      ['2025-Q3', '1150', 'op-koers'],
      ['2025-Q4', '1190', 'op-koers'],
      ['2026-Q1', '1190', 'op-koers'],
      ['2026-Q2', '1215', 'op-koers'],
      ['2026-Q3', '1245', 'op-koers'],
    ]);
    const w06 = rijen(doc).get('W06') as KpiRij;
    expect(w06.trend.map((t) => t.status)).toEqual([
      'geen-norm',
      'geen-norm',
      'geen-norm',
      'op-koers',
      'op-koers',
      'op-koers',
    ]);
    const w05 = rijen(doc).get('W05') as KpiRij;
    expect(w05.trend.map((t) => t.streefwaarde)).toEqual(['65', '65', '65', '70', '70', '70']);
  });

  it('groups KPIs by goal in tree order: a KPI under each goal it serves, unlinked ones last', () => {
    const kpis = sectie(doc, 'kpis');
    expect(kpis.groepen.map((g) => [g.titel, g.kpis.map((k) => k.code)])).toEqual([
      ['Inwoners zijn snel en dichtbij geholpen', ['W01', 'W02', 'W03', 'W04']],
      ['Inwoners zijn zelfredzaam', ['W04', 'W05']],
      [NIET_GEKOPPELD_TITEL, ['W06']],
    ]);
    expect(kpis.groepen[0].pad).toEqual(['Inwoners van Zaanstad doen mee en redden zich']);
    expect(kpis.groepen[2]).toMatchObject({ doelId: null, niveau: null, pad: [] });
    expect(kpis.doelenZonderKpi.map((d) => d.titel)).toEqual([
      'Een sterke sociale basis in de wijk',
    ]);
  });

  it('puts the linked case stories next to each KPI, and the KPIs next to each story', () => {
    const r = rijen(doc);
    expect(r.get('W03')?.verhalen.map((v) => v.titel)).toEqual([
      'Wachttijd bij schuldhulp loopt op',
    ]);
    expect(r.get('W02')?.verhalen.map((v) => v.titel)).toEqual([
      'Wachttijd bij schuldhulp loopt op',
    ]);
    expect(r.get('W06')?.verhalen).toEqual([]);
    const verhalen = sectie(doc, 'verhalen').verhalen;
    expect(verhalen).toHaveLength(4);
    const schuldhulp = verhalen.find((v) => v.titel === 'Wachttijd bij schuldhulp loopt op');
    expect(schuldhulp?.kpis.map((k) => k.code)).toEqual(['W02', 'W03']);
    expect(schuldhulp?.perceel).toEqual({ code: 'ZW', naam: 'Zaandam-West' });
  });

  it('keeps toelichtingen per perceel', () => {
    expect(
      rijen(doc)
        .get('W03')
        ?.toelichtingen.map((t) => t.perceelCode),
    ).toEqual(['ZO', 'ZW']);
  });

  it('lists aanvullende opdrachten with the 90-day flag and the running budget', () => {
    const o = sectie(doc, 'opdrachten');
    expect(o.opdrachten.map((x) => [x.titel, x.looptAf, x.dagenTotEinde])).toEqual([
      ['Zomerschool', false, -20],
      ['Schuldhulp in de wijk (PACT)', true, 56],
      ['Inloopspreekuur statushouders', false, 253],
      ['Aanpak eenzaamheid ouderen', false, 437],
    ]);
    expect(o.aantalAflopend).toBe(1);
    // Only what runs on agreed money: the request 'Aanpak eenzaamheid ouderen' was never approved.
    expect(o.budgetLopendCenten).toBe(18_500_000 + 4_250_000);
  });

  it('computes budget and workforce exactly', () => {
    expect(sectie(doc, 'budget-en-formatie')).toEqual({
      aanwezig: true,
      budget: {
        begrootCenten: 312_500_000,
        gerealiseerdCenten: 298_765_432,
        verschilCenten: -13_734_568,
        realisatiePercentage: '95.6',
        toelichting: 'Onderbesteding door vacatures.',
      },
      formatie: {
        formatieFte: '42.5',
        vacaturesFte: '3.2',
        vacaturePercentage: '7.5',
        verloopPercentage: '4.8',
        toelichting: null,
      },
    });
  });

  it('lists open signals only, oldest first, flagging the passed term', () => {
    const s = sectie(doc, 'signalen');
    expect(s.signalen.map((x) => [x.titel, x.termijnVerstreken])).toEqual([
      ['Verzoeken van afdeling Werk buiten het register om', false],
      ['Wachtlijst beschermd wonen blokkeert uitstroom', true],
      ['Regels bijzondere bijstand sluiten niet aan', false],
    ]);
    expect(s.aantalTermijnVerstreken).toBe(1);
  });

  it('has no actions until meetings record them', () => {
    expect(sectie(doc, 'acties')).toEqual({ acties: [], aantalVerlopen: 0 });
  });

  it('proposes an agenda: uit koers, let op, signals past term, ending opdrachten', () => {
    const punten = sectie(doc, 'agenda').punten;
    expect(punten.map((p) => [p.nummer, p.soort, p.onderwerp])).toEqual([
      [1, 'kpi-afwijking', 'W03 Doorlooptijd tot start ondersteuning: uit koers'],
      [2, 'kpi-afwijking', 'W05 Trajecten afgesloten zonder maatwerkvoorziening: uit koers'],
      [3, 'kpi-afwijking', 'W02 Hulpvragen binnen 5 werkdagen opgepakt: let op'],
      [4, 'signaal', 'Signaal: Wachtlijst beschermd wonen blokkeert uitstroom'],
      [5, 'aanvullende-opdracht', 'Aanvullende opdracht loopt af: Schuldhulp in de wijk (PACT)'],
    ]);
    expect(punten[3].toelichting).toBe(
      'Ingebracht op 1 juli 2026, 111 dagen geleden. De afgesproken antwoordtermijn liep tot en met 12 augustus 2026; het signaal is nog niet beantwoord.',
    );
    expect(punten[4].toelichting).toBe(
      'Loopt af op 15 december 2026 (over 56 dagen), budget € 185.000,00. Besluit over afronden, verlengen of opnemen in de hoofdopdracht.',
    );
    expect(punten[0].toelichting).toContain('‘Wachttijd bij schuldhulp loopt op’');
  });
});

describe('agenda with open actions', () => {
  it('ends with the open actions, by deadline, overdue ones marked; finished actions stay off', () => {
    const doc = assembleerDossier(
      maakDossierSnapshot(
        {},
        {
          acties: [
            maakSnapshotActie({
              id: fixtureId('actie', 1),
              omschrijving: 'Zonder deadline',
              deadline: null,
            }),
            maakSnapshotActie({
              id: fixtureId('actie', 2),
              omschrijving: 'Plan wachttijden',
              deadline: '2026-10-01',
            }),
            maakSnapshotActie({
              id: fixtureId('actie', 3),
              omschrijving: 'Klaar',
              status: 'gereed',
            }),
            maakSnapshotActie({
              id: fixtureId('actie', 4),
              omschrijving: 'Evaluatie buurtkamer',
              deadline: '2026-12-01',
              status: 'open',
            }),
          ],
        },
      ),
    );
    const punten = sectie(doc, 'agenda').punten;
    expect(punten.slice(5).map((p) => [p.soort, p.onderwerp, p.toelichting])).toEqual([
      [
        'open-actie',
        'Open actie: Plan wachttijden',
        'Eigenaar Directeur aanbieder, deadline 1 oktober 2026 (verlopen).',
      ],
      [
        'open-actie',
        'Open actie: Evaluatie buurtkamer',
        'Eigenaar Directeur aanbieder, deadline 1 december 2026.',
      ],
      ['open-actie', 'Open actie: Zonder deadline', 'Eigenaar Directeur aanbieder, geen deadline.'],
    ]);
    expect(sectie(doc, 'acties')).toMatchObject({ aantalVerlopen: 1 });
    expect(sectie(doc, 'acties').acties.map((a) => a.omschrijving)).toEqual([
      'Plan wachttijden',
      'Evaluatie buurtkamer',
      'Zonder deadline',
    ]);
  });

  it('is empty for a quiet quarter', () => {
    const doc = assembleerDossier(maakLegeSnapshot());
    expect(sectie(doc, 'agenda').punten).toEqual([]);
  });
});

describe('edge cases', () => {
  it('only stories of the dossier’s quarter count', () => {
    const basis = maakDossierSnapshot();
    const oud = {
      ...basis.casussen[0],
      id: fixtureId('casus', 99),
      titel: 'Vorig kwartaal',
      periode: '2026-Q2',
    };
    const doc = assembleerDossier({ ...basis, casussen: [...basis.casussen, oud] });
    expect(sectie(doc, 'verhalen').verhalen.map((v) => v.titel)).not.toContain('Vorig kwartaal');
    expect([...rijen(doc).values()].flatMap((r) => r.verhalen.map((v) => v.titel))).not.toContain(
      'Vorig kwartaal',
    );
  });

  it('says so when no account was submitted', () => {
    const doc = assembleerDossier(maakDossierSnapshot({}, { verantwoording: null }));
    expect(sectie(doc, 'budget-en-formatie')).toMatchObject({ aanwezig: false });
    expect(sectie(doc, 'verantwoording')).toMatchObject({ aanwezig: false });
  });

  it('trend: eight quarters at most with ten quarters of history, four at least with one', () => {
    const lang = assembleerDossier(maakDossierSnapshot({ kwartalen: 10 }));
    expect(rijen(lang).get('W01')?.trend).toHaveLength(8);
    const kort = assembleerDossier(maakDossierSnapshot({ kwartalen: 1 }));
    const trend = rijen(kort).get('W01')?.trend ?? [];
    expect(trend.map((t) => t.waarde)).toEqual([null, null, null, '1245']);
  });

  it('an empty snapshot still yields every section', () => {
    const doc = assembleerDossier(maakLegeSnapshot());
    expect(doc.secties).toHaveLength(DOSSIER_SECTIES.length);
    expect(sectie(doc, 'kpis')).toMatchObject({ groepen: [], overzicht: { totaal: 0 } });
  });
});

describe('extensibility', () => {
  const extra: DossierSectie<{ aantalKpis: number }> = {
    sleutel: 'veronderstellingen',
    titel: 'Veronderstellingen bij KPI’s uit koers',
    volgorde: 35,
    bouw: (_snapshot, context) => ({
      aantalKpis: context.kpiBeelden().filter((b) => b.huidig.status === 'uit-koers').length,
    }),
  };

  it('a later section is appended without touching the others, and sorted by its volgorde', () => {
    const snapshot = maakDossierSnapshot();
    const standaard = assembleerDossier(snapshot);
    const uitgebreid = assembleerDossier(snapshot, [...DOSSIER_SECTIES, extra]);
    expect(uitgebreid.secties.map((s) => s.sleutel)).toEqual([
      'agenda',
      'verantwoording',
      'kpis',
      'veronderstellingen',
      'verhalen',
      'opdrachten',
      'budget-en-formatie',
      'signalen',
      'acties',
    ]);
    expect(uitgebreid.secties.find((s) => s.sleutel === 'veronderstellingen')?.inhoud).toEqual({
      aantalKpis: 2,
    });
    for (const s of standaard.secties) {
      expect(uitgebreid.secties.find((u) => u.sleutel === s.sleutel)).toEqual(s);
    }
  });

  it('refuses two sections with the same key', () =>
    expect(() =>
      assembleerDossier(maakLegeSnapshot(), [...DOSSIER_SECTIES, { ...extra, sleutel: 'kpis' }]),
    ).toThrow(/kpis/));
});

describe('determinism and hash', () => {
  it('the same snapshot gives a byte-identical document and the same hash', () => {
    const a = assembleerDossier(maakDossierSnapshot());
    const b = assembleerDossier(maakDossierSnapshot());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(dossierHash(a)).toBe(dossierHash(b));
    expect(dossierHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the order in which the loader returns rows does not matter', () => {
    const snapshot = maakDossierSnapshot(
      {},
      {
        acties: [
          maakSnapshotActie(),
          maakSnapshotActie({ id: fixtureId('actie', 2), deadline: null }),
        ],
      },
    );
    expect(JSON.stringify(assembleerDossier(omgekeerd(snapshot)))).toBe(
      JSON.stringify(assembleerDossier(snapshot)),
    );
  });

  it('any change in the figures changes the hash', () => {
    const snapshot = maakDossierSnapshot();
    const gewijzigd = {
      ...snapshot,
      waarden: snapshot.waarden.map((w, i) =>
        i === snapshot.waarden.length - 1 ? { ...w, waarde: '2461' } : w,
      ),
    };
    expect(dossierHash(assembleerDossier(gewijzigd))).not.toBe(
      dossierHash(assembleerDossier(snapshot)),
    );
  });

  it('does not read the clock', () => {
    const snapshot = maakDossierSnapshot();
    const eerst = dossierHash(assembleerDossier(snapshot));
    jest.useFakeTimers({ now: new Date('2031-01-01T00:00:00Z') });
    try {
      expect(dossierHash(assembleerDossier(snapshot))).toBe(eerst);
    } finally {
      jest.useRealTimers();
    }
  });

  it('canonical JSON sorts keys at every level and refuses what JSON cannot carry', () => {
    expect(canoniekeJson({ b: 1, a: { d: [2, { f: null, e: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"e":"x","f":null}]},"b":1}',
    );
    expect(canoniekeJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canoniekeJson({ a: 1n })).toThrow(TypeError);
    expect(() => canoniekeJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('the benchmark fixture (40 KPIs × 8 quarters × 30 stories)', () => {
  it('has the requested size and assembles into a complete dossier', () => {
    const snapshot = maakDossierSnapshot({ kpis: 40, kwartalen: 8, verhalen: 30 });
    expect(snapshot.kpis).toHaveLength(40);
    expect(new Set(snapshot.kpis.map((k) => k.id)).size).toBe(40);
    expect(new Set(snapshot.kpis.map((k) => k.code)).size).toBe(40);
    expect(snapshot.casussen).toHaveLength(30);
    // W06 reports one total, every other KPI per perceel.
    expect(snapshot.waarden).toHaveLength(39 * 8 * 2 + 8);
    const doc = assembleerDossier(snapshot);
    const alle = rijen(doc);
    expect(alle.size).toBe(40);
    expect([...alle.values()].every((r) => r.trend.length === 8)).toBe(true);
    expect([...alle.values()].every((r) => r.realisatie !== null)).toBe(true);
    expect(sectie(doc, 'verhalen').verhalen).toHaveLength(30);
    const o = sectie(doc, 'kpis').overzicht;
    expect(o.opKoers + o.letOp + o.uitKoers + o.geenNorm).toBe(40);
    expect(o.uitKoers + o.letOp).toBeGreaterThan(0);
  });
});
