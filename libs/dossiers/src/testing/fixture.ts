/**
 * Snapshots for specs and benchmarks. `maakDossierSnapshot()` is a realistic quarter for a
 * Zaanstad aanbieder: 6 KPIs over 6 quarters in 2 percelen, 4 case stories, aanvullende
 * opdrachten and signals, with figures chosen so every status occurs (see the comments per
 * KPI). Larger sizes (`{ kpis: 40, kwartalen: 8, verhalen: 30 }`) add generated KPIs and
 * stories with the same shape. Everything is deterministic: no clock, no randomness.
 */
import type {
  DossierActie,
  DossierAanvullendeOpdracht,
  DossierCasus,
  DossierDoel,
  DossierKpi,
  DossierKpiNorm,
  DossierKpiWaarde,
  DossierPerceel,
  DossierSignaal,
  DossierSnapshot,
} from '../snapshot';
import { kwartalenTotEnMet } from '../kalender';

export interface SnapshotFixtureOpties {
  /** Number of KPIs (default 6; the first 6 are the hand-made ones). */
  kpis?: number;
  /** Quarters with figures, ending with `periode` (default 6). */
  kwartalen?: number;
  /** Case stories in the dossier's quarter (default 4). */
  verhalen?: number;
  /** Percelen (default 2). */
  percelen?: number;
  periode?: string;
  peildatum?: string;
}

