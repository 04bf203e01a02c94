import { createHmac, randomInt } from 'node:crypto';
import request from 'supertest';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  DemoGebruiker,
  DemoSeedService,
  Permissie,
  PERMISSIE_EXTENSIE,
  Rol,
  rolHeeft,
} from '@wijkkompas/core';
import { createTestApp, freeCbsCode, login, TestApp, unique } from '@wijkkompas/core/testing';
import { vandaag } from '@wijkkompas/opdrachten';
import { kwartaalVan } from '@wijkkompas/verantwoording';
import { OpenApiDocument, Operatie, operaties } from './support/openapi-operaties';

/**
 * Issue 13: the authorization matrix, generated from the OpenAPI document. Every operation is
 * called by every kind of caller — no token, a forged token, each role of the gemeente, a
 * provider user of another aanbieder in the same gemeente, users of another gemeente — with
 * the real ids of a fresh gemeente full of data (the demo data, loaded twice). What each call
 * may answer follows from the permission the operation declares (x-permissie) and the role
 * table (ROLTABEL); no answer may carry a row of another gemeente, or of another aanbieder to
 * a provider user. A new endpoint is covered without writing a test for it.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

interface Beller {
  naam: string;
  /** Absent: no Authorization header. */
  token?: string;
  /** The roles the matrix judges by; absent for the unauthenticated callers. */
  rollen?: Rol[];
  /** Which gemeente's data the caller belongs to. */
  gemeente?: 'A' | 'B';
  /** For provider users: the aanbieder they speak for. */
  aanbiederId?: string;
}

interface Geval {
  op: Operatie;
  beller: Beller;
  pad: string;
}

