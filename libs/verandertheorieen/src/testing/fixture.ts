import { KpiBewijs, Theorie } from '../model';
import { StrategieKpi, StrategieVerhaal } from '../strategie';

/**
 * The theory of change of scenario 1 (brief §5) for the hoofdopdracht of Wijkteam Noord in
 * Gemeente Voorbeeldstad, built on the goals of the demo seed (libs/opdrachten seed): ambitie
 * "Inwoners redden zich zo veel mogelijk zelf, samen met hun omgeving". Three activities, two
 * individual and two societal outcomes, eight links, five assumptions, five KPIs.
 *
 * Ids are readable strings so unit specs can name them; e2e specs create the elements over
 * HTTP in array order and map these ids to the ones the server returns.
 *
 * Links: inloop → eerderHulp → zelfVerder → minderMaatwerk → ambitie; eenPlan → zelfVerder;
 * buurt → socialeBasis → eerderHulp; socialeBasis → ambitie.
 */
export const VT = {
  theorie: 'vt-noord',
  ambitie: 'el-ambitie',
  inloop: 'el-inloopspreekuur',
  eenPlan: 'el-een-plan',
  buurt: 'el-buurtinitiatieven',
  eerderHulp: 'el-eerder-hulp',
  zelfVerder: 'el-zelf-verder',
  socialeBasis: 'el-sociale-basis',
  minderMaatwerk: 'el-minder-maatwerk',
  inloopNaarEerderHulp: 'vb-inloop-eerder-hulp',
  eenPlanNaarZelfVerder: 'vb-een-plan-zelf-verder',
  buurtNaarSocialeBasis: 'vb-buurt-sociale-basis',
  eerderHulpNaarZelfVerder: 'vb-eerder-hulp-zelf-verder',
  zelfVerderNaarMinderMaatwerk: 'vb-zelf-verder-minder-maatwerk',
  socialeBasisNaarEerderHulp: 'vb-sociale-basis-eerder-hulp',
  socialeBasisNaarAmbitie: 'vb-sociale-basis-ambitie',
  minderMaatwerkNaarAmbitie: 'vb-minder-maatwerk-ambitie',
  drempel: 'vo-drempel',
  eenRegisseur: 'vo-een-regisseur',
  vroegErbij: 'vo-vroeg-erbij',
  minderVoorzieningen: 'vo-minder-voorzieningen',
  buurmanWijstDeWeg: 'vo-buurman-wijst-de-weg',
} as const;

export const VOORBEELD_AMBITIE =
  'Inwoners redden zich zo veel mogelijk zelf, samen met hun omgeving';

