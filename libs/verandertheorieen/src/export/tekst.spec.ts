import {
  breekAf,
  breekAfOpBreedte,
  normaliseer,
  tekensPerBreedte,
  tekstBreedte,
  xmlEscape,
} from './tekst';

describe('xmlEscape', () => {
  it('escapes the five XML specials', () => {
    expect(xmlEscape(`a & b < c > d "e" 'f'`)).toBe(
      'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;',
    );
  });

  it('drops characters XML 1.0 forbids and lone surrogate halves, keeps tabs, newlines and emoji', () => {
    expect(xmlEscape('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf')).toBe('abcdef');
    expect(xmlEscape('x\uD800y\uDC00z')).toBe('xyz');
    expect(xmlEscape('a\tb\nc\r👪')).toBe('a\tb\nc\r👪');
  });
});

describe('breekAf', () => {
  it('wraps greedily on spaces without exceeding the width', () => {
    expect(breekAf('Inwoners vragen eerder en dichter bij huis om hulp', 20)).toEqual([
      'Inwoners vragen',
      'eerder en dichter',
      'bij huis om hulp',
    ]);
  });

  it('cuts a word longer than a line into pieces of the full width', () => {
    expect(breekAf('de arbeidsmarktparticipatie', 10)).toEqual([
      'de',
      'arbeidsmar',
      'ktparticip',
      'atie',
    ]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(breekAf('👪👪👪 ab', 4)).toEqual(['👪👪👪', 'ab']);
  });

  it('treats any run of white space as one space and returns nothing for empty text', () => {
    expect(breekAf('  a \n\t b  ', 10)).toEqual(['a b']);
    expect(breekAf('   ', 10)).toEqual([]);
    expect(normaliseer(' x \n y ')).toBe('x y');
  });

  it('never loops on a width below one', () => {
    expect(breekAf('ab', 0)).toEqual(['a', 'b']);
  });
});

describe('tekensPerBreedte', () => {
  it('estimates generously: 0.6 em per character, at least one', () => {
    expect(tekensPerBreedte(210, 13)).toBe(26);
    expect(tekensPerBreedte(1, 13)).toBe(1);
  });
});

describe('tekstBreedte', () => {
  it('counts wide letters wider than narrow ones, bold wider than regular', () => {
    expect(tekstBreedte('WWWW', 13)).toBeGreaterThan(2 * tekstBreedte('iiii', 13));
    expect(tekstBreedte('Eén plan', 13, true)).toBeGreaterThan(tekstBreedte('Eén plan', 13));
    expect(tekstBreedte('é', 10)).toBe(tekstBreedte('e', 10));
    expect(tekstBreedte('', 13)).toBe(0);
  });

  it('errs on the wide side of DejaVu Sans, the widest font the diagram may get', () => {
    // DejaVu Sans Book advance widths (em): 'm' 0.974, 'W' 0.989, 'e' 0.615, ' ' 0.318.
    expect(tekstBreedte('m', 100)).toBeGreaterThanOrEqual(97.4);
    expect(tekstBreedte('W', 100)).toBeGreaterThanOrEqual(98.9);
    expect(tekstBreedte('e e', 100)).toBeGreaterThanOrEqual(154.8);
  });
});

describe('breekAfOpBreedte', () => {
  it('keeps every line within the width by the estimate', () => {
    const regels = breekAfOpBreedte(
      'WMO-MAATWERK voor wonen, welzijn en werk in wijk West',
      160,
      13,
    );
    expect(regels.join(' ')).toBe('WMO-MAATWERK voor wonen, welzijn en werk in wijk West');
    for (const r of regels) expect(tekstBreedte(r, 13)).toBeLessThanOrEqual(160);
  });

  it('cuts a word wider than the line into pieces that fit', () => {
    const regels = breekAfOpBreedte('MMMMMMMMMMMM', 40, 10);
    expect(regels.join('')).toBe('MMMMMMMMMMMM');
    expect(regels.length).toBeGreaterThan(2);
    for (const r of regels) expect(tekstBreedte(r, 10)).toBeLessThanOrEqual(40);
    expect(breekAfOpBreedte('MM', 1, 10)).toEqual(['M', 'M']);
  });
});
