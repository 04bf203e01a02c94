#!/usr/bin/env node
'use strict';
/* global URL */

/*
 * Scale generator: writes a realistic, deterministic data set into DATABASE_URL (a PostgreSQL
 * server), up to the size of the country. Every row is made inside PostgreSQL with one
 * INSERT … SELECT over generate_series per table (set-based bulk inserts: no row crosses the
 * wire), ids are md5 hashes of their position, every value a function of its position, so
 * two runs with the same options write the same data.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/wk_groot npm run generate -- \
 *     --gemeenten 340 --aanbieders 4 --kpis 40 --kwartalen 8 --percelen 3
 *
 * Per gemeente: a contractmanager and a beheerder; per aanbieder (in each gemeente): a
 * directeur, `--percelen` percelen (each with a wijk) assigned to it, a hoofdopdracht with its
 * version, yearly budgets and doelen, `--kpis` KPIs with a version and norms, a reporting period
 * and an account per quarter (adopted, the last one submitted) with a figure per KPI, perceel and
 * quarter, `--verhalen` case stories and `--signalen` signals per quarter, a verantwoordingsgesprek
 * per quarter, a theory of change, `--opdrachten` aanvullende opdrachten; `--notificaties` per
 * contractmanager. The last quarter is `--tot` (default 2026-Q3). Users log in with the password
 * `--wachtwoord` (default "bench-wachtwoord-2026"); their e-mail addresses are
 * contractmanager@g001.bench.example, beheerder@g001.bench.example, directeur@g001-a1.bench.example.
 *
 * The database must be empty of gemeenten (migrations are run first). ANALYZE at the end.
 */

const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const dist = path.resolve(process.env.WK_DIST || path.join(root, 'dist'));

const STANDAARD = {
  gemeenten: 20,
  aanbieders: 4,
  kpis: 40,
  kwartalen: 8,
  percelen: 3,
  verhalen: 4,
  signalen: 2,
  opdrachten: 3,
  notificaties: 20,
};

const KPI_NAMEN = [
  'Aantal nieuwe hulpvragen',
  'Percentage vragen binnen vijf werkdagen opgepakt',
  'Aantal lopende trajecten',
  'Gemiddelde duur van een traject in dagen',
  'Percentage trajecten afgesloten met doel bereikt',
  'Aantal verwijzingen naar maatwerk',
  'Aantal inwoners met een vaste contactpersoon',
  'Percentage inwoners tevreden over de hulp',
  'Aantal collectieve activiteiten in de wijk',
  'Aantal deelnemers aan collectieve activiteiten',
  'Aantal vroegsignaleringen schulden',
  'Percentage schuldhulp binnen drie dagen gestart',
  'Aantal huisbezoeken',
  'Aantal casusoverleggen met partners',
  'Percentage terugval binnen een jaar',
  'Aantal mantelzorgers ondersteund',
  'Aantal jongeren bereikt',
  'Aantal meldingen huiselijk geweld opgepakt',
  'Percentage inwoners dat zelf weer verder kan',
  'Aantal vrijwilligers actief',
];
const VERHAAL_TITELS = [
  'Eén plan voor het hele gezin',
  'Van schulden naar overzicht',
  'De buurvrouw die aan de bel trok',
  'Weer naar school na maanden thuis',
  'Mantelzorg die te zwaar werd',
  'Samen met de huisarts',
];
const SIGNAAL_SOORTEN = [
  'regels',
  'aanbod',
  'samenwerking',
  'zijsturing',
  'financiering',
  'anders',
];

function fail(message) {
  console.error(`generate: ${message}`);
  process.exit(1);
}

function opties(argv = process.argv.slice(2)) {
  const uit = { ...STANDAARD, tot: '2026-Q3', wachtwoord: 'bench-wachtwoord-2026' };
  for (let i = 0; i < argv.length; i++) {
    const naam = argv[i].replace(/^--/, '');
    if (!(naam in uit)) fail(`onbekende optie ${argv[i]}`);
    const waarde = argv[++i];
    if (naam === 'tot') {
      if (!/^\d{4}-Q[1-4]$/.test(waarde ?? '')) fail('--tot moet een kwartaal zijn, zoals 2026-Q3');
      uit.tot = waarde;
    } else if (naam === 'wachtwoord') uit.wachtwoord = waarde;
    else {
      const getal = Number(waarde);
      if (!Number.isInteger(getal) || getal < 1 || getal > 100_000)
        fail(`--${naam} moet een positief geheel getal zijn`);
      uit[naam] = getal;
    }
  }
  if (uit.gemeenten > 9999) fail('--gemeenten hoogstens 9999');
  return uit;
}

