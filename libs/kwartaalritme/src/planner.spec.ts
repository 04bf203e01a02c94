import {
  dagenTot,
  drempel,
  eersteWerkdagVanKwartaal,
  planDag,
  RitmeToestand,
  STANDAARD_RITME,
} from './planner';

const G = 'g1';
const leeg: RitmeToestand = {
  gemeenteId: G,
  periodes: [],
  gesprekken: [],
  opdrachten: [],
  hoofdopdrachten: [],
  signalen: [],
};

describe('kwartaalritme: planDag', () => {
  it('finds the first working day of a quarter (weekends skipped)', () => {
    expect(eersteWerkdagVanKwartaal('2026-10-15')).toBe('2026-10-01'); // Thursday
    expect(eersteWerkdagVanKwartaal('2026-11-22')).toBe('2026-10-01');
    expect(eersteWerkdagVanKwartaal('2027-05-01')).toBe('2027-04-01'); // Thursday
    expect(eersteWerkdagVanKwartaal('2028-07-04')).toBe('2028-07-03'); // 1 July 2028 is a Saturday
  });

  it('counts days, negative after the date', () => {
    expect(dagenTot('2026-10-20', '2026-10-30')).toBe(10);
    expect(dagenTot('2026-10-30', '2026-10-30')).toBe(0);
    expect(dagenTot('2026-10-31', '2026-10-30')).toBe(-1);
    expect(dagenTot('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('picks the smallest threshold reached, once', () => {
    expect(drempel([10, 3], 11)).toBeNull();
    expect(drempel([10, 3], 10)).toBe(10);
    expect(drempel([10, 3], 7)).toBe(10);
    expect(drempel([3, 10], 3)).toBe(3);
    expect(drempel([10, 3], 0)).toBe(3);
    expect(drempel([10, 3], -1)).toBeNull();
  });

  it('opens the previous quarter from its first working day, with the deadline', () => {
    expect(planDag('2028-07-01', STANDAARD_RITME, leeg)).toEqual([]); // a Saturday before the working day
    expect(planDag('2028-07-03', STANDAARD_RITME, leeg)).toEqual([
      {
        soort: 'periode-openen',
        jobId: `periode-openen.${G}.2028-Q2`,
        gemeenteId: G,
        periode: '2028-Q2',
        deadline: '2028-07-30',
      },
    ]);
    // The same id on every later day of the quarter: BullMQ and ON CONFLICT make it once.
    const later = planDag('2026-11-22', STANDAARD_RITME, leeg);
    expect(later.map((t) => t.jobId)).toEqual([`periode-openen.${G}.2026-Q3`]);
  });

  it('reminds at 10 and 3 days, escalates after the deadline, never for a submitted account', () => {
    const toestand = (ingediend: boolean): RitmeToestand => ({
      ...leeg,
      periodes: [
        { id: 'p1', aanbiederId: 'a1', periode: '2026-Q3', deadline: '2026-10-30', ingediend },
      ],
    });
    const taken = (dag: string, ingediend = false) =>
      planDag(dag, STANDAARD_RITME, toestand(ingediend))
        .filter((t) => t.soort !== 'periode-openen')
        .map((t) => t.jobId);
    expect(taken('2026-10-19')).toEqual([]);
    expect(taken('2026-10-20')).toEqual(['herinnering.p1.10']);
    expect(taken('2026-10-25')).toEqual(['herinnering.p1.10']);
    expect(taken('2026-10-27')).toEqual(['herinnering.p1.3']);
    expect(taken('2026-10-30')).toEqual(['herinnering.p1.3']);
    expect(taken('2026-10-31')).toEqual(['escalatie.p1']);
    expect(taken('2026-10-31', true)).toEqual([]);
    expect(taken('2026-10-27', true)).toEqual([]);
  });

  it('plans the dossier N days before the meeting until it is requested', () => {
    const toestand = (dossierAangevraagd: boolean): RitmeToestand => ({
      ...leeg,
      gesprekken: [
        {
          id: 'o1',
          aanbiederId: 'a1',
          periode: '2026-Q3',
          datum: '2026-11-20',
          dossierAangevraagd,
          dossiersMislukt: 0,
        },
      ],
    });
    const dossier = (dag: string, aangevraagd = false) =>
      planDag(dag, STANDAARD_RITME, toestand(aangevraagd)).filter((t) => t.soort === 'dossier');
    expect(dossier('2026-11-14')).toEqual([]);
    expect(dossier('2026-11-15')).toEqual([
      { soort: 'dossier', jobId: 'dossier.o1', gemeenteId: G, overlegId: 'o1' },
    ]);
    expect(dossier('2026-11-20')).toHaveLength(1);
    expect(dossier('2026-11-21')).toEqual([]);
    expect(dossier('2026-11-16', true)).toEqual([]);
    expect(
      planDag(
        '2026-11-10',
        { ...STANDAARD_RITME, dossierDagenVoorGesprek: 10 },
        toestand(false),
      ).filter((t) => t.soort === 'dossier'),
    ).toHaveLength(1);
  });

  it('asks again after a dossier run ended mislukt, under a new job id per failure', () => {
    const toestand = (dossiersMislukt: number): RitmeToestand => ({
      ...leeg,
      gesprekken: [
        {
          id: 'o1',
          aanbiederId: 'a1',
          periode: '2026-Q3',
          datum: '2026-11-20',
          dossierAangevraagd: false,
          dossiersMislukt,
        },
      ],
    });
    const jobIds = (mislukt: number) =>
      planDag('2026-11-16', STANDAARD_RITME, toestand(mislukt))
        .filter((t) => t.soort === 'dossier')
        .map((t) => t.jobId);
    expect(jobIds(0)).toEqual(['dossier.o1']);
    expect(jobIds(1)).toEqual(['dossier.o1.1']);
    expect(jobIds(2)).toEqual(['dossier.o1.2']);
  });

  it('signals opdrachten ending within 90 and 30 days and signals past their term', () => {
    const toestand: RitmeToestand = {
      ...leeg,
      opdrachten: [
        { id: 'o-ver', einddatum: '2027-06-30' },
        { id: 'o-90', einddatum: '2027-02-01' },
        { id: 'o-30', einddatum: '2026-12-15' },
        { id: 'o-voorbij', einddatum: '2026-11-01' },
      ],
      signalen: [
        { id: 's-verstreken', antwoordTermijn: '2026-11-21' },
        { id: 's-vandaag', antwoordTermijn: '2026-11-22' },
        { id: 's-geen', antwoordTermijn: null },
      ],
    };
    const ids = planDag('2026-11-22', STANDAARD_RITME, toestand)
      .filter((t) => t.soort !== 'periode-openen')
      .map((t) => t.jobId);
    expect(ids).toEqual([
      'opdracht-loopt-af.o-90.2027-02-01.90',
      'opdracht-loopt-af.o-30.2026-12-15.30',
      'signaal-termijn.s-verstreken',
    ]);
  });

  it('warns again about an opdracht that was extended: the end date is in the job id', () => {
    const op = (einddatum: string) =>
      planDag('2026-11-22', STANDAARD_RITME, {
        ...leeg,
        opdrachten: [{ id: 'o', einddatum }],
      }).filter((t) => t.soort === 'opdracht-loopt-af');
    expect(op('2026-12-15')).toEqual([
      expect.objectContaining({
        jobId: 'opdracht-loopt-af.o.2026-12-15.30',
        einddatum: '2026-12-15',
      }),
    ]);
    expect(op('2027-02-01')[0].jobId).toBe('opdracht-loopt-af.o.2027-02-01.90');
  });

  it('signals a hoofdopdracht ending within 12, 6 and 3 months, by the smallest threshold reached', () => {
    const plan = (vandaag: string, einddatum = '2026-12-31') =>
      planDag(vandaag, STANDAARD_RITME, {
        ...leeg,
        hoofdopdrachten: [{ id: 'h', einddatum }],
      })
        .filter((t) => t.soort === 'hoofdopdracht-loopt-af')
        .map((t) => t.jobId);
    expect(plan('2025-12-30')).toEqual([]);
    expect(plan('2025-12-31')).toEqual(['hoofdopdracht-loopt-af.h.2026-12-31.12']);
    expect(plan('2026-07-01')).toEqual(['hoofdopdracht-loopt-af.h.2026-12-31.6']);
    expect(plan('2026-12-07')).toEqual(['hoofdopdracht-loopt-af.h.2026-12-31.3']);
    expect(plan('2027-01-01')).toEqual([]);
    // After a verlenging the new end date is warned about again, from its own 12 months.
    expect(plan('2026-12-07', '2027-12-01')).toEqual(['hoofdopdracht-loopt-af.h.2027-12-01.12']);
    expect(plan('2026-12-07', '2027-12-31')).toEqual([]);
  });
});
