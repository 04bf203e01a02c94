#!/usr/bin/env node
// The npm registry reachable from our build machines serves only the Linux builds of
// packages that ship native binaries as optional per-platform dependencies (@swc/core,
// msgpackr-extract, unrs-resolver). `npm install` then leaves the other platforms out of
// package-lock.json and `npm ci` refuses the lock as out of sync. This adds those entries
// with their version, os, cpu and libc, so npm on Linux skips them and npm on a Mac or
// Windows machine with the full registry fetches them. Run it after `npm install`.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = [
  'darwin',
  'win32',
  'linux',
  'android',
  'freebsd',
  'openharmony',
  'sunos',
  'netbsd',
  'openbsd',
  'aix',
];
const CPU = [
  ['arm64', 'arm64'],
  ['aarch64', 'arm64'],
  ['x64', 'x64'],
  ['ia32', 'ia32'],
  ['ppc64', 'ppc64'],
  ['s390x', 's390x'],
  ['loong64', 'loong64'],
  ['riscv64', 'riscv64'],
  ['arm', 'arm'],
];

function platformOf(name) {
  const base = name.split('/').pop();
  const parts = base.split('-');
  const os = OS.find((candidate) => parts.includes(candidate));
  const cpu = CPU.find(
    ([token]) =>
      parts.includes(token) ||
      parts.some((p) => p.startsWith(token) && /^(arm)(eabi|gnueabihf|musleabihf)?$/.test(p)),
  )?.[1];
  const libc =
    parts.includes('musl') || parts.includes('musleabihf')
      ? 'musl'
      : parts.includes('gnu') || parts.includes('gnueabihf')
        ? 'glibc'
        : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location ? `${location}/node_modules/${name}` : `node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[base] || packages[hoisted]) continue;
    const { os, cpu, libc } = platformOf(name);
    if (!os || !cpu) continue; // not a per-platform binary: leave it for npm to report
    if (!/^\d+\.\d+\.\d+/.test(spec)) throw new Error(`${name}@${spec}: expected an exact version`);
    packages[hoisted] = {
      version: spec,
      cpu: [cpu],
      license: entry.license,
      optional: true,
      os: [os],
      ...(libc ? { libc: [libc] } : {}),
    };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} entries for other platforms added`);
