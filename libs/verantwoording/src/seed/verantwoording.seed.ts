import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  DemoGebruiker,
  DemoSeedContext,
  DemoSeedRegistry,
  Organisatie,
  Rol,
  SystemActor,
} from '@wijkkompas/core';
import { vandaag } from '@wijkkompas/opdrachten';
import { isDecimaal, naarDecimaal } from '../decimaal';
import { KpiNormRecord, KpiVersie } from '../kpi/kpi.entity';
import { KpiRichting, normVoorPeriode } from '../kpi-status';
import { KwartaalverantwoordingStatus } from '../kwartaalverantwoording.lifecycle';
import {
  Beoordelingsopmerking,
  Datakwaliteit,
  Kwartaalverantwoording,
  KwartaalverantwoordingVersie,
} from '../kwartaalverantwoording/kwartaalverantwoording.entity';
import {
  bouwInhoud,
  laadVerwachting,
} from '../kwartaalverantwoording/kwartaalverantwoording.lezer';
import { schrijfWaarden, TeSchrijvenWaarde } from '../kwartaalverantwoording/waarden-opslag';
import { isVerplichtInPeriode } from '../kwartaalverantwoording/weergave';
import {
  kwartaalVan,
  periodeDatums,
  standaardDeadline,
  verschuifKwartaal,
} from '../periode/kwartaal';
import { Rapportageperiode } from '../periode/rapportageperiode.entity';

type Koers = 'op-koers' | 'let-op' | 'uit-koers';

interface Verhaal {
  hoogtepunten: string;
  knelpunten: string;
  vooruitblik: string;
  budgetToelichting: string;
  formatieToelichting: string;
}

/** Wijkteams Noord, four adopted quarters (oldest first), then the concept of this quarter. */
const NOORD_VERHALEN: Verhaal[] = [
  {
    hoogtepunten:
      'De buurtkamer in Noorderpark is nu vijf dagen per week open, mede dankzij twaalf nieuwe vrijwilligers. Het gezamenlijke spreekuur met de huisartsen in Centrum draait sinds februari en levert vroege aanmeldingen op.',
    knelpunten:
      'Twee ervaren wijkcoaches vertrokken naar de jeugdbescherming; hun caseload is verdeeld, waardoor de doorlooptijd tot start van ondersteuning opliep. De registratie van contacten in de buurtkamer is nog handwerk.',
    vooruitblik:
      'We werven twee wijkcoaches met jeugdervaring en starten een proef met digitale presentielijsten in de buurtkamers.',
    budgetToelichting:
      'Lichte onderbesteding door de openstaande vacatures; de vrijgevallen middelen zijn ingezet voor de training van vrijwilligers.',
    formatieToelichting: 'Twee vacatures wijkcoach, in het kwartaal één ingevuld.',
  },
  {
    hoogtepunten:
      'Het aantal inwoners dat via de sociale basis wordt bereikt, steeg opnieuw, vooral door het taalcafé en de lotgenotengroep mantelzorg. De samenwerking met de woningcorporatie bij huurachterstanden is vastgelegd in een werkafspraak.',
    knelpunten:
      'De wachtlijst voor specialistische jeugdhulp loopt op; het wijkteam houdt gezinnen daardoor langer in begeleiding dan nodig. Dat drukt op de capaciteit voor nieuwe vragen.',
    vooruitblik:
      'In het ketenoverleg Jeugd bespreken we een overbruggingsaanbod voor gezinnen op de wachtlijst.',
    budgetToelichting: 'Realisatie conform begroting.',
    formatieToelichting: 'Formatie op sterkte; verloop beperkt tot één medewerker (pensioen).',
  },
  {
    hoogtepunten:
      'Meer huishoudens met meervoudige vragen hebben nu één plan met één vaste contactpersoon. Het inloopspreekuur in de bibliotheek van Havenkwartier trekt nieuwe groepen, waaronder jonge ouders.',
    knelpunten:
      'Door de zomervakantie en ziekte waren er minder inloopspreekuren dan gepland. Het verzuim lag boven de norm door een griepgolf in september.',
    vooruitblik:
      'We roosteren de spreekuren voor de kerstperiode vooraf in met vrijwilligers en starten een verzuimaanpak met de bedrijfsarts.',
    budgetToelichting:
      'Iets hogere kosten door inhuur tijdens het verzuim; gecompenseerd binnen het jaarbudget.',
    formatieToelichting: 'Tijdelijke inhuur van 1,6 fte tijdens het verzuim.',
  },
  {
    hoogtepunten:
      'De doorlooptijd tot start van ondersteuning daalde weer tot onder de norm nu het team op sterkte is. Het cliëntervaringsonderzoek laat een stabiele score voor ervaren zelfredzaamheid zien.',
    knelpunten:
      'Het aandeel inwoners dat binnen drie maanden opnieuw aanklopt, ligt boven de norm, vooral bij schuldenvragen. Nazorg na afsluiting is niet gefinancierd.',
    vooruitblik:
      'We stellen voor een lichte nazorgcheck na drie maanden op te nemen in de werkwijze en willen die in het verantwoordingsgesprek bespreken.',
    budgetToelichting: 'Realisatie conform begroting; jaarrekening volgt.',
    formatieToelichting: 'Eén vacature kwaliteitsmedewerker staat open.',
  },
];