/** The quarters up to and including `tot`, oldest first, with their dates. */
function kwartalen(tot, aantal) {
  const [jaar, k] = [Number(tot.slice(0, 4)), Number(tot.slice(6))];
  const uit = [];
  for (let i = aantal - 1; i >= 0; i--) {
    const index = jaar * 4 + (k - 1) - i;
    const j = Math.floor(index / 4);
    const q = (index % 4) + 1;
    const beginMaand = (q - 1) * 3 + 1;
    const eind = new Date(Date.UTC(j, beginMaand + 2, 0));
    const deadline = new Date(eind.getTime() + 30 * 86400_000);
    const gesprek = new Date(eind.getTime() + 45 * 86400_000);
    uit.push({
      periode: `${j}-Q${q}`,
      begin: `${j}-${String(beginMaand).padStart(2, '0')}-01`,
      eind: eind.toISOString().slice(0, 10),
      deadline: deadline.toISOString().slice(0, 10),
      gesprek: `${gesprek.toISOString().slice(0, 10)}T09:00:00Z`,
    });
  }
  return uit;
}

/**
 * id of a generated row: the md5 of its kind and position, made a valid version-4 uuid (the
 * API checks path parameters as uuids).
 */
const id = (...delen) =>
  `overlay(overlay(md5(concat_ws(':', ${delen.join(', ')})) placing '4' from 13) placing '8' from 17)::uuid`;

