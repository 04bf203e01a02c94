import {
  GraafMelding,
  TOEGESTANE_VERBANDEN,
  ambitieElement,
  isGeldig,
  isVerbandToegestaan,
  kanElementToevoegen,
  kanVerbandToevoegen,
  nummerVeronderstellingen,
  padenNaarAmbitie,
  valideerTheorie,
  veronderstellingenOpPaden,
  vindKringlopen,
} from './graaf';
import { ELEMENT_SOORTEN, ElementSoort, Theorie, TheorieElement } from './model';
import { VOORBEELD_KRINGLOOP, VT, voorbeeldTheorie } from './testing/fixture';

function element(id: string, soort: ElementSoort, titel = id): TheorieElement {
  return { id, soort, titel, omschrijving: null };
}

/** A theory with the given elements and links written as 'van>naar'. */
function theorie(elementen: TheorieElement[], links: string[] = []): Theorie {
  return {
    id: 't',
    titel: 'Test',
    ambitie: { tekst: 'Ambitie', doelIds: [] },
    strategie: 'niche',
    elementen,
    verbanden: links.map((l) => {
      const [vanId, naarId] = l.split('>');
      return { id: l, vanId, naarId };
    }),
    veronderstellingen: [],
  };
}

function codes(meldingen: GraafMelding[]): string[] {
  return meldingen.map((m) => m.code);
}

function metVerband(t: Theorie, id: string, vanId: string, naarId: string): Theorie {
  return { ...t, verbanden: [...t.verbanden, { id, vanId, naarId }] };
}

describe('toegestane verbanden', () => {
  const toegestaan = new Set([
    'activiteit>outcome-individueel',
    'activiteit>outcome-maatschappelijk',
    'outcome-individueel>outcome-individueel',
    'outcome-individueel>outcome-maatschappelijk',
    'outcome-individueel>ambitie',
    'outcome-maatschappelijk>outcome-individueel',
    'outcome-maatschappelijk>outcome-maatschappelijk',
    'outcome-maatschappelijk>ambitie',
  ]);
  const paren = ELEMENT_SOORTEN.flatMap((van) =>
    ELEMENT_SOORTEN.map((naar) => [van, naar] as const),
  );

  it.each(paren)('%s → %s follows the documented table', (van, naar) => {
    expect(isVerbandToegestaan(van, naar)).toBe(toegestaan.has(`${van}>${naar}`));
  });

  it('never allows a link into an activiteit or out of the ambitie', () => {
    expect(TOEGESTANE_VERBANDEN.ambitie).toEqual([]);
    for (const soort of ELEMENT_SOORTEN)
      expect(TOEGESTANE_VERBANDEN[soort]).not.toContain('activiteit');
  });
});