interface Schending {
  geval: string;
  status: number;
  verwacht: string;
  detail?: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** Answers that say the request reached the endpoint and was refused on its content. */
const INHOUDELIJK = [400, 404, 409, 412, 415, 422, 428];
/** The code of a refusal by a row's own rule (see OVERLEG_REGEL_CODE in libs/overleggen). */
const RIJREGEL_CODE = 'niet-voor-dit-overleg';
const rijregels = new Set<string>();
const GELUKT = (status: number) => status >= 200 && status < 300;

describe('Authorization matrix (generated from the OpenAPI document)', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  const http = () => request(t.app.getHttpServer());

  /** Gemeente A: the one whose ids fill the paths; B: another gemeente with the same data. */
  const gemeente: Record<'A' | 'B', string> = { A: '', B: '' };
  const aanbieders: Record<'A' | 'B', Record<'noord' | 'oost' | 'zuid', string>> = {
    A: { noord: '', oost: '', zuid: '' },
    B: { noord: '', oost: '', zuid: '' },
  };
  /** Every id of each gemeente's rows, and of each aanbieder's own rows. */
  const idsVan: Record<'A' | 'B', Set<string>> = { A: new Set(), B: new Set() };
  const eigenIds = new Map<string, Set<string>>();
  const bellers: Beller[] = [];
  const padWaarden = new Map<string, string>();

  async function rij<T = Body>(sql: string, params: unknown[] = []): Promise<T> {
    const [eerste] = (await t.dataSource.query(sql, params)) as T[];
    if (!eerste) throw new Error(`Geen fixture voor: ${sql} ${JSON.stringify(params)}`);
    return eerste;
  }

  async function laadGemeente(label: 'a' | 'b'): Promise<DemoGebruiker[]> {
    const sleutel = unique(label).toLowerCase();
    return t.app.get(DemoSeedService).seed({
      gemeenteNaam: `Gemeente Matrix ${sleutel}`,
      cbsCode: await freeCbsCode(t.dataSource),
      domein: `${sleutel}.voorbeeldstad.example`,
      aanbiederDomeinVoorvoegsel: `${sleutel}.`,
      kvkVoorvoegsel: String(randomInt(100000, 999999)),
      bewaarGebruikers: false,
    });
  }

  async function verzamelIds(g: 'A' | 'B'): Promise<void> {
    const tabellen: { table_name: string; column_name: string }[] = await t.dataSource.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.columns i ON i.table_name = c.table_name AND i.table_schema = c.table_schema AND i.column_name = 'id'
        WHERE c.table_schema = current_schema() AND c.column_name IN ('gemeente_id', 'aanbieder_id', 'organisatie_id')`,
    );
    const ids = idsVan[g];
    ids.add(gemeente[g]);
    for (const { table_name } of tabellen.filter((k) => k.column_name === 'gemeente_id')) {
      const rows: { id: string }[] = await t.dataSource.query(
        `SELECT id::text AS id FROM "${table_name}" WHERE gemeente_id = $1`,
        [gemeente[g]],
      );
      for (const r of rows) ids.add(r.id);
    }
    for (const id of Object.values(aanbieders[g])) ids.add(id);
    const gebruikers: { id: string }[] = await t.dataSource.query(
      'SELECT DISTINCT gebruiker_id::text AS id FROM gebruiker_rollen WHERE gemeente_id = $1',
      [gemeente[g]],
    );
    for (const r of gebruikers) ids.add(r.id);
    // What belongs to one aanbieder: its accounts, stories, signals, theories, dossiers, …
    // Perceel assignments and an opdracht's aanbieders are what the gemeente publishes to all.
    const gepubliceerd = new Set(['perceel_toewijzingen', 'aanvullende_opdracht_aanbieders']);
    for (const aanbiederId of Object.values(aanbieders[g])) {
      const eigen = new Set<string>();
      for (const { table_name, column_name } of tabellen) {
        if (column_name === 'gemeente_id' || gepubliceerd.has(table_name)) continue;
        const rows: { id: string }[] = await t.dataSource.query(
          `SELECT id::text AS id FROM "${table_name}" WHERE ${column_name} = $1`,
          [aanbiederId],
        );
        for (const r of rows) eigen.add(r.id);
      }
      eigenIds.set(aanbiederId, eigen);
    }
  }

  /** The ids that fill the paths: gemeente A's rows, Wijkteams Noord's where they are an aanbieder's. */
  async function vulPadWaarden(): Promise<void> {
    const A = gemeente.A;
    const noord = aanbieders.A.noord;
    const zet = (sleutel: string, waarde: string) => padWaarden.set(sleutel, waarde);
    const cm = await rij(
      `SELECT g.id FROM gebruikers g JOIN gebruiker_rollen r ON r.gebruiker_id = g.id
        WHERE r.gemeente_id = $1 AND r.rol = 'contractmanager'`,
      [A],
    );
    zet('gebruikers/{id}', cm.id);
    zet('organisaties/{id}', noord);
    zet('aanbieders/{id}', noord);
    zet('gemeenten/{id}', A);
    zet(
      'audit-entries/{id}',
      (await rij('SELECT id FROM audit_entries WHERE gemeente_id = $1', [A])).id,
    );
    zet('wijken/{id}', (await rij('SELECT id FROM wijken WHERE gemeente_id = $1', [A])).id);
    zet(
      'percelen/{id}',
      (
        await rij(
          `SELECT p.id FROM percelen p JOIN perceel_toewijzingen t ON t.perceel_id = p.id
            WHERE p.gemeente_id = $1 AND t.aanbieder_id = $2`,
          [A, noord],
        )
      ).id,
    );
    zet('ketens/{id}', (await rij('SELECT id FROM ketens WHERE gemeente_id = $1', [A])).id);
    const hoofd = await rij(
      'SELECT id FROM hoofdopdrachten WHERE gemeente_id = $1 AND aanbieder_id = $2',
      [A, noord],
    );
    zet('hoofdopdrachten/{id}', hoofd.id);
    zet(
      'doelen/{doelId}',
      (await rij('SELECT id FROM doelen WHERE hoofdopdracht_id = $1', [hoofd.id])).id,
    );
    zet(
      'aanvullende-opdrachten/{id}',
      (
        await rij(
          `SELECT o.id FROM aanvullende_opdrachten o
             JOIN aanvullende_opdracht_aanbieders a ON a.opdracht_id = o.id
            WHERE o.gemeente_id = $1 AND a.aanbieder_id = $2`,
          [A, noord],
        )
      ).id,
    );
    const norm = await rij(
      `SELECT n.kpi_id, n.periode FROM kpi_normen n JOIN kpis k ON k.id = n.kpi_id
        WHERE k.hoofdopdracht_id = $1 ORDER BY n.periode DESC`,
      [hoofd.id],
    );
    zet('kpis/{id}', norm.kpi_id);
    zet('normen/{periode}', norm.periode);
    zet(
      'rapportageperiodes/{id}',
      (await rij('SELECT id FROM rapportageperiodes WHERE aanbieder_id = $1', [noord])).id,
    );
    const verantwoording = await rij(
      `SELECT v.id, v.periode FROM kwartaalverantwoordingen v
        WHERE v.aanbieder_id = $1
        ORDER BY (SELECT count(*) FROM beoordelingsopmerkingen o WHERE o.kwartaalverantwoording_id = v.id) DESC,
                 (SELECT count(*) FROM kpi_waarden w WHERE w.kwartaalverantwoording_id = v.id) DESC`,
      [noord],
    );
    zet('kwartaalverantwoordingen/{id}', verantwoording.id);
    zet(
      'waarden/{waardeId}',
      (
        await rij('SELECT id FROM kpi_waarden WHERE kwartaalverantwoording_id = $1', [
          verantwoording.id,
        ])
      ).id,
    );
    zet(
      'versies/{volgnummer}',
      String(
        (
          await rij(
            'SELECT min(volgnummer) AS n FROM kwartaalverantwoording_versies WHERE kwartaalverantwoording_id = $1',
            [verantwoording.id],
          )
        ).n ?? 1,
      ),
    );
    const opmerking = await t.dataSource.query(
      'SELECT id FROM beoordelingsopmerkingen WHERE kwartaalverantwoording_id = $1',
      [verantwoording.id],
    );
    zet('beoordelingsopmerkingen/{opmerkingId}', opmerking[0]?.id ?? unique('x'));
    const casus = await rij('SELECT id FROM casussen WHERE aanbieder_id = $1', [noord]);
    zet('casussen/{id}', casus.id);
    zet('verhalen/{casusId}', casus.id);
    zet(
      'signalen/{id}',
      (await rij('SELECT id FROM signalen WHERE organisatie_id = $1', [noord])).id,
    );
    // A held ontwikkeloverleg Noord took part in: published agenda, decisions, adopted verslag.
    const overleg = await rij(
      `SELECT o.id FROM overleggen o
        WHERE o.gemeente_id = $1 AND o.soort = 'ontwikkeloverleg' AND o.status = 'verslag-vastgesteld'
          AND o.deelnemers @> CAST($2 AS jsonb)`,
      [A, JSON.stringify([{ organisatieId: noord }])],
    );
    zet('overleggen/{id}', overleg.id);
    // Make it Noord's alone among the aanbieders, so what another aanbieder may not see is
    // clear-cut: Oost leaves the meeting, and its action there goes to Noord.
    const oost = aanbieders.A.oost;
    await t.dataSource.query(
      `UPDATE overleggen SET deelnemers = (SELECT COALESCE(jsonb_agg(d), '[]'::jsonb)
                                             FROM jsonb_array_elements(deelnemers) d
                                            WHERE d->>'organisatieId' IS DISTINCT FROM $2)
        WHERE id = $1`,
      [overleg.id, oost],
    );
    await t.dataSource.query(
      `UPDATE acties SET eigenaar_organisatie_id = $2 WHERE overleg_id = $1 AND eigenaar_organisatie_id = $3`,
      [overleg.id, noord, oost],
    );
    zet(
      'agendapunten/{puntId}',
      (await rij('SELECT id FROM agendapunten WHERE overleg_id = $1', [overleg.id])).id,
    );
    zet(
      'agendaversies/{versie}',
      String(
        (
          await rij('SELECT max(versie) AS v FROM agenda_versies WHERE overleg_id = $1', [
            overleg.id,
          ])
        ).v,
      ),
    );
    zet(
      'acties/{id}',
      (await rij('SELECT id FROM acties WHERE eigenaar_organisatie_id = $1', [noord])).id,
    );
    zet(
      'indicatoren/{id}',
      (await rij('SELECT id FROM indicatoren WHERE gemeente_id = $1', [A])).id,
    );
    zet('vergelijkingen/{periode}', verantwoording.periode);
    // No feed exists until someone asks for one: an unknown id and secret (404).
    zet('kalenderfeeds/{id}', '00000000-0000-4000-8000-000000000000');
    zet('kalenders/{geheim}', 'onbekend-geheim');
    const theorie = await rij(
      `SELECT t.id, v.inhoud FROM verandertheorieen t
         JOIN verandertheorie_versies v ON v.theorie_id = t.id AND v.versie = t.huidige_versie
        WHERE t.aanbieder_id = $1`,
      [noord],
    );
    zet('verandertheorieen/{id}', theorie.id);
    zet('versies/{versie}', '1');
    const inhoud = theorie.inhoud as {
      elementen: { id: string; soort: string }[];
      verbanden: { id: string }[];
      veronderstellingen: { id: string }[];
    };
    zet('elementen/{elementId}', inhoud.elementen.find((e) => e.soort !== 'ambitie')!.id);
    zet('verbanden/{verbandId}', inhoud.verbanden[0].id);
    zet('veronderstellingen/{veronderstellingId}', inhoud.veronderstellingen[0].id);
    zet('diagnoses/{veronderstellingId}', inhoud.veronderstellingen[0].id);
    zet('reviews/{periode}', verantwoording.periode ?? kwartaalVan(vandaag()));
    zet(
      'notificaties/{id}',
      (await rij('SELECT id FROM notificaties WHERE gebruiker_id = $1', [cm.id])).id,
    );
    zet(
      'dossiers/{id}',
      (await rij('SELECT id FROM dossiers WHERE aanbieder_id = $1', [noord])).id,
    );
  }

  /** The path with every parameter filled from gemeente A's fixtures (the segment before names it). */
  function vulPad(op: Operatie): string {
    const delen = op.path.split('/');
    return delen
      .map((deel, i) => {
        const param = /^\{(.+)\}$/.exec(deel)?.[1];
        if (!param) return deel;
        const sleutel = `${delen[i - 1]}/{${param}}`;
        const waarde = padWaarden.get(sleutel);
        if (waarde === undefined)
          throw new Error(
            `Geen waarde voor ${sleutel} in ${op.method.toUpperCase()} ${op.path}: voeg een fixture toe in vulPadWaarden`,
          );
        return encodeURIComponent(waarde);
      })
      .join('/');
  }

  function query(op: Operatie): Record<string, string> {
    const waarden: Record<string, string> = {};
    for (const p of op.parameters)
      if (p.in === 'query' && p.required)
        waarden[p.name] = String(p.schema?.example ?? p.schema?.enum?.[0] ?? p.schema?.default);
    return waarden;
  }

  function vervalst(token: string): string {
    const [kop, inhoud] = token.split('.');
    const handtekening = createHmac('sha256', 'niet-het-geheim')
      .update(`${kop}.${inhoud}`)
      .digest('base64url');
    return `${kop}.${inhoud}.${handtekening}`;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const gestart = Date.now();
    const gebruikersA = await laadGemeente('a');
    const gebruikersB = await laadGemeente('b');
    for (const [g, gebruikers] of [
      ['A', gebruikersA],
      ['B', gebruikersB],
    ] as const) {
      const beheerder = gebruikers.find((u) => u.rol === Rol.Beheerder)!;
      gemeente[g] = (
        await rij('SELECT gemeente_id FROM gebruiker_rollen WHERE gebruiker_id = $1', [
          beheerder.id,
        ])
      ).gemeente_id;
      const orgs: { id: string; naam: string }[] = await t.dataSource.query(
        `SELECT o.id, a.naam FROM organisaties o JOIN aanbieder_gemeenten a ON a.aanbieder_id = o.id
          WHERE a.gemeente_id = $1`,
        [gemeente[g]],
      );
      const orgVan = (naam: string) => orgs.find((o) => o.naam === naam)!.id;
      aanbieders[g] = {
        noord: orgVan('Wijkteams Noord'),
        oost: orgVan('Sociaal Collectief Oost'),
        zuid: orgVan('Stichting Samen Zuid'),
      };
    }
    const aanmelden = async (g: DemoGebruiker) =>
      (await login(t.app, g.email, g.password)).accessToken;
    const noordA = (rol: Rol) =>
      gebruikersA.find((u) => u.rol === rol && u.organisatie === 'Wijkteams Noord')!;
    const gemeenteA = (rol: Rol) => gebruikersA.find((u) => u.rol === rol)!;
    const cmA = await aanmelden(gemeenteA(Rol.Contractmanager));
    bellers.push({ naam: 'geen token' }, { naam: 'vervalst token', token: vervalst(cmA) });
    for (const rol of [
      Rol.Contractmanager,
      Rol.Ketenregisseur,
      Rol.Beleidsadviseur,
      Rol.Bestuurder,
      Rol.Beheerder,
    ])
      bellers.push({
        naam: rol,
        token: rol === Rol.Contractmanager ? cmA : await aanmelden(gemeenteA(rol)),
        rollen: [rol],
        gemeente: 'A',
      });
    for (const rol of [Rol.Directeur, Rol.Teamleider, Rol.Kwaliteitsmedewerker])
      bellers.push({
        naam: rol,
        token: await aanmelden(noordA(rol)),
        rollen: [rol],
        gemeente: 'A',
        aanbiederId: aanbieders.A.noord,
      });
    const oost = gebruikersA.find(
      (u) => u.rol === Rol.Directeur && u.organisatie === 'Sociaal Collectief Oost',
    )!;
    const cmB = gebruikersB.find((u) => u.rol === Rol.Contractmanager)!;
    const noordB = gebruikersB.find(
      (u) => u.rol === Rol.Directeur && u.organisatie === 'Wijkteams Noord',
    )!;
    bellers.push({
      naam: 'andere aanbieder (directeur Oost)',
      token: await aanmelden(oost),
      rollen: [Rol.Directeur],
      gemeente: 'A',
      aanbiederId: aanbieders.A.oost,
    });
    bellers.push({
      naam: 'andere gemeente (contractmanager)',
      token: await aanmelden(cmB),
      rollen: [Rol.Contractmanager],
      gemeente: 'B',
    });
    bellers.push({
      naam: 'andere gemeente (directeur Noord)',
      token: await aanmelden(noordB),
      rollen: [Rol.Directeur],
      gemeente: 'B',
      aanbiederId: aanbieders.B.noord,
    });
    await verzamelIds('A');
    await verzamelIds('B');
    await vulPadWaarden();
    document = (await http().get('/api/v1/openapi.json').expect(200)).body as OpenAPIObject;
    process.stdout.write(`Autorisatiematrix: fixtures in ${Date.now() - gestart} ms\n`);
  }, 300_000);

  afterAll(() => t?.close());

  /** What the caller may get, by the matrix; a string naming it for the report. */
  function verwachting(geval: Geval): { mag: (status: number) => boolean; tekst: string } {
    const { op, beller } = geval;
    const publiek = op.security.length === 0;
    if (publiek) return { mag: (s) => s < 500 && s !== 403, tekst: 'publiek: geen 403/5xx' };
    if (!beller.token) return { mag: (s) => s === 401, tekst: '401' };
    if (!beller.rollen) return { mag: (s) => s === 401, tekst: '401' };
    const permissie = op.raw[PERMISSIE_EXTENSIE] as Permissie | undefined;
    if (!permissie || !rolHeeft(beller.rollen, permissie))
      return { mag: (s) => s === 403, tekst: `403 (${permissie ?? 'geen permissie'})` };
    const heeftPadIds = op.parameters.some((p) => p.in === 'path');
    // A row of another gemeente, or of another aanbieder for a provider user, does not exist
    // for the caller: 404 (a write may first be refused on its empty body).
    const vreemdePadIds = (geval.pad.match(UUID) ?? []).filter((id) => vreemd(beller).has(id));
    if ((beller.gemeente === 'B' && heeftPadIds) || vreemdePadIds.length)
      return {
        mag: (s) => s === 404 || (s === 400 && op.method !== 'get'),
        tekst: '404 (rij van een andere gemeente of aanbieder)',
      };
    if (op.method === 'get') {
      // A read of gemeente A's rows by a permitted caller succeeds; only a caller whose scope
      // is narrower than the gemeente — a ketenregisseur without gemeente-wide reading, a
      // provider user looking at what another aanbieder's paths point to — may not see it.
      const smaller =
        beller.aanbiederId !== undefined
          ? beller.aanbiederId !== aanbieders[beller.gemeente!].noord
          : !rolHeeft(beller.rollen, Permissie.GemeenteBreedLezen);
      return smaller
        ? { mag: (s) => GELUKT(s) || s === 404, tekst: '2xx of 404 (smallere leesscope)' }
        : { mag: GELUKT, tekst: '2xx' };
    }
    return {
      mag: (s) => GELUKT(s) || INHOUDELIJK.includes(s),
      tekst: '2xx of 4xx op de inhoud',
    };
  }

  /** The rows the caller must never see in an answer. */
  const vreemdVan = new Map<Beller, Set<string>>();
  function vreemd(beller: Beller): Set<string> {
    const bekend = vreemdVan.get(beller);
    if (bekend) return bekend;
    const vreemde = new Set<string>();
    vreemdVan.set(beller, vreemde);
    if (!beller.gemeente) return vreemde;
    const ander = beller.gemeente === 'A' ? 'B' : 'A';
    for (const id of idsVan[ander]) vreemde.add(id);
    if (beller.aanbiederId)
      for (const id of Object.values(aanbieders[beller.gemeente]))
        if (id !== beller.aanbiederId) for (const eigen of eigenIds.get(id)!) vreemde.add(eigen);
    return vreemde;
  }

  it('answers every operation for every caller as the permission matrix says, with no foreign row', async () => {
    const alle = operaties(document as unknown as OpenApiDocument);
    // Reads first, deletes after the other writes: a delete by a permitted role must not
    // empty a later read. Logging out ends the caller's session, so it comes last of all.
    const volgorde = (op: Operatie) =>
      op.path === '/auth/logout' ? 3 : { get: 0, post: 1, put: 1, patch: 1, delete: 2 }[op.method];
    const gesorteerd = [...alle].sort((a, b) => volgorde(a) - volgorde(b));
    const gevallen: Geval[] = [];
    for (const op of gesorteerd)
      for (const beller of op.security.length ? bellers : bellers.slice(0, 1))
        gevallen.push({ op, beller, pad: vulPad(op) });

    const zonderPermissie = alle.filter((op) => op.security.length && !op.raw[PERMISSIE_EXTENSIE]);
    // A write that declares a reading permission would be open to the read-only bestuurder.
    const LEZEN: string[] = [
      Permissie.Lezen,
      Permissie.GemeenteLezen,
      Permissie.GemeenteBreedLezen,
    ];
    const schrijvenAlsLezen = alle.filter(
      (op) => op.method !== 'get' && LEZEN.includes(op.raw[PERMISSIE_EXTENSIE] as string),
    );
    const bestuurderSchrijft: string[] = [];
    const schendingen: Schending[] = [];
    const geluktePerOperatie = new Map<string, number>();
    const gestart = Date.now();

    const statussen = new Map<number, number>();
    const duur = new Map<string, number>();
    /** Positive control: ids of the caller's own gemeente (and, for providers, own rows) seen. */
    const eigenGezien = { gemeente: new Set<string>(), aanbieder: new Set<string>() };

    async function voerUit(geval: Geval): Promise<void> {
      const { op, beller } = geval;
      const begin = Date.now();
      const token = beller.token;
      let req = http()[op.method](`/api/v1${geval.pad}`).query(query(op));
      if (token) req = req.set('Authorization', `Bearer ${token}`);
      if (op.method !== 'get') req = req.set('If-Match', 'W/"999999"').send({});
      const res = await req.buffer(true);
      statussen.set(res.status, (statussen.get(res.status) ?? 0) + 1);
      const sleutel = `${op.method.toUpperCase()} ${op.path}`;
      duur.set(sleutel, (duur.get(sleutel) ?? 0) + Date.now() - begin);
      if (
        beller.naam === Rol.Bestuurder &&
        op.method !== 'get' &&
        op.raw[PERMISSIE_EXTENSIE] !== Permissie.EigenAccount &&
        res.status !== 403
      )
        bestuurderSchrijft.push(`${sleutel}: ${res.status}`);
      const { mag, tekst } = verwachting(geval);
      const naam = `${op.method.toUpperCase()} ${op.path} als ${beller.naam}`;
      // A permitted role refused by the meeting's own rule (whose keten, which kind, published
      // or not, whose action): the domain says so with its own code, never the guard's.
      const rijregel = res.status === 403 && res.body?.code === RIJREGEL_CODE;
      if (rijregel) rijregels.add(naam);
      if (!mag(res.status) && !(rijregel && beller.rollen))
        schendingen.push({
          geval: naam,
          status: res.status,
          verwacht: tekst,
          detail: typeof res.body?.detail === 'string' ? res.body.detail : undefined,
        });
      if (GELUKT(res.status)) {
        if (beller.gemeente === 'A')
          geluktePerOperatie.set(op.operationId, (geluktePerOperatie.get(op.operationId) ?? 0) + 1);
        const tekstInhoud =
          typeof res.text === 'string' && res.text
            ? res.text
            : Buffer.isBuffer(res.body)
              ? ''
              : JSON.stringify(res.body ?? '');
        const vreemde = vreemd(beller);
        const ids = [...new Set(tekstInhoud.match(UUID) ?? [])];
        const gevonden = ids.filter((id) => vreemde.has(id));
        if (beller.gemeente === 'A')
          for (const id of ids) {
            if (idsVan.A.has(id)) eigenGezien.gemeente.add(id);
            if (beller.aanbiederId && eigenIds.get(beller.aanbiederId)!.has(id))
              eigenGezien.aanbieder.add(id);
          }
        if (gevonden.length)
          schendingen.push({
            geval: naam,
            status: res.status,
            verwacht: 'geen rij van een andere gemeente of aanbieder',
            detail: `${gevonden.length} vreemde id('s), bijvoorbeeld ${gevonden[0]}`,
          });
      }
    }

    // Four workers per phase (reads, writes, deletes), so a slow case (a PDF) does not hold
    // up the others and a delete never runs before a read. The logouts run one by one at the
    // very end (the forged token is the contractmanager's).
    const PARALLEL = 4;
    const uitloggen = gevallen.filter((g) => g.op.path === '/auth/logout');
    for (const fase of [0, 1, 2]) {
      const wachtrij = gevallen.filter(
        (g) => g.op.path !== '/auth/logout' && volgorde(g.op) === fase,
      );
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          for (let geval = wachtrij.shift(); geval; geval = wachtrij.shift()) await voerUit(geval);
        }),
      );
    }
    for (const geval of uitloggen) await voerUit(geval);

    const leesZonderSucces = alle.filter(
      (op) => op.method === 'get' && op.security.length && !geluktePerOperatie.get(op.operationId),
    );
    process.stdout.write(
      [
        `Autorisatiematrix: ${alle.length} operaties × ${bellers.length} bellers = ${gevallen.length} gevallen in ${Date.now() - gestart} ms`,
        `  geweigerd door een regel van het overleg zelf (${RIJREGEL_CODE}): ${rijregels.size}`,
        `  schendingen: ${schendingen.length}; operaties zonder permissie: ${zonderPermissie.length}; leesoperaties zonder 2xx voor een rol: ${leesZonderSucces.length}`,
        `  statussen: ${[...statussen]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
        `  eigen ids gezien: ${eigenGezien.gemeente.size} van de gemeente, ${eigenGezien.aanbieder.size} van de eigen aanbieder`,
        `  traagst: ${[...duur]
          .sort(([, a], [, b]) => b - a)
          .slice(0, 5)
          .map(([op, ms]) => `${op} ${ms} ms`)
          .join('; ')}`,
        ...schendingen.map(
          (s) =>
            `  ✗ ${s.geval}: ${s.status}, verwacht ${s.verwacht}${s.detail ? ` — ${s.detail}` : ''}`,
        ),
        ...leesZonderSucces.map(
          (op) => `  ? ${op.method.toUpperCase()} ${op.path}: geen rol kreeg 2xx`,
        ),
        '',
      ].join('\n'),
    );
    expect(zonderPermissie.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    expect(schrijvenAlsLezen.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    // Brief §2: the bestuurder reads; every write but its own account's is refused.
    expect(bestuurderSchrijft).toEqual([]);
    expect(schendingen).toEqual([]);
    expect(leesZonderSucces.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    // The foreign-row check looks at real data: the callers did see their own rows.
    expect(eigenGezien.gemeente.size).toBeGreaterThan(100);
    expect(eigenGezien.aanbieder.size).toBeGreaterThan(10);
  }, 600_000);
});