/** The statements, in order; each one INSERT … SELECT over its positions. */
function statements(o, kw) {
  const G = o.gemeenten;
  const A = o.aanbieders;
  const K = o.kpis;
  const P = o.percelen;
  const ga = `generate_series(1, ${G}) g, generate_series(1, ${A}) a`;
  const kwartaal = `unnest($1::text[], $2::date[], $3::date[], $4::date[], $5::timestamptz[]) WITH ORDINALITY AS kw(periode, begin, eind, deadline, gesprek, q)`;
  const kwParams = [
    kw.map((x) => x.periode),
    kw.map((x) => x.begin),
    kw.map((x) => x.eind),
    kw.map((x) => x.deadline),
    kw.map((x) => x.gesprek),
  ];
  const Q = kw.length;
  const jaren = [...new Set(kw.map((x) => x.periode.slice(0, 4)))];
  const g3 = `lpad(g::text, ${String(G).length < 3 ? 3 : String(G).length}, '0')`;
  return [
    [
      'gemeenten',
      `INSERT INTO gemeenten (id, naam, cbs_code)
       SELECT ${id("'gm'", 'g')}, 'Gemeente Benchstad ' || ${g3}, 'GM' || lpad(g::text, 4, '0')
         FROM generate_series(1, ${G}) g`,
    ],
    [
      'organisaties',
      `INSERT INTO organisaties (id, naam, soort, gemeente_id, kvk_nummer)
       SELECT ${id("'go'", 'g')}, 'Gemeente Benchstad ' || ${g3}, 'gemeente', ${id("'gm'", 'g')}, NULL
         FROM generate_series(1, ${G}) g
       UNION ALL
       -- an aanbieder's name is per gemeente (aanbieder_gemeenten); its KvK number is unique
       SELECT ${id("'ab'", 'g', 'a')}, NULL, 'aanbieder', NULL, lpad((g * 100 + a)::text, 8, '0')
         FROM ${ga}`,
    ],
    [
      'aanbieder_gemeenten',
      `INSERT INTO aanbieder_gemeenten (aanbieder_id, gemeente_id, naam)
       SELECT ${id("'ab'", 'g', 'a')}, ${id("'gm'", 'g')}, 'Wijkteams ' || ${g3} || '-' || a
         FROM ${ga}`,
    ],
    [
      'gebruikers',
      `INSERT INTO gebruikers (id, email, password_hash)
       SELECT ${id("'uc'", 'g')}, 'contractmanager@g' || ${g3} || '.bench.example', $1
         FROM generate_series(1, ${G}) g
       UNION ALL
       SELECT ${id("'ub'", 'g')}, 'beheerder@g' || ${g3} || '.bench.example', $1
         FROM generate_series(1, ${G}) g
       UNION ALL
       SELECT ${id("'ud'", 'g', 'a')}, 'directeur@g' || ${g3} || '-a' || a || '.bench.example', $1
         FROM ${ga}`,
      'hash',
    ],
    [
      // A person's name and organisation are per gemeente.
      'gebruiker_gemeenten',
      `INSERT INTO gebruiker_gemeenten (gebruiker_id, gemeente_id, naam, organisatie_id)
       SELECT ${id("'uc'", 'g')}, ${id("'gm'", 'g')}, 'Contractmanager ' || ${g3}, ${id("'go'", 'g')}
         FROM generate_series(1, ${G}) g
       UNION ALL
       SELECT ${id("'ub'", 'g')}, ${id("'gm'", 'g')}, 'Beheerder ' || ${g3}, ${id("'go'", 'g')}
         FROM generate_series(1, ${G}) g
       UNION ALL
       SELECT ${id("'ud'", 'g', 'a')}, ${id("'gm'", 'g')}, 'Directeur ' || ${g3} || '-' || a,
              ${id("'ab'", 'g', 'a')}
         FROM ${ga}`,
    ],
    [
      'gebruiker_rollen',
      `INSERT INTO gebruiker_rollen (gebruiker_id, gemeente_id, rol)
       SELECT ${id("'uc'", 'g')}, ${id("'gm'", 'g')}, 'contractmanager' FROM generate_series(1, ${G}) g
       UNION ALL
       SELECT ${id("'ub'", 'g')}, ${id("'gm'", 'g')}, 'beheerder' FROM generate_series(1, ${G}) g
       UNION ALL
       SELECT ${id("'ud'", 'g', 'a')}, ${id("'gm'", 'g')}, 'directeur' FROM ${ga}`,
    ],
    [
      'wijken',
      `INSERT INTO wijken (id, gemeente_id, cbs_code, naam)
       SELECT ${id("'wk'", 'g', 'a', 'p')}, ${id("'gm'", 'g')},
              'WK' || lpad(g::text, 4, '0') || lpad(((a - 1) * ${P} + p)::text, 2, '0'),
              'Wijk ' || a || '-' || p
         FROM ${ga}, generate_series(1, ${P}) p`,
    ],
    [
      'percelen',
      `INSERT INTO percelen (id, gemeente_id, naam)
       SELECT ${id("'pc'", 'g', 'a', 'p')}, ${id("'gm'", 'g')}, 'Perceel ' || a || '-' || p
         FROM ${ga}, generate_series(1, ${P}) p`,
    ],
    [
      'perceel_wijken',
      `INSERT INTO perceel_wijken (perceel_id, wijk_id)
       SELECT ${id("'pc'", 'g', 'a', 'p')}, ${id("'wk'", 'g', 'a', 'p')}
         FROM ${ga}, generate_series(1, ${P}) p`,
    ],
    [
      'perceel_toewijzingen',
      `INSERT INTO perceel_toewijzingen (perceel_id, aanbieder_id, van)
       SELECT ${id("'pc'", 'g', 'a', 'p')}, ${id("'ab'", 'g', 'a')}, DATE '2019-01-01'
         FROM ${ga}, generate_series(1, ${P}) p`,
    ],
    [
      'hoofdopdrachten',
      `INSERT INTO hoofdopdrachten (id, gemeente_id, aanbieder_id, titel, startdatum, einddatum)
       SELECT ${id("'ho'", 'g', 'a')}, ${id("'gm'", 'g')}, ${id("'ab'", 'g', 'a')},
              'Sociaal wijkteam ' || ${g3} || '-' || a, DATE '2019-01-01', DATE '2030-12-31'
         FROM ${ga}`,
    ],
    [
      'hoofdopdracht_versies',
      `INSERT INTO hoofdopdracht_versies (id, hoofdopdracht_id, versie, ingangsdatum, reden, visie,
         missie, financieringsvorm, perceel_ids, created_by_naam)
       SELECT ${id("'hv'", 'g', 'a')}, ${id("'ho'", 'g', 'a')}, 1, DATE '2019-01-01',
              'Eerste versie', 'Inwoners doen mee en krijgen hulp dichtbij.',
              'Eén wijkteam per gebied, dat doet wat nodig is.',
              (ARRAY['lump-sum', 'taakgericht', 'inspanningsgericht', 'outputgericht'])[1 + (g + a) % 4],
              ARRAY(SELECT ${id("'pc'", 'g', 'a', 'p')} FROM generate_series(1, ${P}) p),
              'Generator'
         FROM ${ga}`,
    ],
    [
      'hoofdopdracht_jaarbudgetten',
      `INSERT INTO hoofdopdracht_jaarbudgetten (versie_id, jaar, budget_centen, indexatie_basispunten)
       SELECT ${id("'hv'", 'g', 'a')}, j, 100000000 + ((g * 7 + a * 13) % 50) * 1000000, (j - 2019) * 25
         FROM ${ga}, generate_series(2019, 2030) j`,
    ],
    [
      'doelen',
      `INSERT INTO doelen (id, gemeente_id, hoofdopdracht_id, parent_id, niveau, titel)
       SELECT ${id("'da'", 'g', 'a')}, ${id("'gm'", 'g')}, ${id("'ho'", 'g', 'a')}, NULL, 'ambitie',
              'Inwoners doen mee'
         FROM ${ga}
       UNION ALL
       SELECT ${id("'dd'", 'g', 'a', 'd')}, ${id("'gm'", 'g')}, ${id("'ho'", 'g', 'a')},
              ${id("'da'", 'g', 'a')}, 'doel',
              (ARRAY['Vragen snel opgepakt', 'Minder schulden', 'Jongeren op school', 'Mantelzorgers ontlast'])[d]
         FROM ${ga}, generate_series(1, 4) d`,
    ],
    [
      'kpis',
      `INSERT INTO kpis (id, gemeente_id, hoofdopdracht_id, code, doel_ids)
       SELECT ${id("'kp'", 'g', 'a', 'k')}, ${id("'gm'", 'g')}, ${id("'ho'", 'g', 'a')},
              'W' || a || '-' || lpad(k::text, 3, '0'),
              ARRAY[${id("'dd'", 'g', 'a', '1 + (k - 1) % 4')}]
         FROM ${ga}, generate_series(1, ${K}) k`,
    ],
    [
      'kpi_versies',
      `INSERT INTO kpi_versies (id, kpi_id, versie, naam, definitie, type, eenheid, richting, bron,
         frequentie, aggregatie, per_perceel, geldig_vanaf)
       SELECT ${id("'kv'", 'g', 'a', 'k')}, ${id("'kp'", 'g', 'a', 'k')}, 1,
              ($1::text[])[1 + (k - 1) % cardinality($1::text[])] ||
                CASE WHEN k > cardinality($1::text[]) THEN ' (' || (1 + (k - 1) / cardinality($1::text[])) || ')' ELSE '' END,
              'Telling per perceel per kwartaal uit het registratiesysteem.',
              (ARRAY['input', 'throughput', 'output', 'outcome'])[1 + k % 4],
              CASE WHEN k % 2 = 0 THEN 'percentage' ELSE 'aantal' END,
              CASE WHEN k % 5 = 0 THEN 'lager-is-beter' ELSE 'hoger-is-beter' END,
              'registratiesysteem', 'kwartaal',
              CASE WHEN k % 2 = 0 THEN 'gemiddelde' ELSE 'som' END, true, '2019-Q1'
         FROM ${ga}, generate_series(1, ${K}) k`,
      'kpiNamen',
    ],
    [
      'kpi_normen',
      `INSERT INTO kpi_normen (kpi_id, periode, streefwaarde, tolerantie_let_op, tolerantie_uit_koers)
       SELECT ${id("'kp'", 'g', 'a', 'k')}, j, 60 + k % 30, 3, 8
         FROM ${ga}, generate_series(1, ${K}) k, unnest($1::text[]) j`,
      'jaren',
    ],
    [
      'rapportageperiodes',
      `INSERT INTO rapportageperiodes (id, gemeente_id, aanbieder_id, periode, begindatum, einddatum, deadline)
       SELECT ${id("'rp'", 'g', 'a', 'q')}, ${id("'gm'", 'g')}, ${id("'ab'", 'g', 'a')},
              kw.periode, kw.begin, kw.eind, kw.deadline
         FROM ${ga}, ${kwartaal}`,
      'kw',
    ],
    [
      'kwartaalverantwoordingen',
      `INSERT INTO kwartaalverantwoordingen (id, gemeente_id, aanbieder_id, rapportageperiode_id,
         periode, revisie, status, hoogtepunten, knelpunten, vooruitblik, budget_begroot_centen,
         budget_gerealiseerd_centen, formatie_fte, vacatures_fte, ingediend_op, ingediend_door_id,
         vastgesteld_op, vastgesteld_door_id)
       SELECT ${id("'kw'", 'g', 'a', 'q')}, ${id("'gm'", 'g')}, ${id("'ab'", 'g', 'a')},
              ${id("'rp'", 'g', 'a', 'q')}, kw.periode, 1,
              CASE WHEN q = ${Q} THEN 'ingediend' ELSE 'vastgesteld' END,
              'Meer inwoners vonden de weg naar het wijkteam; de wachttijd bleef binnen de norm.',
              'Twee vacatures voor maatschappelijk werk bleven open.',
              'Volgend kwartaal start het spreekuur in de bibliotheek.',
              25000000, 24000000 + ((g + a + q) % 20) * 100000, 21.5, (q % 3) * 0.5,
              kw.deadline, ${id("'ud'", 'g', 'a')},
              CASE WHEN q = ${Q} THEN NULL ELSE kw.deadline + 20 END,
              CASE WHEN q = ${Q} THEN NULL ELSE ${id("'uc'", 'g')} END
         FROM ${ga}, ${kwartaal}`,
      'kw',
    ],
    [
      'kpi_waarden',
      `INSERT INTO kpi_waarden (id, kwartaalverantwoording_id, kpi_id, kpi_versie_id, perceel_id,
         waarde, toelichting, bron)
       SELECT ${id("'wv'", 'g', 'a', 'q', 'k', 'p')}, ${id("'kw'", 'g', 'a', 'q')},
              ${id("'kp'", 'g', 'a', 'k')}, ${id("'kv'", 'g', 'a', 'k')}, ${id("'pc'", 'g', 'a', 'p')},
              40 + (g * 31 + a * 17 + k * 7 + q * 3 + p * 5) % 50,
              CASE WHEN p = 1 AND k % 8 = 0 THEN 'Toelichting bij ' || k || ' in kwartaal ' || q END,
              'registratiesysteem'
         FROM ${ga}, generate_series(1, ${Q}) q, generate_series(1, ${K}) k, generate_series(1, ${P}) p`,
    ],
    [
      'casussen',
      `INSERT INTO casussen (id, gemeente_id, aanbieder_id, periode, titel, situatie, vraag, aanpak,
         effect, les, perceel_id, kpi_ids, doel_ids, auteur_id)
       SELECT ${id("'cs'", 'g', 'a', 'q', 's')}, ${id("'gm'", 'g')}, ${id("'ab'", 'g', 'a')}, kw.periode,
              ($6::text[])[1 + (g + a + q + s) % cardinality($6::text[])],
              'Een inwoner meldde zich met meerdere vragen tegelijk: geld, wonen en zorg voor een ouder.',
              'Waar begin ik, en wie helpt me het overzicht te houden?',
              'Eén vaste contactpersoon maakte samen met de inwoner een plan en betrok de partners.',
              'De inwoner pakt de draad weer zelf op; de schulden zijn in beeld.',
              'Eén gezicht werkt beter dan drie loketten.',
              ${id("'pc'", 'g', 'a', `1 + s % ${P}`)},
              ARRAY[${id("'kp'", 'g', 'a', `1 + s % ${K}`)}, ${id("'kp'", 'g', 'a', `1 + (s * 3) % ${K}`)}],
              ARRAY[${id("'dd'", 'g', 'a', '1 + s % 4')}],
              ${id("'ud'", 'g', 'a')}
         FROM ${ga}, ${kwartaal}, generate_series(1, ${o.verhalen}) s`,
      'kwVerhalen',
    ],
    [
      'signalen',
      `INSERT INTO signalen (id, gemeente_id, organisatie_id, titel, waarneming, soort, status,
         perceel_id, periode, antwoord_termijn, ingebracht_door_id)
       SELECT ${id("'sg'", 'g', 'a', 'q', 'i')}, ${id("'gm'", 'g')}, ${id("'ab'", 'g', 'a')},
              'Signaal ' || i || ' uit ' || kw.periode,
              'Wat het team in de praktijk zag: inwoners vallen tussen twee regelingen.',
              ($6::text[])[1 + (g + a + q + i) % cardinality($6::text[])],
              CASE WHEN q = ${Q} THEN 'nieuw' ELSE 'gesloten' END,
              ${id("'pc'", 'g', 'a', `1 + i % ${P}`)}, kw.periode, kw.deadline + 30,
              ${id("'ud'", 'g', 'a')}
         FROM ${ga}, ${kwartaal}, generate_series(1, ${o.signalen}) i`,
      'kwSignalen',
    ],
    [
      'overleggen',
      `INSERT INTO overleggen (id, gemeente_id, soort, titel, aanbieder_id, periode, datum, status)
       SELECT ${id("'ov'", 'g', 'a', 'q')}, ${id("'gm'", 'g')}, 'verantwoordingsgesprek',
              'Verantwoordingsgesprek ' || kw.periode, ${id("'ab'", 'g', 'a')}, kw.periode, kw.gesprek, 'gehouden'
         FROM ${ga}, ${kwartaal}`,
      'kw',
    ],
    [
      'verandertheorieen',
      `INSERT INTO verandertheorieen (id, gemeente_id, titel, hoofdopdracht_id, aanbieder_id)
       SELECT ${id("'vt'", 'g', 'a')}, ${id("'gm'", 'g')}, 'Zo werkt het wijkteam ' || a,
              ${id("'ho'", 'g', 'a')}, ${id("'ab'", 'g', 'a')}
         FROM ${ga}`,
    ],
    [
      'verandertheorie_versies',
      `INSERT INTO verandertheorie_versies (id, theorie_id, versie, geldig_vanaf, inhoud, toelichting, created_by_naam)
       SELECT ${id("'vv'", 'g', 'a')}, ${id("'vt'", 'g', 'a')}, 1, '2019-Q1', jsonb_build_object(
                'titel', 'Zo werkt het wijkteam ' || a,
                'strategie', 'geintegreerd',
                'ambitie', jsonb_build_object('tekst', 'Inwoners doen mee',
                                              'doelIds', jsonb_build_array(${id("'dd'", 'g', 'a', '1')})),
                'elementen', jsonb_build_array(
                  jsonb_build_object('id', ${id("'ve'", 'g', 'a', '1')}, 'soort', 'activiteit',
                                     'titel', 'Eén vaste contactpersoon', 'omschrijving', null),
                  jsonb_build_object('id', ${id("'ve'", 'g', 'a', '2')}, 'soort', 'outcome-individueel',
                                     'titel', 'Inwoners houden overzicht', 'omschrijving', null),
                  jsonb_build_object('id', ${id("'ve'", 'g', 'a', '3')}, 'soort', 'outcome-maatschappelijk',
                                     'titel', 'Minder inwoners in de knel', 'omschrijving', null),
                  jsonb_build_object('id', ${id("'ve'", 'g', 'a', '4')}, 'soort', 'ambitie',
                                     'titel', 'Inwoners doen mee', 'omschrijving', null)),
                'verbanden', jsonb_build_array(
                  jsonb_build_object('id', ${id("'vb'", 'g', 'a', '1')}, 'vanId', ${id("'ve'", 'g', 'a', '1')}, 'naarId', ${id("'ve'", 'g', 'a', '2')}),
                  jsonb_build_object('id', ${id("'vb'", 'g', 'a', '2')}, 'vanId', ${id("'ve'", 'g', 'a', '2')}, 'naarId', ${id("'ve'", 'g', 'a', '3')}),
                  jsonb_build_object('id', ${id("'vb'", 'g', 'a', '3')}, 'vanId', ${id("'ve'", 'g', 'a', '3')}, 'naarId', ${id("'ve'", 'g', 'a', '4')})),
                'veronderstellingen', jsonb_build_array(
                  jsonb_build_object('id', ${id("'vo'", 'g', 'a', '1')}, 'verbandId', ${id("'vb'", 'g', 'a', '1')},
                    'tekst', 'Wie één vast gezicht heeft, vraagt eerder om hulp.',
                    'kennisbron', 'professioneel', 'bewijsstatus', 'aannemelijk',
                    'randvoorwaarden', jsonb_build_array('Genoeg formatie'), 'externeFactoren', jsonb_build_array()),
                  jsonb_build_object('id', ${id("'vo'", 'g', 'a', '2')}, 'verbandId', ${id("'vb'", 'g', 'a', '2')},
                    'tekst', 'Overzicht voorkomt dat problemen zich opstapelen.',
                    'kennisbron', 'wetenschappelijk', 'bewijsstatus', 'onderbouwd',
                    'randvoorwaarden', jsonb_build_array(), 'externeFactoren', jsonb_build_array('Landelijke regels'))),
                'kpiBewijzen', jsonb_build_array(
                  jsonb_build_object('kpiId', ${id("'kp'", 'g', 'a', '1')}, 'elementId', ${id("'ve'", 'g', 'a', '1')}),
                  jsonb_build_object('kpiId', ${id("'kp'", 'g', 'a', `least(2, ${K})`)}, 'elementId', ${id("'ve'", 'g', 'a', '2')}),
                  jsonb_build_object('kpiId', ${id("'kp'", 'g', 'a', `least(3, ${K})`)}, 'elementId', ${id("'ve'", 'g', 'a', '3')}))),
              'Eerste versie', 'Generator'
         FROM ${ga}`,
    ],
    [
      'aanvullende_opdrachten',
      `INSERT INTO aanvullende_opdrachten (id, gemeente_id, titel, doel, bron, aanvragende_afdeling,
         opdrachtgever, startdatum, einddatum, budget_centen, thema, rapportagefrequentie, status,
         binnengekomen_via, aangevraagd_op, aangevraagd_door_id)
       SELECT ${id("'ao'", 'g', 'a', 'o')}, ${id("'gm'", 'g')},
              (ARRAY['Spreekuur in de bibliotheek', 'Extra inzet vroegsignalering', 'Jongerenwerk in de avond',
                     'Mantelzorgcafé', 'Taalmaatjes'])[1 + (a + o) % 5] || ' ' || a || '-' || o,
              'Inwoners eerder en dichterbij bereiken.',
              (ARRAY['gemeentelijk', 'landelijk-programma', 'pact', 'ander-programma'])[1 + o % 4],
              'Sociaal domein', 'Wethouder zorg',
              DATE '2025-01-01' + ((o * 61) % 365), DATE '2026-06-30' + ((a * 37 + o * 53) % 400),
              1000000 * (5 + (g + a + o) % 40),
              (ARRAY['schulden', 'jeugd', 'mantelzorg', 'armoede', 'taal'])[1 + o % 5],
              'eenmalig', CASE WHEN o % 3 = 0 THEN 'aangevraagd' ELSE 'actief' END, 'register',
              DATE '2024-11-01' + o, ${id("'uc'", 'g')}
         FROM ${ga}, generate_series(1, ${o.opdrachten}) o`,
    ],
    [
      'aanvullende_opdracht_aanbieders',
      `INSERT INTO aanvullende_opdracht_aanbieders (opdracht_id, aanbieder_id, budget_centen)
       SELECT ${id("'ao'", 'g', 'a', 'o')}, ${id("'ab'", 'g', 'a')}, 1000000 * (5 + (g + a + o) % 40)
         FROM ${ga}, generate_series(1, ${o.opdrachten}) o`,
    ],
    [
      'aanvullende_opdracht_percelen',
      `INSERT INTO aanvullende_opdracht_percelen (opdracht_id, perceel_id)
       SELECT ${id("'ao'", 'g', 'a', 'o')}, ${id("'pc'", 'g', 'a', `1 + o % ${P}`)}
         FROM ${ga}, generate_series(1, ${o.opdrachten}) o`,
    ],
    [
      'notificaties',
      `INSERT INTO notificaties (id, gemeente_id, gebruiker_id, soort, titel, tekst, link, entiteit_type,
         entiteit_id, sleutel, gelezen_op, mail_status, created_at)
       SELECT ${id("'nt'", 'g', 'n')}, ${id("'gm'", 'g')}, ${id("'uc'", 'g')}, 'verantwoording-ingediend',
              'Kwartaalverantwoording ingediend',
              'Wijkteams ' || ${g3} || '-' || (1 + n % ${A}) || ' heeft de kwartaalverantwoording ingediend.',
              '/kwartaalverantwoordingen/' || ${id("'kw'", 'g', `1 + n % ${A}`, `${Q}`)},
              'kwartaalverantwoording', ${id("'kw'", 'g', `1 + n % ${A}`, `${Q}`)},
              'bench:' || n, CASE WHEN n % 2 = 0 THEN TIMESTAMPTZ '2026-10-15 12:00Z' END,
              'overgeslagen', TIMESTAMPTZ '2026-10-01 08:00Z' + n * INTERVAL '1 hour'
         FROM generate_series(1, ${G}) g, generate_series(1, ${o.notificaties}) n`,
    ],
  ].map(([tabel, sql, params]) => ({
    tabel,
    sql,
    params:
      params === 'kw'
        ? kwParams
        : params === 'kwVerhalen'
          ? [...kwParams, VERHAAL_TITELS]
          : params === 'kwSignalen'
            ? [...kwParams, SIGNAAL_SOORTEN]
            : params === 'kpiNamen'
              ? [KPI_NAMEN]
              : params === 'jaren'
                ? [jaren]
                : params,
  }));
}

