import { actieVerlopen, opdrachtLooptijd, signaalTermijn, vergelijkActies } from './beoordeling';
import { DossierAanvullendeOpdracht, DossierSignaal } from './snapshot';
import { maakSnapshotActie } from './testing/fixture';

const opdracht = (
  einddatum: string,
  status: DossierAanvullendeOpdracht['status'] = 'actief',
): DossierAanvullendeOpdracht => ({
  id: 'o',
  titel: 'Opdracht',
  status,
  budgetCenten: 100,
  einddatum,
});

describe('opdrachtLooptijd', () => {
  it.each([
    ['2026-10-20', 'actief', 0, true], // ends today
    ['2027-01-18', 'actief', 90, true], // the 90th day is inside the window
    ['2027-01-19', 'actief', 91, false],
    ['2026-10-19', 'actief', -1, false], // already ended
    ['2026-12-01', 'afgerond', 42, false], // no longer running
    ['2026-12-01', 'aangevraagd', 42, true],
  ] as const)('ending %s while %s: %i days, loopt af %p', (einddatum, status, dagen, looptAf) =>
    expect(opdrachtLooptijd(opdracht(einddatum, status), '2026-10-20', 90)).toEqual({
      dagenTotEinde: dagen,
      looptAf,
    }),
  );
});

describe('signaalTermijn', () => {
  const signaal = (overrides: Partial<DossierSignaal>): DossierSignaal => ({
    id: 's',
    titel: 'Signaal',
    status: 'nieuw',
    soort: 'aanbod',
    ingebrachtOp: '2026-09-08',
    antwoordTermijn: '2026-10-20',
    ...overrides,
  });

  it('is not passed on the last day of the term, and passed the day after', () => {
    expect(signaalTermijn(signaal({}), '2026-10-20')).toEqual({ dagenOpen: 42, verstreken: false });
    expect(signaalTermijn(signaal({}), '2026-10-21')).toEqual({ dagenOpen: 43, verstreken: true });
  });

  it('an answered or closed signal, or one without a term, is never past its term', () => {
    expect(signaalTermijn(signaal({ status: 'beantwoord' }), '2027-01-01').verstreken).toBe(false);
    expect(signaalTermijn(signaal({ status: 'gesloten' }), '2027-01-01').verstreken).toBe(false);
    expect(signaalTermijn(signaal({ status: 'geagendeerd' }), '2027-01-01').verstreken).toBe(true);
    expect(signaalTermijn(signaal({ antwoordTermijn: null }), '2027-01-01').verstreken).toBe(false);
  });
});

describe('actions', () => {
  it('an open action is overdue after its deadline, not on it; a finished one never', () => {
    expect(actieVerlopen(maakSnapshotActie({ deadline: '2026-10-20' }), '2026-10-20')).toBe(false);
    expect(actieVerlopen(maakSnapshotActie({ deadline: '2026-10-19' }), '2026-10-20')).toBe(true);
    expect(
      actieVerlopen(maakSnapshotActie({ deadline: '2026-10-19', status: 'gereed' }), '2026-10-20'),
    ).toBe(false);
    expect(actieVerlopen(maakSnapshotActie({ deadline: null }), '2026-10-20')).toBe(false);
  });

  it('sorts by deadline with no deadline last, then description', () => {
    const acties = [
      maakSnapshotActie({ id: '1', deadline: null, omschrijving: 'A' }),
      maakSnapshotActie({ id: '2', deadline: '2026-12-01', omschrijving: 'B' }),
      maakSnapshotActie({ id: '3', deadline: '2026-11-01', omschrijving: 'C' }),
      maakSnapshotActie({ id: '4', deadline: '2026-11-01', omschrijving: 'Aa' }),
    ];
    expect([...acties].sort(vergelijkActies).map((a) => a.id)).toEqual(['4', '3', '2', '1']);
  });
});
