#!/usr/bin/env node
'use strict';
/* global Buffer, URL, setTimeout */

/*
 * Benchmark of dossier assembly: boots the built application in this process on a real
 * PostgreSQL, fills a gemeente with 10 aanbieders, each with 40 KPIs, 8 quarters of adopted
 * accounts (a figure per KPI, perceel and quarter), 30 case stories in the dossier's quarter,
 * and open signals, and measures:
 *
 *   1. one dossier, as the job does it: load (read-only snapshot), assemble (pure core), store
 *      (new version in one transaction) — each phase and the whole, over several runs;
 *   2. all 10 dossiers of the gemeente, one after the other in this process;
 *   3. all 10 dossiers through the queue: requested over the service, processed by the
 *      worker (BullMQ, concurrency 2) until every one is gereed;
 *   4. rendering one dossier to HTML and, when Chromium is there, to PDF.
 *
 *   npm run build && npm run bench                                   embedded PostgreSQL (PGlite, in memory)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench
 *                                                                    PostgreSQL server (a temporary database is
 *                                                                    created and dropped); REDIS_URL for Redis queues
 *   node scripts/bench.js --aanbieders 10 --kpis 40 --kwartalen 8 --verhalen 30 --herhalingen 5
 *
 * WK_DIST points at another build directory.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.resolve(process.env.WK_DIST || path.join(root, 'dist'));

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

function argument(naam, standaard) {
  const index = process.argv.indexOf(`--${naam}`);
  if (index < 0) return standaard;
  const waarde = Number(process.argv[index + 1]);
  if (!Number.isInteger(waarde) || waarde < 1)
    fail(`--${naam} moet een positief geheel getal zijn`);
  return waarde;
}

const AANBIEDERS = argument('aanbieders', 10);
const KPIS = argument('kpis', 40);
const KWARTALEN = argument('kwartalen', 8);
const VERHALEN = argument('verhalen', 30);
const HERHALINGEN = argument('herhalingen', 5);
const PERCELEN = 3;
const PERIODE = '2026-Q3';

function ms(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function rond(waarde) {
  return waarde >= 100 ? String(Math.round(waarde)) : waarde.toFixed(1);
}

function statistiek(tijden) {
  const gesorteerd = [...tijden].sort((a, b) => a - b);
  const mediaan = gesorteerd[Math.floor(gesorteerd.length / 2)];
  return `mediaan ${rond(mediaan)} ms (min ${rond(gesorteerd[0])}, max ${rond(gesorteerd[gesorteerd.length - 1])})`;
}

/** Multi-row INSERT in chunks: rows are arrays in column order. */
async function voegIn(dataSource, tabel, kolommen, rijen, chunk = 500) {
  const uit = [];
  for (let i = 0; i < rijen.length; i += chunk) {
    const deel = rijen.slice(i, i + chunk);
    const params = [];
    const waarden = deel.map((rij) => {
      const plekken = rij.map((waarde) => {
        params.push(waarde);
        return `$${params.length}`;
      });
      return `(${plekken.join(', ')})`;
    });
    uit.push(
      ...(await dataSource.query(
        `INSERT INTO ${tabel} (${kolommen.join(', ')}) VALUES ${waarden.join(', ')} RETURNING id`,
        params,
      )),
    );
  }
  return uit.map((r) => r.id);
}

