#!/usr/bin/env node
// Checks that the licence of every installed package is compatible with the EUPL-1.2 under
// which Wijkkompas is published: permissive licences (MIT, BSD, Apache-2.0, ISC, …) and the
// licences in the EUPL's own appendix may be combined with it. Reads the lock file for the
// installed tree and each package's own package.json for its licence (the lock file leaves
// out old-style `licenses` arrays). `--productie` checks only what a deployment ships.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const TOEGESTAAN = new Set([
  'MIT',
  'MIT-0',
  'MIT/X11',
  'ISC',
  '0BSD',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'Unlicense',
  'CC0-1.0',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'Python-2.0',
  'Zlib',
  'WTFPL',
  'MPL-2.0',
  'LGPL-2.1',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'EUPL-1.1',
  'EUPL-1.2',
]);

// Packages whose package.json names no licence, checked by hand (name@version: licence, where).
const NAGEKEKEN = {
  'pause@0.0.1': 'MIT', // the licence text in its Readme.md
  'buffers@0.1.1': 'MIT/X11', // no text in the package; its author's repository states MIT/X11
};

/** True when an SPDX expression allows use under the EUPL (OR: one side; AND: both). */
function verenigbaar(expressie) {
  const e = expressie.trim().replace(/^\((.*)\)$/, '$1');
  if (/ OR /i.test(e)) return e.split(/ OR /i).some(verenigbaar);
  if (/ AND /i.test(e)) return e.split(/ AND /i).every(verenigbaar);
  return TOEGESTAAN.has(e.replace(/[()]/g, '').trim());
}

function licentieVan(map, uitLock) {
  if (uitLock) return uitLock;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(map, 'package.json'), 'utf8'));
    if (typeof pkg.license === 'string') return pkg.license;
    if (pkg.license?.type) return pkg.license.type;
    if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  } catch {
    // not installed (an optional package for another platform)
  }
  return undefined;
}

const root = path.resolve(__dirname, '..');
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const alleenProductie = process.argv.includes('--productie');
const eigen = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).license;
const fouten = [];
const telling = new Map();
let gecontroleerd = 0;
for (const [pad, meta] of Object.entries(lock.packages)) {
  if (!pad || (alleenProductie && meta.dev)) continue;
  const map = path.join(root, pad);
  if (!fs.existsSync(map)) continue; // optional, not for this platform
  const naam = pad.replace(/^.*node_modules\//, '');
  const licentie = licentieVan(map, meta.license) ?? NAGEKEKEN[`${naam}@${meta.version}`];
  gecontroleerd++;
  telling.set(licentie ?? 'onbekend', (telling.get(licentie ?? 'onbekend') ?? 0) + 1);
  if (!licentie || !verenigbaar(licentie))
    fouten.push(`${naam}: ${licentie ?? 'geen licentie opgegeven'}`);
}
if (eigen !== 'EUPL-1.2') fouten.unshift(`package.json: licentie is ${eigen}, verwacht EUPL-1.2`);
const samenvatting = [...telling]
  .sort((a, b) => b[1] - a[1])
  .map(([l, n]) => `${l} ${n}`)
  .join(', ');
console.log(
  `Licenties van ${gecontroleerd} pakketten${alleenProductie ? ' (productie)' : ''}: ${samenvatting}`,
);
if (fouten.length) {
  console.error(`Niet verenigbaar met EUPL-1.2 (of onbekend):\n  ${fouten.join('\n  ')}`);
  process.exit(1);
}
console.log('Alle licenties zijn verenigbaar met EUPL-1.2.');
