import {
  controleerOvergang,
  isBewerkbaar,
  isKwartaalverantwoordingStatus,
  KwartaalverantwoordingStatus,
  volgendeStatussen,
  volgendeStatussenVoor,
} from './kwartaalverantwoording.lifecycle';

const DIRECTEUR = ['directeur'];
const CONTRACTMANAGER = ['contractmanager'];

describe('kwartaalverantwoording lifecycle', () => {
  it.each<[KwartaalverantwoordingStatus, string, string[]]>([
    ['concept', 'ingediend', DIRECTEUR],
    ['ingediend', 'vastgesteld', CONTRACTMANAGER],
    ['ingediend', 'teruggezet', CONTRACTMANAGER],
    ['teruggezet', 'concept', DIRECTEUR],
    ['teruggezet', 'concept', ['teamleider']],
    ['teruggezet', 'concept', ['kwaliteitsmedewerker']],
    ['concept', 'ingediend', ['teamleider', 'directeur']],
  ])('allows %s → %s for %p', (van, naar, rollen) =>
    expect(controleerOvergang(van, naar, rollen)).toEqual({ ok: true }),
  );

  it.each<[KwartaalverantwoordingStatus, string, string[]]>([
    ['concept', 'ingediend', ['teamleider']],
    ['concept', 'ingediend', ['kwaliteitsmedewerker']],
    ['concept', 'ingediend', CONTRACTMANAGER],
    ['ingediend', 'vastgesteld', DIRECTEUR],
    ['ingediend', 'vastgesteld', ['ketenregisseur', 'beleidsadviseur']],
    ['ingediend', 'teruggezet', DIRECTEUR],
    ['teruggezet', 'concept', CONTRACTMANAGER],
    ['concept', 'ingediend', []],
  ])('refuses %s → %s for %p as a role problem (403)', (van, naar, rollen) =>
    expect(controleerOvergang(van, naar, rollen)).toMatchObject({ ok: false, soort: 'geen-rol' }),
  );

  it.each<[KwartaalverantwoordingStatus, string, string[]]>([
    ['concept', 'vastgesteld', CONTRACTMANAGER],
    ['concept', 'teruggezet', CONTRACTMANAGER],
    ['concept', 'concept', DIRECTEUR],
    ['ingediend', 'concept', DIRECTEUR],
    ['ingediend', 'ingediend', DIRECTEUR],
    ['teruggezet', 'ingediend', DIRECTEUR],
    ['teruggezet', 'vastgesteld', CONTRACTMANAGER],
    ['vastgesteld', 'teruggezet', CONTRACTMANAGER],
    ['vastgesteld', 'concept', DIRECTEUR],
    ['concept', 'gearchiveerd', DIRECTEUR],
  ])('refuses %s → %s as a state problem (409), even for %p', (van, naar, rollen) =>
    expect(controleerOvergang(van, naar, rollen)).toMatchObject({
      ok: false,
      soort: 'ongeldige-overgang',
    }),
  );

  it('checks the state before the role: a teamleider asking concept → vastgesteld gets the 409', () =>
    expect(controleerOvergang('concept', 'vastgesteld', ['teamleider'])).toEqual({
      ok: false,
      soort: 'ongeldige-overgang',
      van: 'concept',
      naar: 'vastgesteld',
      toegestaan: ['ingediend'],
      melding:
        "Een kwartaalverantwoording met status 'concept' kan niet naar 'vastgesteld'. Vanuit 'concept' kan alleen: 'ingediend'.",
    }));

  it('lists both allowed next states from ingediend', () =>
    expect(controleerOvergang('ingediend', 'concept', DIRECTEUR)).toMatchObject({
      toegestaan: ['vastgesteld', 'teruggezet'],
      melding: expect.stringContaining("'vastgesteld' of 'teruggezet'"),
    }));

  it('says a vastgesteld account is final and corrections are new revisions', () =>
    expect(controleerOvergang('vastgesteld', 'concept', CONTRACTMANAGER)).toMatchObject({
      toegestaan: [],
      melding: expect.stringContaining('nieuwe revisie'),
    }));

  it.each([
    [
      'concept',
      'ingediend',
      ['teamleider'],
      'Alleen de directeur van de aanbieder mag een kwartaalverantwoording indienen.',
    ],
    [
      'ingediend',
      'vastgesteld',
      DIRECTEUR,
      'Alleen de contractmanager van de gemeente mag een kwartaalverantwoording vaststellen.',
    ],
    [
      'ingediend',
      'teruggezet',
      DIRECTEUR,
      'Alleen de contractmanager van de gemeente mag een kwartaalverantwoording terugzetten.',
    ],
    [
      'teruggezet',
      'concept',
      CONTRACTMANAGER,
      'Alleen de directeur van de aanbieder, een teamleider of een kwaliteitsmedewerker mag een kwartaalverantwoording opnieuw in bewerking nemen.',
    ],
  ] as const)('explains the role needed for %s → %s', (van, naar, rollen, melding) =>
    expect(controleerOvergang(van, naar, rollen)).toMatchObject({ soort: 'geen-rol', melding }),
  );

  it('names the required roles for the 403', () =>
    expect(controleerOvergang('concept', 'ingediend', CONTRACTMANAGER)).toMatchObject({
      vereisteRollen: ['directeur'],
    }));

  describe('next states', () => {
    it.each<[KwartaalverantwoordingStatus, KwartaalverantwoordingStatus[]]>([
      ['concept', ['ingediend']],
      ['ingediend', ['vastgesteld', 'teruggezet']],
      ['teruggezet', ['concept']],
      ['vastgesteld', []],
    ])('from %s: %p', (van, verwacht) => expect(volgendeStatussen(van)).toEqual(verwacht));

    it('per actor: only the steps their role allows', () => {
      expect(volgendeStatussenVoor('ingediend', CONTRACTMANAGER)).toEqual([
        'vastgesteld',
        'teruggezet',
      ]);
      expect(volgendeStatussenVoor('ingediend', DIRECTEUR)).toEqual([]);
      expect(volgendeStatussenVoor('concept', ['teamleider'])).toEqual([]);
      expect(volgendeStatussenVoor('concept', DIRECTEUR)).toEqual(['ingediend']);
    });
  });

  it('only a concept is editable in place', () => {
    expect(isBewerkbaar('concept')).toBe(true);
    expect(
      ['ingediend', 'vastgesteld', 'teruggezet'].some((s) =>
        isBewerkbaar(s as KwartaalverantwoordingStatus),
      ),
    ).toBe(false);
  });

  it('recognises its statuses', () => {
    expect(isKwartaalverantwoordingStatus('teruggezet')).toBe(true);
    expect(isKwartaalverantwoordingStatus('afgewezen')).toBe(false);
  });
});
