import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DemoSeedContext, DemoSeedRegistry, Rol, SystemActor } from '@wijkkompas/core';
import { AanvullendeOpdracht, Doel, Hoofdopdracht, Keten, vandaag } from '@wijkkompas/opdrachten';
import { KpiDefinitie } from '../kpi/kpi-definitie';
import { Kpi, KpiNormRecord, KpiVersie } from '../kpi/kpi.entity';
import { kwartaalVan, verschuifKwartaal } from '../periode/kwartaal';
import { RapportageperiodeService } from '../periode/rapportageperiode.service';

/** The goals every demo hoofdopdracht has (see the opdrachten seed), by a short key. */
const DOELEN = {
  ambitie: 'Inwoners redden zich zo veel mogelijk zelf, samen met hun omgeving',
  socialeBasis: 'Een sterke sociale basis in elke wijk',
  dichtbij: 'Vragen worden eerder en dichter bij huis beantwoord',
  integraal: 'Integrale hulp met één plan per huishouden',
  minderMaatwerk: 'Minder doorverwijzingen naar maatwerkvoorzieningen',
} as const;
type DoelKey = keyof typeof DOELEN;

type KetenNaam = 'Jeugd' | 'Wmo/Zorg' | 'Participatie & Werk' | 'Armoede & Schulden' | 'Veiligheid';

/** A norm: [streefwaarde, tolerantie let op, tolerantie uit koers]; per year or per quarter. */
type Norm = { jaar: [string, string, string] } | { kwartaal: [string, string, string] };

interface DemoKpi {
  code: string;
  definitie: KpiDefinitie;
  doelen: DoelKey[];
  ketens: KetenNaam[];
  norm: Norm | null;
  /** An earlier definition, replaced two quarters ago: old figures stay with it. */
  eerder?: Partial<KpiDefinitie>;
}

function demoKpi(
  code: string,
  definitie: Omit<KpiDefinitie, 'bronOmschrijving' | 'frequentie' | 'perPerceel'> &
    Partial<Pick<KpiDefinitie, 'bronOmschrijving' | 'frequentie' | 'perPerceel'>>,
  doelen: DoelKey[],
  ketens: KetenNaam[],
  norm: Norm | null,
  eerder?: Partial<KpiDefinitie>,
): DemoKpi {
  return {
    code,
    definitie: { bronOmschrijving: null, frequentie: 'kwartaal', perPerceel: true, ...definitie },
    doelen,
    ketens,
    norm,
    eerder,
  };
}

const REGISTRATIE = 'Kwartaalexport uit het cliëntregistratiesysteem van het wijkteam';

/**
 * Wijkteams Noord: a full set of twelve, with the three flaws scenario 1 should surface —
 * the result "Minder doorverwijzingen naar maatwerkvoorzieningen" has no KPI, "Tevredenheid
 * netwerkpartners" has no definition, source or target, and the absence KPI evidences no goal.
 */