describe('valideerTheorie', () => {
  it('finds nothing wrong with the scenario theory', () => {
    const t = voorbeeldTheorie();
    expect(valideerTheorie(t)).toEqual([]);
    expect(t.elementen.filter((e) => e.soort === 'activiteit')).toHaveLength(3);
    expect(t.elementen.filter((e) => e.soort.startsWith('outcome-')).length).toBeGreaterThanOrEqual(
      2,
    );
    expect(t.veronderstellingen.length).toBeGreaterThanOrEqual(4);
  });

  it('requires an ambitie', () => {
    const meldingen = valideerTheorie(
      theorie([element('a', 'activiteit'), element('o', 'outcome-individueel')], ['a>o']),
    );
    expect(codes(meldingen)).toEqual(['geen-ambitie']);
    expect(meldingen[0].ernst).toBe('fout');
    expect(meldingen[0].melding).toContain('precies één element van de soort ambitie');
    expect(isGeldig(meldingen)).toBe(false);
  });

  it('refuses a second ambitie and names both', () => {
    const meldingen = valideerTheorie(
      theorie([element('b1', 'ambitie', 'Eerste'), element('b2', 'ambitie', 'Tweede')]),
    );
    expect(codes(meldingen)).toEqual(['meerdere-ambities']);
    expect(meldingen[0].elementIds).toEqual(['b1', 'b2']);
    expect(meldingen[0].melding).toContain("2 ambities ('Eerste', 'Tweede')");
  });

  it('reports duplicate element ids', () => {
    const meldingen = valideerTheorie(
      theorie([element('b', 'ambitie'), element('b', 'activiteit')]),
    );
    expect(codes(meldingen)).toEqual(['element-dubbel']);
    expect(meldingen[0].melding).toContain('2 keer');
  });

  it('reports links to unknown elements, to itself, in a forbidden direction and twice', () => {
    const t = theorie(
      [
        element('a', 'activiteit', 'Spreekuur'),
        element('o', 'outcome-individueel', 'Eerder hulp'),
        element('b', 'ambitie', 'Zelfredzaam'),
      ],
      ['a>o', 'o>b', 'a>x', 'o>o', 'b>o', 'o>a', 'a>b', 'a>o'],
    );
    const meldingen = valideerTheorie(t).filter((m) => m.ernst === 'fout');
    expect(meldingen.map((m) => [m.code, m.verbandIds])).toEqual([
      ['verband-onbekend-element', ['a>x']],
      ['verband-naar-zichzelf', ['o>o']],
      ['verband-richting-niet-toegestaan', ['b>o']],
      ['verband-richting-niet-toegestaan', ['o>a']],
      ['verband-richting-niet-toegestaan', ['a>b']],
      ['verband-dubbel', ['a>o', 'a>o']],
      // b → o and o → a close cycles too, but a forbidden link is reported once, for its direction.
    ]);
    const tekst = (code: string, verbandId: string) =>
      meldingen.find((m) => m.code === code && m.verbandIds.includes(verbandId))!.melding;
    expect(tekst('verband-onbekend-element', 'a>x')).toContain('(x)');
    expect(tekst('verband-richting-niet-toegestaan', 'b>o')).toMatch(
      /^Vanuit de ambitie kan geen verband vertrekken/,
    );
    expect(tekst('verband-richting-niet-toegestaan', 'o>a')).toMatch(
      /^Een verband kan niet naar een activiteit wijzen/,
    );
    expect(tekst('verband-richting-niet-toegestaan', 'a>b')).toMatch(
      /^Een activiteit draagt via een uitkomst bij aan de ambitie, niet rechtstreeks/,
    );
  });

  it('names a kringloop already in the data, with its path', () => {
    const t = theorie(
      [
        element('a', 'activiteit'),
        element('x', 'outcome-individueel', 'X'),
        element('y', 'outcome-maatschappelijk', 'Y'),
        element('z', 'outcome-individueel', 'Z'),
        element('b', 'ambitie'),
      ],
      ['a>x', 'x>y', 'y>z', 'z>x', 'z>b'],
    );
    const [kringloop] = valideerTheorie(t).filter((m) => m.code === 'kringloop');
    expect(kringloop.pad).toEqual(['x', 'y', 'z', 'x']);
    expect(kringloop.verbandIds).toEqual(['x>y', 'y>z', 'z>x']);
    expect(kringloop.elementIds).toEqual(['x', 'y', 'z']);
    expect(kringloop.melding).toMatch(
      /^Deze verbanden vormen een kringloop: 'X' → 'Y' → 'Z' → 'X'\./,
    );
  });

  it('reports an assumption on a link that does not exist', () => {
    const t = voorbeeldTheorie();
    const meldingen = valideerTheorie({
      ...t,
      veronderstellingen: [
        ...t.veronderstellingen,
        { ...t.veronderstellingen[0], id: 'los', verbandId: 'weg' },
      ],
    });
    expect(codes(meldingen)).toEqual(['veronderstelling-zonder-verband']);
    expect(meldingen[0].veronderstellingIds).toEqual(['los']);
  });

  it("notes elements that do not reach the ambitie as 'aandacht', which keeps the theory valid", () => {
    const t = theorie(
      [
        element('b', 'ambitie'),
        element('a', 'activiteit', 'Huisbezoek'),
        element('o', 'outcome-maatschappelijk', 'Veilige buurt'),
        element('p', 'outcome-individueel'),
      ],
      ['p>b'],
    );
    const meldingen = valideerTheorie(t);
    expect(meldingen.map((m) => [m.code, m.ernst, m.elementIds])).toEqual([
      ['element-bereikt-ambitie-niet', 'aandacht', ['a']],
      ['element-bereikt-ambitie-niet', 'aandacht', ['o']],
    ]);
    expect(meldingen[0].melding).toContain(
      "Activiteit 'Huisbezoek' draagt via geen enkel verband bij aan de ambitie",
    );
    expect(meldingen[1].melding).toContain(
      "Maatschappelijke uitkomst 'Veilige buurt' leidt via geen enkel verband",
    );
    expect(isGeldig(meldingen)).toBe(true);
  });
});

