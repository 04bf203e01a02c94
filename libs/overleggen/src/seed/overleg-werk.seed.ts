import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  DemoGebruiker,
  DemoSeedContext,
  DemoSeedRegistry,
  Rol,
  SystemActor,
} from '@wijkkompas/core';
import { Keten, plusDagen, vandaag } from '@wijkkompas/opdrachten';
import { AgendaBronRegistry } from '../agenda/agenda-bijdragen';
import { stelAgendaOp } from '../agenda/agenda-opstelling';
import { laadAgendaSnapshot } from '../agenda/agenda-snapshot.loader';
import { AgendaVersie, Agendapunt } from '../agenda/agenda.entity';
import { toOverlegResponse } from '../overleg/overleg.dto';
import { Overleg } from '../overleg/overleg.entity';
import { Deelnemer, OverlegSoort, OverlegStatus } from '../overleg/overleg.regels';
import { lokaalTijdstip, werkdagen } from '../overleg/overleg.tijd';
import { Actie, Besluit } from '../verslag/verslag.entity';
import { besluitOnderwerp, toetsBesluit } from '../verslag/verslag.regels';

function deelnemer(g: DemoGebruiker): Deelnemer {
  return { gebruikerId: g.id, naam: g.naam, organisatie: g.organisatie, rol: g.rol };
}

/**
 * The ketenregisseur's journey in the demo: an ontwikkeloverleg and a ketenoverleg held a few
 * weeks ago (agenda drafted from the data and published, verslag with decisions — one of
 * them flagged — and open actions), the next ontwikkeloverleg with a drafted agenda on which
 * those actions return, and the coming ketenoverleg with a published agenda.
 */
