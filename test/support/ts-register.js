'use strict';
/*
 * Runs the TypeScript sources directly in a child process, the way jest runs them: every .ts
 * file is compiled on require with @swc/core (the repository's .swcrc), and the path aliases
 * of tsconfig.json (@wijkkompas/<lib>) resolve to libs/<lib>/src. Used by e2e tests that start
 * a real worker process without depending on a build:
 *
 *   node --require ./test/support/ts-register.js apps/worker/src/main.ts
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === '@wijkkompas/core/testing')
    request = path.join(root, 'libs', 'core', 'src', 'testing');
  else {
    const alias = /^@wijkkompas\/([a-z-]+)$/.exec(request);
    if (alias) request = path.join(root, 'libs', alias[1], 'src');
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcrc, filename, swcrc: false });
  module._compile(code, filename);
};