const NOORD: DemoKpi[] = [
  demoKpi(
    'NRD-01',
    {
      naam: 'Aantal inwoners bereikt via de sociale basis',
      definitie:
        'Unieke inwoners die in het kwartaal ten minste één keer deelnamen aan een activiteit in de sociale basis (inloop, buurtkamer, lotgenotengroep) die het wijkteam organiseert of ondersteunt.',
      teller: null,
      noemer: null,
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      bron: 'eigen-registratie',
      bronOmschrijving: 'Presentielijsten van de buurtkamers en inloopspreekuren',
      aggregatie: 'som',
    },
    ['socialeBasis'],
    ['Wmo/Zorg', 'Participatie & Werk'],
    { kwartaal: ['1200', '100', '250'] },
  ),
  demoKpi(
    'NRD-02',
    {
      naam: 'Percentage vragen binnen 5 werkdagen opgepakt',
      definitie:
        'Het aandeel nieuwe hulpvragen waarop binnen 5 werkdagen na aanmelding een eerste inhoudelijk gesprek met de inwoner volgde.',
      teller: 'Nieuwe hulpvragen met een eerste gesprek binnen 5 werkdagen',
      noemer: 'Alle nieuwe hulpvragen in het kwartaal',
      type: 'throughput',
      eenheid: 'percentage',
      richting: 'hoger-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: REGISTRATIE,
      aggregatie: 'gewogen-gemiddelde',
    },
    ['dichtbij'],
    ['Wmo/Zorg', 'Jeugd'],
    { jaar: ['85', '5', '10'] },
  ),
  demoKpi(
    'NRD-03',
    {
      naam: 'Doorlooptijd tot start ondersteuning in dagen',
      definitie:
        'Gemiddeld aantal kalenderdagen tussen de aanmelding en de start van de in het plan afgesproken ondersteuning, over de trajecten die in het kwartaal startten.',
      teller: null,
      noemer: null,
      type: 'throughput',
      eenheid: 'dagen',
      richting: 'lager-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: REGISTRATIE,
      aggregatie: 'gewogen-gemiddelde',
    },
    ['integraal'],
    ['Wmo/Zorg', 'Jeugd'],
    { jaar: ['21', '3', '7'] },
    {
      definitie:
        'Gemiddeld aantal kalenderdagen tussen de aanmelding en het eerste gesprek met de inwoner.',
    },
  ),
  demoKpi(
    'NRD-04',
    {
      naam: 'Ervaren zelfredzaamheid (cliëntervaringsonderzoek)',
      definitie:
        'Gemiddeld rapportcijfer (1-10) dat inwoners bij afsluiting geven op de stelling "Door de hulp kan ik mijn leven beter zelf regelen".',
      teller: null,
      noemer: null,
      type: 'outcome',
      eenheid: 'score',
      richting: 'hoger-is-beter',
      bron: 'clientervaringsonderzoek',
      bronOmschrijving: 'Jaarlijks cliëntervaringsonderzoek Wmo en Jeugd',
      frequentie: 'jaar',
      aggregatie: 'gewogen-gemiddelde',
    },
    ['ambitie'],
    ['Wmo/Zorg', 'Jeugd'],
    { jaar: ['7.2', '0.3', '0.6'] },
  ),
  demoKpi(
    'NRD-05',
    {
      naam: 'Percentage huishoudens met meervoudige vragen met één plan',
      definitie:
        'Het aandeel huishoudens met vragen op twee of meer levensgebieden dat één gezamenlijk plan heeft met één vaste contactpersoon.',
      teller: 'Huishoudens met meervoudige vragen en één gezamenlijk plan',
      noemer: 'Alle huishoudens met meervoudige vragen in begeleiding',
      type: 'output',
      eenheid: 'percentage',
      richting: 'hoger-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: REGISTRATIE,
      aggregatie: 'gewogen-gemiddelde',
    },
    ['integraal'],
    ['Wmo/Zorg', 'Armoede & Schulden'],
    { jaar: ['80', '5', '10'] },
  ),
  demoKpi(
    'NRD-06',
    {
      naam: 'Aantal vrijwilligers en mantelzorgers ondersteund',
      definitie:
        'Unieke vrijwilligers en mantelzorgers die in het kwartaal advies, training of respijtondersteuning van het wijkteam kregen.',
      teller: null,
      noemer: null,
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      bron: 'eigen-registratie',
      bronOmschrijving: 'Registratie steunpunt mantelzorg en vrijwilligerswerk',
      aggregatie: 'som',
    },
    ['socialeBasis'],
    ['Wmo/Zorg'],
    { kwartaal: ['150', '15', '40'] },
  ),
  demoKpi(
    'NRD-07',
    {
      naam: 'Percentage trajecten afgesloten zonder terugval binnen 12 maanden',
      definitie:
        'Het aandeel trajecten dat twaalf maanden geleden werd afgesloten waarbij de inwoner sindsdien geen nieuwe hulpvraag op hetzelfde levensgebied deed.',
      teller: 'Trajecten afgesloten 12 maanden geleden zonder nieuwe vraag op hetzelfde gebied',
      noemer: 'Alle trajecten die 12 maanden geleden werden afgesloten',
      type: 'outcome',
      eenheid: 'percentage',
      richting: 'hoger-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: REGISTRATIE,
      aggregatie: 'gewogen-gemiddelde',
    },
    ['integraal'],
    ['Wmo/Zorg', 'Jeugd'],
    { jaar: ['75', '5', '10'] },
  ),
  demoKpi(
    'NRD-08',
    {
      naam: 'Ziekteverzuim medewerkers wijkteam',
      definitie:
        'Verzuimpercentage van de medewerkers van het wijkteam over het kwartaal, exclusief zwangerschapsverlof.',
      teller: 'Verzuimde contracturen',
      noemer: 'Totaal contracturen',
      type: 'input',
      eenheid: 'percentage',
      richting: 'lager-is-beter',
      bron: 'eigen-registratie',
      bronOmschrijving: 'Verzuimregistratie van de aanbieder',
      aggregatie: 'gewogen-gemiddelde',
      perPerceel: false,
    },
    [],
    [],
    { jaar: ['5.5', '0.5', '1.5'] },
  ),
  demoKpi(
    'NRD-09',
    {
      naam: 'Aantal inloopspreekuren in de wijk',
      definitie:
        'Gehouden inloopspreekuren van ten minste twee uur op een vaste plek in de wijk (buurthuis, bibliotheek, school).',
      teller: null,
      noemer: null,
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      bron: 'eigen-registratie',
      bronOmschrijving: 'Roosters van de inloopspreekuren',
      aggregatie: 'som',
    },
    ['dichtbij'],
    ['Wmo/Zorg'],
    { kwartaal: ['60', '6', '15'] },
  ),
  demoKpi(
    'NRD-10',
    {
      naam: 'Tevredenheid netwerkpartners over samenwerking',
      definitie: null,
      teller: null,
      noemer: null,
      type: 'outcome',
      eenheid: 'score',
      richting: 'hoger-is-beter',
      bron: null,
      aggregatie: 'gemiddelde',
      perPerceel: false,
    },
    ['integraal'],
    ['Wmo/Zorg'],
    null,
  ),
  demoKpi(
    'NRD-11',
    {
      naam: 'Aandeel budget besteed aan preventie en sociale basis',
      definitie:
        'Het deel van de gerealiseerde kosten van het wijkteam dat besteed is aan collectieve en preventieve activiteiten in de sociale basis.',
      teller: 'Kosten van activiteiten in de sociale basis',
      noemer: 'Totale gerealiseerde kosten van het wijkteam',
      type: 'input',
      eenheid: 'percentage',
      richting: 'hoger-is-beter',
      bron: 'eigen-registratie',
      bronOmschrijving: 'Financiële administratie van de aanbieder',
      aggregatie: 'gewogen-gemiddelde',
      perPerceel: false,
    },
    ['socialeBasis'],
    ['Participatie & Werk'],
    { jaar: ['25', '2', '5'] },
  ),
  demoKpi(
    'NRD-12',
    {
      naam: 'Percentage inwoners dat binnen 3 maanden opnieuw aanklopt',
      definitie:
        'Het aandeel inwoners van wie het traject werd afgesloten en die binnen drie maanden opnieuw een hulpvraag stelden.',
      teller: 'Inwoners met een nieuwe vraag binnen 3 maanden na afsluiting',
      noemer: 'Inwoners van wie het traject in het kwartaal ervoor werd afgesloten',
      type: 'outcome',
      eenheid: 'percentage',
      richting: 'lager-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: REGISTRATIE,
      aggregatie: 'gewogen-gemiddelde',
    },
    ['integraal'],
    ['Wmo/Zorg', 'Jeugd'],
    { jaar: ['12', '2', '5'] },
  ),
];

