#!/usr/bin/env node
'use strict';
/* global Buffer, URL, fetch, FormData, Blob, setTimeout, setInterval, clearInterval */

/*
 * The benchmark: every figure next to a floor measured in the same run, on a data set made by
 * scripts/generate.js in a temporary database on a real PostgreSQL server.
 *
 *   npm run build
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 npm run bench
 *   … npm run bench -- --nationaal                 340 gemeenten × 4 aanbieders × 40 KPI's × 8 kwartalen × 3 percelen
 *   … npm run bench -- --gemeenten 50 --duur 5     other sizes (all generator options), shorter HTTP runs
 *   … npm run bench -- --behoud                    keep the database afterwards (its name is printed)
 *   … npm run bench -- --database wk_bench_123     reuse a generated database (no generation, not dropped)
 *   … npm run bench -- --zonder-embedded           skip the embedded start measurements
 *
 * What it measures (the API and the worker run as separate processes, as in production):
 *   1. generating the data set (bulk, set-based);
 *   2. start to ready: the API on the server with the data; embedded (PGlite) empty and again;
 *   3. dossiers: one dossier as the job does it (load, assemble, store), next to the SQL that
 *      reads the same rows; all dossiers of the data set through the queue and the worker
 *      process (concurrency 2), next to that SQL for all of them on two connections;
 *   4. HTTP reads at 50 connections (autocannon): throughput and p50/p97.5/p99, each next to the
 *      bare liveness endpoint of the same server measured just before it (its floor);
 *   5. import of 100 000 KPI values over HTTP (CSV), next to psql's \copy of the same rows into
 *      the same table;
 *   6. peak RSS (VmRSS sampled every 100 ms) of the API and the worker in each phase.
 * Prints a table and writes JSON (tmp/bench-<time>.json, or --json <file>). WK_DIST points at
 * another build.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const dist = path.resolve(process.env.WK_DIST || path.join(root, 'dist'));
const generator = require('./generate');

const API_POORT = 3115;
const EMBEDDED_POORT = 3116;
const WACHTWOORD = 'bench-wachtwoord-2026';

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

// ---- options ------------------------------------------------------------------------------

const argv = process.argv.slice(2);
function vlag(naam) {
  const i = argv.indexOf(`--${naam}`);
  if (i < 0) return false;
  argv.splice(i, 1);
  return true;
}
function waarde(naam, standaard, getal = true) {
  const i = argv.indexOf(`--${naam}`);
  if (i < 0) return standaard;
  const w = argv[i + 1];
  argv.splice(i, 2);
  if (!getal) return w;
  const n = Number(w);
  if (!Number.isFinite(n) || n <= 0) fail(`--${naam} moet een positief getal zijn`);
  return n;
}
const NATIONAAL = vlag('nationaal');
const BEHOUD = vlag('behoud');
const ZONDER_EMBEDDED = vlag('zonder-embedded');
const DUUR = waarde('duur', 10);
const VERBINDINGEN = waarde('verbindingen', 50);
const HERHALINGEN = waarde('herhalingen', 5);
const IMPORT_RIJEN = waarde('import-rijen', 100_000);
const BESTAAND = waarde('database', undefined, false);
const JSON_UIT = waarde('json', undefined, false);
if (NATIONAAL) argv.push('--gemeenten', '340');
const GEN = generator.opties([...argv, '--wachtwoord', WACHTWOORD]);

// ---- small helpers ------------------------------------------------------------------------

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const nu = () => process.hrtime.bigint();
const slaap = (t) => new Promise((r) => setTimeout(r, t));
const mediaan = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rond = (x) =>
  x === undefined || x === null || Number.isNaN(x)
    ? '–'
    : x >= 100
      ? String(Math.round(x))
      : x >= 10
        ? x.toFixed(1)
        : x.toFixed(2);

/** CPU time (user + system) the process has used, in ms (from /proc, 10 ms resolution). */
function cpuMs(pid) {
  try {
    const velden = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(velden[11]) + Number(velden[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

function rss(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (veld) => Number(new RegExp(`${veld}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** Samples the RSS of the processes every 100 ms; `fase(naam)` starts a new peak. */
function geheugenMeter(processen) {
  const pieken = {};
  let fase = 'start';
  const timer = setInterval(() => {
    for (const [naam, proc] of Object.entries(processen)) {
      if (!proc.pid || proc.exitCode !== null) continue;
      const { rss: mb } = rss(proc.pid);
      const sleutel = `${fase}|${naam}`;
      pieken[sleutel] = Math.max(pieken[sleutel] ?? 0, mb);
    }
  }, 100);
  timer.unref();
  return {
    fase(naam) {
      fase = naam;
    },
    piek(faseNaam, proc) {
      return pieken[`${faseNaam}|${proc}`];
    },
    pieken,
    stop() {
      clearInterval(timer);
    },
  };
}

function startProces(script, env, log) {
  const omgeving = { ...process.env, ...env };
  for (const [k, v] of Object.entries(omgeving)) if (v === undefined) delete omgeving[k];
  const proc = spawn(process.execPath, [path.join(dist, script)], {
    env: omgeving,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let fout = '';
  proc.stderr.on('data', (d) => {
    fout = (fout + d).slice(-4000);
  });
  proc.laatsteFout = () => fout;
  proc.on('exit', (code) => {
    if (code && code !== 0 && !proc.gestopt) log(`${script} stopte met code ${code}: ${fout}`);
  });
  return proc;
}

async function stopProces(proc) {
  if (!proc || proc.exitCode !== null) return;
  proc.gestopt = true;
  const klaar = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await Promise.race([klaar, slaap(30_000)]);
}

async function wachtOpKlaar(basis, proc, tijdslimiet = 120_000) {
  const einde = Date.now() + tijdslimiet;
  while (Date.now() < einde) {
    if (proc.exitCode !== null) throw new Error(`proces stopte: ${proc.laatsteFout()}`);
    try {
      const res = await fetch(`${basis}/health/ready`);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await slaap(25);
  }
  throw new Error(`niet klaar binnen ${tijdslimiet / 1000} s: ${proc.laatsteFout()}`);
}

async function json(res, verwacht) {
  const tekst = await res.text();
  if (res.status !== verwacht)
    throw new Error(
      `${res.url}: verwacht ${verwacht}, kreeg ${res.status}: ${tekst.slice(0, 400)}`,
    );
  return tekst ? JSON.parse(tekst) : undefined;
}

async function aanmelden(basis, email) {
  const res = await fetch(`${basis}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: WACHTWOORD }),
  });
  return { Authorization: `Bearer ${(await json(res, 200)).accessToken}` };
}

// ---- the floors: the SQL that reads what a dossier reads ----------------------------------

const DOSSIER_SQL = [
  // the accounts and every figure up to the dossier's quarter
  `SELECT k.id, k.periode, k.status, k.hoogtepunten, k.knelpunten, k.vooruitblik,
          k.budget_begroot_centen, k.budget_gerealiseerd_centen, k.formatie_fte, k.vacatures_fte,
          w.kpi_id, w.kpi_versie_id, w.perceel_id, w.waarde, w.toelichting, w.datakwaliteit
     FROM kwartaalverantwoordingen k JOIN kpi_waarden w ON w.kwartaalverantwoording_id = k.id
    WHERE k.gemeente_id = $1 AND k.aanbieder_id = $2 AND k.periode <= $3`,
  // the KPIs with their version and norms
  `SELECT kp.id, kp.code, v.naam, v.definitie, v.type, v.eenheid, v.richting, v.aggregatie,
          v.per_perceel, n.periode AS norm_periode, n.streefwaarde, n.tolerantie_let_op,
          n.tolerantie_uit_koers
     FROM kpis kp JOIN hoofdopdrachten h ON h.id = kp.hoofdopdracht_id
     JOIN kpi_versies v ON v.kpi_id = kp.id LEFT JOIN kpi_normen n ON n.kpi_id = kp.id
    WHERE kp.gemeente_id = $1 AND h.aanbieder_id = $2 AND $3 <> ''`,
  // the stories and signals
  `SELECT c.* FROM casussen c WHERE c.gemeente_id = $1 AND c.aanbieder_id = $2 AND c.periode = $3`,
  `SELECT s.* FROM signalen s WHERE s.gemeente_id = $1 AND s.organisatie_id = $2 AND $3 <> ''`,
  // the theory of change and the aanvullende opdrachten
  `SELECT t.id, t.titel, v.inhoud FROM verandertheorieen t
     JOIN verandertheorie_versies v ON v.theorie_id = t.id
    WHERE t.gemeente_id = $1 AND t.aanbieder_id = $2 AND $3 <> ''`,
  `SELECT o.*, a.budget_centen AS aandeel FROM aanvullende_opdrachten o
     JOIN aanvullende_opdracht_aanbieders a ON a.opdracht_id = o.id
    WHERE o.gemeente_id = $1 AND a.aanbieder_id = $2 AND $3 <> ''`,
];

async function dossierSql(client, gemeenteId, aanbiederId, periode) {
  let rijen = 0;
  for (const sql of DOSSIER_SQL)
    rijen += (await client.query(sql, [gemeenteId, aanbiederId, periode])).rowCount;
  return rijen;
}

// ---- the import set-up: a gemeente with 100 KPIs × 1000 percelen ---------------------------

async function maakImport(client, hash, rijen) {
  const kpis = 100;
  const percelen = Math.ceil(rijen / kpis);
  const u = (s) => `overlay(overlay(md5(${s}) placing '4' from 13) placing '8' from 17)::uuid`;
  const q = (sql, params) => client.query(sql, params);
  await q(
    `INSERT INTO gemeenten (id, naam, cbs_code) VALUES (${u("'im-gm'")}, 'Gemeente Importstad', 'GM9998')`,
  );
  await q(`INSERT INTO organisaties (id, naam, soort, gemeente_id) VALUES
           (${u("'im-go'")}, 'Gemeente Importstad', 'gemeente', ${u("'im-gm'")}),
           (${u("'im-ab'")}, 'Wijkteams Import', 'aanbieder', NULL)`);
  await q(
    `INSERT INTO aanbieder_gemeenten (aanbieder_id, gemeente_id) VALUES (${u("'im-ab'")}, ${u("'im-gm'")})`,
  );
  await q(
    `INSERT INTO gebruikers (id, email, naam, password_hash, organisatie_id)
     VALUES (${u("'im-tl'")}, 'teamleider@import.bench.example', 'Teamleider Import', $1, ${u("'im-ab'")})`,
    [hash],
  );
  await q(
    `INSERT INTO gebruiker_rollen (gebruiker_id, gemeente_id, rol) VALUES (${u("'im-tl'")}, ${u("'im-gm'")}, 'teamleider')`,
  );
  await q(`INSERT INTO percelen (id, gemeente_id, naam)
           SELECT ${u("'im-pc:' || p")}, ${u("'im-gm'")}, 'Importperceel ' || lpad((p + 1)::text, 5, '0')
             FROM generate_series(0, ${percelen - 1}) p`);
  await q(`INSERT INTO perceel_toewijzingen (perceel_id, aanbieder_id, van)
           SELECT ${u("'im-pc:' || p")}, ${u("'im-ab'")}, DATE '2019-01-01' FROM generate_series(0, ${percelen - 1}) p`);
  await q(`INSERT INTO hoofdopdrachten (id, gemeente_id, aanbieder_id, titel, startdatum, einddatum)
           VALUES (${u("'im-ho'")}, ${u("'im-gm'")}, ${u("'im-ab'")}, 'Hoofdopdracht import', '2019-01-01', '2030-12-31')`);
  await q(`INSERT INTO kpis (id, gemeente_id, hoofdopdracht_id, code)
           SELECT ${u("'im-kp:' || k")}, ${u("'im-gm'")}, ${u("'im-ho'")}, 'IM-' || lpad((k + 1)::text, 3, '0')
             FROM generate_series(0, ${kpis - 1}) k`);
  await q(`INSERT INTO kpi_versies (id, kpi_id, versie, naam, definitie, type, eenheid, richting, bron,
             frequentie, aggregatie, per_perceel, geldig_vanaf)
           SELECT ${u("'im-kv:' || k")}, ${u("'im-kp:' || k")}, 1, 'Import-KPI ' || (k + 1), 'Aantal per perceel.',
                  'output', 'aantal', 'hoger-is-beter', 'registratiesysteem', 'kwartaal', 'som', true, '2019-Q1'
             FROM generate_series(0, ${kpis - 1}) k`);
  await q(`INSERT INTO rapportageperiodes (id, gemeente_id, aanbieder_id, periode, begindatum, einddatum, deadline) VALUES
           (${u("'im-rp2'")}, ${u("'im-gm'")}, ${u("'im-ab'")}, '2026-Q2', '2026-04-01', '2026-06-30', '2026-07-30'),
           (${u("'im-rp1'")}, ${u("'im-gm'")}, ${u("'im-ab'")}, '2026-Q1', '2026-01-01', '2026-03-31', '2026-04-30')`);
  // The floor's account: the same table, the same rows, loaded by COPY.
  await q(`INSERT INTO kwartaalverantwoordingen (id, gemeente_id, aanbieder_id, rapportageperiode_id, periode)
           VALUES (${u("'im-kw1'")}, ${u("'im-gm'")}, ${u("'im-ab'")}, ${u("'im-rp1'")}, '2026-Q1')`);
  const [{ rp2, kw1 }] = (await q(`SELECT ${u("'im-rp2'")} AS rp2, ${u("'im-kw1'")} AS kw1`)).rows;
  const waarde = (k, p) => ((k * 7 + p) % 1000) + 0.5;
  const regels = ['kpi-code;perceel;waarde;toelichting'];
  let n = 0;
  for (let k = 0; k < kpis && n < rijen; k++)
    for (let p = 0; p < percelen && n < rijen; p++, n++)
      regels.push(
        `IM-${String(k + 1).padStart(3, '0')};Importperceel ${String(p + 1).padStart(5, '0')};${String(waarde(k, p)).replace('.', ',')};${p % 10 === 0 ? `Toelichting ${k}-${p}` : ''}`,
      );
  const csv = Buffer.from(`${regels.join('\r\n')}\r\n`, 'utf8');
  // The same rows for COPY, with the ids the import resolves from codes and names.
  const copyBestand = path.join(os.tmpdir(), `wk-bench-copy-${process.pid}.csv`);
  const ids = (
    await q(
      `SELECT k, ${u("'im-kp:' || k")} AS kpi, ${u("'im-kv:' || k")} AS versie FROM generate_series(0, ${kpis - 1}) k ORDER BY k`,
    )
  ).rows;
  const perceelIds = (
    await q(
      `SELECT ${u("'im-pc:' || p")} AS id FROM generate_series(0, ${percelen - 1}) p ORDER BY p`,
    )
  ).rows.map((r) => r.id);
  const copy = [];
  n = 0;
  for (let k = 0; k < kpis && n < rijen; k++)
    for (let p = 0; p < percelen && n < rijen; p++, n++)
      copy.push(
        `${kw1},${ids[k].kpi},${ids[k].versie},${perceelIds[p]},${waarde(k, p)},${p % 10 === 0 ? `Toelichting ${k}-${p}` : ''}`,
      );
  fs.writeFileSync(copyBestand, `${copy.join('\n')}\n`);
  return { rapportageperiodeId: rp2, csv, copyBestand };
}

// ---- HTTP ---------------------------------------------------------------------------------

async function autocannon(opties) {
  const ac = require('autocannon');
  return new Promise((resolve, reject) => {
    ac(opties, (fout, resultaat) => (fout ? reject(fout) : resolve(resultaat)));
  });
}

async function meetHttp(meter, pid, naam, url, headers) {
  // A short warm-up (JIT, caches, pool), then the measured run.
  await autocannon({ url, connections: VERBINDINGEN, duration: 2, headers });
  meter.fase(`http:${naam}`);
  const cpuVoor = cpuMs(pid);
  const r = await autocannon({ url, connections: VERBINDINGEN, duration: DUUR, headers });
  const cpu = cpuMs(pid) - cpuVoor;
  meter.fase('tussen');
  // No answer at all within the run counts as failing too (p97.5 would read 0).
  const fouten = r.non2xx + r.errors + r.timeouts + (r.requests.total === 0 ? 1 : 0);
  return {
    naam,
    url: url.replace(/^https?:\/\/[^/]+/, ''),
    reqPerS: r.requests.average,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    fouten,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
    verbindingsfouten: r.errors,
    apiRssMb: meter.piek(`http:${naam}`, 'api'),
    aantal: r.requests.total,
    // What a request costs the API in CPU: far less sensitive to other load on the machine
    // than latency is.
    cpuMsPerVerzoek: r.requests.total ? cpu / r.requests.total : undefined,
  };
}

// ---- main ---------------------------------------------------------------------------------

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    fail('zet DATABASE_URL op een PostgreSQL-server (een tijdelijke database wordt gemaakt)');
  if (!fs.existsSync(path.join(dist, 'apps', 'api', 'src', 'main.js')))
    fail('de build ontbreekt; draai eerst `npm run build`');
  const { Client } = require('pg');
  const log = (...x) => console.log(...x);
  const resultaat = {
    datum: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      geheugenGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      load: os.loadavg(),
    },
    opties: { ...GEN, duur: DUUR, verbindingen: VERBINDINGEN, redis: !!process.env.REDIS_URL },
  };
  delete resultaat.opties.wachtwoord;

  // 1. the data set
  const dbNaam = BESTAAND ?? `wk_bench_${Date.now()}`;
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbNaam}`;
  const databaseUrl = dbUrl.toString();
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  resultaat.machine.postgres = (await admin.query('SHOW server_version')).rows[0].server_version;
  if (!BESTAAND) await admin.query(`CREATE DATABASE ${dbNaam}`);
  await admin.end();
  const client = new Client({ connectionString: databaseUrl });
  let api;
  let worker;
  let app;
  const meter = geheugenMeter({
    get api() {
      return api ?? {};
    },
    get worker() {
      return worker ?? {};
    },
  });
  try {
    log(
      `bench: ${GEN.gemeenten} gemeenten × ${GEN.aanbieders} aanbieders × ${GEN.kpis} KPI's × ${GEN.kwartalen} kwartalen × ${GEN.percelen} percelen, database ${dbNaam}`,
    );
    log(
      `machine: ${resultaat.machine.cpus} cpu's (${resultaat.machine.cpu}), ${resultaat.machine.geheugenGb} GB, node ${process.version}, PostgreSQL ${resultaat.machine.postgres}, wachtrij op ${process.env.REDIS_URL ? 'Redis' : 'PostgreSQL'}; load ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    if (!BESTAAND) {
      const start = nu();
      generator.migreer(databaseUrl);
      const migratie = ms(start);
      await client.connect();
      const gen = await generator.genereer(client, GEN);
      resultaat.generatie = {
        ms: ms(start),
        migratiesMs: migratie,
        rijen: Object.fromEntries(gen.tabellen.map((t) => [t.tabel, t.rijen])),
      };
      log(
        `1. gegenereerd in ${(resultaat.generatie.ms / 1000).toFixed(1)} s: ${resultaat.generatie.rijen.kpi_waarden.toLocaleString('nl-NL')} KPI-waarden`,
      );
    } else await client.connect();
    const kwartalen = generator.kwartalen(GEN.tot, GEN.kwartalen).map((k) => k.periode);
    const periode = kwartalen.at(-1);
    const core = require(path.join(dist, 'libs', 'core', 'src'));
    const hash = await core.hashPassword(WACHTWOORD);
    const importData = await maakImport(client, hash, IMPORT_RIJEN);

    // 2. the API and the worker, as separate processes
    const jwt = crypto.randomBytes(48).toString('base64url');
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwt,
      QUEUE_PREFIX: `wk-bench-${process.pid}`,
      SEED_DEMO: 'false',
      DATA_DIR: path.join(os.tmpdir(), `wk-bench-${process.pid}`),
    };
    const basis = `http://127.0.0.1:${API_POORT}`;
    meter.fase('start');
    let start = nu();
    api = startProces(
      'apps/api/src/main.js',
      { ...env, PORT: String(API_POORT), RUN_WORKER: 'false' },
      log,
    );
    await wachtOpKlaar(basis, api);
    resultaat.start = { serverMetDataMs: ms(start) };
    worker = startProces('apps/worker/src/main.js', env, log);
    log(`2. API klaar na ${Math.round(resultaat.start.serverMetDataMs)} ms (server, met gegevens)`);

    // An app in this process for the dossier service and the job's steps (no HTTP, no worker).
    process.env.LOG_LEVEL = 'error';
    const config = {
      ...core.loadConfig({ ...process.env, ...env }),
      runWorker: false,
      seedDemo: false,
      port: 0,
    };
    const { createApiApp } = require(path.join(dist, 'apps', 'api', 'src', 'app.factory'));
    app = await createApiApp(config);
    const dossiers = require(path.join(dist, 'libs', 'dossiers', 'src'));
    const { DataSource } = require('typeorm');
    const dataSource = app.get(DataSource);
    const samensteller = app.get(dossiers.DossierSamensteller);
    const service = app.get(dossiers.DossierService);
    const audit = app.get(core.AuditService);

    const paren = (
      await client.query(
        `SELECT ag.gemeente_id, ag.aanbieder_id FROM aanbieder_gemeenten ag
           JOIN gemeenten g ON g.id = ag.gemeente_id
           JOIN organisaties o ON o.id = ag.aanbieder_id
          WHERE g.cbs_code <> 'GM9998' ORDER BY g.cbs_code, o.naam`,
      )
    ).rows;
    const [eerste] = paren;

    // 3a. one dossier, as the job does it, next to the SQL that reads the same rows
    meter.fase('dossier-een');
    const nieuweRun = (paar) =>
      dataSource.transaction(async (manager) => {
        const { dossier } = await dossiers.voegAanvraagToe(
          manager,
          {
            gemeenteId: paar.gemeente_id,
            aanbiederId: paar.aanbieder_id,
            periode,
            overlegId: null,
            aanleiding: 'op-verzoek',
            aangevraagdDoorId: null,
          },
          { system: 'bench', gemeenteId: paar.gemeente_id },
          audit,
        );
        return dossier;
      });
    const fasen = { laden: [], samenstellen: [], opslaan: [], geheel: [], sql: [] };
    let documentBytes = 0;
    let sqlRijen = 0;
    for (let i = 0; i <= HERHALINGEN; i++) {
      const run = await nieuweRun(eerste);
      const scope = samensteller.scope(run);
      let s = nu();
      const snapshot = await samensteller.laadAlleenLezen(scope);
      const tLaden = ms(s);
      s = nu();
      const document = dossiers.assembleerDossier(snapshot);
      const hashDoc = dossiers.dossierHash(document);
      const tSamen = ms(s);
      s = nu();
      await dataSource.transaction((manager) =>
        dossiers.bewaarVersie(
          manager,
          run.id,
          document,
          hashDoc,
          { system: 'bench', gemeenteId: eerste.gemeente_id },
          audit,
        ),
      );
      const tOpslaan = ms(s);
      s = nu();
      sqlRijen = await dossierSql(client, eerste.gemeente_id, eerste.aanbieder_id, periode);
      const tSql = ms(s);
      documentBytes = Buffer.byteLength(JSON.stringify(document));
      if (i === 0) continue; // warm-up
      fasen.laden.push(tLaden);
      fasen.samenstellen.push(tSamen);
      fasen.opslaan.push(tOpslaan);
      fasen.sql.push(tSql);
    }
    for (let i = 0; i < HERHALINGEN; i++) {
      const run = await nieuweRun(eerste);
      const s = nu();
      const uitkomst = await samensteller.verwerk(run.id);
      fasen.geheel.push(ms(s));
      if (uitkomst !== 'gereed') throw new Error(`verwerk gaf ${uitkomst}`);
    }
    resultaat.dossierEen = {
      ladenMs: mediaan(fasen.laden),
      samenstellenMs: mediaan(fasen.samenstellen),
      opslaanMs: mediaan(fasen.opslaan),
      geheelMs: mediaan(fasen.geheel),
      sqlMs: mediaan(fasen.sql),
      sqlRijen,
      documentKb: documentBytes / 1024,
    };
    log(
      `3. één dossier: ${rond(resultaat.dossierEen.geheelMs)} ms (laden ${rond(resultaat.dossierEen.ladenMs)}, samenstellen ${rond(resultaat.dossierEen.samenstellenMs)}, opslaan ${rond(resultaat.dossierEen.opslaanMs)}); SQL van dezelfde rijen (${sqlRijen}) ${rond(resultaat.dossierEen.sqlMs)} ms`,
    );

    // 3b. all dossiers of the data set through the queue and the worker process
    meter.fase('dossiers-alle');
    const workerCpuVoor = cpuMs(worker.pid);
    start = nu();
    const ids = [];
    for (const paar of paren)
      ids.push(
        (
          await service.vraagAan(paar.gemeente_id, paar.aanbieder_id, periode, {
            aanleiding: 'planning',
          })
        ).id,
      );
    const tijdslimiet = Date.now() + 3_600_000;
    for (;;) {
      const [{ open, mislukt }] = (
        await client.query(
          `SELECT count(*) FILTER (WHERE status IN ('wachtrij', 'bezig'))::int AS open,
                  count(*) FILTER (WHERE status = 'mislukt')::int AS mislukt
             FROM dossiers WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      ).rows;
      if (mislukt > 0) throw new Error(`${mislukt} dossier(s) mislukt via de wachtrij`);
      if (open === 0) break;
      if (Date.now() > tijdslimiet) throw new Error('wachtrij niet leeg binnen een uur');
      await slaap(50);
    }
    const alleMs = ms(start);
    const workerCpuMs = cpuMs(worker.pid) - workerCpuVoor;
    // The floor: the same SQL for every dossier, two at a time (the worker's concurrency).
    const tweede = new Client({ connectionString: databaseUrl });
    await tweede.connect();
    start = nu();
    let volgende = 0;
    await Promise.all(
      [client, tweede].map(async (c) => {
        while (volgende < paren.length) {
          const paar = paren[volgende++];
          await dossierSql(c, paar.gemeente_id, paar.aanbieder_id, periode);
        }
      }),
    );
    const alleSqlMs = ms(start);
    await tweede.end();
    resultaat.dossiersAlle = {
      aantal: ids.length,
      ms: alleMs,
      sqlMs: alleSqlMs,
      perDossierMs: alleMs / ids.length,
      workerCpuMsPerDossier: workerCpuMs / ids.length,
      workerRssMb: meter.piek('dossiers-alle', 'worker'),
    };
    log(
      `   alle ${ids.length} dossiers via wachtrij en worker (2 tegelijk): ${(alleMs / 1000).toFixed(1)} s; dezelfde SQL voor allemaal op 2 verbindingen ${(alleSqlMs / 1000).toFixed(1)} s`,
    );

    // The worker's part is done: stop it, so that its schedules (the quarterly rhythm of every
    // gemeente) do not run during the HTTP measurements.
    const workerPiekMb = rss(worker.pid).hwm;
    await stopProces(worker);

    // 4. HTTP. A submitted or adopted account is read from the version frozen when it got that
    // status; the generator writes none, so freeze those of the gemeente the reads use here,
    // as the status change would have (otherwise every read builds the account live).
    meter.fase('tussen');
    const { bouwInhoud } = require(
      path.join(
        dist,
        'libs',
        'verantwoording',
        'src',
        'kwartaalverantwoording',
        'kwartaalverantwoording.lezer',
      ),
    );
    const verantwoording = require(path.join(dist, 'libs', 'verantwoording', 'src'));
    const rekeningen = await dataSource.getRepository(verantwoording.Kwartaalverantwoording).find({
      where: { gemeenteId: eerste.gemeente_id },
    });
    for (const v of rekeningen) {
      if (v.status !== 'ingediend' && v.status !== 'vastgesteld') continue;
      const inhoud = await bouwInhoud(dataSource.manager, v);
      await dataSource.query(
        `INSERT INTO kwartaalverantwoording_versies (kwartaalverantwoording_id, volgnummer, revisie, status, inhoud)
         VALUES ($1, 1, $2, $3, $4)`,
        [v.id, v.revisie, v.status, JSON.stringify(inhoud)],
      );
    }
    const cm = await aanmelden(basis, 'contractmanager@g001.bench.example');
    const lijst = await json(
      await fetch(`${basis}/api/v1/kwartaalverantwoordingen`, { headers: cm }),
      200,
    );
    const kwId = lijst.items[0].id;
    const dossierLijst = await json(
      await fetch(`${basis}/api/v1/dossiers?pageSize=100`, { headers: cm }),
      200,
    );
    const dossierId = dossierLijst.items.find((d) => d.status === 'gereed')?.id;
    const webApp = await fetch(`${basis}/`).then(
      async (r) => ({
        status: r.status,
        type: r.headers.get('content-type'),
        body: await r.text(),
      }),
      () => ({ status: 0 }),
    );
    const routes = [
      ['auth/me', '/api/v1/auth/me'],
      ['kwartaalverantwoordingen (lijst)', '/api/v1/kwartaalverantwoordingen'],
      ['kwartaalverantwoording (één)', `/api/v1/kwartaalverantwoordingen/${kwId}`],
      ['aanvullende opdrachten (register)', '/api/v1/aanvullende-opdrachten'],
      ['budgetoverzicht', '/api/v1/overzichten/budgetten?vanJaar=2025&totJaar=2026'],
      ['KPI-lijst', '/api/v1/kpis'],
      ['notificaties', '/api/v1/notificaties'],
      ['dossier (metadata en document)', `/api/v1/dossiers/${dossierId}`],
      ['dossier (HTML)', `/api/v1/dossiers/${dossierId}/html`],
    ];
    if (webApp.status === 200 && /html/.test(webApp.type ?? ''))
      routes.push(['web-app (eerste pagina)', '/']);
    else log(`   web-app: GET / gaf ${webApp.status}; overgeslagen`);
    // On a shared machine the load changes from minute to minute: each route is measured right
    // after its own floor run, and compared with that.
    const http = [];
    const vloeren = [];
    for (const [naam, pad] of routes) {
      const vloer = await meetHttp(meter, api.pid, 'vloer (/health)', `${basis}/health`, {});
      const r = await meetHttp(
        meter,
        api.pid,
        naam,
        `${basis}${pad}`,
        naam.startsWith('web-app') ? {} : cm,
      );
      r.vloer = {
        reqPerS: vloer.reqPerS,
        p50: vloer.p50,
        p975: vloer.p975,
        p99: vloer.p99,
        cpuMsPerVerzoek: vloer.cpuMsPerVerzoek,
      };
      r.verhouding = r.p975 / vloer.p975;
      r.cpuVerhouding = r.cpuMsPerVerzoek / vloer.cpuMsPerVerzoek;
      vloeren.push(vloer);
      http.push(r);
      log(
        `   ${naam.padEnd(36)} ${rond(r.reqPerS).padStart(6)} req/s  p50 ${rond(r.p50)}  p97.5 ${rond(r.p975)}  p99 ${rond(r.p99)} ms, CPU ${rond(r.cpuMsPerVerzoek)} ms/verzoek  | vloer ${rond(vloer.reqPerS)} req/s p97.5 ${rond(vloer.p975)} ms CPU ${rond(vloer.cpuMsPerVerzoek)} ms  → ${rond(r.verhouding)}× (CPU ${rond(r.cpuVerhouding)}×)${r.fouten ? `  ${r.fouten} FOUTEN` : ''}`,
      );
    }
    resultaat.http = { routes: http };
    log(`4. HTTP bij ${VERBINDINGEN} verbindingen, ${DUUR} s per route en per vloer`);

    // 5. import of 100 000 KPI values next to COPY of the same rows
    meter.fase('import');
    const tl = await aanmelden(basis, 'teamleider@import.bench.example');
    const account = await json(
      await fetch(`${basis}/api/v1/kwartaalverantwoordingen`, {
        method: 'POST',
        headers: { ...tl, 'content-type': 'application/json' },
        body: JSON.stringify({ rapportageperiodeId: importData.rapportageperiodeId }),
      }),
      201,
    );
    const etag = (
      await fetch(`${basis}/api/v1/kwartaalverantwoordingen/${account.id}`, { headers: tl })
    ).headers.get('etag');
    const form = new FormData();
    form.append('bestand', new Blob([importData.csv]), 'export.csv');
    start = nu();
    const importRes = await fetch(
      `${basis}/api/v1/kwartaalverantwoordingen/${account.id}/imports`,
      {
        method: 'POST',
        headers: { ...tl, 'If-Match': etag },
        body: form,
      },
    );
    const importBody = await json(importRes, 201);
    const importMs = ms(start);
    meter.fase('tussen');
    start = nu();
    const copy = spawnSync(
      'psql',
      [
        databaseUrl,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy kpi_waarden (kwartaalverantwoording_id, kpi_id, kpi_versie_id, perceel_id, waarde, toelichting) FROM '${importData.copyBestand}' CSV`,
      ],
      { encoding: 'utf8' },
    );
    const copyMs = ms(start);
    fs.rmSync(importData.copyBestand, { force: true });
    if (copy.status !== 0) throw new Error(`COPY mislukt: ${copy.stderr}`);
    resultaat.import = {
      rijen: IMPORT_RIJEN,
      toegevoegd: importBody.toegevoegd,
      ms: importMs,
      copyMs,
      verhouding: importMs / copyMs,
      apiRssMb: meter.piek('import', 'api'),
    };
    log(
      `5. import van ${IMPORT_RIJEN.toLocaleString('nl-NL')} KPI-waarden (CSV over HTTP): ${Math.round(importMs)} ms; COPY van dezelfde rijen ${Math.round(copyMs)} ms`,
    );

    resultaat.geheugen = {
      api: { piekMb: rss(api.pid).hwm, perFase: {} },
      worker: { piekMb: workerPiekMb, perFase: {} },
    };
    for (const [sleutel, mb] of Object.entries(meter.pieken)) {
      const [fase, proc] = sleutel.split('|');
      resultaat.geheugen[proc].perFase[fase] = mb;
    }
    await app.close();
    app = undefined;
    await stopProces(api);
    await stopProces(worker);

    // 2b. start to ready, embedded: empty (first start, demo data) and again with its data
    if (!ZONDER_EMBEDDED) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wk-bench-embedded-'));
      const embeddedEnv = {
        DATABASE_URL: undefined,
        REDIS_URL: undefined,
        JWT_SECRET: undefined,
        DATA_DIR: dataDir,
        PORT: String(EMBEDDED_POORT),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
      };
      const eBasis = `http://127.0.0.1:${EMBEDDED_POORT}`;
      const metingen = [];
      for (const naam of ['leeg', 'met gegevens']) {
        const s = nu();
        const proc = startProces('apps/api/src/main.js', embeddedEnv, log);
        await wachtOpKlaar(eBasis, proc, 300_000);
        const klaar = ms(s);
        await slaap(1000);
        metingen.push({ naam, ms: klaar, rssMb: rss(proc.pid).rss, piekMb: rss(proc.pid).hwm });
        await stopProces(proc);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      resultaat.start.embeddedLeegMs = metingen[0].ms;
      resultaat.start.embeddedMetDataMs = metingen[1].ms;
      resultaat.start.embeddedRss = metingen;
      log(
        `   start embedded: leeg ${Math.round(metingen[0].ms)} ms, met gegevens ${Math.round(metingen[1].ms)} ms; RSS ${Math.round(metingen[0].piekMb)} / ${Math.round(metingen[1].piekMb)} MB`,
      );
    }

    druk(resultaat);
    const uit =
      JSON_UIT ?? path.join(root, 'tmp', `bench-${resultaat.datum.replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(uit), { recursive: true });
    fs.writeFileSync(uit, `${JSON.stringify(resultaat, null, 2)}\n`);
    log(`\nJSON: ${path.relative(process.cwd(), uit)}`);
  } finally {
    meter.stop();
    if (app) await app.close().catch(() => undefined);
    await stopProces(api);
    await stopProces(worker);
    await client.end().catch(() => undefined);
    if (!BESTAAND && !BEHOUD) {
      const a = new Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${dbNaam} WITH (FORCE)`);
      await a.end();
    } else log(`database bewaard: ${dbNaam}`);
  }
}

