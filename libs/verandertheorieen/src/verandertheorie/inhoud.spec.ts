import { VOORBEELD_KRINGLOOP, voorbeeldKpiBewijzen, voorbeeldTheorie, VT } from '../testing';
import {
  Bewerking,
  meldingenVan,
  naarTheorie,
  nieuweInhoud,
  TheorieInhoud,
  verwijderElement,
  verwijderVerband,
  verwijderVeronderstelling,
  versieInPeriode,
  voegElementToe,
  voegVerbandToe,
  voegVeronderstellingToe,
  wijzigElement,
  wijzigKop,
  wijzigVeronderstelling,
  zetKpiBewijzen,
} from './inhoud';

function voorbeeld(): TheorieInhoud {
  const { id: _id, ...theorie } = voorbeeldTheorie();
  return {
    ...theorie,
    elementen: [...theorie.elementen],
    verbanden: [...theorie.verbanden],
    veronderstellingen: [...theorie.veronderstellingen],
    kpiBewijzen: voorbeeldKpiBewijzen(),
  };
}

function gelukt(b: Bewerking): TheorieInhoud {
  if (!b.ok) throw new Error(`verwacht gelukt, kreeg ${JSON.stringify(b)}`);
  return b.inhoud;
}

describe('nieuweInhoud', () => {
  it('starts with the ambitie as the only element, its title the ambitie sentence', () => {
    const inhoud = nieuweInhoud(
      { titel: 'T', strategie: 'niche', ambitie: { tekst: 'Iedereen doet mee', doelIds: ['d1'] } },
      'a1',
    );
    expect(inhoud.elementen).toEqual([
      { id: 'a1', soort: 'ambitie', titel: 'Iedereen doet mee', omschrijving: null },
    ]);
    expect(inhoud.ambitie).toEqual({ tekst: 'Iedereen doet mee', doelIds: ['d1'] });
    expect(meldingenVan('t', inhoud)).toEqual([]);
  });
});

describe('voegElementToe', () => {
  it('appends an activity and describes the change in Dutch', () => {
    const uit = voegElementToe(voorbeeld(), {
      id: 'nieuw',
      soort: 'activiteit',
      titel: 'Huisbezoeken bij 75-plussers',
      omschrijving: null,
    });
    expect(uit.ok && uit.toelichting).toBe("Activiteit 'Huisbezoeken bij 75-plussers' toegevoegd");
    expect(gelukt(uit).elementen.at(-1)?.id).toBe('nieuw');
  });

  it('refuses a second ambitie with the core explanation', () => {
    const uit = voegElementToe(voorbeeld(), {
      id: 'x',
      soort: 'ambitie',
      titel: 'Nog een ambitie',
      omschrijving: null,
    });
    expect(uit).toMatchObject({
      ok: false,
      reden: 'geweigerd',
      fout: { code: 'meerdere-ambities' },
    });
  });

  it('refuses an id that is already used', () => {
    const uit = voegElementToe(voorbeeld(), {
      id: VT.inloop,
      soort: 'activiteit',
      titel: 'Dubbel',
      omschrijving: null,
    });
    expect(uit).toMatchObject({ ok: false, fout: { code: 'element-dubbel' } });
  });

  it('does not change the content it was given', () => {
    const inhoud = voorbeeld();
    const voor = JSON.stringify(inhoud);
    voegElementToe(inhoud, { id: 'n', soort: 'activiteit', titel: 'N', omschrijving: null });
    expect(JSON.stringify(inhoud)).toBe(voor);
  });
});