/** Sociaal Collectief Oost: a smaller set that covers every goal. */
const OOST: DemoKpi[] = [
  demoKpi(
    'OST-01',
    { ...NOORD[0].definitie, naam: 'Aantal inwoners bereikt via buurtkamers' },
    ['socialeBasis'],
    ['Wmo/Zorg'],
    { kwartaal: ['900', '75', '200'] },
  ),
  demoKpi('OST-02', NOORD[1].definitie, ['dichtbij'], ['Wmo/Zorg', 'Jeugd'], {
    jaar: ['85', '5', '10'],
  }),
  demoKpi('OST-03', NOORD[4].definitie, ['integraal'], ['Wmo/Zorg', 'Armoede & Schulden'], {
    jaar: ['75', '5', '10'],
  }),
  demoKpi(
    'OST-04',
    {
      naam: 'Aantal verwijzingen naar maatwerkvoorzieningen per 1.000 inwoners',
      definitie:
        'Nieuwe indicaties voor Wmo-maatwerk en jeugdhulp die op verwijzing van het wijkteam zijn afgegeven, per 1.000 inwoners van de percelen.',
      teller: null,
      noemer: null,
      type: 'outcome',
      eenheid: 'aantal',
      richting: 'lager-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: 'Beschikkingenregistratie van de gemeente',
      aggregatie: 'gewogen-gemiddelde',
    },
    ['minderMaatwerk'],
    ['Wmo/Zorg', 'Jeugd'],
    { kwartaal: ['6.5', '0.5', '1.5'] },
  ),
  demoKpi('OST-05', NOORD[3].definitie, ['ambitie'], ['Wmo/Zorg', 'Jeugd'], {
    jaar: ['7', '0.3', '0.6'],
  }),
  demoKpi('OST-06', NOORD[6].definitie, ['integraal'], ['Wmo/Zorg'], { jaar: ['70', '5', '10'] }),
];

