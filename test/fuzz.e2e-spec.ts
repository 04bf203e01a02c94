import { Gemeente, Organisatie, OrganisatieSoort, Rol } from '@wijkkompas/core';
import { createTestApp, login, makeGebruiker, TestApp } from '@wijkkompas/core/testing';
import { Financieringsvorm, Hoofdopdracht, HoofdopdrachtVersie } from '@wijkkompas/opdrachten';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { maakAanvullendeOpdracht, maakDossierFixture } from './support/dossier-fixture';
import {
  GEPLANT,
  geldig,
  IdBron,
  muteer,
  naarJson,
  querywaarde,
  rauweQuery,
  vijandig,
} from './support/fuzz-waarden';
import {
  OpenApiDocument,
  Operatie,
  OperatieParameter,
  operaties,
  oplossen,
  vulPad,
} from './support/openapi-operaties';

/**
 * A property-based fuzz of every write operation's body and every list operation's query,
 * generated from the OpenAPI document the app serves, so a new endpoint is covered without
 * writing a test for it. Requests go to the real app on a real database, signed in as a role
 * of a fresh gemeente that may call the operation. Asserted on every answer: no 5xx; every
 * error is problem+json with type, title and status; no planted personal data comes back in
 * an error.
 *
 * FUZZ_RUNS (default 2000) sets the number of cases, spread evenly over the operations;
 * FUZZ_SEED (default below) makes a run repeatable.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

type Auth = Record<string, string>;

interface Verzoek {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
  /** What was sent, as text, to look for planted data coming back. */
  verzonden: string;
}

interface Overtreding {
  operatie: string;
  wat: string;
  verzoek: string;
  antwoord: string;
}

/** The collection a path parameter points into: the segment before it (`/wijken/{id}`). */
function verzameling(operatie: Operatie, parameter: string): string {
  const segmenten = operatie.path.split('/');
  const index = segmenten.indexOf(`{${parameter}}`);
  return segmenten[index - 1] ?? '';
}

/** Which pool a uuid field draws from: `aanbiederId` and `aanbiederIds` → aanbieders. */
const POOL_VAN_VELD: Record<string, string> = {
  aanbieder: 'aanbieders',
  organisatie: 'organisaties',
  perceel: 'percelen',
  wijk: 'wijken',
  keten: 'ketens',
  ketenregisseur: 'gebruikers',
  hoofdopdracht: 'hoofdopdrachten',
  aanvullendeOpdracht: 'aanvullende-opdrachten',
  kpi: 'kpis',
  doel: 'doelen',
  parent: 'doelen',
  rapportageperiode: 'rapportageperiodes',
  kwartaalverantwoording: 'kwartaalverantwoordingen',
  casus: 'casussen',
  signaal: 'signalen',
  overleg: 'overleggen',
  verandertheorie: 'verandertheorieen',
  element: 'elementen',
  van: 'elementen',
  naar: 'elementen',
  veronderstelling: 'veronderstellingen',
  verband: 'verbanden',
  gemeente: 'gemeenten',
  gebruiker: 'gebruikers',
  actor: 'gebruikers',
  entity: 'kpis',
  dossier: 'dossiers',
};

/** Paths whose segment before a parameter names another collection than its pool. */
const POOL_VAN_SEGMENT: Record<string, string> = {
  normen: 'perioden',
  reviews: 'perioden',
  diagnoses: 'veronderstellingen',
  verhalen: 'casussen',
  versies: 'volgnummers',
  reactie: 'beoordelingsopmerkingen',
};