describe('kanVerbandToevoegen', () => {
  it('allows a new link that keeps the theory valid', () => {
    const t = voorbeeldTheorie();
    expect(kanVerbandToevoegen(t, VT.eenPlan, VT.eerderHulp)).toEqual({ toegestaan: true });
    expect(valideerTheorie(metVerband(t, 'nieuw', VT.eenPlan, VT.eerderHulp))).toEqual([]);
  });

  it('refuses the scenario kringloop and names the whole cycle in Dutch', () => {
    const controle = kanVerbandToevoegen(
      voorbeeldTheorie(),
      VOORBEELD_KRINGLOOP.vanId,
      VOORBEELD_KRINGLOOP.naarId,
    );
    if (controle.toegestaan) throw new Error('kringloop niet geweigerd');
    expect(controle.fout.code).toBe('kringloop');
    expect(controle.fout.pad).toEqual([
      VT.minderMaatwerk,
      VT.eerderHulp,
      VT.zelfVerder,
      VT.minderMaatwerk,
    ]);
    expect(controle.fout.melding).toBe(
      "Dit verband maakt een kringloop: 'Minder doorverwijzingen naar maatwerkvoorzieningen' → 'Inwoners vragen eerder en dichter bij huis om hulp' → 'Huishoudens kunnen na afsluiting zelf verder' → 'Minder doorverwijzingen naar maatwerkvoorzieningen'. Een verandertheorie loopt van activiteiten via uitkomsten naar de ambitie en komt nooit bij zichzelf terug. Bepaal welke uitkomst eerst komt en laat het verband weg dat terugwijst.",
    );
    // The refused link would indeed make the graph cyclic.
    const met = metVerband(
      voorbeeldTheorie(),
      'terug',
      VOORBEELD_KRINGLOOP.vanId,
      VOORBEELD_KRINGLOOP.naarId,
    );
    expect(vindKringlopen(met)).toHaveLength(1);
  });

  it('names the shortest way back when there are several', () => {
    // zelfVerder → socialeBasis: back via socialeBasis → eerderHulp → zelfVerder.
    const controle = kanVerbandToevoegen(voorbeeldTheorie(), VT.zelfVerder, VT.socialeBasis);
    expect(controle).toMatchObject({
      toegestaan: false,
      fout: {
        code: 'kringloop',
        pad: [VT.zelfVerder, VT.socialeBasis, VT.eerderHulp, VT.zelfVerder],
      },
    });
    // A two-element cycle.
    expect(kanVerbandToevoegen(voorbeeldTheorie(), VT.minderMaatwerk, VT.zelfVerder)).toMatchObject(
      {
        toegestaan: false,
        fout: { code: 'kringloop', pad: [VT.minderMaatwerk, VT.zelfVerder, VT.minderMaatwerk] },
      },
    );
  });

  it.each([
    ['an unknown element', 'onbekend', VT.eerderHulp, 'verband-onbekend-element'],
    ['a link to itself', VT.eerderHulp, VT.eerderHulp, 'verband-naar-zichzelf'],
    [
      'a link to itself on the ambitie (checked before the direction)',
      VT.ambitie,
      VT.ambitie,
      'verband-naar-zichzelf',
    ],
    ['a link into an activiteit', VT.eerderHulp, VT.inloop, 'verband-richting-niet-toegestaan'],
    ['a link out of the ambitie', VT.ambitie, VT.zelfVerder, 'verband-richting-niet-toegestaan'],
    [
      'an activiteit straight to the ambitie',
      VT.inloop,
      VT.ambitie,
      'verband-richting-niet-toegestaan',
    ],
    ['a link that exists already', VT.inloop, VT.eerderHulp, 'verband-dubbel'],
  ])('refuses %s', (_, vanId, naarId, code) => {
    const controle = kanVerbandToevoegen(voorbeeldTheorie(), vanId, naarId);
    expect(controle).toMatchObject({ toegestaan: false, fout: { code, ernst: 'fout' } });
  });

  it('points at the existing link when refusing a duplicate', () => {
    const controle = kanVerbandToevoegen(voorbeeldTheorie(), VT.inloop, VT.eerderHulp);
    expect(controle).toMatchObject({
      toegestaan: false,
      fout: { verbandIds: [VT.inloopNaarEerderHulp] },
    });
    if (!controle.toegestaan)
      expect(controle.fout.melding).toContain('Voeg de nieuwe reden als veronderstelling toe');
  });

  it('lists both ids when both elements are unknown', () => {
    const controle = kanVerbandToevoegen(voorbeeldTheorie(), 'p', 'q');
    expect(controle).toMatchObject({ toegestaan: false, fout: { elementIds: ['p', 'q'] } });
    if (!controle.toegestaan)
      expect(controle.fout.melding).toContain(
        'elementen die niet in deze verandertheorie staan (p, q)',
      );
  });
});

