#!/usr/bin/env node
'use strict';

/*
 * Lint the OpenAPI document against the NL GOV API Design Rules (.spectral.yaml).
 *
 *   node scripts/lint-api.js                 generate tmp/openapi.json with the built CLI
 *                                            (node dist/apps/cli/src/main.js openapi <file>), then lint it
 *   node scripts/lint-api.js <openapi.json>  lint an existing OpenAPI file instead
 *
 * Exits with Spectral's exit code (non-zero when there is at least one error).
 */

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const ruleset = path.join(root, '.spectral.yaml');
const cliMain = path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
const spectralBin = path.join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'spectral.cmd' : 'spectral',
);

function fail(message) {
  console.error(`lint-api: ${message}`);
  process.exit(1);
}

function generateDocument() {
  if (!fs.existsSync(cliMain)) {
    fail(
      `${path.relative(root, cliMain)} not found. Run \`npm run build\` first ` +
        '(or pass the path of an existing OpenAPI file: node scripts/lint-api.js <file>).',
    );
  }
  const outDir = path.join(root, 'tmp');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, 'openapi.json');
  fs.rmSync(outFile, { force: true });

  console.log(`lint-api: generating ${path.relative(root, outFile)}`);
  const gen = spawnSync(process.execPath, [cliMain, 'openapi', outFile], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  if (gen.error) fail(`could not run the CLI: ${gen.error.message}`);
  if (gen.status !== 0) {
    fail(
      `\`node ${path.relative(root, cliMain)} openapi\` exited with ${gen.status ?? gen.signal}`,
    );
  }
  if (!fs.existsSync(outFile)) fail(`the CLI exited 0 but did not write ${outFile}`);
  return outFile;
}

function main() {
  const args = process.argv.slice(2);
  if (args.length > 1) fail('usage: node scripts/lint-api.js [openapi-file]');

  let file;
  if (args.length === 1) {
    file = path.resolve(process.cwd(), args[0]);
    if (!fs.existsSync(file)) fail(`file not found: ${args[0]}`);
  } else {
    file = generateDocument();
  }

  if (!fs.existsSync(spectralBin)) {
    fail(`${path.relative(root, spectralBin)} not found; install dependencies with \`npm ci\`.`);
  }
  if (!fs.existsSync(ruleset)) fail(`ruleset not found: ${ruleset}`);

  console.log(`lint-api: spectral lint ${path.relative(root, file) || file}`);
  const lint = spawnSync(
    spectralBin,
    ['lint', file, '--ruleset', ruleset, '--fail-severity', 'error'],
    { cwd: root, stdio: 'inherit', env: process.env, shell: process.platform === 'win32' },
  );
  if (lint.error) fail(`could not run spectral: ${lint.error.message}`);
  process.exit(lint.status ?? 1);
}

main();