/** A fresh copy each call, so a spec can change it freely. */
export function voorbeeldTheorie(overrides: Partial<Theorie> = {}): Theorie {
  return {
    id: VT.theorie,
    titel: 'Wijkteam Noord: eerder en dichtbij',
    ambitie: { tekst: VOORBEELD_AMBITIE, doelIds: ['doel-zelfredzaamheid'] },
    strategie: 'ecosysteem',
    elementen: [
      {
        id: VT.ambitie,
        soort: 'ambitie',
        titel: VOORBEELD_AMBITIE,
        omschrijving: null,
      },
      {
        id: VT.inloop,
        soort: 'activiteit',
        titel: 'Wekelijks inloopspreekuur in het buurthuis',
        omschrijving:
          'In elke wijk een vrij toegankelijk spreekuur, zonder aanmelding of indicatie, met een vaste professional.',
      },
      {
        id: VT.eenPlan,
        soort: 'activiteit',
        titel: 'Eén huishouden, één plan, één regisseur',
        omschrijving:
          'Bij meervoudige vragen maakt één vaste professional samen met het huishouden één plan en stemt af met de ketenpartners.',
      },
      {
        id: VT.buurt,
        soort: 'activiteit',
        titel: 'Buurtinitiatieven en vrijwilligers ondersteunen',
        omschrijving:
          'Het wijkteam helpt bewoners een initiatief op te zetten en koppelt inwoners aan vrijwilligers in de buurt.',
      },
      {
        id: VT.eerderHulp,
        soort: 'outcome-individueel',
        titel: 'Inwoners vragen eerder en dichter bij huis om hulp',
        omschrijving: null,
      },
      {
        id: VT.zelfVerder,
        soort: 'outcome-individueel',
        titel: 'Huishoudens kunnen na afsluiting zelf verder',
        omschrijving: null,
      },
      {
        id: VT.socialeBasis,
        soort: 'outcome-maatschappelijk',
        titel: 'Bewoners kijken naar elkaar om: een sterke sociale basis',
        omschrijving: null,
      },
      {
        id: VT.minderMaatwerk,
        soort: 'outcome-maatschappelijk',
        titel: 'Minder doorverwijzingen naar maatwerkvoorzieningen',
        omschrijving: null,
      },
    ],
    verbanden: [
      { id: VT.inloopNaarEerderHulp, vanId: VT.inloop, naarId: VT.eerderHulp },
      { id: VT.eenPlanNaarZelfVerder, vanId: VT.eenPlan, naarId: VT.zelfVerder },
      { id: VT.buurtNaarSocialeBasis, vanId: VT.buurt, naarId: VT.socialeBasis },
      { id: VT.eerderHulpNaarZelfVerder, vanId: VT.eerderHulp, naarId: VT.zelfVerder },
      { id: VT.zelfVerderNaarMinderMaatwerk, vanId: VT.zelfVerder, naarId: VT.minderMaatwerk },
      { id: VT.socialeBasisNaarEerderHulp, vanId: VT.socialeBasis, naarId: VT.eerderHulp },
      { id: VT.socialeBasisNaarAmbitie, vanId: VT.socialeBasis, naarId: VT.ambitie },
      { id: VT.minderMaatwerkNaarAmbitie, vanId: VT.minderMaatwerk, naarId: VT.ambitie },
    ],
    veronderstellingen: [
      {
        id: VT.drempel,
        verbandId: VT.inloopNaarEerderHulp,
        tekst:
          'Een spreekuur in de eigen wijk, zonder aanmelding, verlaagt de drempel om hulp te vragen, zodat vragen nog klein zijn als ze binnenkomen.',
        kennisbron: 'professioneel',
        bewijsstatus: 'aannemelijk',
        randvoorwaarden: [
          'Een vaste, bekende locatie in elke wijk',
          'Genoeg bezetting om zonder wachtlijst te werken',
        ],
        externeFactoren: ['Sluiting van buurthuizen door bezuinigingen'],
      },
      {
        id: VT.eenRegisseur,
        verbandId: VT.eenPlanNaarZelfVerder,
        tekst:
          'Met één plan en één regisseur werken hulpverleners niet langs elkaar heen en neemt het huishouden de regie terug.',
        kennisbron: 'wetenschappelijk',
        bewijsstatus: 'onderbouwd',
        randvoorwaarden: [
          'Werkafspraken met de ketenpartners over één plan',
          'Mandaat voor de regisseur om over domeinen heen te beslissen',
        ],
        externeFactoren: ['Wachttijden bij specialistische aanbieders'],
      },
      {
        id: VT.vroegErbij,
        verbandId: VT.eerderHulpNaarZelfVerder,
        tekst:
          'Wie er vroeg bij is, heeft minder en lichtere hulp nodig en kan daarna zelf verder.',
        kennisbron: 'professioneel',
        bewijsstatus: 'onzeker',
        randvoorwaarden: ['Ruimte in het wijkteam voor kortdurende, lichte ondersteuning'],
        externeFactoren: ['Stijgende kosten van levensonderhoud vergroten schulden en stress'],
      },
      {
        id: VT.minderVoorzieningen,
        verbandId: VT.zelfVerderNaarMinderMaatwerk,
        tekst:
          'Huishoudens die zelf verder kunnen, hebben minder vaak een maatwerkvoorziening nodig.',
        kennisbron: 'ervaringskennis',
        bewijsstatus: 'aannemelijk',
        randvoorwaarden: [],
        externeFactoren: ['Landelijke wetgeving verandert de toegang tot voorzieningen'],
      },
      {
        id: VT.buurmanWijstDeWeg,
        verbandId: VT.socialeBasisNaarEerderHulp,
        tekst:
          'Een buurman of vrijwilliger wijst iemand eerder de weg naar het spreekuur dan een folder.',
        kennisbron: 'ervaringskennis',
        bewijsstatus: 'onzeker',
        randvoorwaarden: ['Vrijwilligers kennen het wijkteam en het spreekuur'],
        externeFactoren: [],
      },
    ],
    ...overrides,
  };
}