/** The table: every figure next to its floor and target. */
function druk(r) {
  const rijen = [];
  const rij = (wat, gemeten, vloer, verhouding, doel, gehaald) =>
    rijen.push([
      wat,
      gemeten,
      vloer,
      verhouding,
      doel,
      gehaald === undefined ? '' : gehaald ? 'ja' : 'NEE',
    ]);
  for (const h of r.http.routes)
    rij(
      `HTTP ${h.naam}`,
      `${rond(h.reqPerS)} req/s, p50 ${rond(h.p50)} / p97.5 ${rond(h.p975)} / p99 ${rond(h.p99)} ms, CPU ${rond(h.cpuMsPerVerzoek)} ms${h.fouten ? `, ${h.fouten} fouten` : ''}`,
      `${rond(h.vloer.reqPerS)} req/s, p97.5 ${rond(h.vloer.p975)} ms, CPU ${rond(h.vloer.cpuMsPerVerzoek)} ms`,
      `${rond(h.verhouding)}× (CPU ${rond(h.cpuVerhouding)}×)`,
      '≤ 3×',
      h.verhouding <= 3 && !h.fouten && h.aantal > 0,
    );
  const d = r.dossierEen;
  rij(
    'één dossier (laden + samenstellen + opslaan)',
    `${rond(d.geheelMs)} ms (laden ${rond(d.ladenMs)})`,
    `SQL ${rond(d.sqlMs)} ms (${d.sqlRijen} rijen)`,
    `${rond(d.geheelMs / d.sqlMs)}×`,
    '≤ 5×',
    d.geheelMs / d.sqlMs <= 5,
  );
  const a = r.dossiersAlle;
  rij(
    `alle ${a.aantal} dossiers, worker (2 tegelijk)`,
    `${rond(a.ms / 1000)} s (${rond(a.perDossierMs)} ms per dossier; worker-CPU ${rond(a.workerCpuMsPerDossier)} ms per dossier)`,
    `SQL ${rond(a.sqlMs / 1000)} s`,
    `${rond(a.ms / a.sqlMs)}×`,
    '≤ 5×',
    a.ms / a.sqlMs <= 5,
  );
  const i = r.import;
  rij(
    `import ${i.rijen.toLocaleString('nl-NL')} KPI-waarden (CSV, HTTP)`,
    `${Math.round(i.ms)} ms`,
    `COPY ${Math.round(i.copyMs)} ms`,
    `${rond(i.verhouding)}×`,
    '≤ 3×',
    i.verhouding <= 3,
  );
  const g = r.geheugen;
  const httpPiek = Math.max(...r.http.routes.map((h) => h.apiRssMb ?? 0));
  rij(
    'piek-RSS API (hele run)',
    `${Math.round(g.api.piekMb)} MB (HTTP ${Math.round(httpPiek)}, import ${Math.round(i.apiRssMb ?? 0)})`,
    '',
    '',
    '< 300 MB',
    g.api.piekMb < 300,
  );
  rij(
    'piek-RSS worker (hele run)',
    `${Math.round(g.worker.piekMb)} MB`,
    '',
    '',
    '< 300 MB',
    g.worker.piekMb < 300,
  );
  rij(
    'start tot klaar, server met gegevens',
    `${Math.round(r.start.serverMetDataMs)} ms`,
    '',
    '',
    '',
    undefined,
  );
  if (r.start.embeddedLeegMs !== undefined) {
    rij(
      'start tot klaar, embedded leeg (eerste start)',
      `${Math.round(r.start.embeddedLeegMs)} ms`,
      '',
      '',
      '',
      undefined,
    );
    rij(
      'start tot klaar, embedded met gegevens',
      `${Math.round(r.start.embeddedMetDataMs)} ms`,
      '',
      '',
      '',
      undefined,
    );
  }
  if (r.generatie)
    rij('generator (met migraties)', `${rond(r.generatie.ms / 1000)} s`, '', '', '', undefined);
  const kop = ['wat', 'gemeten', 'vloer', 'verhouding', 'doel', 'gehaald'];
  const breedte = kop.map((k, j) => Math.max(k.length, ...rijen.map((x) => String(x[j]).length)));
  const lijn = (x) => x.map((c, j) => String(c).padEnd(breedte[j])).join(' | ');
  console.log(`\n${lijn(kop)}\n${breedte.map((b) => '-'.repeat(b)).join('-|-')}`);
  for (const x of rijen) console.log(lijn(x));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
