import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedContext, DemoSeedRegistry, Rol, SystemActor } from '@wijkkompas/core';
import {
  AanvullendeOpdracht,
  AanvullendeOpdrachtAanbieder,
  AanvullendeOpdrachtKeten,
  AanvullendeOpdrachtPerceel,
  AanvullendeOpdrachtStatuswijziging,
} from '../aanvullende-opdracht/aanvullende-opdracht.entity';
import { AanvullendeOpdrachtStatus as S } from '../aanvullende-opdracht/levenscyclus';
import { Doel } from '../doel/doel.entity';
import {
  Hoofdopdracht,
  HoofdopdrachtJaarbudget,
  HoofdopdrachtVersie,
} from '../hoofdopdracht/hoofdopdracht.entity';
import { Keten } from '../keten/keten.entity';
import {
  Perceel,
  PerceelProgramma,
  PerceelToewijzing,
  PerceelWijk,
} from '../perceel/perceel.entity';
import { plusDagen, vandaag } from '../shared/datum';
import {
  BinnengekomenVia,
  DoelNiveau,
  DoelThema,
  Financieringsvorm,
  OpdrachtBron,
  Rapportagefrequentie,
  Toetsoordeel,
} from '../shared/enums';
import { Wijk } from '../wijk/wijk.entity';
import { Wijzigingssoort } from '../hoofdopdracht/wijziging';

const WIJKEN = [
  'Centrum',
  'Havenkwartier',
  'Noorderpark',
  'Oosterhout',
  'Molenwijk',
  'Zuiderveld',
  'De Weiden',
  'Vissersbuurt',
  'Stationskwartier',
  'Kerkebuurt',
];

/** Scenario 1 of the brief for Gemeente Voorbeeldstad, written straight through the seed's transaction. */
@Injectable()
export class OpdrachtenDemoSeed implements OnModuleInit {
  constructor(private readonly registry: DemoSeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({ order: 100, name: 'opdrachten', run: (ctx) => this.run(ctx) });
  }

