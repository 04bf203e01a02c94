import { bundelPerThema, groepeerZijsturing } from './groeperingen';

describe('groepeerZijsturing', () => {
  it('counts requests per department and quarter, separating those outside the register', () => {
    expect(
      groepeerZijsturing([
        {
          aanvragendeAfdeling: 'Veiligheid',
          aangevraagdOp: '2026-04-02',
          binnengekomenVia: 'buiten-register',
        },
        {
          aanvragendeAfdeling: 'Veiligheid',
          aangevraagdOp: '2026-06-30',
          binnengekomenVia: 'register',
        },
        {
          aanvragendeAfdeling: 'Veiligheid',
          aangevraagdOp: '2026-07-01',
          binnengekomenVia: 'buiten-register',
        },
        {
          aanvragendeAfdeling: 'Armoede',
          aangevraagdOp: '2026-05-01',
          binnengekomenVia: 'buiten-register',
        },
      ]),
    ).toEqual([
      {
        aanvragendeAfdeling: 'Armoede',
        kwartaal: '2026-Q2',
        buitenRegister: 1,
        viaRegister: 0,
        totaal: 1,
      },
      {
        aanvragendeAfdeling: 'Veiligheid',
        kwartaal: '2026-Q2',
        buitenRegister: 1,
        viaRegister: 1,
        totaal: 2,
      },
      {
        aanvragendeAfdeling: 'Veiligheid',
        kwartaal: '2026-Q3',
        buitenRegister: 1,
        viaRegister: 0,
        totaal: 1,
      },
    ]);
  });
  it('is empty without requests', () => expect(groepeerZijsturing([])).toEqual([]));
});

describe('bundelPerThema', () => {
  it('groups by theme with the combined budget, largest first', () => {
    const bundels = bundelPerThema([
      { id: '1', titel: 'A', thema: 'armoede', budgetCenten: 1_000, einddatum: '2026-12-31' },
      { id: '2', titel: 'B', thema: 'jeugd', budgetCenten: 5_000, einddatum: '2026-06-30' },
      { id: '3', titel: 'C', thema: 'armoede', budgetCenten: 2_500, einddatum: '2026-03-31' },
    ]);
    expect(bundels.map((b) => [b.thema, b.aantal, b.budgetCenten])).toEqual([
      ['jeugd', 1, 5_000],
      ['armoede', 2, 3_500],
    ]);
    expect(bundels[1].opdrachten.map((o) => o.id)).toEqual(['3', '1']);
  });
});
