import { nummerVeronderstellingen } from '../graaf';
import {
  BEWIJSSTATUS_LABELS,
  ElementSoort,
  KENNISBRON_LABELS,
  STRATEGIE_LABELS,
  Theorie,
  TheorieElement,
  isOutcomeSoort,
} from '../model';
import { normaliseer } from './tekst';

/**
 * A theory of change as Mermaid `flowchart LR` text, for embedding in Markdown and wikis.
 * Node ids are generated (e0, e1, ... in element order) so no stored id can break the syntax;
 * every label is quoted and its special characters written as Mermaid entity codes. Links
 * carry the assumption numbers of the SVG, listed in a "Veronderstellingen" subgraph.
 */

const VORM: Readonly<Record<ElementSoort, [string, string]>> = {
  activiteit: ['["', '"]'],
  'outcome-individueel': ['("', '")'],
  'outcome-maatschappelijk': ['(["', '"])'],
  ambitie: ['{{"', '"}}'],
};

const STIJL: Readonly<Record<ElementSoort, string>> = {
  activiteit: 'fill:#e7f0fa,stroke:#1f5fa8,color:#1b1b1b',
  'outcome-individueel': 'fill:#e6f4ea,stroke:#2e7d32,color:#1b1b1b',
  'outcome-maatschappelijk': 'fill:#fdf1de,stroke:#a45d00,color:#1b1b1b',
  ambitie: 'fill:#f1e6f8,stroke:#6a1b9a,stroke-width:2px,color:#1b1b1b,font-weight:bold',
};

/** Class names for classDef (Mermaid class names cannot contain '-'). */
const KLASSE: Readonly<Record<ElementSoort, string>> = {
  activiteit: 'activiteit',
  'outcome-individueel': 'individueel',
  'outcome-maatschappelijk': 'maatschappelijk',
  ambitie: 'ambitie',
};

/**
 * A label safe inside Mermaid double quotes: one line, and the characters that end a quote,
 * an edge label or start an entity or markup as numeric entity codes (`#35;` for '#').
 */
export function mermaidLabel(tekst: string): string {
  return normaliseer(tekst).replace(/[#"&<>|`]/g, (teken) => `#${teken.codePointAt(0)};`);
}

export function theorieNaarMermaid(theorie: Theorie): string {
  const elementen: TheorieElement[] = [];
  const knoopId = new Map<string, string>();
  for (const e of theorie.elementen)
    if (!knoopId.has(e.id)) {
      knoopId.set(e.id, `e${knoopId.size}`);
      elementen.push(e);
    }
  const knoop = (e: TheorieElement) => {
    const [open, dicht] = VORM[e.soort];
    return `${knoopId.get(e.id)}${open}${mermaidLabel(e.titel)}${dicht}`;
  };
  const regels: string[] = [
    '---',
    `title: ${JSON.stringify(`Verandertheorie: ${normaliseer(theorie.titel)}`)}`,
    '---',
    'flowchart LR',
    `  %% Strategie: ${mermaidLabel(STRATEGIE_LABELS[theorie.strategie])}. Ambitie: ${mermaidLabel(theorie.ambitie.tekst)}`,
  ];
  const groepen: [string, string, (s: ElementSoort) => boolean][] = [
    ['activiteiten', 'Activiteiten', (s) => s === 'activiteit'],
    ['uitkomsten', 'Uitkomsten', isOutcomeSoort],
    ['ambitie', 'Ambitie', (s) => s === 'ambitie'],
  ];
  for (const [id, kop, hoort] of groepen) {
    const leden = elementen.filter((e) => hoort(e.soort));
    if (!leden.length) continue;
    regels.push(`  subgraph sg_${id}["${kop}"]`, ...leden.map((e) => `    ${knoop(e)}`), '  end');
  }

  const nummers = nummerVeronderstellingen(theorie);
  const gezien = new Set<string>();
  for (const v of theorie.verbanden) {
    const van = knoopId.get(v.vanId);
    const naar = knoopId.get(v.naarId);
    if (!van || !naar || gezien.has(v.id)) continue;
    gezien.add(v.id);
    const opVerband = theorie.veronderstellingen
      .filter((o) => o.verbandId === v.id && nummers.has(o.id))
      .map((o) => nummers.get(o.id)!);
    regels.push(
      opVerband.length ? `  ${van} -->|"${opVerband.join(', ')}"| ${naar}` : `  ${van} --> ${naar}`,
    );
  }

  const genummerd = theorie.veronderstellingen.filter((o) => nummers.has(o.id));
  if (genummerd.length) {
    regels.push('  subgraph sg_veronderstellingen["Veronderstellingen"]', '    direction TB');
    for (const o of genummerd)
      regels.push(
        `    v${nummers.get(o.id)}["${mermaidLabel(`${nummers.get(o.id)}. ${o.tekst} (${KENNISBRON_LABELS[o.kennisbron]}; ${BEWIJSSTATUS_LABELS[o.bewijsstatus]})`)}"]`,
      );
    regels.push('  end');
  }

  for (const soort of Object.keys(STIJL) as ElementSoort[]) {
    const ids = elementen.filter((e) => e.soort === soort).map((e) => knoopId.get(e.id)!);
    if (!ids.length) continue;
    regels.push(
      `  classDef ${KLASSE[soort]} ${STIJL[soort]}`,
      `  class ${ids.join(',')} ${KLASSE[soort]}`,
    );
  }
  if (genummerd.length)
    regels.push(
      '  classDef veronderstelling fill:#ffffff,stroke:#333333,color:#1b1b1b,text-align:left',
      `  class ${genummerd.map((o) => `v${nummers.get(o.id)}`).join(',')} veronderstelling`,
    );
  return `${regels.join('\n')}\n`;
}