/** Runs the migrations of the build against the database (the CLI's `migrate`). */
function migreer(databaseUrl) {
  const cli = path.join(dist, 'apps', 'cli', 'src', 'main.js');
  const uit = spawnSync(process.execPath, [cli, 'migrate'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: process.env.JWT_SECRET || 'generator-alleen-voor-migraties-0123456789',
      LOG_LEVEL: 'error',
    },
    encoding: 'utf8',
  });
  if (uit.status !== 0) throw new Error(`migraties mislukt: ${uit.stderr || uit.stdout}`);
}

/**
 * Writes the data set into an empty, migrated database. Returns what it wrote, per table:
 * rows and milliseconds.
 */
async function genereer(client, o, log = () => undefined) {
  const [{ aantal }] = (await client.query('SELECT count(*)::int AS aantal FROM gemeenten')).rows;
  if (aantal > 0)
    throw new Error('de database heeft al gemeenten; de generator vult alleen een lege');
  const core = require(path.join(dist, 'libs', 'core', 'src'));
  const hash = await core.hashPassword(o.wachtwoord);
  const kw = kwartalen(o.tot, o.kwartalen);
  const tabellen = [];
  const begin = Date.now();
  // Bulk load: no synchronous commit wait per statement; the statements are few and large.
  await client.query('SET synchronous_commit = off');
  // The rows are consistent by construction: skip the foreign-key triggers where allowed
  // (a superuser), as a restore does. Without the right, the checks run; slower, same data.
  await client.query('SET session_replication_role = replica').catch(() => undefined);
  for (const stap of statements(o, kw)) {
    const start = Date.now();
    const params = stap.params === 'hash' ? [hash] : stap.params;
    const res = await client.query(stap.sql, params);
    const ms = Date.now() - start;
    tabellen.push({ tabel: stap.tabel, rijen: res.rowCount, ms });
    log(
      `  ${stap.tabel.padEnd(32)} ${String(res.rowCount).padStart(10)} rijen ${String(ms).padStart(7)} ms`,
    );
  }
  await client.query('RESET session_replication_role').catch(() => undefined);
  const analyze = Date.now();
  await client.query('ANALYZE');
  log(
    `  ${'ANALYZE'.padEnd(32)} ${''.padStart(16)} ${String(Date.now() - analyze).padStart(7)} ms`,
  );
  return { tabellen, ms: Date.now() - begin, kwartalen: kw.map((x) => x.periode) };
}