describe('kanElementToevoegen', () => {
  it('refuses a second ambitie and allows everything else', () => {
    const t = voorbeeldTheorie();
    expect(kanElementToevoegen(t, 'ambitie')).toMatchObject({
      toegestaan: false,
      fout: { code: 'meerdere-ambities', elementIds: [VT.ambitie] },
    });
    for (const soort of ['activiteit', 'outcome-individueel', 'outcome-maatschappelijk'] as const)
      expect(kanElementToevoegen(t, soort)).toEqual({ toegestaan: true });
  });

  it('allows the first ambitie', () => {
    expect(kanElementToevoegen(theorie([]), 'ambitie')).toEqual({ toegestaan: true });
    expect(ambitieElement(theorie([]))).toBeUndefined();
    expect(ambitieElement(voorbeeldTheorie())?.id).toBe(VT.ambitie);
  });
});

describe('padenNaarAmbitie', () => {
  it('lists every simple path depth first, links in their stored order', () => {
    expect(padenNaarAmbitie(voorbeeldTheorie(), VT.buurt)).toEqual([
      {
        elementIds: [
          VT.buurt,
          VT.socialeBasis,
          VT.eerderHulp,
          VT.zelfVerder,
          VT.minderMaatwerk,
          VT.ambitie,
        ],
        verbandIds: [
          VT.buurtNaarSocialeBasis,
          VT.socialeBasisNaarEerderHulp,
          VT.eerderHulpNaarZelfVerder,
          VT.zelfVerderNaarMinderMaatwerk,
          VT.minderMaatwerkNaarAmbitie,
        ],
      },
      {
        elementIds: [VT.buurt, VT.socialeBasis, VT.ambitie],
        verbandIds: [VT.buurtNaarSocialeBasis, VT.socialeBasisNaarAmbitie],
      },
    ]);
  });

  it('gives the ambitie one empty path and an unknown element none', () => {
    expect(padenNaarAmbitie(voorbeeldTheorie(), VT.ambitie)).toEqual([
      { elementIds: [VT.ambitie], verbandIds: [] },
    ]);
    expect(padenNaarAmbitie(voorbeeldTheorie(), 'onbekend')).toEqual([]);
  });

  it('gives no path from an element that does not reach the ambitie', () => {
    const t = theorie(
      [element('b', 'ambitie'), element('a', 'activiteit'), element('o', 'outcome-individueel')],
      ['a>o'],
    );
    expect(padenNaarAmbitie(t, 'a')).toEqual([]);
  });

  it('ends in bad data with a kringloop, every path simple', () => {
    const t = theorie(
      [
        element('a', 'activiteit'),
        element('x', 'outcome-individueel'),
        element('y', 'outcome-individueel'),
        element('b', 'ambitie'),
      ],
      ['a>x', 'x>y', 'y>x', 'y>b', 'x>b'],
    );
    const paden = padenNaarAmbitie(t, 'a');
    expect(paden.map((p) => p.elementIds)).toEqual([
      ['a', 'x', 'y', 'b'],
      ['a', 'x', 'b'],
    ]);
  });

  it('joins consecutive elements by exactly the links it names, for every element of the scenario', () => {
    const t = voorbeeldTheorie();
    for (const e of t.elementen)
      for (const pad of padenNaarAmbitie(t, e.id)) {
        expect(pad.elementIds[pad.elementIds.length - 1]).toBe(VT.ambitie);
        expect(new Set(pad.elementIds).size).toBe(pad.elementIds.length);
        pad.verbandIds.forEach((id, i) => {
          const verband = t.verbanden.find((v) => v.id === id)!;
          expect([verband.vanId, verband.naarId]).toEqual([
            pad.elementIds[i],
            pad.elementIds[i + 1],
          ]);
        });
      }
  });
});