describe('Fuzz: elke schrijfoperatie en elke lijst, gegenereerd uit het OpenAPI-document', () => {
  let t: TestApp;
  let basis: string;
  let document: OpenApiDocument;
  const pools = new Map<string, Set<string>>();
  const sessies: { rol: string; auth: Auth }[] = [];

  const pool = (naam: string) => {
    if (!pools.has(naam)) pools.set(naam, new Set());
    return pools.get(naam)!;
  };
  const voegToe = (naam: string, id: unknown) => {
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) pool(naam).add(id);
  };

  /** Collects the ids in an answer: `items` into the path's collection, lists by their key. */
  const verzamel = (collectie: string, waarde: unknown, diepte = 0): void => {
    if (diepte > 6 || waarde === null || typeof waarde !== 'object') return;
    if (Array.isArray(waarde)) {
      for (const item of waarde) {
        voegToe(collectie, (item as { id?: unknown })?.id);
        verzamel(collectie, item, diepte + 1);
      }
      return;
    }
    for (const [sleutel, sub] of Object.entries(waarde)) {
      if (Array.isArray(sub)) verzamel(sleutel === 'items' ? collectie : sleutel, sub, diepte + 1);
      else if (sub && typeof sub === 'object') verzamel(sleutel, sub, diepte + 1);
    }
  };

  const ids: IdBron = {
    id(veld: string) {
      const sleutel = veld.replace(/Ids?$/, '');
      const naam = POOL_VAN_VELD[sleutel] ?? sleutel;
      const bekend = [...(pools.get(naam) ?? [])];
      return fc.oneof(
        { weight: 8, arbitrary: bekend.length ? fc.constantFrom(...bekend) : fc.uuid() },
        { weight: 1, arbitrary: fc.uuid() },
      );
    },
  };

  const stuur = async (verzoek: Verzoek) => {
    const response = await fetch(basis + verzoek.url, {
      method: verzoek.method.toUpperCase(),
      headers: verzoek.headers,
      body: verzoek.body,
      signal: AbortSignal.timeout(30_000),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      tekst: await response.text(),
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    basis = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    document = (await (await fetch(`${basis}/api/v1/openapi.json`)).json()) as OpenApiDocument;

    const f = await maakDossierFixture(t);
    const opdracht = await maakAanvullendeOpdracht(t, f, {
      titel: 'Schuldhulp eerder in beeld',
      einddatum: '2027-12-31',
    });
    // The fixture writes hoofdopdrachten without the first version the API always makes.
    for (const h of await t.dataSource
      .getRepository(Hoofdopdracht)
      .findBy({ gemeenteId: f.gemeenteId }))
      await t.dataSource.getRepository(HoofdopdrachtVersie).insert({
        hoofdopdrachtId: h.id,
        versie: 1,
        ingangsdatum: h.startdatum,
        einddatum: h.einddatum,
        reden: 'Oorspronkelijke hoofdopdracht',
        visie: 'Inwoners doen mee.',
        missie: 'Dichtbij en op tijd.',
        financieringsvorm: Financieringsvorm.LumpSum,
        herijkingsmomenten: [],
        perceelIds: [],
        createdById: null,
        createdByNaam: 'fuzz',
      });
    const gemeente = await t.dataSource
      .getRepository(Gemeente)
      .findOneByOrFail({ id: f.gemeenteId });
    const organisatie = await t.dataSource
      .getRepository(Organisatie)
      .findOneByOrFail({ gemeenteId: f.gemeenteId, soort: OrganisatieSoort.Gemeente });
    const sessie = async (org: Organisatie, rol: Rol) => {
      const g = await makeGebruiker(t.dataSource, org, [{ gemeente, rol }]);
      return (await login(t.app, g.email)).auth;
    };
    // The order in which roles are tried: the first one the guard lets through is used.
    sessies.push(
      { rol: 'contractmanager', auth: f.auth.cm },
      { rol: 'beheerder', auth: await sessie(organisatie, Rol.Beheerder) },
      { rol: 'ketenregisseur', auth: f.auth.ketenregisseur },
      { rol: 'beleidsadviseur', auth: f.auth.beleidsadviseur },
      { rol: 'directeur', auth: f.auth.directeur },
      { rol: 'teamleider', auth: await sessie(f.aanbieder, Rol.Teamleider) },
      { rol: 'kwaliteitsmedewerker', auth: await sessie(f.aanbieder, Rol.Kwaliteitsmedewerker) },
      { rol: 'bestuurder', auth: await sessie(organisatie, Rol.Bestuurder) },
    );
    // Edits of users go to this one, so the fuzz never blocks its own sessions.
    const doelwit = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Bestuurder },
    ]);
    voegToe('gebruikers', doelwit.gebruiker.id);
    voegToe('gemeenten', f.gemeenteId);
    voegToe('aanbieders', f.aanbieder.id);
    voegToe('organisaties', f.aanbieder.id);
    voegToe('aanvullende-opdrachten', opdracht.id);
    f.percelen.forEach((p) => voegToe('percelen', p.id));
    f.kpis.forEach((k) => voegToe('kpis', k.id));
    Object.values(f.doelen).forEach((d) => voegToe('doelen', d.id));
    Object.values(f.verantwoordingen).forEach((id) => voegToe('kwartaalverantwoordingen', id));
    f.casussen.forEach((c) => voegToe('casussen', c.id));
  }, 120_000);

  afterAll(() => t?.close());

  it(
    `finds no 5xx, only problem+json errors and no echoed personal data (${RUNS} cases)`,
    async () => {
      const start = Date.now();
      const alle = operaties(document);
      const schrijvend = alle.filter((o) => o.method !== 'get');
      const lijsten = alle.filter(
        (o) => o.method === 'get' && o.parameters.some((p) => p.in === 'query'),
      );
      const teFuzzen = [...schrijvend, ...lijsten];

      const padwaarden = (operatie: Operatie, vast?: string) =>
        Object.fromEntries(
          operatie.parameters
            .filter((p) => p.in === 'path')
            .map((p) => [
              p.name,
              vast ?? [...(pools.get(poolVoor(operatie, p)) ?? [])][0] ?? randomUUID(),
            ]),
        );
      const poolVoor = (operatie: Operatie, p: OperatieParameter) => {
        const segment = verzameling(operatie, p.name);
        return POOL_VAN_SEGMENT[segment] ?? segment;
      };
      pool('perioden').add('2026-Q3').add('2026');
      pool('volgnummers').add('1').add('2');

      // Ids the gemeente's own lists and details show, for path parameters and uuid fields.
      const rondkijken = async () => {
        const json = alle.filter(
          (x) => x.method === 'get' && !/\/(pdf|html|diagram)$/.test(x.path),
        );
        for (const o of json) {
          const padParams = o.parameters.filter((p) => p.in === 'path');
          if (padParams.length > 1) continue;
          const kandidaten = padParams.length
            ? [...(pools.get(poolVoor(o, padParams[0])) ?? [])].slice(0, 2)
            : [undefined];
          for (const id of kandidaten)
            for (const s of padParams.length ? [sessies[0]] : [sessies[0], sessies[4]]) {
              const url = vulPad(document, o, padwaarden(o, id));
              const r = await stuur({ method: 'get', url, headers: s.auth, verzonden: '' });
              if (r.status !== 200 || !r.contentType.includes('json')) continue;
              const collectie = o.path
                .split('/')
                .filter((x) => x && !x.startsWith('{'))
                .at(-1)!;
              const body = JSON.parse(r.tekst) as unknown;
              if (padParams.length) voegToe(collectie, (body as { id?: unknown }).id);
              verzamel(collectie, body);
            }
        }
      };
      await rondkijken();

      // Per operation the first role the guard lets through (probe: unknown ids, unknown field).
      const rolVan = new Map<string, Auth | undefined>();
      for (const o of teFuzzen) {
        if (o.security.length === 0 || o.operationId === 'Auth_logout') {
          rolVan.set(o.operationId, undefined);
          continue;
        }
        let gekozen = sessies[0].auth;
        for (const s of sessies) {
          const url =
            vulPad(document, o, padwaarden(o, randomUUID())) +
            (o.method === 'get' ? '?__sonde__=1' : '');
          const r = await stuur({
            method: o.method,
            url,
            headers: { ...s.auth, 'content-type': 'application/json', 'if-match': 'W/"0"' },
            body: o.method === 'get' ? undefined : '{"__sonde__":1}',
            verzonden: '',
          });
          if (r.status !== 403 && r.status !== 401) {
            gekozen = s.auth;
            break;
          }
        }
        rolVan.set(o.operationId, gekozen);
      }

      const bodyArb = (o: Operatie): fc.Arbitrary<{ body?: string | FormData; tekst: string }> => {
        const rb = o.requestBody;
        if (rb && rb.contentType.startsWith('multipart/')) {
          const csv = fc
            .array(fc.array(fc.oneof(vijandig.map(String), fc.string()), { maxLength: 5 }), {
              maxLength: 8,
            })
            .map((rijen) => 'kpi;perceel;waarde\n' + rijen.map((r) => r.join(';')).join('\n'));
          return fc
            .record({
              inhoud: fc.oneof(
                csv,
                fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.from(b).toString('latin1')),
              ),
              naam: fc.constantFrom('waarden.csv', 'waarden.xlsx', 'x.txt', '../../x.csv', 'ü.csv'),
            })
            .map(({ inhoud, naam }) => {
              const form = new FormData();
              form.append('bestand', new Blob([inhoud]), naam);
              return { body: form, tekst: inhoud };
            });
        }
        const schema = rb ? oplossen(document, rb.schema) : { type: 'object', properties: {} };
        const velden = Object.keys(schema.properties ?? {});
        const goed = geldig(document, schema, ids);
        const waarde = fc.oneof(
          { weight: 4, arbitrary: goed },
          {
            weight: 5,
            arbitrary: fc
              .tuple(goed, fc.nat(), vijandig)
              .map(([w, keuze, vijand]) => muteer(w, keuze, vijand, velden)),
          },
          { weight: 1, arbitrary: vijandig },
        );
        return fc
          .oneof(
            { weight: 19, arbitrary: waarde.map((w) => naarJson(w)) },
            {
              weight: 1,
              arbitrary: fc.constantFrom(
                '{',
                '{"a":',
                'null',
                '"x"',
                '[',
                '{"a":1}}',
                '\u0000',
                '',
              ),
            },
          )
          .map((tekst) => ({ body: tekst, tekst }));
      };

      const queryArb = (o: Operatie): fc.Arbitrary<string> => {
        const delen = o.parameters
          .filter((p) => p.in === 'query')
          .map((p) =>
            fc.option(
              fc
                .oneof(
                  {
                    weight: 5,
                    arbitrary: geldig(document, p.schema, ids, p.name).map(querywaarde),
                  },
                  { weight: 3, arbitrary: vijandig.map(querywaarde) },
                  { weight: 2, arbitrary: rauweQuery },
                )
                .chain((waarde) =>
                  fc.constantFrom(
                    `${p.name}=${waarde}`,
                    `${p.name}=${waarde}`,
                    `${p.name}=${waarde}&${p.name}=1`,
                    `${p.name}[a]=${waarde}`,
                  ),
                ),
              { freq: 2 },
            ),
          );
        return fc
          .tuple(fc.tuple(...delen), fc.option(fc.constant('onbekend=1'), { freq: 10 }))
          .map(([ps, extra]) => [...ps, extra].filter(Boolean).join('&'));
      };

      const padArb = (o: Operatie): fc.Arbitrary<Record<string, string>> =>
        fc.record(
          Object.fromEntries(
            o.parameters
              .filter((p) => p.in === 'path')
              .map((p) => {
                const bekend = [...(pools.get(poolVoor(o, p)) ?? [])];
                return [
                  p.name,
                  fc.oneof(
                    {
                      weight: 8,
                      arbitrary: bekend.length ? fc.constantFrom(...bekend) : fc.uuid(),
                    },
                    { weight: 1, arbitrary: fc.uuid() },
                    { weight: 2, arbitrary: fc.oneof(vijandig.map(querywaarde), rauweQuery) },
                  ),
                ];
              }),
          ),
        );

      const ifMatchArb = fc.option(
        fc.constantFrom(
          'W/"0"',
          'W/"1"',
          'W/"2"',
          '"1"',
          '*',
          'W/"111222333"',
          '"99999999999999999999"',
          'W/"-1"',
          'onzin',
          'W/"1", W/"2"',
        ),
        { freq: 5 },
      );

      const opzet = ((Date.now() - start) / 1000).toFixed(1);
      const fuzzStart = Date.now();
      const violations: Overtreding[] = [];
      const statussen: Record<string, number> = {};
      let gevallen = 0;
      const gedekt = new Set<string>();

      for (const [index, o] of teFuzzen.entries()) {
        const metIfMatch = o.parameters.some(
          (p) => p.in === 'header' && p.name.toLowerCase() === 'if-match',
        );
        const auth = rolVan.get(o.operationId);
        const arb = fc.record({
          pad: padArb(o),
          query: o.method === 'get' ? queryArb(o) : fc.constant(''),
          body: o.method === 'get' ? fc.constant(undefined) : bodyArb(o),
          ifMatch: metIfMatch ? ifMatchArb : fc.constant(null),
        });
        const perOperatie = Math.ceil(RUNS / teFuzzen.length);
        const gezien: Overtreding[] = [];
        await fc.check(
          fc.asyncProperty(arb, async (geval) => {
            gevallen += 1;
            gedekt.add(o.operationId);
            const url =
              vulPad(document, o, geval.pad, true) + (geval.query ? `?${geval.query}` : '');
            const headers: Record<string, string> = { ...(auth ?? {}) };
            if (geval.body && typeof geval.body.body === 'string')
              headers['content-type'] = 'application/json';
            if (geval.ifMatch) headers['if-match'] = geval.ifMatch;
            const verzonden = `${url}\n${geval.ifMatch ?? ''}\n${geval.body?.tekst ?? ''}`;
            let r: Awaited<ReturnType<typeof stuur>>;
            try {
              r = await stuur({
                method: o.method,
                url,
                headers,
                body: geval.body?.body,
                verzonden,
              });
            } catch (error) {
              gezien.push({
                operatie: o.operationId,
                wat: `geen antwoord: ${(error as Error).message}`,
                verzoek: `${o.method.toUpperCase()} ${url.slice(0, 300)}`,
                antwoord: '',
              });
              return false;
            }
            statussen[r.status] = (statussen[r.status] ?? 0) + 1;
            const fouten: string[] = [];
            if (r.status >= 500) fouten.push(`${r.status}`);
            if (r.status >= 400) {
              if (!r.contentType.startsWith('application/problem+json'))
                fouten.push('geen problem+json');
              else {
                const p = JSON.parse(r.tekst) as {
                  type?: unknown;
                  title?: unknown;
                  status?: unknown;
                };
                if (
                  typeof p.type !== 'string' ||
                  typeof p.title !== 'string' ||
                  p.status !== r.status
                )
                  fouten.push('problem zonder type, title of status');
              }
              for (const g of GEPLANT)
                if (verzonden.includes(g) && r.tekst.includes(g)) fouten.push(`echo van ${g}`);
            }
            if (fouten.length)
              gezien.push({
                operatie: o.operationId,
                wat: fouten.join(', '),
                verzoek: `${o.method.toUpperCase()} ${url.slice(0, 300)} ${String(geval.body?.tekst ?? '').slice(0, 300)}`,
                antwoord: `${r.status} ${r.tekst.slice(0, 300)}`,
              });
            return fouten.length === 0;
          }),
          { seed: SEED + index, numRuns: perOperatie },
        );
        // The last one is the shrunk (smallest) counterexample.
        if (gezien.length) violations.push(gezien[gezien.length - 1]);
      }

      const seconden = ((Date.now() - fuzzStart) / 1000).toFixed(1);
      console.log(
        `Fuzz: ${gevallen} gevallen over ${gedekt.size} operaties ` +
          `(${schrijvend.length} schrijvend, ${lijsten.length} lijsten) in ${seconden} s (rondkijken en rollen: ${opzet} s), ` +
          `seed ${SEED}; statussen ${JSON.stringify(statussen)}`,
      );
      expect(gedekt.size).toBe(teFuzzen.length);
      expect(gevallen).toBeGreaterThanOrEqual(RUNS);
      expect(violations).toEqual([]);
    },
    Math.max(600_000, RUNS * 150),
  );
});