/** A stable uuid-shaped id per kind and number: fixtureId('kpi', 1). */
export function fixtureId(soort: string, n: number): string {
  const prefix: Record<string, string> = {
    gemeente: '10000000',
    aanbieder: '20000000',
    kpi: '30000000',
    doel: '40000000',
    perceel: '50000000',
    casus: '60000000',
    opdracht: '70000000',
    signaal: '80000000',
    actie: '90000000',
    verantwoording: 'a0000000',
  };
  return `${prefix[soort] ?? 'f0000000'}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const PERCEEL_NAMEN: [string, string][] = [
  ['ZO', 'Zaandam-Oost'],
  ['ZW', 'Zaandam-West'],
  ['WV', 'Wormerveer'],
  ['KR', 'Krommenie'],
  ['AD', 'Assendelft'],
  ['KZ', 'Koog-Zaandijk'],
  ['WZ', 'Westzaan'],
  ['ZN', 'Zaandam-Noord'],
];

export const FIXTURE_DOELEN: DossierDoel[] = [
  {
    id: fixtureId('doel', 1),
    titel: 'Inwoners van Zaanstad doen mee en redden zich',
    niveau: 'ambitie',
    parentId: null,
  },
  {
    id: fixtureId('doel', 2),
    titel: 'Inwoners zijn snel en dichtbij geholpen',
    niveau: 'doel',
    parentId: fixtureId('doel', 1),
  },
  {
    id: fixtureId('doel', 3),
    titel: 'Inwoners zijn zelfredzaam',
    niveau: 'doel',
    parentId: fixtureId('doel', 1),
  },
  {
    id: fixtureId('doel', 4),
    titel: 'Een sterke sociale basis in de wijk',
    niveau: 'doel',
    parentId: fixtureId('doel', 1),
  },
];

const D_SNEL = fixtureId('doel', 2);
const D_ZELF = fixtureId('doel', 3);

interface HandKpi {
  kpi: Omit<DossierKpi, 'id' | 'normen'>;
  /** Norms for the quarters/years around `periode` (jaar = the dossier's year). */
  normen: (jaar: number, kwartalen: string[]) => DossierKpiNorm[];
  /** Per perceel (index 0, 1), six quarters ending with the dossier's quarter; null: one total. */
  waarden: [string[], string[]] | null;
  totaal?: string[];
  gewichten?: [string[], string[]];
}

const jaarNormen =
  (streef: (jaar: number, eigenJaar: number) => string | null, letOp: string, uitKoers: string) =>
  (jaar: number, kwartalen: string[]): DossierKpiNorm[] => {
    const jaren = [...new Set(kwartalen.map((k) => Number(k.slice(0, 4))))];
    return jaren.flatMap((j) => {
      const s = streef(j, jaar);
      return s === null
        ? []
        : [
            {
              periode: String(j),
              streefwaarde: s,
              tolerantieLetOp: letOp,
              tolerantieUitKoers: uitKoers,
            },
          ];
    });
  };

/**
 * Statuses in the dossier's quarter with the default options:
 * W01 op koers (1245 vs 1200), W02 let op (gewogen 86,75 vs 90; ongewogen zou 87 op koers
 * zijn), W03 uit koers (20,75 dagen vs 14), W04 op koers (7,7 vs 7,5), W05 uit koers
 * (gewogen 59 vs 70), W06 op koers (€ 2.460 vs € 2.500, lager is beter, één totaal).
 */
const HAND_KPIS: HandKpi[] = [
  {
    kpi: {
      code: 'W01',
      naam: 'Bereik: inwoners met een eerste contact',
      versie: 1,
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      aggregatie: 'som',
      definitie:
        'Aantal unieke inwoners met wie het wijkteam in het kwartaal een eerste contact had.',
      doelIds: [D_SNEL],
      perPerceel: true,
    },
    normen: (_jaar, kwartalen) =>
      kwartalen.map((k) => ({
        periode: k,
        streefwaarde: '1200',
        tolerantieLetOp: '60',
        tolerantieUitKoers: '150',
      })),
    waarden: [
      ['560', '590', '610', '600', '615', '640'],
      ['540', '560', '580', '590', '600', '605'],
    ],
  },
  {
    kpi: {
      code: 'W02',
      naam: 'Hulpvragen binnen 5 werkdagen opgepakt',
      versie: 2,
      type: 'throughput',
      eenheid: 'percentage',
      richting: 'hoger-is-beter',
      aggregatie: 'gewogen-gemiddelde',
      definitie:
        'Teller: hulpvragen met een eerste gesprek binnen 5 werkdagen. Noemer: alle nieuwe hulpvragen.',
      doelIds: [D_SNEL],
      perPerceel: true,
    },
    normen: jaarNormen(() => '90', '3', '8'),
    waarden: [
      ['88', '89.5', '91', '90', '87.5', '86'],
      ['92', '91', '90.5', '92', '89', '88'],
    ],
    gewichten: [
      ['200', '210', '190', '220', '240', '250'],
      ['100', '120', '110', '130', '150', '150'],
    ],
  },
  {
    kpi: {
      code: 'W03',
      naam: 'Doorlooptijd tot start ondersteuning',
      versie: 1,
      type: 'throughput',
      eenheid: 'dagen',
      richting: 'lager-is-beter',
      aggregatie: 'gemiddelde',
      definitie: 'Gemiddeld aantal kalenderdagen tussen hulpvraag en start van de ondersteuning.',
      doelIds: [D_SNEL],
      perPerceel: true,
    },
    normen: jaarNormen(() => '14', '2', '5'),
    waarden: [
      ['15', '16', '14', '17', '18', '21'],
      ['13', '14', '15', '16', '17', '20.5'],
    ],
  },
  {
    kpi: {
      code: 'W04',
      naam: 'Cliëntervaring (rapportcijfer)',
      versie: 1,
      type: 'outcome',
      eenheid: 'score',
      richting: 'hoger-is-beter',
      aggregatie: 'gemiddelde',
      definitie: 'Gemiddeld rapportcijfer in het cliëntervaringsonderzoek.',
      doelIds: [D_SNEL, D_ZELF],
      perPerceel: true,
    },
    normen: jaarNormen((j, jaar) => (j < jaar ? '7' : '7.5'), '0.3', '0.8'),
    waarden: [
      ['7.2', '7.4', '7.5', '7.6', '7.7', '7.8'],
      ['7', '7.1', '7.3', '7.4', '7.5', '7.6'],
    ],
  },
  {
    kpi: {
      code: 'W05',
      naam: 'Trajecten afgesloten zonder maatwerkvoorziening',
      versie: 1,
      type: 'outcome',
      eenheid: 'percentage',
      richting: 'hoger-is-beter',
      aggregatie: 'gewogen-gemiddelde',
      definitie:
        'Teller: afgesloten trajecten zonder doorverwijzing naar een maatwerkvoorziening. Noemer: alle afgesloten trajecten.',
      doelIds: [D_ZELF],
      perPerceel: true,
    },
    normen: jaarNormen((j, jaar) => (j < jaar ? '65' : '70'), '5', '10'),
    waarden: [
      ['60', '62', '64', '63', '61', '58'],
      ['66', '67', '68', '66', '64', '60'],
    ],
    gewichten: [
      ['40', '42', '45', '50', '48', '50'],
      ['30', '35', '32', '40', '42', '50'],
    ],
  },
  {
    kpi: {
      code: 'W06',
      naam: 'Kosten per afgesloten traject',
      versie: 1,
      type: 'input',
      eenheid: 'euro',
      richting: 'lager-is-beter',
      aggregatie: 'gemiddelde',
      definitie: 'Totale uitvoeringskosten gedeeld door het aantal afgesloten trajecten.',
      doelIds: [],
      perPerceel: false,
    },
    normen: jaarNormen((j, jaar) => (j === jaar ? '2500' : null), '100', '250'),
    waarden: null,
    totaal: ['2675', '2640', '2585', '2530', '2490', '2460'],
  },
];

const GEGENEREERDE_NAMEN: [string, KpiSoort][] = [
  ['Deelnemers aan collectieve activiteiten', 'aantal'],
  ['Inwoners met een schuldhulpvraag binnen 3 dagen gesproken', 'percentage'],
  ['Gemiddelde wachttijd voor een keukentafelgesprek', 'dagen'],
  ['Ervaren regie over het eigen leven', 'score'],
  ['Vrijwilligers actief in de wijk', 'aantal'],
  ['Terugval binnen 6 maanden na afsluiting', 'percentage'],
];
type KpiSoort = 'aantal' | 'percentage' | 'dagen' | 'score';

/** Decimal text from an integer number of tenths: 865 → '86.5'. */
function tienden(n: number): string {
  const heel = Math.trunc(n / 10);
  const rest = Math.abs(n % 10);
  return rest === 0 ? String(heel) : `${heel}.${rest}`;
}

function gegenereerdeKpi(i: number, kwartalen: string[], percelen: DossierPerceel[], jaar: number) {
  const [naam, soort] = GEGENEREERDE_NAMEN[i % GEGENEREERDE_NAMEN.length];
  const aggregaties = ['som', 'gemiddelde', 'gewogen-gemiddelde'] as const;
  const aggregatie = soort === 'aantal' ? 'som' : aggregaties[1 + (i % 2)];
  const richting =
    soort === 'dagen' || naam.startsWith('Terugval') ? 'lager-is-beter' : 'hoger-is-beter';
  const basis = { aantal: 4000, percentage: 750, dagen: 180, score: 72 }[soort]; // in tenths
  const streef = soort === 'aantal' ? basis * percelen.length : basis;
  const kpi: DossierKpi = {
    id: fixtureId('kpi', i + 1),
    code: `K${String(i + 1).padStart(3, '0')}`,
    naam: `${naam} (${Math.floor(i / GEGENEREERDE_NAMEN.length) + 1})`,
    versie: 1,
    type: (['output', 'throughput', 'output', 'outcome'] as const)[i % 4],
    eenheid: soort,
    richting,
    aggregatie,
    definitie: `Gegenereerde indicator ${i + 1} voor tests en benchmarks.`,
    doelIds: [FIXTURE_DOELEN[1 + (i % 3)].id],
    normen: [...new Set(kwartalen.map((k) => Number(k.slice(0, 4))).concat(jaar))].map((j) => ({
      periode: String(j),
      streefwaarde: tienden(streef),
      tolerantieLetOp: tienden(Math.max(1, Math.round(streef * 0.04))),
      tolerantieUitKoers: tienden(Math.max(2, Math.round(streef * 0.1))),
    })),
  };
  const waarden: DossierKpiWaarde[] = [];
  kwartalen.forEach((periode, q) => {
    percelen.forEach((perceel, p) => {
      const spreiding = ((i * 7 + q * 13 + p * 5) % 21) - 10; // −10 … +10 percent
      waarden.push({
        kpiId: kpi.id,
        periode,
        perceelId: perceel.id,
        waarde: tienden(Math.round((basis * (100 + spreiding)) / 100)),
        toelichting:
          spreiding <= -8 ? `Lager dan verwacht in ${perceel.naam}; zie knelpunten.` : null,
        datakwaliteit: (q + p) % 9 === 0 ? 'voorlopig' : 'betrouwbaar',
        gewicht: aggregatie === 'gewogen-gemiddelde' ? String(50 + ((i + q + p) % 7) * 10) : null,
      });
    });
  });
  return { kpi, waarden };
}

const HAND_VERHALEN: Omit<DossierCasus, 'id' | 'periode' | 'kpiIds' | 'perceelId'>[] = [
  {
    titel: 'Mevrouw houdt de regie na een val',
    doelIds: [D_ZELF],
    situatie:
      'Alleenwonende vrouw van 82 valt thuis; de dochter woont ver weg en maakt zich zorgen.',
    vraag:
      'Direct huishoudelijke hulp inzetten, of eerst kijken wat het netwerk kan? Veiligheid tegenover eigen regie.',
    effect: 'Buren en de kerk regelen boodschappen; na zes weken redt zij het weer zelf.',
    les: 'Tijd nemen voor het netwerk voorkomt een maatwerkvoorziening.',
    kwestie:
      'De indicatieregels belonen snel inzetten van hulp, niet het versterken van het netwerk.',
  },
  {
    titel: 'Wachttijd bij schuldhulp loopt op',
    doelIds: [D_SNEL],
    situatie: 'Gezin met huurachterstand wacht vier weken op een eerste gesprek bij schuldhulp.',
    vraag: 'Voorrang geven aan dit gezin gaat ten koste van anderen op de wachtlijst.',
    effect: 'Dreigende huisuitzetting op het laatste moment voorkomen.',
    les: 'Een vast aanspreekpunt bij de woningcorporatie versnelt de aanpak.',
    kwestie: 'De capaciteit van schuldhulp houdt geen gelijke tred met de vraag.',
  },
  {
    titel: 'De buurtkamer als vindplaats',
    doelIds: [fixtureId('doel', 4)],
    situatie:
      'In de buurtkamer vertellen bewoners over eenzaamheid die thuis niet ter sprake komt.',
    vraag: null,
    effect: 'Twaalf inwoners vonden via de buurtkamer de weg naar het wijkteam.',
    les: 'Aanwezig zijn waar inwoners al komen vergroot het bereik.',
    kwestie: 'De buurtkamer heeft geen structurele financiering.',
  },
  {
    titel: 'Jongere met schulden en een zorgmijdende ouder',
    doelIds: [D_ZELF],
    situatie: 'Een 19-jarige met schulden woont bij een ouder die hulp afhoudt.',
    vraag: 'Privacy van de ouder tegenover de belangen van de jongere.',
    effect: 'De jongere heeft een budgetcoach en een eigen kamer in beeld.',
    les: 'Samen optrekken met jongerenwerk werkt beter dan een verwijzing.',
    kwestie: 'De overgang naar 18+ valt tussen twee regelingen.',
  },
];

function handVerhaalKpis(i: number, kpis: DossierKpi[]): string[] {
  const codes = [['W04'], ['W03', 'W02'], ['W01'], ['W05']][i] ?? [];
  return codes.flatMap((c) => kpis.filter((k) => k.code === c).map((k) => k.id));
}

export function maakDossierSnapshot(
  opties: SnapshotFixtureOpties = {},
  overrides: Partial<DossierSnapshot> = {},
): DossierSnapshot {
  const periode = opties.periode ?? '2026-Q3';
  const jaar = Number(periode.slice(0, 4));
  const aantalKpis = opties.kpis ?? 6;
  const aantalKwartalen = opties.kwartalen ?? 6;
  const aantalVerhalen = opties.verhalen ?? 4;
  const aantalPercelen = opties.percelen ?? 2;
  const kwartalen = kwartalenTotEnMet(periode, aantalKwartalen);

  const percelen: DossierPerceel[] = Array.from({ length: aantalPercelen }, (_, p) => {
    const [code, naam] = PERCEEL_NAMEN[p % PERCEEL_NAMEN.length];
    const ronde = Math.floor(p / PERCEEL_NAMEN.length);
    return {
      id: fixtureId('perceel', p + 1),
      code: ronde ? `${code}${ronde + 1}` : code,
      naam: ronde ? `${naam} ${ronde + 1}` : naam,
    };
  });

  const kpis: DossierKpi[] = [];
  const waarden: DossierKpiWaarde[] = [];
  for (let i = 0; i < aantalKpis; i++) {
    if (i < HAND_KPIS.length) {
      const hand = HAND_KPIS[i];
      const kpi: DossierKpi = {
        ...hand.kpi,
        id: fixtureId('kpi', i + 1),
        normen: hand.normen(jaar, kwartalen),
      };
      kpis.push(kpi);
      kwartalen.forEach((k, q) => {
        // Index into the six hand-made quarters; older quarters repeat the oldest figure.
        const index = Math.max(0, 6 - aantalKwartalen + q);
        const laatste = q === aantalKwartalen - 1;
        if (hand.waarden === null) {
          waarden.push({
            kpiId: kpi.id,
            periode: k,
            perceelId: null,
            waarde: (hand.totaal as string[])[index],
            toelichting: laatste
              ? 'Kosten dalen doordat meer trajecten in de sociale basis worden afgesloten.'
              : null,
            datakwaliteit: 'betrouwbaar',
          });
          return;
        }
        percelen.forEach((perceel, p) => {
          waarden.push({
            kpiId: kpi.id,
            periode: k,
            perceelId: perceel.id,
            waarde: (hand.waarden as [string[], string[]])[p % 2][index],
            toelichting:
              laatste && hand.kpi.code === 'W03'
                ? `Wachttijd opgelopen door vacatures in het team ${perceel.naam}.`
                : laatste && hand.kpi.code === 'W02' && p === 0
                  ? 'Piek in aanmeldingen na de zomer.'
                  : null,
            datakwaliteit:
              laatste && hand.kpi.code === 'W04' && p % 2 === 1 ? 'voorlopig' : 'betrouwbaar',
            gewicht: hand.gewichten ? hand.gewichten[p % 2][index] : null,
          });
        });
      });
    } else {
      const gegenereerd = gegenereerdeKpi(i, kwartalen, percelen, jaar);
      kpis.push(gegenereerd.kpi);
      waarden.push(...gegenereerd.waarden);
    }
  }

  const casussen: DossierCasus[] = Array.from({ length: aantalVerhalen }, (_, i) => {
    const hand = HAND_VERHALEN[i];
    const kpiIds = hand ? handVerhaalKpis(i, kpis) : kpis.length ? [kpis[i % kpis.length].id] : [];
    const basis = hand ?? {
      titel: `Casus ${i + 1}: ondersteuning dichtbij huis`,
      doelIds: kpiIds.length ? kpis[i % kpis.length].doelIds : [],
      situatie: `Situatie van casus ${i + 1}, samen met de inwoner beschreven.`,
      vraag: i % 3 === 0 ? 'Snel handelen of eerst het netwerk betrekken?' : null,
      effect: 'De inwoner kan weer zelf verder.',
      les: 'Vroeg samenwerken met de huisarts helpt.',
      kwestie: i % 4 === 0 ? 'De regels voor bijzondere bijstand sluiten niet aan.' : null,
    };
    return {
      ...basis,
      id: fixtureId('casus', i + 1),
      periode,
      kpiIds,
      perceelId: percelen.length ? percelen[i % percelen.length].id : null,
    };
  });

  return {
    gemeente: { naam: 'Zaanstad', cbsCode: 'GM0479' },
    aanbieder: { id: fixtureId('aanbieder', 1), naam: 'Stichting Wijkteams Zaanstreek' },
    periode,
    peildatum: opties.peildatum ?? '2026-10-20',
    overleg: {
      datum: '2026-11-05T14:00:00+01:00',
      deelnemers: ['Contractmanager gemeente', 'Directeur aanbieder'],
    },
    kpis,
    doelen: FIXTURE_DOELEN.map((d) => ({ ...d })),
    percelen,
    waarden,
    verantwoording: {
      id: fixtureId('verantwoording', 1),
      revisie: 1,
      status: 'ingediend',
      hoogtepunten:
        'De buurtkamers in Zaandam-Oost trekken nieuwe bezoekers.\n\nDe samenwerking met huisartsen is vastgelegd.',
      knelpunten: 'Twee vacatures in Zaandam-West; de wachttijd loopt op.',
      vooruitblik: 'Extra inzet op schuldhulp in het vierde kwartaal.',
      budget: {
        begrootCenten: 312_500_000,
        gerealiseerdCenten: 298_765_432,
        toelichting: 'Onderbesteding door vacatures.',
      },
      formatie: {
        formatieFte: '42.5',
        vacaturesFte: '3.2',
        verloopPercentage: '4.8',
        toelichting: null,
      },
    },
    casussen,
    aanvullendeOpdrachten: FIXTURE_OPDRACHTEN.map((o) => ({ ...o })),
    signalen: FIXTURE_SIGNALEN.map((s) => ({ ...s })),
    acties: [],
    ...overrides,
  };
}

/**
 * With peildatum 2026-10-20: 'Schuldhulp in de wijk' ends in 56 days (loopt af); the
 * others do not (ended already, far away, or no longer running).
 */
export const FIXTURE_OPDRACHTEN: DossierAanvullendeOpdracht[] = [
  {
    id: fixtureId('opdracht', 1),
    titel: 'Schuldhulp in de wijk (PACT)',
    status: 'actief',
    budgetCenten: 18_500_000,
    oormerk: true,
    startdatum: '2025-01-01',
    einddatum: '2026-12-15',
    thema: 'bestaanszekerheid',
  },
  {
    id: fixtureId('opdracht', 2),
    titel: 'Inloopspreekuur statushouders',
    status: 'actief',
    budgetCenten: 4_250_000,
    oormerk: false,
    startdatum: '2026-01-01',
    einddatum: '2027-06-30',
    thema: 'participatie',
  },
  {
    id: fixtureId('opdracht', 3),
    titel: 'Aanpak eenzaamheid ouderen',
    status: 'aangevraagd',
    budgetCenten: 1_200_000,
    startdatum: '2027-01-01',
    einddatum: '2027-12-31',
    thema: 'sociale basis',
  },
  {
    id: fixtureId('opdracht', 4),
    titel: 'Zomerschool',
    status: 'afgerond',
    budgetCenten: 800_000,
    startdatum: '2026-07-01',
    einddatum: '2026-09-30',
    thema: 'jeugd',
  },
];

/** With peildatum 2026-10-20: the first is open past its term, the third is closed. */
export const FIXTURE_SIGNALEN: DossierSignaal[] = [
  {
    id: fixtureId('signaal', 1),
    titel: 'Wachtlijst beschermd wonen blokkeert uitstroom',
    status: 'in-analyse',
    soort: 'aanbod',
    ingebrachtOp: '2026-07-01',
    antwoordTermijn: '2026-08-12',
  },
  {
    id: fixtureId('signaal', 2),
    titel: 'Regels bijzondere bijstand sluiten niet aan',
    status: 'nieuw',
    soort: 'regels',
    ingebrachtOp: '2026-10-01',
    antwoordTermijn: '2026-11-12',
  },
  {
    id: fixtureId('signaal', 3),
    titel: 'Overdracht met de GGD verloopt goed',
    status: 'gesloten',
    soort: 'samenwerking',
    ingebrachtOp: '2026-04-01',
    antwoordTermijn: '2026-05-13',
  },
  {
    id: fixtureId('signaal', 4),
    titel: 'Verzoeken van afdeling Werk buiten het register om',
    status: 'geagendeerd',
    soort: 'zijsturing',
    ingebrachtOp: '2026-06-15',
    antwoordTermijn: null,
  },
];

export function maakSnapshotActie(overrides: Partial<DossierActie> = {}): DossierActie {
  return {
    id: fixtureId('actie', 1),
    omschrijving: 'Plan van aanpak wachttijden opstellen',
    eigenaar: 'Directeur aanbieder',
    deadline: '2026-10-01',
    status: 'open',
    overlegDatum: '2026-08-06',
    ...overrides,
  };
}

export function maakSnapshotKpi(overrides: Partial<DossierKpi> = {}): DossierKpi {
  return {
    id: fixtureId('kpi', 0xf00000),
    code: 'T01',
    naam: 'Testindicator',
    versie: 1,
    type: 'output',
    eenheid: 'percentage',
    richting: 'hoger-is-beter',
    aggregatie: 'gemiddelde',
    definitie: null,
    doelIds: [],
    normen: [
      { periode: '2026', streefwaarde: '80', tolerantieLetOp: '5', tolerantieUitKoers: '10' },
    ],
    ...overrides,
  };
}

export function maakSnapshotWaarde(overrides: Partial<DossierKpiWaarde> = {}): DossierKpiWaarde {
  return {
    kpiId: fixtureId('kpi', 0xf00000),
    periode: '2026-Q3',
    perceelId: fixtureId('perceel', 1),
    waarde: '80',
    toelichting: null,
    datakwaliteit: 'betrouwbaar',
    gewicht: null,
    ...overrides,
  };
}

/** A snapshot with two percelen and nothing else: specs add exactly what they test. */
export function maakLegeSnapshot(overrides: Partial<DossierSnapshot> = {}): DossierSnapshot {
  return {
    gemeente: { naam: 'Zaanstad' },
    aanbieder: { id: fixtureId('aanbieder', 1), naam: 'Stichting Wijkteams Zaanstreek' },
    periode: '2026-Q3',
    peildatum: '2026-10-20',
    overleg: null,
    kpis: [],
    doelen: [],
    percelen: [
      { id: fixtureId('perceel', 1), code: 'ZO', naam: 'Zaandam-Oost' },
      { id: fixtureId('perceel', 2), code: 'ZW', naam: 'Zaandam-West' },
    ],
    waarden: [],
    verantwoording: null,
    casussen: [],
    aanvullendeOpdrachten: [],
    signalen: [],
    acties: [],
    ...overrides,
  };
}