async function maakGegevens(dataSource, verantwoording) {
  const [gemeente] = await dataSource.query(
    `INSERT INTO gemeenten (naam, cbs_code) VALUES ('Gemeente Benchmarkstad', 'GM8998') RETURNING id`,
  );
  const [auteur] = await dataSource.query(
    `INSERT INTO organisaties (naam, soort, gemeente_id) VALUES ('Gemeente Benchmarkstad', 'gemeente', $1) RETURNING id`,
    [gemeente.id],
  );
  const [gebruiker] = await dataSource.query(
    `INSERT INTO gebruikers (email, password_hash)
     VALUES ('bench@benchmarkstad.example', 'x') RETURNING id`,
  );
  await dataSource.query(
    `INSERT INTO gebruiker_gemeenten (gebruiker_id, gemeente_id, organisatie_id, naam)
     VALUES ($1, $2, $3, 'Bench')`,
    [gebruiker.id, gemeente.id, auteur.id],
  );
  const kwartalen = Array.from({ length: KWARTALEN }, (_, i) =>
    verantwoording.verschuifKwartaal(PERIODE, i - KWARTALEN + 1),
  );
  const jaren = [...new Set(kwartalen.map((q) => q.slice(0, 4)))];
  const aanbieders = [];
  for (let a = 0; a < AANBIEDERS; a++) {
    const [aanbieder] = await dataSource.query(
      `INSERT INTO organisaties (soort, kvk_nummer) VALUES ('aanbieder', $1) RETURNING id`,
      [String(80000000 + a)],
    );
    await dataSource.query(
      `INSERT INTO aanbieder_gemeenten (aanbieder_id, gemeente_id, naam) VALUES ($1, $2, $3)`,
      [aanbieder.id, gemeente.id, `Wijkteam Benchmark ${a + 1}`],
    );
    const percelen = await voegIn(
      dataSource,
      'percelen',
      ['gemeente_id', 'naam'],
      Array.from({ length: PERCELEN }, (_, p) => [gemeente.id, `Perceel ${a + 1}-${p + 1}`]),
    );
    await voegIn(
      dataSource,
      'perceel_toewijzingen',
      ['perceel_id', 'aanbieder_id', 'van'],
      percelen.map((p) => [p, aanbieder.id, '2019-01-01']),
    );
    const [hoofd] = await dataSource.query(
      `INSERT INTO hoofdopdrachten (gemeente_id, aanbieder_id, titel, startdatum, einddatum)
       VALUES ($1, $2, $3, '2019-01-01', '2030-12-31') RETURNING id`,
      [gemeente.id, aanbieder.id, `Sociaal wijkteam ${a + 1}`],
    );
    const [ambitie] = await dataSource.query(
      `INSERT INTO doelen (gemeente_id, hoofdopdracht_id, niveau, titel) VALUES ($1, $2, 'ambitie', 'Inwoners doen mee') RETURNING id`,
      [gemeente.id, hoofd.id],
    );
    const doelen = await voegIn(
      dataSource,
      'doelen',
      ['gemeente_id', 'hoofdopdracht_id', 'parent_id', 'niveau', 'titel'],
      Array.from({ length: 4 }, (_, d) => [
        gemeente.id,
        hoofd.id,
        ambitie.id,
        'doel',
        `Doel ${d + 1}`,
      ]),
    );
    const kpis = await voegIn(
      dataSource,
      'kpis',
      ['gemeente_id', 'hoofdopdracht_id', 'code', 'doel_ids'],
      Array.from({ length: KPIS }, (_, k) => [
        gemeente.id,
        hoofd.id,
        `B${a + 1}-${String(k + 1).padStart(3, '0')}`,
        [doelen[k % doelen.length]],
      ]),
    );
    const versies = await voegIn(
      dataSource,
      'kpi_versies',
      [
        'kpi_id',
        'versie',
        'naam',
        'definitie',
        'type',
        'eenheid',
        'richting',
        'frequentie',
        'aggregatie',
        'per_perceel',
        'geldig_vanaf',
      ],
      kpis.map((kpi, k) => [
        kpi,
        1,
        `Benchmarkindicator ${k + 1}`,
        'Aantal inwoners per perceel per kwartaal.',
        'output',
        k % 2 ? 'percentage' : 'aantal',
        'hoger-is-beter',
        'kwartaal',
        k % 2 ? 'gemiddelde' : 'som',
        true,
        '2020-Q1',
      ]),
    );
    await voegIn(
      dataSource,
      'kpi_normen',
      ['kpi_id', 'periode', 'streefwaarde', 'tolerantie_let_op', 'tolerantie_uit_koers'],
      kpis.flatMap((kpi, k) => jaren.map((jaar) => [kpi, jaar, String(60 + k), '3', '8'])),
    );
    for (const [q, kwartaal] of kwartalen.entries()) {
      const { begindatum, einddatum } = verantwoording.periodeDatums(kwartaal);
      const [periode] = await dataSource.query(
        `INSERT INTO rapportageperiodes (gemeente_id, aanbieder_id, periode, begindatum, einddatum, deadline)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
        [gemeente.id, aanbieder.id, kwartaal, begindatum, einddatum],
      );
      const [account] = await dataSource.query(
        `INSERT INTO kwartaalverantwoordingen (gemeente_id, aanbieder_id, rapportageperiode_id, periode, revisie, status,
           hoogtepunten, knelpunten, vooruitblik, budget_begroot_centen, budget_gerealiseerd_centen, formatie_fte, vacatures_fte)
         VALUES ($1, $2, $3, $4, 1, 'vastgesteld', 'Hoogtepunten van het kwartaal.', 'Knelpunten van het kwartaal.',
           'Vooruitblik op het volgende kwartaal.', 100000000, 97500000, 21.5, 1.5) RETURNING id`,
        [gemeente.id, aanbieder.id, periode.id, kwartaal],
      );
      await voegIn(
        dataSource,
        'kpi_waarden',
        [
          'kwartaalverantwoording_id',
          'kpi_id',
          'kpi_versie_id',
          'perceel_id',
          'waarde',
          'toelichting',
        ],
        kpis.flatMap((kpi, k) =>
          percelen.map((perceel, p) => [
            account.id,
            kpi,
            versies[k],
            perceel,
            String(50 + ((k * 7 + q * 3 + p * 5) % 30)),
            p === 0 && k % 5 === 0 ? `Toelichting bij indicator ${k + 1}.` : null,
          ]),
        ),
      );
    }
    await voegIn(
      dataSource,
      'casussen',
      [
        'gemeente_id',
        'aanbieder_id',
        'periode',
        'titel',
        'situatie',
        'aanpak',
        'effect',
        'les',
        'perceel_id',
        'kpi_ids',
        'doel_ids',
        'auteur_id',
      ],
      Array.from({ length: VERHALEN }, (_, v) => [
        gemeente.id,
        aanbieder.id,
        PERIODE,
        `Verhaal ${v + 1} uit perceel ${(v % PERCELEN) + 1}`,
        'Een inwoner meldde zich met meerdere vragen tegelijk.',
        'Eén vaste contactpersoon maakte samen met de inwoner een plan.',
        'De inwoner pakt de draad weer zelf op.',
        'Eén gezicht werkt beter dan drie loketten.',
        percelen[v % PERCELEN],
        [kpis[v % kpis.length], kpis[(v * 3) % kpis.length]],
        [doelen[v % doelen.length]],
        gebruiker.id,
      ]),
    );
    await voegIn(
      dataSource,
      'signalen',
      [
        'gemeente_id',
        'organisatie_id',
        'titel',
        'waarneming',
        'soort',
        'status',
        'periode',
        'ingebracht_door_id',
        'antwoord_termijn',
      ],
      Array.from({ length: 5 }, (_, s) => [
        gemeente.id,
        aanbieder.id,
        `Signaal ${s + 1}`,
        'Wat het team in de praktijk zag.',
        'aanbod',
        'nieuw',
        PERIODE,
        gebruiker.id,
        '2026-10-01',
      ]),
    );
    aanbieders.push(aanbieder.id);
  }
  return { gemeenteId: gemeente.id, aanbieders, kwartalen };
}

/**
 * The statements the loader sends for one snapshot, counted on its own connection (the queue
 * polls on others). test/dossier-queries.e2e-spec.ts proves the count does not grow with size.
 */
async function telQueries(dataSource, loader, scope) {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const client = runner.databaseConnection;
  const origineel = client.query;
  let aantal = 0;
  client.query = function (...args) {
    aantal++;
    return origineel.apply(this, args);
  };
  try {
    await loader.laad(runner.manager, scope);
    return aantal;
  } finally {
    client.query = origineel;
    await runner.release();
  }
}

async function main() {
  if (!fs.existsSync(path.join(dist, 'libs', 'dossiers', 'src', 'index.js')))
    fail(
      `${path.relative(root, dist) || dist}/libs/dossiers/src/index.js ontbreekt. Draai eerst \`npm run build\`.`,
    );

  process.env.NODE_ENV = 'production';
  process.env.LOG_LEVEL ??= 'error';
  process.env.JWT_SECRET ??= crypto.randomBytes(48).toString('base64url');
  process.env.QUEUE_PREFIX = `wk-bench-${process.pid}`;

  const core = require(path.join(dist, 'libs', 'core', 'src'));
  const dossiers = require(path.join(dist, 'libs', 'dossiers', 'src'));
  const verantwoording = require(path.join(dist, 'libs', 'verantwoording', 'src'));
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
    process.env.QUEUE_POLL_SECONDS = '1';
  }
  const modus = serverUrl
    ? `PostgreSQL-server, wachtrij op ${process.env.REDIS_URL ? 'Redis' : 'PostgreSQL'}`
    : 'ingebouwde PostgreSQL (PGlite, in geheugen), wachtrij op PostgreSQL';

  // The worker runs in this process too (section 3); it only sees jobs once they are added.
  const config = { ...core.loadConfig(process.env), runWorker: true, seedDemo: false, port: 0 };
  const app = await createApiApp(config);
  const { DataSource } = require('typeorm');
  const dataSource = app.get(DataSource);
  const samensteller = app.get(dossiers.DossierSamensteller);
  const service = app.get(dossiers.DossierService);
  const audit = app.get(core.AuditService);

  try {
    const opzet = process.hrtime.bigint();
    const gegevens = await maakGegevens(dataSource, verantwoording);
    const [{ waarden }] = await dataSource.query(
      'SELECT count(*)::int AS waarden FROM kpi_waarden',
    );
    console.log(
      `bench: dossiers, ${modus}\n` +
        `gemeente met ${AANBIEDERS} aanbieders, elk ${KPIS} KPI's × ${KWARTALEN} kwartalen × ${PERCELEN} percelen, ` +
        `${VERHALEN} verhalen in ${PERIODE}; ${waarden.toLocaleString('nl-NL')} KPI-waarden; opzet ${Math.round(ms(opzet))} ms\n`,
    );

    /** A new run for an aanbieder, without the queue (the job's own steps are measured). */
    const nieuweRun = (aanbiederId) =>
      dataSource.transaction(async (manager) => {
        const { dossier } = await dossiers.voegAanvraagToe(
          manager,
          {
            gemeenteId: gegevens.gemeenteId,
            aanbiederId,
            periode: PERIODE,
            overlegId: null,
            aanleiding: 'op-verzoek',
            aangevraagdDoorId: null,
          },
          { system: 'bench', gemeenteId: gegevens.gemeenteId },
          audit,
        );
        return dossier;
      });

    // 1. one dossier, phase by phase and as a whole
    const eerste = gegevens.aanbieders[0];
    const laden = [];
    const samenstellen = [];
    const opslaan = [];
    const geheel = [];
    let document;
    let laatsteScope;
    for (let i = 0; i < HERHALINGEN + 1; i++) {
      const run = await nieuweRun(eerste);
      const scope = samensteller.scope(run);
      laatsteScope = scope;
      let start = process.hrtime.bigint();
      const snapshot = await samensteller.laadAlleenLezen(scope);
      const tLaden = ms(start);
      start = process.hrtime.bigint();
      document = dossiers.assembleerDossier(snapshot);
      const hash = dossiers.dossierHash(document);
      const tSamenstellen = ms(start);
      start = process.hrtime.bigint();
      await dataSource.transaction((manager) =>
        dossiers.bewaarVersie(
          manager,
          run.id,
          document,
          hash,
          { system: 'bench', gemeenteId: gegevens.gemeenteId },
          audit,
        ),
      );
      const tOpslaan = ms(start);
      // The first run warms up connections and code paths; it is not counted.
      if (i === 0) continue;
      laden.push(tLaden);
      samenstellen.push(tSamenstellen);
      opslaan.push(tOpslaan);
    }
    for (let i = 0; i < HERHALINGEN; i++) {
      const run = await nieuweRun(eerste);
      const start = process.hrtime.bigint();
      const uitkomst = await samensteller.verwerk(run.id);
      geheel.push(ms(start));
      if (uitkomst !== 'gereed') throw new Error(`verwerk gaf ${uitkomst}`);
    }
    const grootte = Buffer.byteLength(JSON.stringify(document));
    console.log(
      `1. Eén dossier (${KPIS} KPI's × ${KWARTALEN} kwartalen × ${VERHALEN} verhalen), ${HERHALINGEN} keer:`,
    );
    const queries = await telQueries(dataSource, app.get(dossiers.DossierLoader), laatsteScope);
    console.log(`   laden (alleen-lezen, ${queries} queries)`.padEnd(41) + statistiek(laden));
    console.log(`   samenstellen (pure kern + hash)       ${statistiek(samenstellen)}`);
    console.log(`   opslaan (nieuwe versie, 1 transactie) ${statistiek(opslaan)}`);
    console.log(`   geheel, zoals de taak het doet        ${statistiek(geheel)}`);
    console.log(`   documentgrootte ${(grootte / 1024).toFixed(0)} kB JSON\n`);

    // 2. all dossiers of the gemeente, one after the other
    let start = process.hrtime.bigint();
    for (const aanbiederId of gegevens.aanbieders) {
      const run = await nieuweRun(aanbiederId);
      const uitkomst = await samensteller.verwerk(run.id);
      if (uitkomst !== 'gereed') throw new Error(`verwerk gaf ${uitkomst}`);
    }
    const achterElkaar = ms(start);
    console.log(
      `2. Alle ${AANBIEDERS} dossiers van de gemeente achter elkaar: ${Math.round(achterElkaar)} ms ` +
        `(${rond(achterElkaar / AANBIEDERS)} ms per dossier)\n`,
    );

    // 3. all dossiers through the queue and the worker
    start = process.hrtime.bigint();
    const aangevraagd = [];
    for (const aanbiederId of gegevens.aanbieders)
      aangevraagd.push(
        await service.vraagAan(gegevens.gemeenteId, aanbiederId, PERIODE, {
          aanleiding: 'planning',
        }),
      );
    const ids = aangevraagd.map((d) => d.id);
    const deadline = Date.now() + 300_000;
    for (;;) {
      const [{ open, mislukt }] = await dataSource.query(
        `SELECT count(*) FILTER (WHERE status IN ('wachtrij', 'bezig'))::int AS open,
                count(*) FILTER (WHERE status = 'mislukt')::int AS mislukt
         FROM dossiers WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      if (mislukt > 0) throw new Error(`${mislukt} dossier(s) mislukt via de wachtrij`);
      if (open === 0) break;
      if (Date.now() > deadline) throw new Error('wachtrij niet leeg binnen 5 minuten');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const viaWachtrij = ms(start);
    console.log(
      `3. Alle ${AANBIEDERS} dossiers via de wachtrij (aanvragen tot alles gereed, worker met 2 tegelijk): ${Math.round(viaWachtrij)} ms\n`,
    );

    // 4. rendering
    const html = [];
    let tekst;
    for (let i = 0; i < HERHALINGEN; i++) {
      const s = process.hrtime.bigint();
      tekst = dossiers.renderDossierHtml(document, { versie: 1 });
      html.push(ms(s));
    }
    console.log(
      `4. HTML (${(Buffer.byteLength(tekst) / 1024).toFixed(0)} kB): ${statistiek(html)}`,
    );
    const pdfService = app.get(core.PdfService);
    if (pdfService.beschikbaar()) {
      const pdf = [];
      let bytes = 0;
      for (let i = 0; i < Math.min(HERHALINGEN, 3) + 1; i++) {
        const s = process.hrtime.bigint();
        const buffer = await pdfService.render(tekst, { voettekst: document.titel });
        if (i > 0) pdf.push(ms(s)); // the first starts Chromium
        bytes = buffer.length;
      }
      console.log(
        `   PDF (${(bytes / 1024).toFixed(0)} kB, Chromium al gestart): ${statistiek(pdf)}`,
      );
    } else console.log('   PDF: overgeslagen, geen Chromium');

    console.log(
      `\nnode ${process.version}, ${os.cpus().length} cpu('s) ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GB`,
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