/** A KPI of the scenario's KPI set, with what the KPI-set check needs and the element it evidences. */
export interface VoorbeeldKpi extends StrategieKpi {
  eenheid: 'aantal' | 'percentage';
  richting: 'hoger-is-beter' | 'lager-is-beter';
  definitie: string;
  teller: string | null;
  noemer: string | null;
  bron: string;
}

export function voorbeeldKpis(): VoorbeeldKpi[] {
  return [
    {
      id: 'kpi-wt-01',
      code: 'WT-01',
      naam: 'Bezoeken aan het inloopspreekuur',
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      definitie:
        'Aantal geregistreerde bezoeken aan de inloopspreekuren van het wijkteam in het kwartaal.',
      teller: null,
      noemer: null,
      bron: 'registratiesysteem',
      elementIds: [VT.inloop],
    },
    {
      id: 'kpi-wt-02',
      code: 'WT-02',
      naam: 'Aandeel huishoudens dat na afsluiting zelf verder kan',
      type: 'outcome',
      eenheid: 'percentage',
      richting: 'hoger-is-beter',
      definitie:
        'Afgesloten trajecten waarin het huishouden volgens het eindgesprek zelf verder kan, gedeeld door alle afgesloten trajecten.',
      teller: 'Afgesloten trajecten met zelfstandig vervolg',
      noemer: 'Alle afgesloten trajecten',
      bron: 'registratiesysteem',
      elementIds: [VT.zelfVerder],
    },
    {
      id: 'kpi-wt-03',
      code: 'WT-03',
      naam: 'Huishoudens met één plan',
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      definitie:
        'Aantal huishoudens met meervoudige vragen dat één gezamenlijk plan met één regisseur heeft.',
      teller: null,
      noemer: null,
      bron: 'registratiesysteem',
      elementIds: [VT.eenPlan],
    },
    {
      id: 'kpi-wt-04',
      code: 'WT-04',
      naam: 'Aandeel nieuwe vragen dat via het spreekuur binnenkomt',
      type: 'outcome',
      eenheid: 'percentage',
      richting: 'hoger-is-beter',
      definitie:
        'Nieuwe hulpvragen die via het inloopspreekuur binnenkomen, gedeeld door alle nieuwe hulpvragen.',
      teller: 'Nieuwe hulpvragen via het inloopspreekuur',
      noemer: 'Alle nieuwe hulpvragen',
      bron: 'registratiesysteem',
      elementIds: [VT.eerderHulp],
    },
    {
      id: 'kpi-wt-05',
      code: 'WT-05',
      naam: 'Verwijzingen naar maatwerkvoorzieningen per 1.000 inwoners',
      type: 'outcome',
      eenheid: 'aantal',
      richting: 'lager-is-beter',
      definitie:
        'Aantal nieuwe verwijzingen naar een maatwerkvoorziening (Wmo en jeugd) per 1.000 inwoners van het perceel.',
      teller: null,
      noemer: null,
      bron: 'CBS en registratiesysteem',
      elementIds: [VT.minderMaatwerk],
    },
  ];
}

export function voorbeeldKpiBewijzen(kpis: readonly StrategieKpi[] = voorbeeldKpis()): KpiBewijs[] {
  return kpis.flatMap((kpi) => kpi.elementIds.map((elementId) => ({ kpiId: kpi.id, elementId })));
}

/** The quarter's case story that shows the sociale basis at work (no KPI measures it). */
export function voorbeeldVerhalen(): (StrategieVerhaal & { titel: string })[] {
  return [
    {
      id: 'verhaal-buurtmaaltijd',
      titel: 'Via de buurtmaaltijd op tijd bij het spreekuur',
      elementIds: [VT.socialeBasis, VT.eerderHulp],
    },
  ];
}

/**
 * A link that closes a kringloop: minderMaatwerk → eerderHulp, while eerderHulp → zelfVerder →
 * minderMaatwerk already exists. Its direction (societal → individual) is allowed, so only the
 * cycle check refuses it.
 */
export const VOORBEELD_KRINGLOOP = { vanId: VT.minderMaatwerk, naarId: VT.eerderHulp } as const;

/**
 * The deliberately mismatched case: the same ecosysteem theory accounted for with its output
 * KPIs only (WT-01, WT-03), which the strategy check must report.
 */
export function voorbeeldMismatchKpis(): VoorbeeldKpi[] {
  return voorbeeldKpis().filter((kpi) => kpi.type === 'output');
}