const NOORD_CONCEPT: Verhaal = {
  hoogtepunten:
    'De nazorgcheck na drie maanden is in Perceel Centrum gestart; de eerste reacties van inwoners zijn positief.',
  knelpunten: '',
  vooruitblik: '',
  budgetToelichting: '',
  formatieToelichting: '',
};

const OOST_VERHAAL: Verhaal = {
  hoogtepunten:
    'De buurtkamers in Molenwijk en Zuiderveld trokken meer bezoekers dan ooit, mede door de samenwerking met de bibliotheek. Sinds de overname van Perceel Haven-West werken beide teams met één werkwijze.',
  knelpunten:
    'Het aantal verwijzingen naar maatwerkvoorzieningen ligt boven de norm. De wachttijd bij de Wmo-consulenten van de gemeente zorgt dat het wijkteam vaker zelf een indicatie aanvraagt.',
  vooruitblik:
    'We willen met de gemeente afspraken maken over een snellere route voor lichte ondersteuning zonder indicatie.',
  budgetToelichting: 'Realisatie conform begroting.',
  formatieToelichting: 'Formatie op sterkte; twee nieuwe wijkcoaches ingewerkt.',
};

interface Afwijking {
  koers: Exclude<Koers, 'op-koers'>;
  toelichting: string;
}

/**
 * What went off course, per quarter, matching the narrative of that quarter; every other
 * KPI is on course. Codes are those of the KPI seed; a code that is not there is skipped.
 */
const NOORD_AFWIJKINGEN: Record<string, Afwijking>[] = [
  {
    'NRD-03': {
      koers: 'uit-koers',
      toelichting:
        'Twee ervaren wijkcoaches vertrokken in februari; hun trajecten zijn verdeeld over het team, waardoor nieuwe ondersteuning later startte.',
    },
    'NRD-02': {
      koers: 'let-op',
      toelichting:
        'Door de hogere caseload werden nieuwe vragen vaker pas in de tweede week opgepakt.',
    },
  },
  {
    'NRD-05': {
      koers: 'let-op',
      toelichting:
        'Gezinnen op de wachtlijst voor specialistische jeugdhulp krijgen overbruggingshulp naast het plan; een gezamenlijk plan volgt na plaatsing.',
    },
  },
  {
    'NRD-09': {
      koers: 'uit-koers',
      toelichting:
        'In de zomervakantie en tijdens de griepgolf in september vielen inloopspreekuren uit; er waren onvoldoende vervangers.',
    },
    'NRD-08': {
      koers: 'uit-koers',
      toelichting:
        'Een griepgolf gaf in september een verzuim van ruim tien procent; er is tijdelijk 1,6 fte ingehuurd.',
    },
  },
  {
    'NRD-12': {
      koers: 'uit-koers',
      toelichting:
        'Vooral inwoners met schuldenvragen kloppen binnen drie maanden opnieuw aan; na afsluiting is er geen nazorg.',
    },
    'NRD-07': {
      koers: 'let-op',
      toelichting:
        'Iets onder de norm; de terugval zit vooral bij huishoudens waar schulden een rol speelden.',
    },
  },
  {
    'NRD-12': {
      koers: 'let-op',
      toelichting: 'Voorlopig cijfer; de nazorgcheck loopt pas sinds halverwege het kwartaal.',
    },
  },
];