@Injectable()
export class OverlegWerkDemoSeed implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly bronnen: AgendaBronRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register({ order: 310, name: 'overleg-werk', run: (ctx) => this.run(ctx) });
  }

  async run(ctx: DemoSeedContext): Promise<void> {
    const { manager, audit, gemeente, aanbieders } = ctx;
    const system: SystemActor = { system: 'demo-data', gemeenteId: gemeente.id };
    const tz = this.config.timeZone;
    const nu = vandaag(tz);
    const keten = await manager
      .getRepository(Keten)
      .findOne({ where: { gemeenteId: gemeente.id, ketenregisseurId: Not(IsNull()) } });
    const regisseur = ctx.gebruikers.find((g) => g.id === keten?.ketenregisseurId);
    if (!keten || !regisseur) return;
    const adviseur = ctx.gebruikers.find((g) => g.rol === Rol.Beleidsadviseur);
    const mensen = [regisseur, adviseur].filter((g): g is DemoGebruiker => !!g).map(deelnemer);
    const organisatie = (org: { id: string; naam: string }): Deelnemer => ({
      gebruikerId: null,
      organisatieId: org.id,
      naam: org.naam,
      organisatie: org.naam,
      rol: null,
    });

    const plan = async (o: Partial<Overleg>): Promise<Overleg> => {
      const repo = manager.getRepository(Overleg);
      const saved = await repo.save(
        repo.create({ gemeenteId: gemeente.id, aanbiederId: null, periode: null, ...o }),
      );
      const overleg = await repo.findOneOrFail({
        where: { id: saved.id },
        relations: { keten: true, aanbieder: true },
      });
      await audit.record(manager, system, {
        action: 'aangemaakt',
        entityType: 'overleg',
        entityId: overleg.id,
        after: toOverlegResponse(overleg),
      });
      return overleg;
    };
    const stelOp = async (
      overleg: Overleg,
      publiceer: boolean,
      status: OverlegStatus,
    ): Promise<void> => {
      const voorstellen = stelAgendaOp(
        await laadAgendaSnapshot(manager, overleg, tz, this.bronnen),
      );
      const punten = manager.getRepository(Agendapunt).create([
        ...voorstellen.map((v, i) => ({
          overlegId: overleg.id,
          volgorde: i + 1,
          bronSoort: v.bronSoort,
          bronId: v.bronId,
          onderwerp: v.onderwerp.slice(0, 300),
          toelichting: null,
          reden: v.reden,
          doel: v.doel,
          minuten: v.minuten,
        })),
        {
          overlegId: overleg.id,
          volgorde: voorstellen.length + 1,
          bronSoort: 'vrij' as const,
          bronId: null,
          onderwerp: 'Rondvraag',
          toelichting: null,
          reden: null,
          doel: 'informeren' as const,
          minuten: 10,
        },
      ]);
      await manager.getRepository(Agendapunt).save(punten);
      if (publiceer)
        await manager.getRepository(AgendaVersie).save({
          overlegId: overleg.id,
          versie: 1,
          punten: punten.map((p, i) => ({
            nummer: i + 1,
            bronSoort: p.bronSoort,
            bronId: p.bronId,
            onderwerp: p.onderwerp,
            toelichting: p.toelichting,
            reden: p.reden,
            doel: p.doel,
            minuten: p.minuten,
          })),
          gepubliceerdDoorId: regisseur.id,
          gepubliceerdDoorNaam: regisseur.naam,
        });
      await manager.getRepository(Overleg).update({ id: overleg.id }, { status });
      await audit.record(manager, system, {
        action: publiceer ? 'agenda-gepubliceerd' : 'agenda-opgesteld',
        entityType: 'overleg',
        entityId: overleg.id,
        after: { status, agendapunten: punten.length },
      });
    };
    const besluit = async (
      overleg: Overleg,
      tekst: string,
      bron?: { soort: 'signaal'; id: string },
    ) => {
      const onderwerp = besluitOnderwerp(tekst);
      const toets = toetsBesluit(overleg.soort, onderwerp);
      const b = await manager.getRepository(Besluit).save({
        gemeenteId: gemeente.id,
        overlegId: overleg.id,
        tekst,
        onderwerp,
        bronSoort: bron?.soort ?? null,
        bronId: bron?.id ?? null,
        hoortBij: toets.hoortBij,
        signalering: toets.signalering,
        vastgelegdDoorId: regisseur.id,
        vastgelegdDoorNaam: regisseur.naam,
      });
      await audit.record(manager, system, {
        action: 'aangemaakt',
        entityType: 'besluit',
        entityId: b.id,
        after: { tekst, onderwerp, signalering: toets.signalering },
      });
      return b;
    };
    const actie = async (
      overleg: Overleg,
      besluitId: string | null,
      omschrijving: string,
      eigenaar: { gebruikerId: string | null; organisatieId: string; naam: string },
      deadline: string,
    ) => {
      const a = await manager.getRepository(Actie).save({
        gemeenteId: gemeente.id,
        overlegId: overleg.id,
        besluitId,
        omschrijving,
        eigenaarGebruikerId: eigenaar.gebruikerId,
        eigenaarOrganisatieId: eigenaar.organisatieId,
        eigenaarNaam: eigenaar.naam,
        deadline,
        status: 'open' as const,
      });
      await audit.record(manager, system, {
        action: 'aangemaakt',
        entityType: 'actie',
        entityId: a.id,
        after: { omschrijving, eigenaar: eigenaar.naam, deadline },
      });
    };

    const [kruis] = (await manager.query(
      `SELECT id FROM signalen WHERE gemeente_id = $1 AND cardinality(keten_ids) > 1 ORDER BY created_at LIMIT 1`,
      [gemeente.id],
    )) as { id: string }[];

    // The ontwikkeloverleg of some weeks ago: agenda published, meeting held, verslag adopted.
    const vorige = await plan({
      soort: OverlegSoort.Ontwikkeloverleg,
      titel: 'Ontwikkeloverleg — thema’s over de ketens heen',
      ketenId: null,
      datum: lokaalTijdstip(werkdagen(plusDagen(nu, -28), plusDagen(nu, -22))[0], '14:00', tz),
      locatie: 'Stadskantoor Voorbeeldstad, zaal De Verbinding',
      deelnemers: [...mensen, organisatie(aanbieders.noord), organisatie(aanbieders.oost)],
      status: OverlegStatus.Gepland,
    });
    await stelOp(vorige, true, OverlegStatus.VerslagVastgesteld);
    const b1 = await besluit(
      vorige,
      'De ketens maken samen met de wijkteams één aanpak voor jongeren van 18 met schulden.',
      kruis ? { soort: 'signaal', id: kruis.id } : undefined,
    );
    await besluit(vorige, 'Extra budget van € 40.000 voor de buurtkamers in 2027.');
    await actie(
      vorige,
      b1.id,
      'Werkwijze voor de overgang 18-/18+ uitwerken met de schuldhulp',
      { gebruikerId: null, organisatieId: aanbieders.noord.id, naam: aanbieders.noord.naam },
      plusDagen(nu, -3),
    );
    await actie(
      vorige,
      b1.id,
      'Voorstel om de kleine aanvullende opdrachten over schulden te bundelen',
      {
        gebruikerId: regisseur.id,
        organisatieId: ctx.gemeenteOrganisatie.id,
        naam: `${regisseur.naam} (${regisseur.organisatie})`,
      },
      plusDagen(nu, 14),
    );

    // The next ontwikkeloverleg: the agenda drafted from today's data, not yet published;
    // the open actions of the last one are on it.
    const volgende = await plan({
      soort: OverlegSoort.Ontwikkeloverleg,
      titel: 'Ontwikkeloverleg — volgende ronde',
      ketenId: null,
      datum: lokaalTijdstip(werkdagen(plusDagen(nu, 28), plusDagen(nu, 34))[0], '14:00', tz),
      locatie: 'Stadskantoor Voorbeeldstad, zaal De Verbinding',
      deelnemers: [...mensen, organisatie(aanbieders.noord), organisatie(aanbieders.oost)],
      status: OverlegStatus.Gepland,
    });
    await stelOp(volgende, false, OverlegStatus.Gepland);

    // The last ketenoverleg: held, with a decision and an open action for Oost.
    const ketenVorige = await plan({
      soort: OverlegSoort.Ketenoverleg,
      titel: `Ketenoverleg ${keten.naam} — vorige maand`,
      ketenId: keten.id,
      datum: lokaalTijdstip(werkdagen(plusDagen(nu, -40), plusDagen(nu, -34))[0], '10:00', tz),
      locatie: 'Wijkcentrum De Weiden',
      deelnemers: [...mensen, organisatie(aanbieders.oost)],
      status: OverlegStatus.Gepland,
    });
    await stelOp(ketenVorige, true, OverlegStatus.VerslagVastgesteld);
    const b2 = await besluit(
      ketenVorige,
      `De wijkteams melden wachttijden in de keten ${keten.naam} voortaan elke maand.`,
    );
    await actie(
      ketenVorige,
      b2.id,
      'Maandelijks overzicht van de wachttijden aanleveren',
      { gebruikerId: null, organisatieId: aanbieders.oost.id, naam: aanbieders.oost.naam },
      plusDagen(nu, 7),
    );

    // The coming ketenoverleg (planned by the overleggen demo): agenda drafted and published.
    const komend = await manager.getRepository(Overleg).findOne({
      where: {
        gemeenteId: gemeente.id,
        soort: OverlegSoort.Ketenoverleg,
        ketenId: keten.id,
        status: OverlegStatus.Gepland,
      },
      relations: { keten: true, aanbieder: true },
      order: { datum: 'DESC' },
    });
    if (komend && komend.id !== ketenVorige.id)
      await stelOp(komend, true, OverlegStatus.AgendaGepubliceerd);
  }
}
