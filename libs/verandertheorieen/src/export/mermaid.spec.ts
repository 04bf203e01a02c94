import { VT, voorbeeldTheorie } from '../testing/fixture';
import { mermaidLabel, theorieNaarMermaid } from './mermaid';

describe('mermaidLabel', () => {
  it('writes the characters that would end a quote, an edge label or start markup as entity codes', () => {
    expect(mermaidLabel('Zeg "ja" & <b>nee</b> | #1 `code`')).toBe(
      'Zeg #34;ja#34; #38; #60;b#62;nee#60;/b#62; #124; #35;1 #96;code#96;',
    );
  });

  it('keeps other text as it is, on one line', () => {
    expect(mermaidLabel('Eén plan (en één regisseur): [samen]\n  {thuis};')).toBe(
      'Eén plan (en één regisseur): [samen] {thuis};',
    );
  });
});

describe('theorieNaarMermaid', () => {
  const tekst = theorieNaarMermaid(voorbeeldTheorie());
  const regels = tekst.split('\n');

  it('is a flowchart LR with the Dutch title in the front matter', () => {
    expect(regels.slice(0, 4)).toEqual([
      '---',
      'title: "Verandertheorie: Wijkteam Noord: eerder en dichtbij"',
      '---',
      'flowchart LR',
    ]);
    expect(tekst.endsWith('\n')).toBe(true);
  });

  it('groups the elements under Dutch headings, each with its own shape', () => {
    expect(tekst).toContain(
      [
        '  subgraph sg_activiteiten["Activiteiten"]',
        '    e1["Wekelijks inloopspreekuur in het buurthuis"]',
        '    e2["Eén huishouden, één plan, één regisseur"]',
        '    e3["Buurtinitiatieven en vrijwilligers ondersteunen"]',
        '  end',
        '  subgraph sg_uitkomsten["Uitkomsten"]',
        '    e4("Inwoners vragen eerder en dichter bij huis om hulp")',
        '    e5("Huishoudens kunnen na afsluiting zelf verder")',
        '    e6(["Bewoners kijken naar elkaar om: een sterke sociale basis"])',
        '    e7(["Minder doorverwijzingen naar maatwerkvoorzieningen"])',
        '  end',
        '  subgraph sg_ambitie["Ambitie"]',
        '    e0{{"Inwoners redden zich zo veel mogelijk zelf, samen met hun omgeving"}}',
        '  end',
      ].join('\n'),
    );
  });

  it('draws every link once, with the numbers of its assumptions', () => {
    const links = regels.filter((r) => r.includes('-->'));
    expect(links).toEqual([
      '  e1 -->|"1"| e4',
      '  e2 -->|"2"| e5',
      '  e3 --> e6',
      '  e4 -->|"3"| e5',
      '  e5 -->|"4"| e7',
      '  e6 -->|"5"| e4',
      '  e6 --> e0',
      '  e7 --> e0',
    ]);
  });

  it('lists the assumptions with knowledge source and evidence status', () => {
    expect(tekst).toContain(
      '  subgraph sg_veronderstellingen["Veronderstellingen"]\n    direction TB\n',
    );
    expect(tekst).toContain(
      '    v3["3. Wie er vroeg bij is, heeft minder en lichtere hulp nodig en kan daarna zelf verder. (professionele kennis; onzeker)"]',
    );
    expect(regels.filter((r) => /^ {4}v\d+\[/.test(r))).toHaveLength(5);
  });

  it('styles each soort with a class', () => {
    expect(tekst).toContain('  class e1,e2,e3 activiteit');
    expect(tekst).toContain('  class e4,e5 individueel');
    expect(tekst).toContain('  class e6,e7 maatschappelijk');
    expect(tekst).toContain('  class e0 ambitie');
    expect(tekst).toContain('  class v1,v2,v3,v4,v5 veronderstelling');
  });

  it('keeps every label inside its quotes, whatever the text', () => {
    const t = voorbeeldTheorie();
    const uit = theorieNaarMermaid({
      ...t,
      titel: 'Theorie "met" quotes',
      elementen: t.elementen.map((e) =>
        e.id === VT.eerderHulp ? { ...e, titel: 'A"] --> B[" | end' } : e,
      ),
    });
    expect(uit).toContain('    e4("A#34;] --#62; B[#34; #124; end")');
    expect(uit).toContain('title: "Verandertheorie: Theorie \\"met\\" quotes"');
    // Exactly the eight links, no injected one.
    expect(uit.split('\n').filter((r) => r.includes('-->'))).toHaveLength(8);
  });

  it('names nodes by position so no stored id reaches the syntax, and skips links to unknown elements', () => {
    const t = voorbeeldTheorie();
    const uit = theorieNaarMermaid({
      ...t,
      elementen: t.elementen.map((e) => ({ ...e, id: `${e.id} end; click` })),
      verbanden: [
        ...t.verbanden.map((v) => ({
          ...v,
          vanId: `${v.vanId} end; click`,
          naarId: `${v.naarId} end; click`,
        })),
        { id: 'los', vanId: 'nergens', naarId: `${VT.ambitie} end; click` },
      ],
    });
    expect(uit).not.toContain('click');
    expect(uit.split('\n').filter((r) => r.includes('-->'))).toHaveLength(8);
  });

  it('leaves out empty groups and the legend when there is nothing to show', () => {
    const t = voorbeeldTheorie();
    const uit = theorieNaarMermaid({
      ...t,
      elementen: t.elementen.filter((e) => e.soort === 'ambitie'),
      verbanden: [],
      veronderstellingen: [],
    });
    expect(uit).not.toContain('Activiteiten');
    expect(uit).not.toContain('Veronderstellingen');
    expect(uit).toContain('sg_ambitie');
  });

  it('is the same every time', () => {
    expect(theorieNaarMermaid(voorbeeldTheorie())).toBe(tekst);
  });
});