  async run(ctx: DemoSeedContext): Promise<void> {
    const { manager, audit, gemeente, aanbieders } = ctx;
    const system: SystemActor = { system: 'demo-data', gemeenteId: gemeente.id };
    const log = (entityType: string, entityId: string, after: object) =>
      audit.record(manager, system, { action: 'aangemaakt', entityType, entityId, after });
    const contractmanager = ctx.gebruikers.find((g) => g.rol === Rol.Contractmanager);
    const wijken: Wijk[] = [];
    for (const [i, naam] of WIJKEN.entries()) {
      const wijk = await manager.getRepository(Wijk).save({
        gemeenteId: gemeente.id,
        cbsCode: `WK9999${String(i + 1).padStart(2, '0')}`,
        naam,
      });
      await log('wijk', wijk.id, { cbsCode: wijk.cbsCode, naam });
      wijken.push(wijk);
    }
    const spec = [
      { naam: 'Perceel Centrum', wijken: [0, 1], aanbieder: aanbieders.noord },
      { naam: 'Perceel Noord', wijken: [2, 3], aanbieder: aanbieders.noord },
      { naam: 'Perceel Oost', wijken: [4, 5], aanbieder: aanbieders.oost },
      { naam: 'Perceel Zuid', wijken: [6, 7], aanbieder: aanbieders.zuid },
      { naam: 'Perceel Haven-West', wijken: [8, 9], aanbieder: aanbieders.zuid },
    ];
    const percelen: Perceel[] = [];
    for (const p of spec) {
      const perceel = await manager
        .getRepository(Perceel)
        .save({ gemeenteId: gemeente.id, naam: p.naam, omschrijving: null });
      await manager
        .getRepository(PerceelWijk)
        .insert(p.wijken.map((i) => ({ perceelId: perceel.id, wijkId: wijken[i].id })));
      await manager.getRepository(PerceelToewijzing).insert({
        perceelId: perceel.id,
        aanbiederId: p.aanbieder.id,
        van: '2019-01-01',
        tot: null,
      });
      await log('perceel', perceel.id, { naam: p.naam, aanbiederId: p.aanbieder.id });
      percelen.push(perceel);
    }
    // Perceel Haven-West moved from Zuid to Oost in mid-2023: the history shows both.
    await manager
      .getRepository(PerceelToewijzing)
      .update({ perceelId: percelen[4].id }, { tot: '2023-06-30' });
    await manager.getRepository(PerceelToewijzing).insert({
      perceelId: percelen[4].id,
      aanbiederId: aanbieders.oost.id,
      van: '2023-07-01',
      tot: null,
    });
    await manager.getRepository(PerceelProgramma).insert({
      perceelId: percelen[3].id,
      naam: 'PACT',
      opdrachtgever: 'Programma Leefbaarheid en Veiligheid (Rijk en corporaties)',
      van: '2022-01-01',
      tot: null,
    });
    const ketenregisseur = ctx.gebruikers.find((g) => g.rol === Rol.Ketenregisseur);
    const ketens: Keten[] = [];
    for (const naam of [
      'Jeugd',
      'Wmo/Zorg',
      'Participatie & Werk',
      'Armoede & Schulden',
      'Veiligheid',
    ]) {
      const keten = await manager.getRepository(Keten).save({
        gemeenteId: gemeente.id,
        naam,
        omschrijving: null,
        ketenregisseurId: naam === 'Armoede & Schulden' ? (ketenregisseur?.id ?? null) : null,
      });
      await log('keten', keten.id, { naam });
      ketens.push(keten);
    }
    const hoofd: Record<string, string> = {};
    for (const [key, aanbieder, perceelIdx, budget] of [
      ['noord', aanbieders.noord, [0, 1], 610_000_000],
      ['oost', aanbieders.oost, [2, 4], 480_000_000],
      ['zuid', aanbieders.zuid, [3], 395_000_000],
    ] as const) {
      const h = await manager.getRepository(Hoofdopdracht).save({
        gemeenteId: gemeente.id,
        aanbiederId: aanbieder.id,
        titel: `Hoofdopdracht sociaal wijkteam ${aanbieder.naam} 2019-2026`,
        startdatum: '2019-01-01',
        einddatum: '2026-12-31',
      });
      hoofd[key] = h.id;
      const versie = await manager.getRepository(HoofdopdrachtVersie).save({
        hoofdopdrachtId: h.id,
        versie: 1,
        ingangsdatum: '2019-01-01',
        soort: Wijzigingssoort.Oorspronkelijk,
        einddatum: '2026-12-31',
        reden: 'Oorspronkelijke hoofdopdracht',
        visie: 'Inwoners van Voorbeeldstad doen mee en vinden steun dichtbij, in hun eigen wijk.',
        missie:
          'Het wijkteam versterkt de sociale basis, werkt preventief en biedt integrale hulp waar dat nodig is.',
        financieringsvorm: Financieringsvorm.LumpSum,
        herijkingsmomenten: [
          { datum: '2022-12-31', omschrijving: 'Midterm-herijking na vier jaar' },
        ],
        perceelIds: perceelIdx.map((i) => percelen[i].id),
        createdById: contractmanager?.id ?? null,
        createdByNaam: contractmanager?.naam ?? 'demo-data',
      });
      await manager.getRepository(HoofdopdrachtJaarbudget).insert(
        Array.from({ length: 8 }, (_, i) => ({
          versieId: versie.id,
          jaar: 2019 + i,
          budgetCenten: budget,
          indexatieBasispunten: i >= 4 ? 275 : 150,
        })),
      );
      await log('hoofdopdracht', h.id, { titel: h.titel, versie: 1 });
      const ambitie = await manager.getRepository(Doel).save({
        gemeenteId: gemeente.id,
        hoofdopdrachtId: h.id,
        parentId: null,
        niveau: DoelNiveau.Ambitie,
        titel: 'Inwoners redden zich zo veel mogelijk zelf, samen met hun omgeving',
        omschrijving: null,
        themas: [DoelThema.Zelfredzaamheid],
      });
      const doel = await manager.getRepository(Doel).save({
        gemeenteId: gemeente.id,
        hoofdopdrachtId: h.id,
        parentId: ambitie.id,
        niveau: DoelNiveau.Doel,
        titel: 'Een sterke sociale basis in elke wijk',
        omschrijving: null,
        themas: [DoelThema.PreventieSocialeBasis, DoelThema.Nabijheid],
      });
      await manager.getRepository(Doel).save({
        gemeenteId: gemeente.id,
        hoofdopdrachtId: h.id,
        parentId: doel.id,
        niveau: DoelNiveau.Resultaat,
        titel: 'Vragen worden eerder en dichter bij huis beantwoord',
        omschrijving: null,
        themas: [DoelThema.PreventieSocialeBasis],
      });
      const doel2 = await manager.getRepository(Doel).save({
        gemeenteId: gemeente.id,
        hoofdopdrachtId: h.id,
        parentId: ambitie.id,
        niveau: DoelNiveau.Doel,
        titel: 'Integrale hulp met één plan per huishouden',
        omschrijving: null,
        themas: [DoelThema.IntegraalWerken, DoelThema.Maatwerk],
      });
      await manager.getRepository(Doel).save({
        gemeenteId: gemeente.id,
        hoofdopdrachtId: h.id,
        parentId: doel2.id,
        niveau: DoelNiveau.Resultaat,
        titel: 'Minder doorverwijzingen naar maatwerkvoorzieningen',
        omschrijving: null,
        themas: [DoelThema.Participatie],
      });
      if (key === 'noord') {
        const { id: _id, createdAt: _createdAt, ...terms } = versie;
        const v2 = await manager.getRepository(HoofdopdrachtVersie).save({
          ...terms,
          versie: 2,
          ingangsdatum: '2023-01-01',
          soort: Wijzigingssoort.Budgetwijziging,
          reden: 'Herijking: extra inzet op preventie vanaf 2023',
        });
        await manager.getRepository(HoofdopdrachtJaarbudget).insert(
          Array.from({ length: 8 }, (_, i) => ({
            versieId: v2.id,
            jaar: 2019 + i,
            budgetCenten: i >= 4 ? 650_000_000 : budget,
            indexatieBasispunten: i >= 4 ? 275 : 150,
          })),
        );
        await audit.record(manager, system, {
          action: 'gewijzigd-per-amendement',
          entityType: 'hoofdopdracht',
          entityId: h.id,
          after: { versie: 2, ingangsdatum: '2023-01-01' },
        });
        // Noord is extended by two years from 1 november 2026; Oost and Zuid still end on
        // 31 december 2026, so the demo shows both a verlenging and the ending alerts.
        const v3 = await manager.getRepository(HoofdopdrachtVersie).save({
          ...terms,
          versie: 3,
          ingangsdatum: '2026-11-01',
          soort: Wijzigingssoort.Verlenging,
          einddatum: '2028-12-31',
          reden: 'Verlenging met twee jaar conform de optie in de overeenkomst',
        });
        await manager.getRepository(HoofdopdrachtJaarbudget).insert(
          Array.from({ length: 10 }, (_, i) => ({
            versieId: v3.id,
            jaar: 2019 + i,
            budgetCenten: i >= 4 ? 650_000_000 : budget,
            indexatieBasispunten: i >= 8 ? 0 : i >= 4 ? 275 : 150,
          })),
        );
        await manager.getRepository(Hoofdopdracht).update(h.id, { einddatum: '2028-12-31' });
        await audit.record(manager, system, {
          action: 'gewijzigd-per-amendement',
          entityType: 'hoofdopdracht',
          entityId: h.id,
          after: { versie: 3, soort: Wijzigingssoort.Verlenging, einddatum: '2028-12-31' },
        });
      }
    }
    const nu = vandaag();
    const opdrachten = [
      {
        titel: 'Vroegsignalering schulden (landelijk programma)',
        bron: OpdrachtBron.LandelijkProgramma,
        programmaNaam: 'Wet gemeentelijke schuldhulpverlening',
        afdeling: 'Werk en Inkomen',
        status: S.Actief,
        start: '2025-01-01',
        eind: plusDagen(nu, 25),
        thema: 'armoede en schulden',
        aandelen: [[aanbieders.zuid, 7_500_000]],
        percelen: [3],
        ketens: [3],
        via: BinnengekomenVia.Register,
      },
      {
        titel: 'Buurtsportcoach-uren in Noorderpark',
        bron: OpdrachtBron.Gemeentelijk,
        programmaNaam: null,
        afdeling: 'Sport en Bewegen',
        status: S.Actief,
        start: '2025-03-01',
        eind: plusDagen(nu, 80),
        thema: 'gezond opgroeien',
        aandelen: [[aanbieders.noord, 2_250_000]],
        percelen: [1],
        ketens: [0],
        via: BinnengekomenVia.Register,
      },
      {
        titel: 'PACT-aanpak Zuiderveld',
        bron: OpdrachtBron.Pact,
        programmaNaam: 'PACT',
        afdeling: 'Openbare Orde en Veiligheid',
        status: S.Getoetst,
        start: '2026-01-01',
        eind: '2026-12-31',
        thema: 'veiligheid en leefbaarheid',
        aandelen: [[aanbieders.zuid, 12_000_000]],
        percelen: [3],
        ketens: [4],
        via: BinnengekomenVia.Register,
      },
      {
        titel: 'Extra huisbezoeken energiearmoede',
        bron: OpdrachtBron.Gemeentelijk,
        programmaNaam: null,
        afdeling: 'Duurzaamheid',
        status: S.Aangevraagd,
        start: '2026-02-01',
        eind: '2026-06-30',
        thema: 'armoede en schulden',
        aandelen: [
          [aanbieders.oost, 1_850_000],
          [aanbieders.noord, 1_150_000],
        ],
        percelen: [],
        ketens: [3],
        via: BinnengekomenVia.BuitenRegister,
      },
    ] as const;
    for (const o of opdrachten) {
      const budget = o.aandelen.reduce((a, [, c]) => a + c, 0);
      const saved = await manager.getRepository(AanvullendeOpdracht).save({
        gemeenteId: gemeente.id,
        titel: o.titel,
        doel: o.titel,
        bron: o.bron,
        programmaNaam: o.programmaNaam,
        aanvragendeAfdeling: o.afdeling,
        opdrachtgever: 'Wethouder Sociaal Domein',
        startdatum: o.start,
        einddatum: o.eind,
        budgetCenten: budget,
        geoormerkt: o.bron !== OpdrachtBron.Gemeentelijk,
        thema: o.thema,
        rapportagefrequentie: Rapportagefrequentie.Kwartaal,
        status: o.status,
        binnengekomenVia: o.via,
        aangevraagdOp: o.start < nu ? plusDagen(o.start, -30) : plusDagen(nu, -10),
        aangevraagdDoorId: contractmanager?.id ?? null,
        ...(o.status !== S.Aangevraagd
          ? {
              toetsOordeel: Toetsoordeel.Ja,
              toetsMotivering: 'Past binnen de ambitie van een sterke sociale basis.',
              getoetstDoorId: contractmanager?.id ?? null,
              getoetstDoorNaam: contractmanager?.naam ?? null,
              getoetstOp: new Date(),
            }
          : {}),
      });
      await manager.getRepository(AanvullendeOpdrachtAanbieder).insert(
        o.aandelen.map(([a, c]) => ({
          opdrachtId: saved.id,
          aanbiederId: a.id,
          budgetCenten: c,
        })),
      );
      if (o.percelen.length)
        await manager
          .getRepository(AanvullendeOpdrachtPerceel)
          .insert(o.percelen.map((i) => ({ opdrachtId: saved.id, perceelId: percelen[i].id })));
      if (o.ketens.length)
        await manager
          .getRepository(AanvullendeOpdrachtKeten)
          .insert(o.ketens.map((i) => ({ opdrachtId: saved.id, ketenId: ketens[i].id })));
      await manager.getRepository(AanvullendeOpdrachtStatuswijziging).insert({
        opdrachtId: saved.id,
        van: null,
        naar: o.status,
        toelichting: 'Demodata',
        doorId: null,
        doorNaam: 'demo-data',
      });
      await log('aanvullende-opdracht', saved.id, { titel: o.titel, status: o.status });
    }
  }
}
