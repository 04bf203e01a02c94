import { Organisatie, Rol } from '@wijkkompas/core';
import {
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  TestApp,
} from '@wijkkompas/core/testing';
import { Hoofdopdracht, Keten, Perceel, PerceelToewijzing } from '@wijkkompas/opdrachten';
import {
  KpiWaarde,
  Kwartaalverantwoording,
  periodeDatums,
  Rapportageperiode,
} from '@wijkkompas/verantwoording';
import request from 'supertest';

export type Auth = { Authorization: string };

export interface FixtureAanbieder {
  org: Organisatie;
  hoofdopdrachtId: string;
  percelen: Perceel[];
  directeur: { id: string; auth: Auth };
}

/**
 * A gemeente like Voorbeeldstad: three aanbieders (Noord with two percelen, Oost and Zuid with
 * one), two ketens each with its own ketenregisseur, a contractmanager and a hoofdopdracht per
 * aanbieder. Reference data is written straight to the database; indicators, KPIs and norms
 * go through the API in the tests that need them.
 */
export interface OverlegFixture {
  gemeenteId: string;
  gemeenteOrg: Organisatie;
  ketens: { jeugd: Keten; armoede: Keten };
  noord: FixtureAanbieder;
  oost: FixtureAanbieder;
  zuid: FixtureAanbieder;
  cm: { id: string; auth: Auth };
  regisseurJeugd: { id: string; auth: Auth };
  regisseurArmoede: { id: string; auth: Auth };
  beleidsadviseur: { id: string; auth: Auth };
}

export async function maakOverlegFixture(t: TestApp): Promise<OverlegFixture> {
  const ds = t.dataSource;
  const { gemeente, organisatie } = await makeGemeente(ds);
  const gebruiker = async (org: Organisatie, rol: Rol) => {
    const g = await makeGebruiker(ds, org, [{ gemeente, rol }]);
    return { id: g.gebruiker.id, auth: (await login(t.app, g.email)).auth };
  };
  const cm = await gebruiker(organisatie, Rol.Contractmanager);
  const regisseurJeugd = await gebruiker(organisatie, Rol.Ketenregisseur);
  const regisseurArmoede = await gebruiker(organisatie, Rol.Ketenregisseur);
  const beleidsadviseur = await gebruiker(organisatie, Rol.Beleidsadviseur);
  const jeugd = await ds.getRepository(Keten).save({
    gemeenteId: gemeente.id,
    naam: 'Jeugd',
    omschrijving: null,
    ketenregisseurId: regisseurJeugd.id,
  });
  const armoede = await ds.getRepository(Keten).save({
    gemeenteId: gemeente.id,
    naam: 'Armoede & Schulden',
    omschrijving: null,
    ketenregisseurId: regisseurArmoede.id,
  });

  const aanbieder = async (naam: string, percelen: string[]): Promise<FixtureAanbieder> => {
    const org = await makeAanbieder(ds, [gemeente], { naam: `${naam} ${gemeente.cbsCode}` });
    const opgeslagen = await ds.getRepository(Perceel).save(
      percelen.map((p) => ({
        gemeenteId: gemeente.id,
        naam: `${p} ${gemeente.cbsCode}`,
        omschrijving: null,
      })),
    );
    await ds
      .getRepository(PerceelToewijzing)
      .insert(opgeslagen.map((p) => ({ perceelId: p.id, aanbiederId: org.id, van: '2019-01-01' })));
    const hoofd = await ds.getRepository(Hoofdopdracht).save({
      gemeenteId: gemeente.id,
      aanbiederId: org.id,
      titel: `Sociaal wijkteam ${naam}`,
      startdatum: '2019-01-01',
      einddatum: '2030-12-31',
    });
    return {
      org,
      hoofdopdrachtId: hoofd.id,
      percelen: opgeslagen,
      directeur: await gebruiker(org, Rol.Directeur),
    };
  };

  return {
    gemeenteId: gemeente.id,
    gemeenteOrg: organisatie,
    ketens: { jeugd, armoede },
    noord: await aanbieder('Wijkteams Noord', ['Noord-West', 'Noord-Oost']),
    oost: await aanbieder('Wijkteams Oost', ['Oost']),
    zuid: await aanbieder('Samen Zuid', ['Zuid']),
    cm,
    regisseurJeugd,
    regisseurArmoede,
    beleidsadviseur,
  };
}

/**
 * An adopted account of the aanbieder for the quarter with these figures (kpiId → one value
 * per perceel of the aanbieder, in order), as if submitted and adopted.
 */
export async function maakVastgesteldeVerantwoording(
  t: TestApp,
  f: OverlegFixture,
  a: FixtureAanbieder,
  periode: string,
  figuren: { kpiId: string; versieId: string; waarden: string[] }[],
): Promise<string> {
  const ds = t.dataSource;
  const { begindatum, einddatum } = periodeDatums(periode);
  const rapportageperiode = await ds.getRepository(Rapportageperiode).save({
    gemeenteId: f.gemeenteId,
    aanbiederId: a.org.id,
    aanvullendeOpdrachtId: null,
    periode,
    begindatum,
    einddatum,
    deadline: einddatum,
  });
  const v = await ds.getRepository(Kwartaalverantwoording).save({
    gemeenteId: f.gemeenteId,
    aanbiederId: a.org.id,
    rapportageperiodeId: rapportageperiode.id,
    periode,
    revisie: 1,
    status: 'vastgesteld',
    hoogtepunten: 'De buurtkamer draait vijf dagen per week.',
    knelpunten: 'Twee vacatures staan open.',
    vooruitblik: 'We starten een spreekuur met de huisartsen.',
    ingediendOp: new Date(`${einddatum}T12:00:00Z`),
    vastgesteldOp: new Date(`${einddatum}T15:00:00Z`),
  } as Partial<Kwartaalverantwoording>);
  await ds.getRepository(KpiWaarde).insert(
    figuren.flatMap((fig) =>
      fig.waarden.map((waarde, p) => ({
        kwartaalverantwoordingId: v.id,
        kpiId: fig.kpiId,
        kpiVersieId: fig.versieId,
        perceelId: a.percelen[p].id,
        waarde,
        toelichting: null,
        datakwaliteit: 'betrouwbaar' as const,
      })),
    ),
  );
  return v.id;
}

/** Small HTTP helpers that fail with the response body when the status is not the expected one. */
export function api(t: TestApp) {
  const http = () => request(t.app.getHttpServer());
  const check = (res: request.Response, status: number, wat: string) => {
    if (res.status !== status) throw new Error(`${wat}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  return {
    get: async (pad: string, auth: Auth, status = 200) =>
      check(await http().get(`/api/v1${pad}`).set(auth), status, `GET ${pad}`),
    post: async (
      pad: string,
      auth: Auth,
      body: object,
      status = 201,
      headers: Record<string, string> = {},
    ) =>
      check(
        await http().post(`/api/v1${pad}`).set(auth).set(headers).send(body),
        status,
        `POST ${pad}`,
      ),
    patch: async (
      pad: string,
      auth: Auth,
      body: object,
      headers: Record<string, string> = {},
      status = 200,
    ) =>
      check(
        await http().patch(`/api/v1${pad}`).set(auth).set(headers).send(body),
        status,
        `PATCH ${pad}`,
      ),
    put: async (pad: string, auth: Auth, body: object, status = 201) =>
      check(await http().put(`/api/v1${pad}`).set(auth).send(body), status, `PUT ${pad}`),
    http,
  };
}
