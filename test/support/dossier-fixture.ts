import { Organisatie, Rol } from '@wijkkompas/core';
import {
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  TestApp,
} from '@wijkkompas/core/testing';
import {
  AanvullendeOpdracht,
  AanvullendeOpdrachtAanbieder,
  BinnengekomenVia,
  Doel,
  Hoofdopdracht,
  OpdrachtBron,
  Perceel,
  PerceelToewijzing,
  Rapportagefrequentie,
} from '@wijkkompas/opdrachten';
import {
  Casus,
  Kpi,
  KpiNormRecord,
  KpiVersie,
  KpiWaarde,
  Kwartaalverantwoording,
  periodeDatums,
  Rapportageperiode,
  Signaal,
  verschuifKwartaal,
} from '@wijkkompas/verantwoording';

/**
 * A gemeente whose aanbieder has accounted for several quarters: goals, percelen, KPIs with
 * norms, adopted accounts with a figure per KPI and perceel, case stories linked to KPIs, an
 * open signal and an aanvullende opdracht, written straight to the database. Sizes are
 * parameters, so the same data serves the e2e tests (small) and the query-count test (5 and
 * 50 KPIs). A second aanbieder and a second gemeente are there for the scoping tests.
 */

export type Auth = { Authorization: string };

export interface DossierFixtureOpties {
  kpis?: number;
  /** Quarters with adopted accounts, ending with `periode`. */
  kwartalen?: number;
  verhalen?: number;
  periode?: string;
}

export interface FixtureKpi {
  id: string;
  versieId: string;
  code: string;
  naam: string;
  streefwaarde: string;
  eenheid: 'percentage' | 'aantal';
}

export interface DossierFixture {
  gemeenteId: string;
  aanbieder: Organisatie;
  andereAanbieder: Organisatie;
  percelen: Perceel[];
  periode: string;
  kwartalen: string[];
  doelen: { ambitie: Doel; snel: Doel; zelfredzaam: Doel };
  kpis: FixtureKpi[];
  /** Per quarter the id of its adopted account. */
  verantwoordingen: Record<string, string>;
  casussen: { id: string; titel: string; kpiIds: string[] }[];
  /** The aanbieder's directeur, who raised the open signal. */
  directeurId: string;
  auth: {
    cm: Auth;
    beleidsadviseur: Auth;
    ketenregisseur: Auth;
    directeur: Auth;
    directeurAnder: Auth;
    cmAndereGemeente: Auth;
  };
}

/** The figure of KPI `k` (0-based) in quarter `q` (0 = oldest) for perceel `p`. */
export function fixtureWaarde(k: number, q: number, p: number): string {
  return k === 0 ? (['86.5', '81.5'][p] ?? '80') : String(40 + k + q * 2 + p * 3);
}

const KPI_NAMEN = [
  'Vragen binnen vijf werkdagen opgepakt',
  'Inwoners geholpen zonder maatwerkvoorziening',
  'Huishoudens met een schuldregeling',
  'Deelnemers aan groepsaanbod in de buurt',
];

const VERHAAL_TITELS = [
  'Mevrouw K. houdt de regie over haar schulden',
  'Buurtkamer vangt jongeren op na schooltijd',
  'Samen met de huisarts eenzaamheid doorbroken',
];