const OOST_AFWIJKINGEN: Record<string, Afwijking> = {
  'OST-04': {
    koers: 'uit-koers',
    toelichting:
      'Door de wachttijd bij de Wmo-consulenten vraagt het wijkteam vaker zelf een indicatie aan, ook voor lichte ondersteuning.',
  },
  'OST-02': {
    koers: 'let-op',
    toelichting:
      'De overname van Perceel Haven-West vroeg in de eerste weken extra inzet van het team.',
  },
};

const ZONDER_MEETMETHODE =
  'Er is nog geen afgesproken meetmethode; dit is een inschatting van het team op basis van het netwerkoverleg.';

/** A deterministic spread, so every start of the demo shows the same figures. */
function spreiding(...delen: number[]): number {
  let h = 17;
  for (const d of delen) h = (h * 31 + d) % 9973;
  return (h % 1000) / 1000;
}

function decimalen(eenheid: string): number {
  return eenheid === 'aantal' ? 0 : 1;
}

function afgerond(waarde: number, eenheid: string): string {
  const d = decimalen(eenheid);
  const bovengrens =
    eenheid === 'percentage' ? 100 : eenheid === 'score' ? 10 : Number.POSITIVE_INFINITY;
  return naarDecimaal(Math.min(bovengrens, Math.max(0, waarde)).toFixed(d))!;
}

const ZONDER_NORM: Record<string, number> = {
  aantal: 120,
  percentage: 75,
  euro: 25_000,
  dagen: 14,
  score: 7.1,
};

/** The aanbieder-wide figure a KPI gets this quarter, aimed at the given course. */
function totaalVoor(
  norm: { streefwaarde: string; tolerantieLetOp: string; tolerantieUitKoers: string } | null,
  richting: KpiRichting,
  eenheid: string,
  koers: Koers,
  ruis: number,
): number {
  if (!norm || !isDecimaal(norm.streefwaarde)) return ZONDER_NORM[eenheid] ?? 50;
  const streef = Number(norm.streefwaarde);
  const letOp = Number(norm.tolerantieLetOp);
  const uit = Number(norm.tolerantieUitKoers);
  const tekort =
    koers === 'op-koers'
      ? (ruis - 0.7) * letOp
      : koers === 'let-op'
        ? letOp + (uit - letOp) * (0.3 + 0.4 * ruis)
        : uit * (1.25 + 0.3 * ruis);
  return richting === 'hoger-is-beter' ? streef - tekort : streef + tekort;
}

/**
 * Demo accounts for Gemeente Voorbeeldstad (scenarios 2 and 3): Wijkteams Noord has adopted
 * accounts for the last four quarters (one of them returned with a question first) and a
 * concept for this quarter; Sociaal Collectief Oost has submitted last quarter's account,
 * waiting for the contractmanager. Built on the KPIs and periods of the KPI seed (order 200);
 * without them there is nothing to account for and this step does nothing.
 */
@Injectable()
export class VerantwoordingDemoSeed implements OnModuleInit {
  private readonly logger = new Logger(VerantwoordingDemoSeed.name);

