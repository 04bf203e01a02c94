#!/usr/bin/env node
'use strict';

/*
 * Builds the web app into dist/web, which the API serves at `/`:
 *
 *   1. the OpenAPI document, generated from the API's own sources (the CLI's `openapi`
 *      command on a throw-away embedded database, as `npm run lint:api` does with the build),
 *   2. TypeScript types from it (openapi-typescript → apps/web/src/api/schema.d.ts, not committed),
 *   3. a type check of the web app against those types: a changed API breaks this build,
 *   4. vite build.
 *
 *   node scripts/build-web.js [--dist] [--skip-openapi]
 *
 *   --dist          generate the document with the compiled CLI (after `npm run build`, as
 *                   `npm start` does) instead of from the TypeScript sources
 *   --skip-openapi  reuse tmp/openapi.json (quick rebuilds while working on the web app)
 */

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const openapiFile = path.join(root, 'tmp', 'openapi.json');
const schemaFile = path.join(root, 'apps', 'web', 'src', 'api', 'schema.d.ts');

function run(label, command, args, env = process.env) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`build:web: ${label} mislukt (${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  console.log(`build:web: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

fs.mkdirSync(path.dirname(openapiFile), { recursive: true });
if (!process.argv.includes('--skip-openapi') || !fs.existsSync(openapiFile)) {
  // Always on an embedded database of its own, whatever the environment points at.
  const env = { ...process.env, LOG_LEVEL: 'silent', SEED_DEMO: 'false' };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'JWT_SECRET']) delete env[name];
  const cli = process.argv.includes('--dist')
    ? ['dist/apps/cli/src/main.js']
    : ['--require', './test/support/ts-register.js', 'apps/cli/src/main.ts'];
  run('OpenAPI-document', process.execPath, [...cli, 'openapi', openapiFile], env);
}
run('typen uit het OpenAPI-document', bin('openapi-typescript'), [
  openapiFile,
  '--output',
  schemaFile,
  '--alphabetize',
]);
run('typecontrole webapp', bin('tsc'), ['-p', 'apps/web/tsconfig.json']);
run('vite build', bin('vite'), [
  'build',
  '--config',
  'apps/web/vite.config.mts',
  '--logLevel',
  'warn',
]);
