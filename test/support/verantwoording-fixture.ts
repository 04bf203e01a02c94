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
  Kpi,
  KpiAggregatie,
  KpiEenheid,
  KpiFrequentie,
  KpiNormRecord,
  KpiRichting,
  KpiType,
  KpiVersie,
  Rapportageperiode,
} from '@wijkkompas/verantwoording';

/**
 * A gemeente with two aanbieders, their percelen, hoofdopdrachten, KPIs with norms and a
 * reporting period each, and a logged-in user per role, written straight to the database so
 * the account tests do not depend on the KPI and period endpoints.
 */

export type Auth = { Authorization: string };

export interface KpiSpec {
  code: string;
  naam?: string;
  type?: KpiType;
  eenheid?: KpiEenheid;
  richting?: KpiRichting;
  aggregatie?: KpiAggregatie;
  frequentie?: KpiFrequentie;
  perPerceel?: boolean;
  ketens?: ('jeugd' | 'armoede')[];
  /** [periode, streefwaarde, let op, uit koers] */
  normen?: [string, string, string, string][];
  actief?: boolean;
}

export interface VerantwoordingFixture {
  gemeenteId: string;
  aanbieder: Organisatie;
  andereAanbieder: Organisatie;
  percelen: Perceel[];
  anderPerceel: Perceel;
  ketens: { jeugd: string; armoede: string };
  kpis: Record<string, { id: string; versieId: string }>;
  vreemdeKpi: { id: string; versieId: string };
  periode: Rapportageperiode;
  periodeAnder: Rapportageperiode;
  auth: {
    cm: Auth;
    directeur: Auth;
    teamleider: Auth;
    kwaliteit: Auth;
    directeurAnder: Auth;
    ketenregisseur: Auth;
    beheerder: Auth;
    bestuurder: Auth;
  };
  gebruikerIds: { directeur: string; cm: string };
}