describe('voegVerbandToe', () => {
  it('refuses a link that closes a kringloop, naming the path', () => {
    const uit = voegVerbandToe(voorbeeld(), { id: 'vb-x', ...VOORBEELD_KRINGLOOP });
    expect(uit).toMatchObject({ ok: false, reden: 'geweigerd', fout: { code: 'kringloop' } });
    if (uit.ok || uit.reden !== 'geweigerd') throw new Error('geweigerd verwacht');
    expect(uit.fout.melding).toContain(
      "'Minder doorverwijzingen naar maatwerkvoorzieningen' → 'Inwoners vragen eerder en dichter bij huis om hulp' → 'Huishoudens kunnen na afsluiting zelf verder' → 'Minder doorverwijzingen naar maatwerkvoorzieningen'",
    );
    expect(uit.fout.pad).toEqual([
      VT.minderMaatwerk,
      VT.eerderHulp,
      VT.zelfVerder,
      VT.minderMaatwerk,
    ]);
  });

  it('refuses an activity straight to the ambitie', () => {
    expect(
      voegVerbandToe(voorbeeld(), { id: 'v', vanId: VT.inloop, naarId: VT.ambitie }),
    ).toMatchObject({
      ok: false,
      fout: { code: 'verband-richting-niet-toegestaan' },
    });
  });

  it('adds an allowed link at the end', () => {
    const uit = gelukt(
      voegVerbandToe(voorbeeld(), { id: 'v', vanId: VT.buurt, naarId: VT.eerderHulp }),
    );
    expect(uit.verbanden.at(-1)).toEqual({ id: 'v', vanId: VT.buurt, naarId: VT.eerderHulp });
  });
});

describe('verwijderElement', () => {
  it('removes the element with its links, their assumptions and its KPI evidence', () => {
    const uit = verwijderElement(voorbeeld(), VT.zelfVerder);
    const inhoud = gelukt(uit);
    expect(inhoud.elementen.map((e) => e.id)).not.toContain(VT.zelfVerder);
    expect(inhoud.verbanden.map((v) => v.id)).toEqual([
      VT.inloopNaarEerderHulp,
      VT.buurtNaarSocialeBasis,
      VT.socialeBasisNaarEerderHulp,
      VT.socialeBasisNaarAmbitie,
      VT.minderMaatwerkNaarAmbitie,
    ]);
    expect(inhoud.veronderstellingen.map((v) => v.id)).toEqual([VT.drempel, VT.buurmanWijstDeWeg]);
    expect(inhoud.kpiBewijzen.some((b) => b.elementId === VT.zelfVerder)).toBe(false);
    expect(uit.ok && uit.toelichting).toBe(
      "Individuele uitkomst 'Huishoudens kunnen na afsluiting zelf verder' verwijderd, met 3 verbanden en 3 veronderstellingen",
    );
  });

  it('keeps the ambitie', () => {
    expect(verwijderElement(voorbeeld(), VT.ambitie)).toMatchObject({
      ok: false,
      reden: 'geweigerd',
    });
  });

  it('reports an unknown element as not found', () => {
    expect(verwijderElement(voorbeeld(), 'bestaat-niet')).toEqual({
      ok: false,
      reden: 'niet-gevonden',
      onderdeel: 'element',
      id: 'bestaat-niet',
    });
  });
});

describe('verwijderVerband en veronderstellingen', () => {
  it('removes a link with the assumptions on it', () => {
    const inhoud = gelukt(verwijderVerband(voorbeeld(), VT.eerderHulpNaarZelfVerder));
    expect(inhoud.verbanden).toHaveLength(7);
    expect(inhoud.veronderstellingen.map((v) => v.id)).not.toContain(VT.vroegErbij);
  });

  it('adds an assumption only on an existing link', () => {
    const basis = {
      id: 'vo-n',
      tekst: 'Want.',
      kennisbron: 'professioneel' as const,
      bewijsstatus: 'onzeker' as const,
      randvoorwaarden: [],
      externeFactoren: [],
    };
    expect(voegVeronderstellingToe(voorbeeld(), { ...basis, verbandId: 'vb-weg' })).toMatchObject({
      ok: false,
      fout: { code: 'veronderstelling-zonder-verband' },
    });
    const inhoud = gelukt(
      voegVeronderstellingToe(voorbeeld(), { ...basis, verbandId: VT.socialeBasisNaarAmbitie }),
    );
    expect(inhoud.veronderstellingen.at(-1)).toMatchObject({
      id: 'vo-n',
      verbandId: VT.socialeBasisNaarAmbitie,
    });
  });

  it('revises an assumption and names a change of evidence status', () => {
    const uit = wijzigVeronderstelling(voorbeeld(), VT.vroegErbij, { bewijsstatus: 'weerlegd' });
    expect(uit.ok && uit.toelichting).toBe(
      'Bewijsstatus van een veronderstelling gewijzigd van onzeker naar weerlegd',
    );
    expect(gelukt(uit).veronderstellingen.find((v) => v.id === VT.vroegErbij)?.bewijsstatus).toBe(
      'weerlegd',
    );
    expect(wijzigVeronderstelling(voorbeeld(), 'x', { tekst: 'y' })).toMatchObject({
      reden: 'niet-gevonden',
      onderdeel: 'veronderstelling',
    });
  });

  it('removes an assumption', () => {
    const inhoud = gelukt(verwijderVeronderstelling(voorbeeld(), VT.drempel));
    expect(inhoud.veronderstellingen.map((v) => v.id)).not.toContain(VT.drempel);
    expect(verwijderVeronderstelling(voorbeeld(), 'x')).toMatchObject({ reden: 'niet-gevonden' });
  });
});