/**
 * Stichting Samen Zuid: counts production only and measures nothing of the sociale basis —
 * the check shows output-only steering and the prevention goals without KPI.
 */
const ZUID: DemoKpi[] = [
  demoKpi(
    'ZD-01',
    {
      naam: 'Aantal nieuwe cliënten in begeleiding',
      definitie: 'Inwoners van wie in het kwartaal een begeleidingstraject startte.',
      teller: null,
      noemer: null,
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: REGISTRATIE,
      aggregatie: 'som',
    },
    ['integraal'],
    ['Wmo/Zorg'],
    { kwartaal: ['320', '30', '80'] },
  ),
  demoKpi(
    'ZD-02',
    {
      naam: 'Aantal afgesloten trajecten',
      definitie: 'Begeleidingstrajecten die in het kwartaal volgens plan werden afgesloten.',
      teller: null,
      noemer: null,
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: REGISTRATIE,
      aggregatie: 'som',
    },
    ['integraal'],
    ['Wmo/Zorg'],
    { kwartaal: ['300', '30', '80'] },
  ),
  demoKpi('ZD-03', NOORD[2].definitie, ['integraal'], ['Wmo/Zorg', 'Jeugd'], {
    jaar: ['24', '3', '7'],
  }),
  demoKpi(
    'ZD-04',
    {
      naam: 'Aantal huisbezoeken',
      definitie: 'Huisbezoeken door medewerkers van het wijkteam, eerste en vervolgbezoeken samen.',
      teller: null,
      noemer: null,
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: REGISTRATIE,
      aggregatie: 'som',
    },
    ['minderMaatwerk'],
    ['Wmo/Zorg', 'Veiligheid'],
    { kwartaal: ['1100', '100', '250'] },
  ),
  demoKpi(
    'ZD-05',
    {
      naam: 'Aantal verwijzingen naar maatwerkvoorzieningen',
      definitie:
        'Verwijzingen door het wijkteam naar Wmo-maatwerk of jeugdhulp met verblijf of specialistische begeleiding.',
      teller: null,
      noemer: null,
      type: 'output',
      eenheid: 'aantal',
      richting: 'lager-is-beter',
      bron: 'registratiesysteem',
      bronOmschrijving: 'Beschikkingenregistratie van de gemeente',
      aggregatie: 'som',
    },
    ['minderMaatwerk'],
    ['Wmo/Zorg', 'Jeugd'],
    { kwartaal: ['140', '10', '30'] },
  ),
];

const VROEGSIGNALERING = 'Vroegsignalering schulden (landelijk programma)';

/** The aanvullende opdracht from the national programme carries its own KPI. */
const LANDELIJK: DemoKpi = demoKpi(
  'VS-01',
  {
    naam: 'Percentage signalen betalingsachterstand binnen 6 weken opgevolgd',
    definitie:
      'Het aandeel signalen van betalingsachterstanden (huur, energie, water, zorgverzekering) waarop binnen zes weken contact met het huishouden is gelegd en hulp is aangeboden.',
    teller: 'Signalen met contact en hulpaanbod binnen 6 weken',
    noemer: 'Alle ontvangen signalen in het kwartaal',
    type: 'throughput',
    eenheid: 'percentage',
    richting: 'hoger-is-beter',
    bron: 'registratiesysteem',
    bronOmschrijving:
      'Landelijke monitor vroegsignalering (Wet gemeentelijke schuldhulpverlening), kwartaalrapportage',
    aggregatie: 'gewogen-gemiddelde',
    perPerceel: false,
  },
  ['integraal'],
  ['Armoede & Schulden'],
  { jaar: ['70', '5', '10'] },
);

/**
 * Demo KPI sets for Gemeente Voorbeeldstad (scenario 1 of the brief) and the reporting
 * periods of the last four quarters and the current one.
 */