export async function maakVerantwoordingFixture(
  t: TestApp,
  opties: { kpis: KpiSpec[]; aantalPercelen?: number; periode?: string },
): Promise<VerantwoordingFixture> {
  const ds = t.dataSource;
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
  const regisseur = await gebruiker(organisatie, Rol.Ketenregisseur);
  const directeur = await gebruiker(aanbieder, Rol.Directeur);

  const ketenRepo = ds.getRepository(Keten);
  const jeugd = await ketenRepo.save({
    gemeenteId: gemeente.id,
    naam: 'Jeugd',
    omschrijving: null,
    ketenregisseurId: regisseur.id,
  });
  const armoede = await ketenRepo.save({
    gemeenteId: gemeente.id,
    naam: 'Armoede & Schulden',
    omschrijving: null,
    ketenregisseurId: null,
  });

  const aantal = opties.aantalPercelen ?? 2;
  const percelen = await ds.getRepository(Perceel).save(
    Array.from({ length: aantal }, (_, i) => ({
      gemeenteId: gemeente.id,
      naam:
        aantal <= 26
          ? `Perceel ${String.fromCharCode(65 + i)}`
          : `Perceel ${String(i + 1).padStart(5, '0')}`,
      omschrijving: null,
    })),
    { chunk: 500 },
  );
  const anderPerceel = await ds
    .getRepository(Perceel)
    .save({ gemeenteId: gemeente.id, naam: 'Perceel Zuid', omschrijving: null });
  await ds.getRepository(PerceelToewijzing).insert([
    ...percelen.map((p) => ({
      perceelId: p.id,
      aanbiederId: aanbieder.id,
      van: '2019-01-01',
      tot: null,
    })),
    { perceelId: anderPerceel.id, aanbiederId: andereAanbieder.id, van: '2019-01-01', tot: null },
  ]);

  const hoofd = await ds.getRepository(Hoofdopdracht).save({
    gemeenteId: gemeente.id,
    aanbiederId: aanbieder.id,
    titel: 'Hoofdopdracht Noord',
    startdatum: '2019-01-01',
    einddatum: '2030-12-31',
  });
  const hoofdAnder = await ds.getRepository(Hoofdopdracht).save({
    gemeenteId: gemeente.id,
    aanbiederId: andereAanbieder.id,
    titel: 'Hoofdopdracht Zuid',
    startdatum: '2019-01-01',
    einddatum: '2030-12-31',
  });

  const maakKpi = async (spec: KpiSpec, hoofdopdrachtId: string) => {
    const kpi = await ds.getRepository(Kpi).save({
      gemeenteId: gemeente.id,
      hoofdopdrachtId,
      aanvullendeOpdrachtId: null,
      code: spec.code,
      huidigeVersie: 1,
      doelIds: [],
      ketenIds: (spec.ketens ?? []).map((k) => (k === 'jeugd' ? jeugd.id : armoede.id)),
      actief: spec.actief ?? true,
    });
    const versie = await ds.getRepository(KpiVersie).save({
      kpiId: kpi.id,
      versie: 1,
      naam: spec.naam ?? `KPI ${spec.code}`,
      definitie: `Definitie van ${spec.code}`,
      teller: null,
      noemer: null,
      type: spec.type ?? 'output',
      eenheid: spec.eenheid ?? 'aantal',
      richting: spec.richting ?? 'hoger-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: null,
      frequentie: spec.frequentie ?? 'kwartaal',
      aggregatie: spec.aggregatie ?? 'som',
      perPerceel: spec.perPerceel ?? true,
      geldigVanaf: '2025-Q1',
      aangemaaktDoorId: null,
    });
    if (spec.normen?.length)
      await ds.getRepository(KpiNormRecord).insert(
        spec.normen.map(([periode, streefwaarde, tolerantieLetOp, tolerantieUitKoers]) => ({
          kpiId: kpi.id,
          periode,
          streefwaarde,
          tolerantieLetOp,
          tolerantieUitKoers,
        })),
      );
    return { id: kpi.id, versieId: versie.id };
  };
  const kpis: Record<string, { id: string; versieId: string }> = {};
  for (const spec of opties.kpis) kpis[spec.code] = await maakKpi(spec, hoofd.id);
  const vreemdeKpi = await maakKpi({ code: `ZD-${gemeente.cbsCode}` }, hoofdAnder.id);

  const periodeCode = opties.periode ?? '2026-Q2';
  const [jaar, q] = periodeCode.split('-Q').map(Number);
  const beginMaand = (q - 1) * 3 + 1;
  const begindatum = `${jaar}-${String(beginMaand).padStart(2, '0')}-01`;
  const einddatum = new Date(Date.UTC(jaar, beginMaand + 2, 0)).toISOString().slice(0, 10);
  const periodeRepo = ds.getRepository(Rapportageperiode);
  const periode = await periodeRepo.save({
    gemeenteId: gemeente.id,
    aanbiederId: aanbieder.id,
    aanvullendeOpdrachtId: null,
    periode: periodeCode,
    begindatum,
    einddatum,
    deadline: new Date(Date.UTC(jaar, beginMaand + 2, 30)).toISOString().slice(0, 10),
  });
  const periodeAnder = await periodeRepo.save({
    gemeenteId: gemeente.id,
    aanbiederId: andereAanbieder.id,
    aanvullendeOpdrachtId: null,
    periode: periodeCode,
    begindatum,
    einddatum,
    deadline: einddatum,
  });

  return {
    gemeenteId: gemeente.id,
    aanbieder,
    andereAanbieder,
    percelen,
    anderPerceel,
    ketens: { jeugd: jeugd.id, armoede: armoede.id },
    kpis,
    vreemdeKpi,
    periode,
    periodeAnder,
    auth: {
      cm: cm.auth,
      directeur: directeur.auth,
      teamleider: (await gebruiker(aanbieder, Rol.Teamleider)).auth,
      kwaliteit: (await gebruiker(aanbieder, Rol.Kwaliteitsmedewerker)).auth,
      directeurAnder: (await gebruiker(andereAanbieder, Rol.Directeur)).auth,
      ketenregisseur: regisseur.auth,
      beheerder: (await gebruiker(organisatie, Rol.Beheerder)).auth,
      bestuurder: (await gebruiker(organisatie, Rol.Bestuurder)).auth,
    },
    gebruikerIds: { directeur: directeur.id, cm: cm.id },
  };
}