export async function maakDossierFixture(
  t: TestApp,
  opties: DossierFixtureOpties = {},
): Promise<DossierFixture> {
  const ds = t.dataSource;
  const aantalKpis = opties.kpis ?? 4;
  const aantalKwartalen = opties.kwartalen ?? 4;
  const aantalVerhalen = opties.verhalen ?? 3;
  const periode = opties.periode ?? '2026-Q3';
  const kwartalen = Array.from({ length: aantalKwartalen }, (_, i) =>
    verschuifKwartaal(periode, i - aantalKwartalen + 1),
  );

  const { gemeente, organisatie } = await makeGemeente(ds);
  const aanbieder = await makeAanbieder(ds, [gemeente], {
    naam: `Wijkteams Noord ${gemeente.cbsCode}`,
  });
  const andereAanbieder = await makeAanbieder(ds, [gemeente], {
    naam: `Samen Zuid ${gemeente.cbsCode}`,
  });
  const gebruiker = async (org: Organisatie, rol: Rol) => {
    const g = await makeGebruiker(ds, org, [{ gemeente, rol }]);
    return { id: g.gebruiker.id, auth: (await login(t.app, g.email)).auth };
  };
  const cm = await gebruiker(organisatie, Rol.Contractmanager);
  const directeur = await gebruiker(aanbieder, Rol.Directeur);
  const ander = await makeGemeente(ds);
  const cmAnder = await makeGebruiker(ds, ander.organisatie, [
    { gemeente: ander.gemeente, rol: Rol.Contractmanager },
  ]);

  const percelen = await ds.getRepository(Perceel).save([
    { gemeenteId: gemeente.id, naam: `Noord-West ${gemeente.cbsCode}`, omschrijving: null },
    { gemeenteId: gemeente.id, naam: `Noord-Oost ${gemeente.cbsCode}`, omschrijving: null },
  ]);
  const perceelZuid = await ds
    .getRepository(Perceel)
    .save({ gemeenteId: gemeente.id, naam: `Zuid ${gemeente.cbsCode}`, omschrijving: null });
  await ds
    .getRepository(PerceelToewijzing)
    .insert([
      ...percelen.map((p) => ({ perceelId: p.id, aanbiederId: aanbieder.id, van: '2019-01-01' })),
      { perceelId: perceelZuid.id, aanbiederId: andereAanbieder.id, van: '2019-01-01' },
    ]);

  const hoofd = await ds.getRepository(Hoofdopdracht).save({
    gemeenteId: gemeente.id,
    aanbiederId: aanbieder.id,
    titel: 'Sociaal wijkteam Noord',
    startdatum: '2019-01-01',
    einddatum: '2030-12-31',
  });
  await ds.getRepository(Hoofdopdracht).save({
    gemeenteId: gemeente.id,
    aanbiederId: andereAanbieder.id,
    titel: 'Sociaal wijkteam Zuid',
    startdatum: '2019-01-01',
    einddatum: '2030-12-31',
  });
  const doelRepo = ds.getRepository(Doel);
  const ambitie = await doelRepo.save({
    gemeenteId: gemeente.id,
    hoofdopdrachtId: hoofd.id,
    parentId: null,
    niveau: 'ambitie',
    titel: 'Inwoners van Noord doen mee en redden zich',
  } as Partial<Doel>);
  const snel = await doelRepo.save({
    gemeenteId: gemeente.id,
    hoofdopdrachtId: hoofd.id,
    parentId: ambitie.id,
    niveau: 'doel',
    titel: 'Inwoners zijn snel en dichtbij geholpen',
  } as Partial<Doel>);
  const zelfredzaam = await doelRepo.save({
    gemeenteId: gemeente.id,
    hoofdopdrachtId: hoofd.id,
    parentId: ambitie.id,
    niveau: 'doel',
    titel: 'Inwoners zijn zelfredzaam',
  } as Partial<Doel>);

  const kpiRijen = await ds.getRepository(Kpi).save(
    Array.from({ length: aantalKpis }, (_, k) => ({
      gemeenteId: gemeente.id,
      hoofdopdrachtId: hoofd.id,
      aanvullendeOpdrachtId: null,
      code: `NW-${String(k + 1).padStart(2, '0')}`,
      huidigeVersie: 1,
      doelIds: [k % 2 === 0 ? snel.id : zelfredzaam.id],
      ketenIds: [],
      actief: true,
    })),
    { chunk: 200 },
  );
  const kpis: FixtureKpi[] = [];
  const versies = await ds.getRepository(KpiVersie).save(
    kpiRijen.map((kpi, k) => ({
      kpiId: kpi.id,
      versie: 1,
      naam: KPI_NAMEN[k] ?? `Indicator ${k + 1} van het wijkteam`,
      definitie: `Definitie van indicator ${k + 1}.`,
      teller: null,
      noemer: null,
      type: 'output' as const,
      eenheid: k === 0 ? ('percentage' as const) : ('aantal' as const),
      richting: 'hoger-is-beter' as const,
      bron: 'registratiesysteem' as const,
      bronOmschrijving: null,
      frequentie: 'kwartaal' as const,
      aggregatie: k === 0 ? ('gemiddelde' as const) : ('som' as const),
      perPerceel: true,
      geldigVanaf: '2024-Q1',
      aangemaaktDoorId: null,
    })),
    { chunk: 200 },
  );
  const jaren = [...new Set(kwartalen.map((q) => q.slice(0, 4)))];
  const normen: Partial<KpiNormRecord>[] = [];
  kpiRijen.forEach((kpi, k) => {
    const streefwaarde = k === 0 ? '85' : String(80 + 2 * k);
    kpis.push({
      id: kpi.id,
      versieId: versies[k].id,
      code: kpi.code,
      naam: versies[k].naam,
      streefwaarde,
      eenheid: versies[k].eenheid as FixtureKpi['eenheid'],
    });
    for (const jaar of jaren)
      normen.push({
        kpiId: kpi.id,
        periode: jaar,
        streefwaarde,
        tolerantieLetOp: k === 0 ? '2' : '5',
        tolerantieUitKoers: k === 0 ? '5' : '15',
      });
  });
  await ds.getRepository(KpiNormRecord).insert(normen);

  const verantwoordingen: Record<string, string> = {};
  const waarden: Partial<KpiWaarde>[] = [];
  for (const [q, kwartaal] of kwartalen.entries()) {
    const { begindatum, einddatum } = periodeDatums(kwartaal);
    const rapportageperiode = await ds.getRepository(Rapportageperiode).save({
      gemeenteId: gemeente.id,
      aanbiederId: aanbieder.id,
      aanvullendeOpdrachtId: null,
      periode: kwartaal,
      begindatum,
      einddatum,
      deadline: einddatum,
    });
    const verantwoording = await ds.getRepository(Kwartaalverantwoording).save({
      gemeenteId: gemeente.id,
      aanbiederId: aanbieder.id,
      rapportageperiodeId: rapportageperiode.id,
      periode: kwartaal,
      revisie: 1,
      status: 'vastgesteld',
      hoogtepunten: `De buurtkamer in Noord draait vijf dagen per week (${kwartaal}).`,
      knelpunten: 'Twee vacatures voor maatschappelijk werk staan open.',
      vooruitblik: 'We starten een spreekuur met de huisartsen.',
      budgetBegrootCenten: 125_000_000,
      budgetGerealiseerdCenten: 118_250_000,
      budgetToelichting: 'Minder uitgegeven door de vacatures.',
      formatieFte: '18.40',
      vacaturesFte: '2.00',
      verloopPercentage: '4.50',
      formatieToelichting: null,
      ingediendOp: new Date(`${einddatum}T12:00:00Z`),
      vastgesteldOp: new Date(`${einddatum}T15:00:00Z`),
    });
    verantwoordingen[kwartaal] = verantwoording.id;
    kpis.forEach((kpi, k) =>
      percelen.forEach((perceel, p) =>
        waarden.push({
          kwartaalverantwoordingId: verantwoording.id,
          kpiId: kpi.id,
          kpiVersieId: kpi.versieId,
          perceelId: perceel.id,
          waarde: fixtureWaarde(k, q, p),
          toelichting: k === 0 && p === 1 ? 'Langere wachttijd door ziekte in het team.' : null,
          datakwaliteit: 'betrouwbaar',
        }),
      ),
    );
  }
  for (let i = 0; i < waarden.length; i += 500)
    await ds.getRepository(KpiWaarde).insert(waarden.slice(i, i + 500));

  const verhalen = Array.from({ length: aantalVerhalen }, (_, j) => ({
    gemeenteId: gemeente.id,
    aanbiederId: aanbieder.id,
    periode,
    titel: VERHAAL_TITELS[j] ?? `Verhaal ${j + 1} uit de wijk`,
    situatie: 'Een inwoner meldde zich bij het wijkteam met meerdere vragen tegelijk.',
    aanpak: 'Eén vaste contactpersoon die met de inwoner een plan maakte.',
    effect: 'De inwoner pakt de draad weer zelf op.',
    les: 'Eén gezicht werkt beter dan drie loketten.',
    kwestie: null,
    perceelId: percelen[j % percelen.length].id,
    kpiIds: [kpis[j % kpis.length].id],
    doelIds: [j % 2 === 0 ? snel.id : zelfredzaam.id],
    ketenIds: [],
    auteurId: directeur.id,
  }));
  const casussen = await ds.getRepository(Casus).save(verhalen, { chunk: 200 });

  await ds.getRepository(Signaal).save({
    gemeenteId: gemeente.id,
    organisatieId: aanbieder.id,
    titel: 'Wachtlijst schuldhulp loopt op',
    waarneming: 'Inwoners wachten zes weken op een eerste gesprek bij de schuldhulp.',
    soort: 'aanbod',
    status: 'nieuw',
    perceelId: percelen[0].id,
    periode,
    antwoordTermijn: null,
    ingebrachtDoorId: directeur.id,
  });

  return {
    gemeenteId: gemeente.id,
    aanbieder,
    andereAanbieder,
    percelen,
    periode,
    kwartalen,
    doelen: { ambitie, snel, zelfredzaam },
    kpis,
    verantwoordingen,
    casussen: casussen.map((c) => ({ id: c.id, titel: c.titel, kpiIds: c.kpiIds })),
    directeurId: directeur.id,
    auth: {
      cm: cm.auth,
      beleidsadviseur: (await gebruiker(organisatie, Rol.Beleidsadviseur)).auth,
      ketenregisseur: (await gebruiker(organisatie, Rol.Ketenregisseur)).auth,
      directeur: directeur.auth,
      directeurAnder: (await gebruiker(andereAanbieder, Rol.Directeur)).auth,
      cmAndereGemeente: (await login(t.app, cmAnder.email)).auth,
    },
  };
}

