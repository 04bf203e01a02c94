import { veronderstellingenOpPaden } from './graaf';
import {
  DIAGNOSES,
  DIAGNOSE_LABELS,
  DIAGNOSE_VRAGEN,
  DiagnoseInKwartaal,
  ReviewInput,
  geschiedenisPerVeronderstelling,
  hoortBijReview,
  isDiagnose,
  stelReviewOp,
} from './review';
import { VT, voorbeeldKpiBewijzen, voorbeeldKpis, voorbeeldTheorie } from './testing/fixture';

function review(uitKoersKpiIds: string[], overrides: Partial<ReviewInput> = {}) {
  return stelReviewOp({
    theorie: voorbeeldTheorie(),
    kpiBewijzen: voorbeeldKpiBewijzen(),
    uitKoersKpiIds,
    ...overrides,
  });
}

describe('diagnoses', () => {
  it('has the five diagnoses with Dutch labels and questions', () => {
    expect(DIAGNOSES).toEqual([
      'uitvoering',
      'randvoorwaarden',
      'externe-factor',
      'veronderstelling-klopt-niet',
      'nog-onbekend',
    ]);
    expect(DIAGNOSE_LABELS['externe-factor']).toBe('externe factor');
    expect(DIAGNOSE_LABELS['veronderstelling-klopt-niet']).toBe('veronderstelling klopt niet');
    expect(DIAGNOSE_LABELS['nog-onbekend']).toBe('nog onbekend');
    for (const d of DIAGNOSES) expect(DIAGNOSE_VRAGEN[d]).toMatch(/[?.]$/);
  });

  it('recognises only its own values', () => {
    expect(isDiagnose('uitvoering')).toBe(true);
    expect(isDiagnose('externe factor')).toBe(false);
    expect(isDiagnose(undefined)).toBe(false);
  });
});

describe('stelReviewOp', () => {
  it('lists exactly the assumption on the path of an uit-koers outcome KPI', () => {
    // WT-02 evidences zelfVerder: zelfVerder → minderMaatwerk → ambitie.
    const [item, ...rest] = review(['kpi-wt-02']);
    expect(rest).toEqual([]);
    expect(item.kpiId).toBe('kpi-wt-02');
    expect(item.elementIds).toEqual([VT.zelfVerder]);
    expect(item.paden).toEqual([
      {
        elementIds: [VT.zelfVerder, VT.minderMaatwerk, VT.ambitie],
        verbandIds: [VT.zelfVerderNaarMinderMaatwerk, VT.minderMaatwerkNaarAmbitie],
      },
    ]);
    expect(item.veronderstellingen).toHaveLength(1);
    expect(item.veronderstellingen[0]).toMatchObject({
      nummer: 4,
      diagnose: 'nog-onbekend',
      notitie: null,
      verband: { id: VT.zelfVerderNaarMinderMaatwerk },
      van: { id: VT.zelfVerder },
      naar: { id: VT.minderMaatwerk },
    });
    expect(item.veronderstellingen[0].veronderstelling.id).toBe(VT.minderVoorzieningen);
  });

  it('lists the assumptions along the whole chain from an activity KPI, in path order', () => {
    const [item] = review(['kpi-wt-01']);
    expect(item.veronderstellingen.map((v) => [v.nummer, v.veronderstelling.id])).toEqual([
      [1, VT.drempel],
      [3, VT.vroegErbij],
      [4, VT.minderVoorzieningen],
    ]);
  });

  it('gives exactly the assumptions on the paths for every KPI of the scenario', () => {
    const theorie = voorbeeldTheorie();
    for (const kpi of voorbeeldKpis()) {
      const [item] = review([kpi.id]);
      expect(item.veronderstellingen.map((v) => v.veronderstelling)).toEqual(
        veronderstellingenOpPaden(theorie, kpi.elementIds),
      );
    }
    // And never one off the paths: WT-02 (zelfVerder) leaves out the assumptions before it.
    const ids = review(['kpi-wt-02'])[0].veronderstellingen.map((v) => v.veronderstelling.id);
    for (const buiten of [VT.drempel, VT.eenRegisseur, VT.vroegErbij, VT.buurmanWijstDeWeg])
      expect(ids).not.toContain(buiten);
  });

  it('keeps the order of the KPIs given, once each, and leaves out KPIs not linked to this theory', () => {
    const items = review(['kpi-wt-05', 'kpi-elders', 'kpi-wt-04', 'kpi-wt-05']);
    expect(items.map((i) => i.kpiId)).toEqual(['kpi-wt-05', 'kpi-wt-04']);
    // WT-05 evidences minderMaatwerk, whose only link to the ambitie carries no assumption.
    expect(items[0].veronderstellingen).toEqual([]);
    expect(items[0].paden).toHaveLength(1);
    expect(items[1].veronderstellingen.map((v) => v.veronderstelling.id)).toEqual([
      VT.vroegErbij,
      VT.minderVoorzieningen,
    ]);
  });

  it('returns nothing when no KPI is uit koers', () => {
    expect(review([])).toEqual([]);
  });

  it('combines the paths of every element a KPI evidences, ignoring links to elements of other theories', () => {
    const bewijzen = [
      { kpiId: 'k', elementId: VT.buurt },
      { kpiId: 'k', elementId: 'ander-element' },
      { kpiId: 'k', elementId: VT.inloop },
      { kpiId: 'k', elementId: VT.inloop },
    ];
    const [item] = review(['k'], { kpiBewijzen: bewijzen });
    // Elements in the theory's order: inloop before buurt.
    expect(item.elementIds).toEqual([VT.inloop, VT.buurt]);
    expect(item.paden).toHaveLength(3);
    expect(item.veronderstellingen.map((v) => v.veronderstelling.id)).toEqual([
      VT.drempel,
      VT.vroegErbij,
      VT.minderVoorzieningen,
      VT.buurmanWijstDeWeg,
    ]);
  });

  it('fills in the diagnoses recorded for the quarter, a KPI-specific one before a general one', () => {
    const items = review(['kpi-wt-01', 'kpi-wt-04'], {
      diagnoses: [
        {
          veronderstellingId: VT.vroegErbij,
          diagnose: 'externe-factor',
          notitie: 'Meer schuldenproblematiek door inflatie.',
        },
        {
          veronderstellingId: VT.vroegErbij,
          kpiId: 'kpi-wt-04',
          diagnose: 'uitvoering',
          notitie: 'Spreekuur twee maanden dicht door verbouwing.',
        },
        {
          veronderstellingId: VT.minderVoorzieningen,
          kpiId: null,
          diagnose: 'veronderstelling-klopt-niet',
          notitie: null,
        },
        {
          veronderstellingId: VT.eenRegisseur,
          diagnose: 'randvoorwaarden',
          notitie: 'Niet op een pad',
        },
      ],
    });
    const diagnose = (kpiId: string, id: string) =>
      items
        .find((i) => i.kpiId === kpiId)!
        .veronderstellingen.find((v) => v.veronderstelling.id === id)!;
    expect(diagnose('kpi-wt-01', VT.vroegErbij)).toMatchObject({
      diagnose: 'externe-factor',
      notitie: 'Meer schuldenproblematiek door inflatie.',
    });
    expect(diagnose('kpi-wt-04', VT.vroegErbij)).toMatchObject({
      diagnose: 'uitvoering',
      notitie: 'Spreekuur twee maanden dicht door verbouwing.',
    });
    expect(diagnose('kpi-wt-01', VT.minderVoorzieningen).diagnose).toBe(
      'veronderstelling-klopt-niet',
    );
    expect(diagnose('kpi-wt-01', VT.drempel)).toMatchObject({
      diagnose: 'nog-onbekend',
      notitie: null,
    });
    // A diagnosis for an assumption off the paths does not make it appear.
    expect(
      items
        .flatMap((i) => i.veronderstellingen)
        .some((v) => v.veronderstelling.id === VT.eenRegisseur),
    ).toBe(false);
  });
});

