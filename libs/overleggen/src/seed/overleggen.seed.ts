import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  DemoGebruiker,
  DemoSeedContext,
  DemoSeedRegistry,
  Organisatie,
  Rol,
  SystemActor,
} from '@wijkkompas/core';
import { Keten, kwartaal, plusDagen, vandaag } from '@wijkkompas/opdrachten';
import { toOverlegResponse } from '../overleg/overleg.dto';
import { Overleg } from '../overleg/overleg.entity';
import {
  Deelnemer,
  kwartaalLabel,
  OverlegSoort,
  OverlegStatus,
  vorigKwartaal,
} from '../overleg/overleg.regels';
import { lokaalTijdstip, werkdagen } from '../overleg/overleg.tijd';

function deelnemer(gebruiker: DemoGebruiker): Deelnemer {
  return {
    gebruikerId: gebruiker.id,
    naam: gebruiker.naam,
    organisatie: gebruiker.organisatie,
    rol: gebruiker.rol,
  };
}

/**
 * The coming verantwoordingsgesprekken of Gemeente Voorbeeldstad — one per aanbieder about
 * the last completed quarter, on different working days one to two weeks from now — and a
 * ketenoverleg next month for the keten that has a ketenregisseur. Dated relative to today,
 * so the demo always has a dossier to prepare.
 */
@Injectable()
export class OverleggenDemoSeed implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register({ order: 300, name: 'overleggen', run: (ctx) => this.run(ctx) });
  }

  async run(ctx: DemoSeedContext): Promise<void> {
    const { manager, audit, gemeente, aanbieders } = ctx;
    const system: SystemActor = { system: 'demo-data', gemeenteId: gemeente.id };
    const tijdzone = this.config.timeZone;
    const nu = vandaag(tijdzone);
    const periode = vorigKwartaal(kwartaal(nu));
    const contractmanager = ctx.gebruikers.find((g) => g.rol === Rol.Contractmanager);
    const repo = manager.getRepository(Overleg);
    const opslaan = async (
      overleg: Partial<Overleg>,
      bij: { aanbieder: Organisatie | null; keten: Keten | null },
    ) => {
      const saved = await repo.save(repo.create(overleg));
      await audit.record(manager, system, {
        action: 'aangemaakt',
        entityType: 'overleg',
        entityId: saved.id,
        after: toOverlegResponse({ ...saved, ...bij }),
      });
    };

    const dagen = werkdagen(plusDagen(nu, 7), plusDagen(nu, 14));
    const gesprekken: [Organisatie, string][] = [
      [aanbieders.noord, dagen[0]],
      [aanbieders.oost, dagen[2]],
      [aanbieders.zuid, dagen[4]],
    ];
    for (const [aanbieder, dag] of gesprekken) {
      const directeur = ctx.gebruikers.find(
        (g) => g.rol === Rol.Directeur && g.organisatie === aanbieder.naam,
      );
      await opslaan(
        {
          gemeenteId: gemeente.id,
          soort: OverlegSoort.Verantwoordingsgesprek,
          titel: `Verantwoordingsgesprek ${kwartaalLabel(periode)} — ${aanbieder.naam}`,
          aanbiederId: aanbieder.id,
          ketenId: null,
          periode,
          datum: lokaalTijdstip(dag, '10:00', tijdzone),
          locatie: 'Stadskantoor Voorbeeldstad, vergaderzaal De Brug',
          deelnemers: [contractmanager, directeur]
            .filter((g): g is DemoGebruiker => !!g)
            .map(deelnemer),
          status: OverlegStatus.Gepland,
        },
        { aanbieder, keten: null },
      );
    }

    const keten = await manager
      .getRepository(Keten)
      .findOne({ where: { gemeenteId: gemeente.id, ketenregisseurId: Not(IsNull()) } });
    if (!keten) return;
    const dag = werkdagen(plusDagen(nu, 21), plusDagen(nu, 27))[0];
    const datum = lokaalTijdstip(dag, '14:00', tijdzone);
    const maand = new Intl.DateTimeFormat('nl-NL', {
      month: 'long',
      year: 'numeric',
      timeZone: tijdzone,
    }).format(datum);
    const ketenDeelnemers = ctx.gebruikers.filter(
      (g) =>
        g.id === keten.ketenregisseurId || g.rol === Rol.Beleidsadviseur || g.rol === Rol.Directeur,
    );
    await opslaan(
      {
        gemeenteId: gemeente.id,
        soort: OverlegSoort.Ketenoverleg,
        titel: `Ketenoverleg ${keten.naam} — ${maand}`,
        aanbiederId: null,
        ketenId: keten.id,
        periode: null,
        datum,
        locatie: 'Wijkcentrum De Weiden',
        deelnemers: ketenDeelnemers.map(deelnemer),
        status: OverlegStatus.Gepland,
      },
      { aanbieder: null, keten },
    );
  }
}