  constructor(private readonly registry: DemoSeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      order: 210,
      name: 'kwartaalverantwoordingen',
      run: (ctx) => this.run(ctx),
    });
  }

  async run(ctx: DemoSeedContext): Promise<void> {
    const huidig = kwartaalVan(vandaag());
    const gebruiker = (rol: Rol, organisatie?: Organisatie): DemoGebruiker | undefined =>
      ctx.gebruikers.find(
        (g) => g.rol === rol && (!organisatie || g.organisatie === organisatie.naam),
      );
    const cm = gebruiker(Rol.Contractmanager);
    const noord = ctx.aanbieders.noord;
    const oost = ctx.aanbieders.oost;
    const directeurNoord = gebruiker(Rol.Directeur, noord);
    const directeurOost = gebruiker(Rol.Directeur, oost);

    for (let i = 0; i < 4; i++) {
      const kwartaal = verschuifKwartaal(huidig, i - 4);
      await this.verantwoording(ctx, noord, kwartaal, i, NOORD_VERHALEN[i], {
        eindstatus: 'vastgesteld',
        afwijkingen: NOORD_AFWIJKINGEN[i],
        // The last two adopted quarters went through a review round with a question and an answer.
        teruggezet: i >= 2,
        directeur: directeurNoord,
        cm,
      });
    }
    await this.verantwoording(ctx, oost, verschuifKwartaal(huidig, -1), 3, OOST_VERHAAL, {
      eindstatus: 'ingediend',
      afwijkingen: OOST_AFWIJKINGEN,
      teruggezet: false,
      directeur: directeurOost,
      cm,
    });
    await this.verantwoording(ctx, noord, huidig, 4, NOORD_CONCEPT, {
      eindstatus: 'concept',
      afwijkingen: NOORD_AFWIJKINGEN[4],
      teruggezet: false,
      directeur: directeurNoord,
      cm,
    });
  }

  private async periode(
    manager: EntityManager,
    gemeenteId: string,
    aanbiederId: string,
    kwartaal: string,
  ): Promise<Rapportageperiode> {
    const repo = manager.getRepository(Rapportageperiode);
    const gevonden = await repo
      .createQueryBuilder('p')
      .where(
        'p.gemeente_id = :gemeenteId AND p.aanbieder_id = :aanbiederId AND p.periode = :kwartaal',
        {
          gemeenteId,
          aanbiederId,
          kwartaal,
        },
      )
      .andWhere('p.aanvullende_opdracht_id IS NULL')
      .getOne();
    if (gevonden) return gevonden;
    const { begindatum, einddatum } = periodeDatums(kwartaal);
    return repo.save(
      repo.create({
        gemeenteId,
        aanbiederId,
        aanvullendeOpdrachtId: null,
        periode: kwartaal,
        begindatum,
        einddatum,
        deadline: standaardDeadline(kwartaal),
      }),
    );
  }

  private async verantwoording(
    ctx: DemoSeedContext,
    aanbieder: Organisatie,
    kwartaal: string,
    kwartaalIndex: number,
    verhaal: Verhaal,
    opties: {
      eindstatus: KwartaalverantwoordingStatus;
      afwijkingen: Record<string, Afwijking>;
      teruggezet: boolean;
      directeur?: DemoGebruiker;
      cm?: DemoGebruiker;
    },
  ): Promise<void> {
    const { manager, gemeente } = ctx;
    const periode = await this.periode(manager, gemeente.id, aanbieder.id, kwartaal);
    const repo = manager.getRepository(Kwartaalverantwoording);
    const nieuw = repo.create({
      gemeenteId: gemeente.id,
      aanbiederId: aanbieder.id,
      rapportageperiodeId: periode.id,
      periode: kwartaal,
      revisie: 1,
      status: 'concept',
    });
    const verantwoording = await repo.save(nieuw);
    const verwachting = await laadVerwachting(manager, verantwoording);
    if (!verwachting.kpis.size) {
      this.logger.log(`Geen KPI's voor ${aanbieder.naam}: geen demoverantwoording ${kwartaal}`);
      await repo.delete({ id: verantwoording.id });
      return;
    }

    const isConcept = opties.eindstatus === 'concept';
    const waarden = await this.waarden(
      manager,
      verwachting,
      kwartaal,
      kwartaalIndex,
      opties.afwijkingen,
      isConcept,
    );
    await schrijfWaarden(manager, verantwoording.id, waarden);

    const kwartaalBudget = aanbieder === ctx.aanbieders.noord ? 162_500_000 : 125_000_000;
    const afwijking = Math.round((spreiding(kwartaalIndex, 5) - 0.6) * 0.04 * kwartaalBudget);
    await repo.update(
      { id: verantwoording.id },
      {
        hoogtepunten: verhaal.hoogtepunten,
        knelpunten: verhaal.knelpunten || null,
        vooruitblik: verhaal.vooruitblik || null,
        budgetBegrootCenten: kwartaalBudget,
        budgetGerealiseerdCenten: isConcept ? null : kwartaalBudget + afwijking,
        budgetToelichting: verhaal.budgetToelichting || null,
        formatieFte: isConcept ? null : (52.4 - 2 * spreiding(kwartaalIndex, 1)).toFixed(1),
        vacaturesFte: isConcept ? null : (1.5 + 3 * spreiding(kwartaalIndex, 2)).toFixed(1),
        verloopPercentage: isConcept ? null : (2 + 4 * spreiding(kwartaalIndex, 3)).toFixed(1),
        formatieToelichting: verhaal.formatieToelichting || null,
      },
    );

    const system: SystemActor = { system: 'demo-data', gemeenteId: gemeente.id };
    const { deadline } = periode;
    // Around the deadline, but never in the future; both terms fall with d, so the order of
    // the steps holds either way.
    const moment = (dagenVoorDeadline: number) =>
      Math.min(
        new Date(`${deadline}T10:00:00+02:00`).getTime() - dagenVoorDeadline * 86_400_000,
        Date.now() - (dagenVoorDeadline + 11) * 3_600_000,
      );
    if (opties.eindstatus !== 'concept') {
      const bevroren = { aantal: 0 };
      const vries = async (status: KwartaalverantwoordingStatus, door?: DemoGebruiker) => {
        bevroren.aantal += 1;
        const nu = await repo.findOneByOrFail({ id: verantwoording.id });
        await manager.getRepository(KwartaalverantwoordingVersie).save({
          kwartaalverantwoordingId: nu.id,
          volgnummer: bevroren.aantal,
          revisie: 1,
          status,
          inhoud: JSON.parse(JSON.stringify(await bouwInhoud(manager, nu, verwachting))) as Record<
            string,
            unknown
          >,
          aangemaaktDoorId: door?.id ?? null,
        });
      };
      await repo.update(
        { id: verantwoording.id },
        {
          status: 'ingediend',
          ingediendOp: new Date(moment(6)),
          ingediendDoorId: opties.directeur?.id ?? null,
        },
      );
      await vries('ingediend', opties.directeur);
      if (opties.teruggezet && opties.cm && opties.directeur) {
        const uitKoers = waarden.find((w) => w.toelichting && w.perceelId);
        await manager.getRepository(Beoordelingsopmerking).save({
          kwartaalverantwoordingId: verantwoording.id,
          revisie: 1,
          onderdeel: uitKoers ? 'kpi-waarde' : 'algemeen',
          onderdeelId: uitKoers?.kpiId ?? null,
          tekst:
            'De afwijking bij deze KPI is groot. Wat is de oorzaak, en welke maatregelen neemt u het komende kwartaal? Graag ook toelichten of de registratie volledig is.',
          auteurId: opties.cm.id,
          reactie:
            'De afwijking komt door twee vertrokken medewerkers; de registratie is volledig nagelopen. We hebben twee nieuwe wijkcoaches aangenomen en de caseload opnieuw verdeeld.',
          reactieDoorId: opties.directeur.id,
          reactieOp: new Date(moment(2)),
          createdAt: new Date(moment(5)),
        });
        // The answer came with a corrected figure: the second submission differs from the first.
        if (uitKoers) {
          const gecorrigeerd = (Number(uitKoers.waarde) * 0.98).toFixed(
            uitKoers.waarde.includes('.') ? 1 : 0,
          );
          await schrijfWaarden(manager, verantwoording.id, [
            {
              ...uitKoers,
              waarde: naarDecimaal(gecorrigeerd)!,
              toelichting: `${uitKoers.toelichting} Na controle van de registratie gecorrigeerd.`,
            },
          ]);
        }
        await repo.update(
          { id: verantwoording.id },
          {
            status: 'ingediend',
            teruggezetOp: new Date(moment(4)),
            ingediendOp: new Date(moment(1)),
          },
        );
        await vries('ingediend', opties.directeur);
      }
      if (opties.eindstatus === 'vastgesteld') {
        await repo.update(
          { id: verantwoording.id },
          {
            status: 'vastgesteld',
            vastgesteldOp: new Date(moment(-10)),
            vastgesteldDoorId: opties.cm?.id ?? null,
          },
        );
        await vries('vastgesteld', opties.cm);
      }
    }
    await ctx.audit.record(manager, system, {
      action: 'aangemaakt',
      entityType: 'kwartaalverantwoording',
      entityId: verantwoording.id,
      after: {
        periode: kwartaal,
        aanbieder: aanbieder.naam,
        status: opties.eindstatus,
        aantalWaarden: waarden.length,
      },
    });
  }

  /** Figures per perceel around the norm of the quarter, a few off course with their reason. */
  private async waarden(
    manager: EntityManager,
    verwachting: Awaited<ReturnType<typeof laadVerwachting>>,
    kwartaal: string,
    kwartaalIndex: number,
    afwijkingen: Record<string, Afwijking>,
    concept: boolean,
  ): Promise<TeSchrijvenWaarde[]> {
    const kpiIds = [...verwachting.kpis.keys()];
    const versies = await manager.getRepository(KpiVersie).findBy({ kpiId: In(kpiIds) });
    const normen = await manager.getRepository(KpiNormRecord).findBy({ kpiId: In(kpiIds) });
    const kpis = [...verwachting.kpis.values()].sort((a, b) => a.code.localeCompare(b.code));
    const rijen: TeSchrijvenWaarde[] = [];
    for (const [kpiIndex, kpi] of kpis.entries()) {
      // The version in force in that quarter: figures stay tied to it.
      const versie = versies
        .filter((v) => v.kpiId === kpi.id && v.geldigVanaf <= kwartaal)
        .sort((a, b) => b.versie - a.versie)[0];
      const verwacht = verwachting.verwacht.find((v) => v.kpiId === kpi.id);
      if (!versie || !verwacht || !isVerplichtInPeriode(versie.frequentie, kwartaal)) continue;
      // A concept is half done: the figures of the registration system are in, the rest not.
      if (concept && versie.bron !== 'registratiesysteem') continue;
      const afwijking = afwijkingen[kpi.code];
      const koers: Koers = afwijking?.koers ?? 'op-koers';
      const norm = normVoorPeriode(
        normen.filter((n) => n.kpiId === kpi.id),
        kwartaal,
      );
      const totaal = totaalVoor(
        norm,
        versie.richting,
        versie.eenheid,
        koers,
        spreiding(kpiIndex, kwartaalIndex),
      );
      const meetbaar = Boolean(versie.bron);
      const toelichting = afwijking?.toelichting ?? (meetbaar ? null : ZONDER_MEETMETHODE);
      const bron =
        versie.bronOmschrijving ?? (meetbaar ? 'Kwartaalexport registratiesysteem' : null);
      const datakwaliteit: Datakwaliteit = !meetbaar
        ? 'onzeker'
        : concept
          ? 'voorlopig'
          : 'betrouwbaar';
      const basis = { kpiId: kpi.id, kpiVersieId: versie.id, bron, datakwaliteit };

      if (!versie.perPerceel) {
        rijen.push({
          ...basis,
          perceelId: null,
          waarde: afgerond(totaal, versie.eenheid),
          gewicht: null,
          toelichting,
        });
        continue;
      }
      const percelen = verwacht.perceelIds;
      if (!percelen.length) continue;
      // Weights: clients in care per perceel; the larger perceel carries the deviation.
      const gewichten = percelen.map((_, p) => 300 + Math.round(250 * spreiding(kpiIndex, p, 7)));
      const som = gewichten.reduce((a, b) => a + b, 0);
      let resterend = totaal;
      percelen.forEach((perceelId, p) => {
        let waarde: number;
        if (versie.aggregatie === 'som') {
          waarde = p === percelen.length - 1 ? resterend : (totaal * gewichten[p]) / som;
          resterend -= Number(afgerond(waarde, versie.eenheid));
        } else {
          const scheef = (spreiding(kpiIndex, kwartaalIndex, p) - 0.5) * 4;
          waarde = totaal + (p === 0 ? scheef : (-scheef * gewichten[0]) / gewichten[p]);
        }
        rijen.push({
          ...basis,
          perceelId,
          waarde: afgerond(waarde, versie.eenheid),
          gewicht: versie.aggregatie === 'gewogen-gemiddelde' ? String(gewichten[p]) : null,
          toelichting: p === 0 ? toelichting : null,
        });
      });
    }
    return rijen;
  }
}