/** An active aanvullende opdracht of the fixture's aanbieder, ending on `einddatum`. */
export async function maakAanvullendeOpdracht(
  t: TestApp,
  f: DossierFixture,
  opties: { titel: string; einddatum: string; startdatum?: string },
): Promise<{ id: string; titel: string }> {
  const opdracht = await t.dataSource.getRepository(AanvullendeOpdracht).save({
    gemeenteId: f.gemeenteId,
    titel: opties.titel,
    doel: 'Gezinnen met schulden eerder in beeld brengen.',
    bron: OpdrachtBron.LandelijkProgramma,
    programmaNaam: 'Landelijk programma Geldzorgen',
    aanvragendeAfdeling: 'Werk en Inkomen',
    opdrachtgever: 'Afdeling Werk en Inkomen',
    startdatum: opties.startdatum ?? '2026-01-01',
    einddatum: opties.einddatum,
    budgetCenten: 4_500_000,
    geoormerkt: true,
    thema: 'schulden',
    rapportagefrequentie: Rapportagefrequentie.Kwartaal,
    status: 'actief',
    binnengekomenVia: BinnengekomenVia.Register,
    aangevraagdOp: '2025-12-01',
    aangevraagdDoorId: null,
  } as Partial<AanvullendeOpdracht>);
  await t.dataSource
    .getRepository(AanvullendeOpdrachtAanbieder)
    .insert({ opdrachtId: opdracht.id, aanbiederId: f.aanbieder.id, budgetCenten: 4_500_000 });
  return { id: opdracht.id, titel: opdracht.titel };
}

/** An open signal of the fixture's aanbieder whose answer was due on `antwoordTermijn`. */
export async function maakSignaal(
  t: TestApp,
  f: DossierFixture,
  opties: { titel: string; antwoordTermijn: string },
): Promise<{ id: string; titel: string }> {
  const signaal = await t.dataSource.getRepository(Signaal).save({
    gemeenteId: f.gemeenteId,
    organisatieId: f.aanbieder.id,
    titel: opties.titel,
    waarneming: 'Inwoners worden voor dezelfde vraag van loket naar loket gestuurd.',
    soort: 'samenwerking',
    status: 'in-analyse',
    perceelId: f.percelen[0].id,
    periode: f.periode,
    antwoordTermijn: opties.antwoordTermijn,
    ingebrachtDoorId: f.directeurId,
  } as Partial<Signaal>);
  return { id: signaal.id, titel: signaal.titel };
}
