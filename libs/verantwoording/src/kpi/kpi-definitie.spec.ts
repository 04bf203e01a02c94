import {
  gewijzigdeDefinitievelden,
  KpiDefinitie,
  nieuweDefinitie,
  normFouten,
} from './kpi-definitie';

const huidig: KpiDefinitie = {
  naam: 'Percentage vragen binnen 5 werkdagen opgepakt',
  definitie: 'Aandeel nieuwe hulpvragen met een eerste contact binnen 5 werkdagen.',
  teller: 'Hulpvragen met eerste contact binnen 5 werkdagen',
  noemer: 'Alle nieuwe hulpvragen',
  type: 'throughput',
  eenheid: 'percentage',
  richting: 'hoger-is-beter',
  bron: 'registratiesysteem',
  bronOmschrijving: null,
  frequentie: 'kwartaal',
  aggregatie: 'gewogen-gemiddelde',
  perPerceel: true,
};

describe('gewijzigdeDefinitievelden', () => {
  it('finds nothing when nothing is given', () => {
    expect(gewijzigdeDefinitievelden(huidig, {})).toEqual([]);
  });

  it('ignores fields given with their current value', () => {
    expect(
      gewijzigdeDefinitievelden(huidig, {
        naam: huidig.naam,
        type: 'throughput',
        perPerceel: true,
        bronOmschrijving: null,
      }),
    ).toEqual([]);
  });

  it('treats surrounding spaces and an empty text as no change', () => {
    expect(gewijzigdeDefinitievelden(huidig, { naam: `  ${huidig.naam} ` })).toEqual([]);
    expect(gewijzigdeDefinitievelden(huidig, { bronOmschrijving: '   ' })).toEqual([]);
  });

  it('names each field that really changes, in field order', () => {
    expect(
      gewijzigdeDefinitievelden(huidig, {
        perPerceel: false,
        teller: 'Hulpvragen met eerste contact binnen 3 werkdagen',
        naam: huidig.naam,
      }),
    ).toEqual(['teller', 'perPerceel']);
  });

  it('sees clearing a text as a change', () => {
    expect(gewijzigdeDefinitievelden(huidig, { definitie: null })).toEqual(['definitie']);
    expect(gewijzigdeDefinitievelden(huidig, { bron: '' })).toEqual(['bron']);
  });
});

describe('nieuweDefinitie', () => {
  it('replaces the given fields and keeps the rest', () => {
    const nieuw = nieuweDefinitie(huidig, { teller: ' Binnen 3 werkdagen ', bron: '' });
    expect(nieuw.teller).toBe('Binnen 3 werkdagen');
    expect(nieuw.bron).toBeNull();
    expect(nieuw.naam).toBe(huidig.naam);
    expect(nieuw.perPerceel).toBe(true);
    expect(huidig.teller).toBe('Hulpvragen met eerste contact binnen 5 werkdagen');
  });

  it('copies only the definition, never the identity of the version it came from', () => {
    const versie = { ...huidig, id: 'v1', versie: 1, kpiId: 'k1', geldigVanaf: '2026-Q1' };
    expect(Object.keys(nieuweDefinitie(versie, { naam: 'Nieuw' })).sort()).toEqual(
      Object.keys(huidig).sort(),
    );
  });
});

describe('normFouten', () => {
  const goed = { streefwaarde: 80, tolerantieLetOp: '5', tolerantieUitKoers: 10 };

  it('accepts a valid norm given as numbers or decimal strings', () => {
    expect(normFouten(goed)).toEqual([]);
    expect(normFouten({ streefwaarde: '12.5', tolerantieLetOp: 0, tolerantieUitKoers: 0 })).toEqual(
      [],
    );
    expect(
      normFouten({ streefwaarde: '-3', tolerantieLetOp: '1.2345', tolerantieUitKoers: '2' }),
    ).toEqual([]);
  });

  it('names every missing or non-numeric field', () => {
    const fouten = normFouten({ streefwaarde: '80,5', tolerantieLetOp: undefined });
    expect(fouten.map((f) => f.name)).toEqual([
      'streefwaarde',
      'tolerantieLetOp',
      'tolerantieUitKoers',
    ]);
    expect(fouten[0].reason).toContain('geen getal');
    expect(fouten[1].reason).toContain('ontbreekt');
  });

  it('refuses text, booleans and objects', () => {
    for (const waarde of ['tachtig', true, {}, [], 'NaN', Infinity])
      expect(normFouten({ ...goed, streefwaarde: waarde }).map((f) => f.name)).toEqual([
        'streefwaarde',
      ]);
  });

  it('refuses more decimals or digits than the database keeps', () => {
    expect(normFouten({ ...goed, tolerantieLetOp: '0.12345' })).toEqual([
      { name: 'tolerantieLetOp', reason: expect.stringContaining('4 cijfers') as unknown },
    ]);
    expect(normFouten({ ...goed, streefwaarde: '123456789012345' })[0].name).toBe('streefwaarde');
    expect(normFouten({ ...goed, streefwaarde: '12345678901234.5' })).toEqual([]);
  });

  it('puts a negative ‘let op’ tolerance on that field', () => {
    expect(normFouten({ ...goed, tolerantieLetOp: -1 })).toEqual([
      { name: 'tolerantieLetOp', reason: expect.stringContaining('negatief') as unknown },
    ]);
  });

  it('puts a negative ‘uit koers’ tolerance on that field', () => {
    expect(normFouten({ ...goed, tolerantieUitKoers: -1 })[0].name).toBe('tolerantieUitKoers');
  });

  it('refuses ‘uit koers’ below ‘let op’, on the ‘uit koers’ field', () => {
    expect(normFouten({ ...goed, tolerantieLetOp: 10, tolerantieUitKoers: 5 })).toEqual([
      { name: 'tolerantieUitKoers', reason: expect.stringContaining('kleiner') as unknown },
    ]);
  });
});
