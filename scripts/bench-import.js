#!/usr/bin/env node
'use strict';
/* global Buffer, URL, fetch, FormData, Blob */

/*
 * Benchmark of the KPI-value import (POST /api/v1/kwartaalverantwoordingen/{id}/imports):
 * boots the built API in this process, creates a gemeente whose aanbieder has enough KPIs and
 * percelen for N distinct (KPI, perceel) pairs, generates an export of N rows as CSV and as
 * XLSX, and uploads them over HTTP like a browser would. Prints the time of each import.
 *
 *   npm run build && node scripts/bench-import.js                  embedded PostgreSQL (in memory)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node scripts/bench-import.js                                  PostgreSQL server (a temporary
 *                                                                   database is created and dropped)
 *   node scripts/bench-import.js --rijen 20000 --kpis 20            other sizes (rijen = kpis × percelen)
 *
 * Measured per import: the whole HTTP request (upload, parsing, validation of every row,
 * the upserts in one transaction, the audit entry). Runs: CSV into an empty account (all
 * inserts), CSV again (all updates), XLSX (all updates), and a CSV with one bad last row
 * (refused with 422, nothing written). WK_DIST points at another build directory.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.resolve(process.env.WK_DIST || path.join(root, 'dist'));

function argument(naam, standaard) {
  const index = process.argv.indexOf(`--${naam}`);
  if (index < 0) return standaard;
  const waarde = Number(process.argv[index + 1]);
  if (!Number.isInteger(waarde) || waarde < 1)
    fail(`--${naam} moet een positief geheel getal zijn`);
  return waarde;
}

function fail(message) {
  console.error(`bench-import: ${message}`);
  process.exit(1);
}

const RIJEN = argument('rijen', 100_000);
const KPIS = argument('kpis', 100);
const PERCELEN = Math.ceil(RIJEN / KPIS);
const WACHTWOORD = 'bench-wachtwoord-123';

function ms(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function kpiCode(i) {
  return `BM-${String(i + 1).padStart(3, '0')}`;
}

function perceelNaam(i) {
  return `Benchperceel ${String(i + 1).padStart(5, '0')}`;
}

/** The (KPI, perceel) pairs of the export, KPI-major like a registration system writes them. */
function* rijen(waarde) {
  let n = 0;
  for (let k = 0; k < KPIS; k++)
    for (let p = 0; p < PERCELEN; p++) {
      if (n++ >= RIJEN) return;
      yield [kpiCode(k), perceelNaam(p), waarde(k, p), p % 10 === 0 ? `Toelichting ${k}-${p}` : ''];
    }
}

function csv(waarde, bedorven = false) {
  const regels = ['kpi-code;perceel;waarde;toelichting'];
  for (const [kpi, perceel, getal, toelichting] of rijen(waarde))
    regels.push(`${kpi};${perceel};${String(getal).replace('.', ',')};${toelichting}`);
  if (bedorven)
    regels[regels.length - 1] = regels[regels.length - 1].replace(/;[^;]*;([^;]*)$/, ';12,5%;$1');
  return Buffer.from(`${regels.join('\r\n')}\r\n`, 'utf8');
}

async function xlsx(waarde) {
  const ExcelJS = require('exceljs');
  const werkmap = new ExcelJS.Workbook();
  const blad = werkmap.addWorksheet('Export');
  blad.addRow(['kpi-code', 'perceel', 'waarde', 'toelichting']);
  for (const rij of rijen(waarde)) blad.addRow(rij);
  return Buffer.from(await werkmap.xlsx.writeBuffer());
}

