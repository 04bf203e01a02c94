import { OverlegSoort } from '../overleg/overleg.regels';
import { AgendaSnapshot, stelAgendaOp } from './agenda-opstelling';

const JEUGD = 'k-jeugd';
const ARMOEDE = 'k-armoede';

function snapshot(
  over: Partial<AgendaSnapshot> = {},
  soort = OverlegSoort.Ontwikkeloverleg,
  ketenId: string | null = null,
): AgendaSnapshot {
  return {
    overleg: { id: 'o-1', soort, ketenId, aanbiederId: null, dag: '2026-11-10' },
    kwartaal: '2026-Q3',
    ketens: [
      { id: JEUGD, naam: 'Jeugd' },
      { id: ARMOEDE, naam: 'Armoede & Schulden' },
    ],
    signalen: [],
    indicatoren: [],
    aanvullendeOpdrachten: [],
    hoofdopdrachten: [],
    casussen: [],
    acties: [],
    ...over,
  };
}

const uitKoers = (aanbiederId: string, naam: string) => ({
  aanbiederId,
  aanbiederNaam: naam,
  waarde: '70',
  streefwaarde: '80',
  status: 'uit-koers',
});

describe('stelAgendaOp', () => {
  it('proposes a signal spanning two ketens, with the ketens named in the reason', () => {
    const [punt, ...rest] = stelAgendaOp(
      snapshot({
        signalen: [
          { id: 's-1', titel: 'Schulden bij jongeren', ketenIds: [JEUGD, ARMOEDE] },
          { id: 's-2', titel: 'Alleen jeugd', ketenIds: [JEUGD] },
        ],
      }),
    );
    expect(rest).toHaveLength(0);
    expect(punt).toMatchObject({ bronSoort: 'signaal', bronId: 's-1', doel: 'bespreken' });
    expect(punt.reden).toContain('raakt 2 ketens (Jeugd en Armoede & Schulden)');
  });

  it('proposes an indicator only when it is uit koers at two or more aanbieders', () => {
    const voorstellen = stelAgendaOp(
      snapshot({
        indicatoren: [
          {
            id: 'i-1',
            code: 'IND-SNEL',
            naam: 'Snel opgepakt',
            eenheid: 'percentage',
            ketenIds: [JEUGD],
            rijen: [uitKoers('a-1', 'Noord'), uitKoers('a-2', 'Oost')],
          },
          {
            id: 'i-2',
            code: 'IND-ENKEL',
            naam: 'Eén aanbieder',
            eenheid: 'aantal',
            ketenIds: [],
            rijen: [uitKoers('a-1', 'Noord'), { ...uitKoers('a-2', 'Oost'), status: 'op-koers' }],
          },
        ],
      }),
    );
    expect(voorstellen.map((v) => v.bronId)).toEqual(['i-1']);
    expect(voorstellen[0].reden).toContain(
      'uit koers bij 2 aanbieders: Noord (70%, norm 80%) en Oost (70%, norm 80%)',
    );
    expect(voorstellen[0].reden).toContain('het 3e kwartaal 2026');
  });

  it('restricts a ketenoverleg to its keten and leaves out hoofdopdrachten', () => {
    const data = {
      signalen: [
        { id: 's-jeugd', titel: 'A', ketenIds: [JEUGD, ARMOEDE] },
        { id: 's-ander', titel: 'B', ketenIds: [ARMOEDE, 'k-wmo'] },
      ],
      hoofdopdrachten: [
        { id: 'h-1', titel: 'Wijkteams', aanbiederNaam: 'Noord', einddatum: '2026-12-31' },
      ],
    };
    const keten = stelAgendaOp(snapshot(data, OverlegSoort.Ketenoverleg, JEUGD));
    expect(keten.map((v) => v.bronId)).toEqual(['s-jeugd']);
    const ontwikkel = stelAgendaOp(snapshot(data));
    expect(ontwikkel.map((v) => v.bronId)).toEqual(['s-jeugd', 's-ander', 'h-1']);
    expect(ontwikkel[2].reden).toContain('31 december 2026, over 51 dagen');
  });

  it('proposes aanvullende opdrachten awaiting a toets, ending within 90 days or outside the hoofdopdracht', () => {
    const basis = {
      aangevraagdOp: '2026-10-01',
      ketenIds: [],
      aanHoofdopdrachtDoel: true,
      toetsOordeel: 'ja',
    };
    const voorstellen = stelAgendaOp(
      snapshot({
        aanvullendeOpdrachten: [
          {
            ...basis,
            id: 'wacht',
            titel: 'Wacht',
            status: 'aangevraagd',
            einddatum: '2027-12-31',
            toetsOordeel: null,
          },
          { ...basis, id: 'eind', titel: 'Eindigt', status: 'actief', einddatum: '2027-01-31' },
          { ...basis, id: 'later', titel: 'Later', status: 'actief', einddatum: '2027-06-30' },
          {
            ...basis,
            id: 'buiten',
            titel: 'Buiten',
            status: 'actief',
            einddatum: '2027-06-30',
            aanHoofdopdrachtDoel: false,
          },
        ],
      }),
    );
    expect(voorstellen.map((v) => v.bronId)).toEqual(['wacht', 'eind', 'buiten']);
    expect(voorstellen[0].reden).toContain('wacht sinds 1 oktober 2026 op een toets');
    expect(voorstellen[1].reden).toContain('over 82 dagen');
    expect(voorstellen[2].reden).toContain('Thema buiten de hoofdopdracht');
    // The ontwikkeloverleg discusses and advises; only the stuurgroep gets them to decide.
    expect(voorstellen.map((v) => v.doel)).toEqual(['bespreken', 'bespreken', 'bespreken']);
    const stuurgroep = stelAgendaOp({
      ...snapshot({
        aanvullendeOpdrachten: [
          { ...basis, id: 'eind', titel: 'Eindigt', status: 'actief', einddatum: '2027-01-31' },
        ],
      }),
      overleg: {
        id: 'o-2',
        soort: OverlegSoort.Stuurgroep,
        ketenId: null,
        aanbiederId: null,
        dag: '2026-11-10',
      },
    });
    expect(stuurgroep.map((v) => v.doel)).toEqual(['besluiten']);
  });

  it('proposes a dilemma recurring at two aanbieders on the same indicator, once', () => {
    const casus = (id: string, aanbiederId: string, naam: string) => ({
      id,
      titel: `Verhaal ${id}`,
      aanbiederId,
      aanbiederNaam: naam,
      doelen: [],
      indicatoren: [{ id: 'i-1', code: 'IND-SNEL', naam: 'Snel opgepakt' }],
      ketenIds: [JEUGD],
    });
    const voorstellen = stelAgendaOp(
      snapshot({ casussen: [casus('c-1', 'a-1', 'Noord'), casus('c-2', 'a-2', 'Oost')] }),
    );
    expect(voorstellen).toHaveLength(1);
    expect(voorstellen[0]).toMatchObject({ bronSoort: 'casus', bronId: 'c-1' });
    expect(voorstellen[0].reden).toContain('Noord en Oost');
    expect(
      stelAgendaOp(
        snapshot({ casussen: [casus('c-1', 'a-1', 'Noord'), casus('c-3', 'a-1', 'Noord')] }),
      ),
    ).toHaveLength(0);
  });

  it('brings back open actions of the same kind of meeting, and past-due ones from elsewhere', () => {
    const actie = {
      omschrijving: 'Voorstel uitwerken',
      eigenaarNaam: 'Wijkteams Noord',
      overlegKetenId: null,
      overlegAanbiederId: null,
      overlegDag: '2026-10-06',
    };
    const voorstellen = stelAgendaOp(
      snapshot({
        acties: [
          {
            ...actie,
            id: 'zelfde',
            deadline: '2026-12-01',
            overlegSoort: OverlegSoort.Ontwikkeloverleg,
          },
          {
            ...actie,
            id: 'keten-verlopen',
            deadline: '2026-11-01',
            overlegSoort: OverlegSoort.Ketenoverleg,
            overlegKetenId: JEUGD,
          },
          {
            ...actie,
            id: 'keten-later',
            deadline: '2026-12-01',
            overlegSoort: OverlegSoort.Ketenoverleg,
            overlegKetenId: JEUGD,
          },
          {
            ...actie,
            id: 'gesprek',
            deadline: '2026-11-01',
            overlegSoort: OverlegSoort.Verantwoordingsgesprek,
            overlegAanbiederId: 'a-1',
          },
        ],
      }),
    );
    expect(voorstellen.map((v) => v.bronId)).toEqual(['zelfde', 'keten-verlopen']);
    expect(voorstellen[0].reden).toContain(
      'Open actie uit het ontwikkeloverleg van 6 oktober 2026',
    );
    expect(voorstellen[1].reden).toContain('De deadline (1 november 2026) is verstreken.');
  });

  it('keeps the dossier agenda for a verantwoordingsgesprek, one item per source', () => {
    const voorstel = {
      bronSoort: 'kpi' as const,
      bronId: 'kpi-1',
      onderwerp: 'NRD-01',
      reden: 'Uit koers.',
      doel: 'bespreken' as const,
      minuten: 15,
    };
    const s = snapshot(
      { dossierAgenda: [voorstel, { ...voorstel, reden: 'Nog eens.' }] },
      OverlegSoort.Verantwoordingsgesprek,
    );
    const voorstellen = stelAgendaOp(s);
    expect(voorstellen).toEqual([{ ...voorstel, reden: 'Uit koers. Nog eens.' }]);
  });
});