async function main() {
  const o = opties();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    fail('zet DATABASE_URL (een PostgreSQL-server; de generator vult geen ingebouwde database)');
  try {
    require.resolve(path.join(dist, 'libs', 'core', 'src'));
  } catch {
    fail('de build ontbreekt; draai eerst `npm run build`');
  }
  const { Client } = require('pg');
  const start = Date.now();
  migreer(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    console.log(
      `generate: ${o.gemeenten} gemeenten × ${o.aanbieders} aanbieders × ${o.kpis} KPI's × ${o.kwartalen} kwartalen × ${o.percelen} percelen in ${new URL(databaseUrl).pathname.slice(1)}`,
    );
    const uit = await genereer(client, o, console.log);
    const waarden = uit.tabellen.find((t) => t.tabel === 'kpi_waarden').rijen;
    console.log(
      `klaar in ${((Date.now() - start) / 1000).toFixed(1)} s (met migraties): ${waarden.toLocaleString('nl-NL')} KPI-waarden, kwartalen ${uit.kwartalen[0]} tot ${uit.kwartalen.at(-1)}; wachtwoord "${o.wachtwoord}"`,
    );
  } finally {
    await client.end();
  }
}

module.exports = { genereer, migreer, opties, kwartalen, STANDAARD };

if (require.main === module)
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