describe('veronderstellingenOpPaden', () => {
  const ids = (elementIds: string[]) =>
    veronderstellingenOpPaden(voorbeeldTheorie(), elementIds).map((v) => v.id);

  it('returns the assumptions on all paths, each once, in path order', () => {
    expect(ids([VT.buurt])).toEqual([VT.buurmanWijstDeWeg, VT.vroegErbij, VT.minderVoorzieningen]);
    expect(ids([VT.inloop])).toEqual([VT.drempel, VT.vroegErbij, VT.minderVoorzieningen]);
    expect(ids([VT.zelfVerder])).toEqual([VT.minderVoorzieningen]);
    expect(ids([VT.socialeBasis])).toEqual([
      VT.buurmanWijstDeWeg,
      VT.vroegErbij,
      VT.minderVoorzieningen,
    ]);
    expect(ids([VT.ambitie])).toEqual([]);
    expect(ids([])).toEqual([]);
  });

  it('takes several elements in the order given, without repeating an assumption', () => {
    expect(ids([VT.eerderHulp, VT.inloop, VT.eerderHulp])).toEqual([
      VT.vroegErbij,
      VT.minderVoorzieningen,
      VT.drempel,
    ]);
  });

  it('keeps several assumptions on one link in their stored order', () => {
    const t = voorbeeldTheorie();
    const extra = { ...t.veronderstellingen[3], id: 'extra', tekst: 'Tweede reden' };
    const met = { ...t, veronderstellingen: [extra, ...t.veronderstellingen] };
    expect(veronderstellingenOpPaden(met, [VT.zelfVerder]).map((v) => v.id)).toEqual([
      'extra',
      VT.minderVoorzieningen,
    ]);
  });

  it('returns exactly the assumptions of links between reachable elements, for every element (cross-check)', () => {
    const t = voorbeeldTheorie();
    const volgende = (id: string) => t.verbanden.filter((v) => v.vanId === id).map((v) => v.naarId);
    const bereikbaarVanaf = (start: string): Set<string> => {
      const gezien = new Set([start]);
      const rij = [start];
      while (rij.length)
        for (const n of volgende(rij.pop()!))
          if (!gezien.has(n)) {
            gezien.add(n);
            rij.push(n);
          }
      return gezien;
    };
    for (const e of t.elementen) {
      const voorwaarts = bereikbaarVanaf(e.id);
      // The scenario is acyclic: a link lies on a path to the ambitie exactly when its start
      // is reachable from the element and its end reaches the ambitie.
      const verwacht = t.veronderstellingen
        .filter((v) => {
          const verband = t.verbanden.find((vb) => vb.id === v.verbandId)!;
          return voorwaarts.has(verband.vanId) && bereikbaarVanaf(verband.naarId).has(VT.ambitie);
        })
        .map((v) => v.id)
        .sort();
      expect([...ids([e.id])].sort()).toEqual(verwacht);
    }
  });
});

describe('nummerVeronderstellingen', () => {
  it('numbers the assumptions from 1 in stored order, skipping those on a missing link', () => {
    const t = voorbeeldTheorie();
    const los = { ...t.veronderstellingen[0], id: 'los', verbandId: 'weg' };
    const nummers = nummerVeronderstellingen({
      ...t,
      veronderstellingen: [t.veronderstellingen[0], los, ...t.veronderstellingen.slice(1)],
    });
    expect([...nummers]).toEqual([
      [VT.drempel, 1],
      [VT.eenRegisseur, 2],
      [VT.vroegErbij, 3],
      [VT.minderVoorzieningen, 4],
      [VT.buurmanWijstDeWeg, 5],
    ]);
  });
});

describe('vindKringlopen', () => {
  it('finds none in the scenario and none from a link to itself (reported on its own)', () => {
    expect(vindKringlopen(voorbeeldTheorie())).toEqual([]);
    expect(vindKringlopen(theorie([element('o', 'outcome-individueel')], ['o>o']))).toEqual([]);
  });
});