async function main() {
  if (!fs.existsSync(path.join(dist, 'apps', 'api', 'src', 'app.factory.js')))
    fail(
      `${path.relative(root, dist) || dist}/apps/api/src/app.factory.js ontbreekt. Draai eerst \`npm run build\`.`,
    );

  process.env.NODE_ENV = 'production';
  process.env.LOG_LEVEL ??= 'error';
  process.env.JWT_SECRET ??= crypto.randomBytes(48).toString('base64url');
  process.env.QUEUE_PREFIX = `wk-bench-${process.pid}`;

  const core = require(path.join(dist, 'libs', 'core', 'src'));
  const { createApiApp } = require(path.join(dist, 'apps', 'api', 'src', 'app.factory'));
  const { Client } = require('pg');

  let embedded;
  let tijdelijkeDb;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    tijdelijkeDb = `wijkkompas_bench_${Date.now()}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${tijdelijkeDb}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${tijdelijkeDb}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    embedded = await core.startEmbeddedPostgres();
    process.env.DATABASE_URL = embedded.url;
    process.env.QUEUE_PG_SCHEMA = 'public';
  }
  const modus = serverUrl ? 'PostgreSQL-server' : 'ingebouwde PostgreSQL (PGlite, in geheugen)';

  const config = { ...core.loadConfig(process.env), runWorker: false, seedDemo: false, port: 0 };
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const basis = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1`;
  const { DataSource } = require('typeorm');
  const dataSource = app.get(DataSource);

  try {
    const opzet = process.hrtime.bigint();
    const { verantwoordingId, auth } = await maakGegevens(core, dataSource, basis);
    console.log(
      `bench-import: ${RIJEN.toLocaleString('nl-NL')} rijen (${KPIS} KPI's × ${PERCELEN} percelen), ${modus}; opzet ${Math.round(ms(opzet))} ms`,
    );

    const gen = process.hrtime.bigint();
    const bestanden = {
      csvNieuw: csv((k, p) => ((k * 7 + p) % 1000) + 0.5),
      csvBijwerken: csv((k, p) => ((k * 3 + p) % 1000) + 0.25),
      xlsx: await xlsx((k, p) => ((k * 5 + p) % 1000) + 0.75),
      csvFout: csv((k, p) => (k + p) % 1000, true),
    };
    const mb = (b) => `${(b.length / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `bestanden gemaakt in ${Math.round(ms(gen))} ms: CSV ${mb(bestanden.csvNieuw)}, XLSX ${mb(bestanden.xlsx)}\n`,
    );

    let etag = await huidigeEtag(basis, auth, verantwoordingId);
    const resultaten = [];
    const meet = async (naam, bestand, bestandsnaam, verwacht) => {
      const start = process.hrtime.bigint();
      const res = await upload(basis, auth, verantwoordingId, etag, bestand, bestandsnaam);
      const duur = ms(start);
      const body = await res.json();
      if (res.status !== verwacht)
        throw new Error(
          `${naam}: verwacht ${verwacht}, kreeg ${res.status}: ${JSON.stringify(body).slice(0, 500)}`,
        );
      if (res.status === 201) etag = res.headers.get('etag');
      resultaten.push({ naam, duur, body });
      const uitkomst =
        res.status === 201
          ? `${body.toegevoegd} toegevoegd, ${body.bijgewerkt} bijgewerkt`
          : `422, ${body.aantalFouten} fout(en), rij ${body.fouten[0].rij}`;
      console.log(
        `  ${naam.padEnd(34)} ${String(Math.round(duur)).padStart(7)} ms  ${String(Math.round(RIJEN / (duur / 1000))).padStart(9)} rijen/s  (${uitkomst})`,
      );
    };
    await meet('CSV, nieuw (alleen toevoegen)', bestanden.csvNieuw, 'export.csv', 201);
    await meet('CSV, opnieuw (alleen bijwerken)', bestanden.csvBijwerken, 'export.csv', 201);
    await meet('XLSX (alleen bijwerken)', bestanden.xlsx, 'export.xlsx', 201);
    await meet('CSV met één foute rij (geweigerd)', bestanden.csvFout, 'export.csv', 422);

    const [{ aantal }] = await dataSource.query(
      'SELECT count(*)::int AS aantal FROM kpi_waarden WHERE kwartaalverantwoording_id = $1',
      [verantwoordingId],
    );
    if (aantal !== RIJEN)
      throw new Error(`verwacht ${RIJEN} waarden in de database, gevonden ${aantal}`);
    console.log(
      `\nin de database: ${aantal.toLocaleString('nl-NL')} KPI-waarden; node ${process.version}, ${os.cpus().length} cpu('s)`,
    );
  } finally {
    await app.close();
    if (embedded) await embedded.stop();
    if (tijdelijkeDb) {
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${tijdelijkeDb} WITH (FORCE)`);
      await admin.end();
    }
  }
}

/** A gemeente, an aanbieder with KPIS KPIs and PERCELEN percelen, a teamleider, a period and a concept. */
async function maakGegevens(core, dataSource, basis) {
  const gemeente = await dataSource.getRepository(core.Gemeente).save({
    naam: 'Gemeente Benchmarkstad',
    cbsCode: 'GM8999',
  });
  await dataSource.getRepository(core.Organisatie).save({
    naam: gemeente.naam,
    soort: 'gemeente',
    gemeenteId: gemeente.id,
    kvkNummer: null,
  });
  const aanbieder = await dataSource.getRepository(core.Organisatie).save({
    naam: 'Wijkteams Benchmark',
    soort: 'aanbieder',
    gemeenteId: null,
    kvkNummer: '99999999',
  });
  await dataSource
    .getRepository(core.AanbiederGemeente)
    .insert({ aanbiederId: aanbieder.id, gemeenteId: gemeente.id });
  const email = 'teamleider@bench.example';
  const gebruiker = await dataSource.getRepository(core.Gebruiker).save({
    email,
    naam: 'Bench Teamleider',
    organisatieId: aanbieder.id,
    passwordHash: await core.hashPassword(WACHTWOORD),
    actief: true,
  });
  await dataSource
    .getRepository(core.GebruikerRol)
    .insert({ gebruikerId: gebruiker.id, gemeenteId: gemeente.id, rol: 'teamleider' });

  const opdrachten = require(path.join(dist, 'libs', 'opdrachten', 'src'));
  const verantwoording = require(path.join(dist, 'libs', 'verantwoording', 'src'));
  const percelen = await dataSource.getRepository(opdrachten.Perceel).save(
    Array.from({ length: PERCELEN }, (_, i) => ({
      gemeenteId: gemeente.id,
      naam: perceelNaam(i),
      omschrijving: null,
    })),
    { chunk: 1000 },
  );
  await dataSource.getRepository(opdrachten.PerceelToewijzing).insert(
    percelen.map((p) => ({
      perceelId: p.id,
      aanbiederId: aanbieder.id,
      van: '2019-01-01',
      tot: null,
    })),
  );
  const hoofdopdracht = await dataSource.getRepository(opdrachten.Hoofdopdracht).save({
    gemeenteId: gemeente.id,
    aanbiederId: aanbieder.id,
    titel: 'Hoofdopdracht benchmark',
    startdatum: '2019-01-01',
    einddatum: '2030-12-31',
  });
  const kpis = await dataSource.getRepository(verantwoording.Kpi).save(
    Array.from({ length: KPIS }, (_, i) => ({
      gemeenteId: gemeente.id,
      hoofdopdrachtId: hoofdopdracht.id,
      aanvullendeOpdrachtId: null,
      code: kpiCode(i),
      huidigeVersie: 1,
      doelIds: [],
      ketenIds: [],
      actief: true,
    })),
  );
  await dataSource.getRepository(verantwoording.KpiVersie).insert(
    kpis.map((k) => ({
      kpiId: k.id,
      versie: 1,
      naam: `Benchmark-KPI ${k.code}`,
      definitie: 'Aantal per perceel.',
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      bron: 'registratiesysteem',
      frequentie: 'kwartaal',
      aggregatie: 'som',
      perPerceel: true,
      geldigVanaf: '2026-Q1',
    })),
  );
  const periode = await dataSource.getRepository(verantwoording.Rapportageperiode).save({
    gemeenteId: gemeente.id,
    aanbiederId: aanbieder.id,
    aanvullendeOpdrachtId: null,
    periode: '2026-Q2',
    begindatum: '2026-04-01',
    einddatum: '2026-06-30',
    deadline: '2026-07-30',
  });

  const login = await fetch(`${basis}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: WACHTWOORD }),
  });
  if (login.status !== 200)
    throw new Error(`aanmelden mislukt: ${login.status} ${await login.text()}`);
  const auth = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const aangemaakt = await fetch(`${basis}/kwartaalverantwoordingen`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ rapportageperiodeId: periode.id }),
  });
  if (aangemaakt.status !== 201)
    throw new Error(`kwartaalverantwoording: ${aangemaakt.status} ${await aangemaakt.text()}`);
  return { verantwoordingId: (await aangemaakt.json()).id, auth };
}

async function huidigeEtag(basis, auth, id) {
  const res = await fetch(`${basis}/kwartaalverantwoordingen/${id}`, { headers: auth });
  await res.arrayBuffer();
  return res.headers.get('etag');
}

function upload(basis, auth, id, etag, bestand, naam) {
  const form = new FormData();
  form.append('bestand', new Blob([bestand]), naam);
  return fetch(`${basis}/kwartaalverantwoordingen/${id}/imports`, {
    method: 'POST',
    headers: { ...auth, 'If-Match': etag },
    body: form,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