describe('wijzigKop en wijzigElement', () => {
  it('keeps the ambitie node in step with the ambitie sentence, both ways', () => {
    const kop = gelukt(wijzigKop(voorbeeld(), { ambitie: { tekst: 'Iedereen doet mee' } }));
    expect(kop.elementen.find((e) => e.id === VT.ambitie)?.titel).toBe('Iedereen doet mee');
    const element = gelukt(wijzigElement(voorbeeld(), VT.ambitie, { titel: 'Samen redzaam' }));
    expect(element.ambitie.tekst).toBe('Samen redzaam');
  });

  it('describes a strategy change', () => {
    const uit = wijzigKop(voorbeeld(), { strategie: 'niche', titel: 'Nieuw' });
    expect(uit.ok && uit.toelichting).toBe(
      "Titel gewijzigd in 'Nieuw'; strategie gewijzigd van ecosysteem naar niche",
    );
  });

  it('leaves the content equal when nothing changes', () => {
    const inhoud = voorbeeld();
    expect(gelukt(wijzigKop(inhoud, { strategie: 'ecosysteem' }))).toEqual(inhoud);
  });
});

describe('zetKpiBewijzen', () => {
  it('replaces the KPIs of one element, keeping the order of the rest', () => {
    const uit = zetKpiBewijzen(voorbeeld(), VT.zelfVerder, ['kpi-wt-02', 'kpi-nieuw']);
    expect(gelukt(uit).kpiBewijzen).toEqual([
      ...voorbeeldKpiBewijzen(),
      { kpiId: 'kpi-nieuw', elementId: VT.zelfVerder },
    ]);
    expect(uit.ok && uit.toelichting).toBe(
      "1 KPI gekoppeld bij 'Huishoudens kunnen na afsluiting zelf verder'",
    );
    const leeg = gelukt(zetKpiBewijzen(voorbeeld(), VT.inloop, []));
    expect(leeg.kpiBewijzen.some((b) => b.elementId === VT.inloop)).toBe(false);
  });

  it('refuses KPIs on the ambitie and an unknown element', () => {
    expect(zetKpiBewijzen(voorbeeld(), VT.ambitie, ['k'])).toMatchObject({ reden: 'geweigerd' });
    expect(zetKpiBewijzen(voorbeeld(), 'x', ['k'])).toMatchObject({ reden: 'niet-gevonden' });
  });
});

describe('versieInPeriode', () => {
  const versies = [
    { versie: 1, geldigVanaf: '2025-Q3' },
    { versie: 2, geldigVanaf: '2025-Q3' },
    { versie: 3, geldigVanaf: '2026-Q1' },
    { versie: 4, geldigVanaf: '2026-Q3' },
  ];

  it('picks the newest version that took effect in or before the quarter', () => {
    expect(versieInPeriode(versies, '2025-Q3')?.versie).toBe(2);
    expect(versieInPeriode(versies, '2025-Q4')?.versie).toBe(2);
    expect(versieInPeriode(versies, '2026-Q2')?.versie).toBe(3);
    expect(versieInPeriode(versies, '2027-Q1')?.versie).toBe(4);
  });

  it('gives null before the first version', () => {
    expect(versieInPeriode(versies, '2025-Q2')).toBeNull();
    expect(versieInPeriode([], '2026-Q1')).toBeNull();
  });
});

describe('naarTheorie', () => {
  it('is the core model with the row id', () => {
    const theorie = naarTheorie('t1', voorbeeld());
    expect(theorie.id).toBe('t1');
    expect(theorie).not.toHaveProperty('kpiBewijzen');
  });
});