@Injectable()
export class KpiDemoSeed implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly periodes: RapportageperiodeService,
  ) {}

  onModuleInit(): void {
    this.registry.register({ order: 200, name: 'kpis', run: (ctx) => this.run(ctx) });
  }

  async run(ctx: DemoSeedContext): Promise<void> {
    const { manager, gemeente, aanbieders } = ctx;
    const system: SystemActor = { system: 'demo-data', gemeenteId: gemeente.id };
    const contractmanager = ctx.gebruikers.find((g) => g.rol === Rol.Contractmanager);
    const huidig = kwartaalVan(vandaag());
    const kwartalen = [-4, -3, -2, -1, 0, 1].map((n) => verschuifKwartaal(huidig, n));
    const jaren = [...new Set(kwartalen.map((k) => k.slice(0, 4)))];
    const ketens = new Map(
      (await manager.getRepository(Keten).findBy({ gemeenteId: gemeente.id })).map((k) => [
        k.naam,
        k.id,
      ]),
    );
    const maak = async (
      spec: DemoKpi,
      opdracht: { hoofdopdrachtId: string } | { aanvullendeOpdrachtId: string },
      doelen: Map<string, string>,
    ) => {
      const kpi = await manager.getRepository(Kpi).save({
        gemeenteId: gemeente.id,
        hoofdopdrachtId: null,
        aanvullendeOpdrachtId: null,
        ...opdracht,
        code: spec.code,
        huidigeVersie: spec.eerder ? 2 : 1,
        doelIds: spec.doelen.map((d) => doelen.get(DOELEN[d])!).filter(Boolean),
        ketenIds: spec.ketens.map((k) => ketens.get(k)!).filter(Boolean),
        actief: true,
      });
      const versies: Partial<KpiVersie>[] = spec.eerder
        ? [
            { ...spec.definitie, ...spec.eerder, versie: 1, geldigVanaf: kwartalen[0] },
            { ...spec.definitie, versie: 2, geldigVanaf: kwartalen[2] },
          ]
        : [{ ...spec.definitie, versie: 1, geldigVanaf: kwartalen[0] }];
      await manager.getRepository(KpiVersie).insert(
        versies.map((v) => ({
          ...v,
          kpiId: kpi.id,
          aangemaaktDoorId: contractmanager?.id ?? null,
        })),
      );
      if (spec.norm) await this.normen(manager, kpi.id, spec.norm, jaren, kwartalen);
      await ctx.audit.record(manager, system, {
        action: 'aangemaakt',
        entityType: 'kpi',
        entityId: kpi.id,
        after: { code: spec.code, naam: spec.definitie.naam, versies: versies.length },
      });
    };

    const hoofdopdrachten = await manager
      .getRepository(Hoofdopdracht)
      .findBy({ gemeenteId: gemeente.id });
    for (const [key, set] of [
      ['noord', NOORD],
      ['oost', OOST],
      ['zuid', ZUID],
    ] as const) {
      const hoofdopdracht = hoofdopdrachten.find((h) => h.aanbiederId === aanbieders[key].id);
      if (!hoofdopdracht) continue;
      const doelen = await this.doelenVan(manager, { hoofdopdrachtId: hoofdopdracht.id });
      for (const spec of set) await maak(spec, { hoofdopdrachtId: hoofdopdracht.id }, doelen);
    }
    const landelijk = await manager
      .getRepository(AanvullendeOpdracht)
      .findOneBy({ gemeenteId: gemeente.id, titel: VROEGSIGNALERING });
    const zuid = hoofdopdrachten.find((h) => h.aanbiederId === aanbieders.zuid.id);
    if (landelijk && zuid)
      await maak(
        LANDELIJK,
        { aanvullendeOpdrachtId: landelijk.id },
        await this.doelenVan(manager, { hoofdopdrachtId: zuid.id }),
      );

    for (const kwartaal of kwartalen.slice(0, 5))
      await this.periodes.openKwartaal(gemeente.id, kwartaal, { manager, systeem: 'demo-data' });
  }

  private async doelenVan(
    manager: EntityManager,
    where: { hoofdopdrachtId: string },
  ): Promise<Map<string, string>> {
    const doelen = await manager.getRepository(Doel).findBy(where);
    return new Map(doelen.map((d) => [d.titel, d.id]));
  }

  /** Year norms for every year in view, or quarter norms for every quarter in view. */
  private async normen(
    manager: EntityManager,
    kpiId: string,
    norm: Norm,
    jaren: string[],
    kwartalen: string[],
  ): Promise<void> {
    const [periodes, [streefwaarde, tolerantieLetOp, tolerantieUitKoers]] =
      'jaar' in norm ? [jaren, norm.jaar] : [kwartalen, norm.kwartaal];
    await manager.getRepository(KpiNormRecord).insert(
      periodes.map((periode) => ({
        kpiId,
        periode,
        streefwaarde,
        tolerantieLetOp,
        tolerantieUitKoers,
      })),
    );
  }
}