describe('hoortBijReview', () => {
  it('accepts only assumptions on the paths, under the KPI when one is given', () => {
    const items = review(['kpi-wt-02', 'kpi-wt-03']);
    expect(hoortBijReview(items, VT.minderVoorzieningen)).toBe(true);
    expect(hoortBijReview(items, VT.eenRegisseur, 'kpi-wt-03')).toBe(true);
    expect(hoortBijReview(items, VT.eenRegisseur, 'kpi-wt-02')).toBe(false);
    expect(hoortBijReview(items, VT.drempel)).toBe(false);
    expect(hoortBijReview(items, VT.minderVoorzieningen, 'kpi-elders')).toBe(false);
  });
});

describe('geschiedenisPerVeronderstelling', () => {
  it('groups the diagnoses per assumption, oldest quarter first', () => {
    const d = (
      kwartaal: string,
      veronderstellingId: string,
      diagnose: DiagnoseInKwartaal['diagnose'],
    ): DiagnoseInKwartaal => ({
      kwartaal,
      veronderstellingId,
      diagnose,
      notitie: null,
    });
    const geschiedenis = geschiedenisPerVeronderstelling([
      d('2026-Q2', 'a', 'uitvoering'),
      d('2025-Q4', 'b', 'nog-onbekend'),
      d('2025-Q4', 'a', 'nog-onbekend'),
      d('2026-Q1', 'a', 'randvoorwaarden'),
    ]);
    expect([...geschiedenis.keys()]).toEqual(['a', 'b']);
    expect(geschiedenis.get('a')!.map((x) => [x.kwartaal, x.diagnose])).toEqual([
      ['2025-Q4', 'nog-onbekend'],
      ['2026-Q1', 'randvoorwaarden'],
      ['2026-Q2', 'uitvoering'],
    ]);
    expect(geschiedenisPerVeronderstelling([]).size).toBe(0);
  });
});
