import {
  controleerSignaalOvergang,
  isSignaalStatus,
  ontbrekendeVelden,
  SignaalStatus,
  SignaalVoorOvergang,
  volgendeSignaalStatussen,
} from './signaal.lifecycle';

function makeSignaal(overrides: Partial<SignaalVoorOvergang> = {}): SignaalVoorOvergang {
  return {
    status: 'nieuw',
    antwoord: 'De regel voor de bijzondere bijstand wordt aangepast.',
    terugkoppeling: 'Besproken in het teamoverleg van 12 maart.',
    leerorde: 2,
    ...overrides,
  };
}

describe('signaal lifecycle', () => {
  it.each<[SignaalStatus, SignaalStatus]>([
    ['nieuw', 'in-analyse'],
    ['in-analyse', 'geagendeerd'],
    ['geagendeerd', 'beantwoord'],
    ['beantwoord', 'gesloten'],
  ])('allows %s → %s with a complete record', (van, naar) =>
    expect(controleerSignaalOvergang(makeSignaal({ status: van }), naar)).toEqual({ ok: true }),
  );

  it.each<[SignaalStatus, string]>([
    ['nieuw', 'geagendeerd'],
    ['nieuw', 'gesloten'],
    ['in-analyse', 'beantwoord'],
    ['geagendeerd', 'in-analyse'],
    ['beantwoord', 'geagendeerd'],
    ['gesloten', 'nieuw'],
    ['nieuw', 'nieuw'],
    ['nieuw', 'vervallen'],
  ])('refuses %s → %s as a state problem', (van, naar) =>
    expect(controleerSignaalOvergang(makeSignaal({ status: van }), naar)).toMatchObject({
      ok: false,
      soort: 'ongeldige-overgang',
      toegestaan: volgendeSignaalStatussen(van),
    }),
  );

  it('names the next step when refusing', () =>
    expect(controleerSignaalOvergang(makeSignaal({ status: 'nieuw' }), 'gesloten')).toMatchObject({
      melding:
        "Een signaal met status 'nieuw' kan niet naar 'gesloten'. De volgende stap is 'in-analyse'.",
    }));

  it('says a closed signal stays closed', () =>
    expect(
      controleerSignaalOvergang(makeSignaal({ status: 'gesloten' }), 'beantwoord'),
    ).toMatchObject({
      toegestaan: [],
      melding: expect.stringContaining('afgesloten'),
    }));

  describe('beantwoord needs the answer and the feedback to the professionals', () => {
    it.each([
      [{ antwoord: null }, ['antwoord']],
      [{ antwoord: '  ' }, ['antwoord']],
      [{ terugkoppeling: undefined }, ['terugkoppeling']],
      [{ antwoord: '', terugkoppeling: '' }, ['antwoord', 'terugkoppeling']],
    ])('%p misses %p', (overrides, velden) => {
      const uitkomst = controleerSignaalOvergang(
        makeSignaal({ status: 'geagendeerd', ...overrides }),
        'beantwoord',
      );
      expect(uitkomst).toMatchObject({ ok: false, soort: 'ontbrekende-velden' });
      expect(
        uitkomst.ok === false &&
          uitkomst.soort === 'ontbrekende-velden' &&
          uitkomst.velden.map((v) => v.veld),
      ).toEqual(velden);
    });

    it('does not ask for the leerorde yet', () =>
      expect(
        controleerSignaalOvergang(
          makeSignaal({ status: 'geagendeerd', leerorde: null }),
          'beantwoord',
        ),
      ).toEqual({ ok: true }));
  });

  describe('gesloten needs the leerorde', () => {
    it.each([null, undefined])('refuses a missing leerorde (%p)', (leerorde) =>
      expect(
        controleerSignaalOvergang(makeSignaal({ status: 'beantwoord', leerorde }), 'gesloten'),
      ).toMatchObject({
        soort: 'ontbrekende-velden',
        velden: [{ veld: 'leerorde', melding: expect.stringContaining('De leerorde ontbreekt') }],
      }),
    );
    it.each([0, 4, 1.5, -1])('refuses leerorde %p', (leerorde) =>
      expect(
        controleerSignaalOvergang(makeSignaal({ status: 'beantwoord', leerorde }), 'gesloten'),
      ).toMatchObject({
        velden: [{ veld: 'leerorde', melding: expect.stringContaining('moet 1, 2 of 3 zijn') }],
      }),
    );
    it.each([1, 2, 3])('accepts leerorde %p', (leerorde) =>
      expect(
        controleerSignaalOvergang(makeSignaal({ status: 'beantwoord', leerorde }), 'gesloten'),
      ).toEqual({
        ok: true,
      }),
    );
    it('still requires the answer when closing (it may have been cleared)', () =>
      expect(
        ontbrekendeVelden({ antwoord: null, terugkoppeling: 'x', leerorde: 1 }, 'gesloten').map(
          (v) => v.veld,
        ),
      ).toEqual(['antwoord']));
    it('reports every missing field at once', () =>
      expect(ontbrekendeVelden({}, 'gesloten').map((v) => v.veld)).toEqual([
        'antwoord',
        'terugkoppeling',
        'leerorde',
      ]));
  });

  it('earlier states need none of these fields', () =>
    (['nieuw', 'in-analyse', 'geagendeerd'] as const).forEach((status) =>
      expect(ontbrekendeVelden({}, status)).toEqual([]),
    ));

  it('recognises its statuses', () => {
    expect(isSignaalStatus('in-analyse')).toBe(true);
    expect(isSignaalStatus('open')).toBe(false);
  });
});
