import { Injectable, OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { DemoSeedContext, DemoSeedRegistry, Rol, SystemActor } from '@wijkkompas/core';
import {
  Doel,
  Hoofdopdracht,
  Keten,
  Perceel,
  plusDagen,
  vandaag,
  Wijk,
} from '@wijkkompas/opdrachten';
import { Casus } from '../casus/casus.entity';
import { casusAudit } from '../casus/casus.dto';
import { Kpi } from '../kpi/kpi.entity';
import { kwartaalVan, periodeDatums, verschuifKwartaal } from '../periode/kwartaal';
import { Leerorde, SignaalStatus } from '../signaal.lifecycle';
import { signaalAudit } from '../signaal/signaal.dto';
import { SignaalSoort, Signaal } from '../signaal/signaal.entity';

type KetenNaam = 'Jeugd' | 'Wmo/Zorg' | 'Participatie & Werk' | 'Armoede & Schulden' | 'Veiligheid';
type PerceelNaam = 'Perceel Centrum' | 'Perceel Noord';
type WijkNaam = 'Centrum' | 'Havenkwartier' | 'Noorderpark' | 'Oosterhout';
type AuteurRol = Rol.Directeur | Rol.Teamleider | Rol.Kwaliteitsmedewerker;

/** The goals of the demo hoofdopdrachten (see the opdrachten seed), by a short key. */
const DOELEN = {
  ambitie: 'Inwoners redden zich zo veel mogelijk zelf, samen met hun omgeving',
  socialeBasis: 'Een sterke sociale basis in elke wijk',
  dichtbij: 'Vragen worden eerder en dichter bij huis beantwoord',
  integraal: 'Integrale hulp met één plan per huishouden',
  minderMaatwerk: 'Minder doorverwijzingen naar maatwerkvoorzieningen',
} as const;

export interface DemoVerhaal {
  /** Quarters before the current one: 0 is the current quarter. */
  kwartalenTerug: number;
  titel: string;
  situatie: string;
  vraag: string;
  waarden: string;
  betrokkenen: string;
  aanpak: string;
  effect: string;
  les: string;
  kwestie: string | null;
  perceel: PerceelNaam;
  wijk: WijkNaam;
  /** KPI codes of the KPI seed; linked when they exist. */
  kpis: string[];
  doelen: (keyof typeof DOELEN)[];
  ketens: KetenNaam[];
  auteur: AuteurRol;
}

/**
 * Case stories of Wijkkompas' first demo aanbieder, Wijkteams Noord: pseudonymised (initials,
 * ages, no addresses), each with the figure it explains.
 */
export const DEMO_VERHALEN: DemoVerhaal[] = [
  {
    kwartalenTerug: 2,
    titel: 'Na het overlijden van haar man weer onder de mensen',
    situatie:
      'Mevrouw D. (81) woont sinds het overlijden van haar man een jaar geleden alleen in een seniorenflat in Noorderpark. De huisarts zag haar steeds vaker op het spreekuur met vage klachten en vermoedde dat eenzaamheid erachter zat. Haar kinderen wonen ver weg en bellen eens per week.',
    vraag:
      'Meldt de huisarts haar aan voor dagbesteding (een maatwerkvoorziening met wachtlijst), of lukt het om haar via de buurt weer contact te laten maken?',
    waarden:
      'Eigen regie van mevrouw, die zelf zegt "geen zorg" te willen; tegelijk de zorg van de huisarts over haar gezondheid.',
    betrokkenen:
      'Huisarts en praktijkondersteuner, wijkcoach van het wijkteam, twee vrijwilligers van de buurtkamer, de dochter van mevrouw.',
    aanpak:
      'De wijkcoach ging op huisbezoek en ontdekte dat mevrouw vroeger in een koor zong. Een vrijwilliger haalde haar de eerste drie weken op voor de zanggroep in de buurtkamer. Daarna ging ze zelfstandig, en sinds kort schenkt ze op dinsdag zelf koffie.',
    effect:
      'Mevrouw komt twee keer per week in de buurtkamer, bezoekt de huisarts minder vaak en zegt dat ze "weer een reden heeft om zich aan te kleden". Er is geen indicatie voor dagbesteding nodig geweest.',
    les: 'Een warme overdracht door een vrijwilliger werkt beter dan een folder; de eerste weken begeleiden is de investering.',
    kwestie:
      'De inzet van vrijwilligers voor begeleiding naar activiteiten wordt niet geteld, terwijl dit de doorverwijzing naar maatwerk voorkwam.',
    perceel: 'Perceel Noord',
    wijk: 'Noorderpark',
    kpis: ['NRD-01', 'NRD-06'],
    doelen: ['socialeBasis', 'minderMaatwerk'],
    ketens: ['Wmo/Zorg'],
    auteur: Rol.Teamleider,
  },
  {
    kwartalenTerug: 2,
    titel: 'Achter het schoolverzuim zaten schulden',
    situatie:
      'Zoon T. (15) van een alleenstaande vader in het Havenkwartier verzuimde steeds vaker. De leerplichtambtenaar meldde het gezin bij het wijkteam. In het eerste gesprek bleek dat vader na een faillissement van zijn werkgever zijn huur niet meer kon betalen en een ontruimingsbrief had ontvangen. T. paste overdag op zijn jongere zusje omdat de opvang was opgezegd.',
    vraag:
      'Wie pakt wat op: de school het verzuim, schuldhulp de schulden en jeugdhulp het gezin, of één plan met één regisseur?',
    waarden:
      'Het recht van T. op onderwijs; de trots van vader, die hulp lang had afgehouden; de bestaanszekerheid van het gezin.',
    betrokkenen:
      'Leerplichtambtenaar, mentor van school, wijkcoach, schuldhulpverlener van de gemeente, woningcorporatie, kinderopvang.',
    aanpak:
      'De wijkcoach werd regisseur van één plan. Binnen een week was er een betalingsregeling met de corporatie en werd de ontruiming opgeschort. Via de regeling voor kinderopvang kreeg het zusje weer een plek; T. ging terug naar school met een afspraak met zijn mentor over inhalen.',
    effect:
      'T. haalt weer zijn lessen, de ontruiming is van tafel en vader is gestart met een schuldhulptraject. Vader zegt dat hij voor het eerst "niet vijf keer hetzelfde verhaal" hoefde te vertellen.',
    les: 'Verzuim is vaak een symptoom; de vraag achter de vraag kwam pas op tafel toen iemand thuis kwam.',
    kwestie:
      'De wachtlijst bij schuldhulp (acht weken) had de ontruiming bijna laten doorgaan; alleen de persoonlijke lijn van de wijkcoach met de corporatie voorkwam dat.',
    perceel: 'Perceel Centrum',
    wijk: 'Havenkwartier',
    kpis: ['NRD-05', 'NRD-03'],
    doelen: ['integraal'],
    ketens: ['Jeugd', 'Armoede & Schulden'],
    auteur: Rol.Kwaliteitsmedewerker,
  },
  {
    kwartalenTerug: 2,
    titel: 'Een mantelzorger die zelf omviel',
    situatie:
      'Meneer K. (74) zorgt al zes jaar voor zijn vrouw met de ziekte van Parkinson. Hij viel zelf flauw in de supermarkt; de buurvrouw belde het wijkteam. Meneer wilde geen hulp "van buiten" in huis.',
    vraag: 'Hoe ontlast je een mantelzorger die elke vorm van respijtzorg afwijst?',
    waarden: 'De wens van het echtpaar om samen thuis te blijven; de gezondheid van meneer.',
    betrokkenen:
      'Buurvrouw, wijkverpleging, mantelzorgconsulent, casemanager van het ziekenhuis, de zoon van het echtpaar.',
    aanpak:
      'In plaats van respijtzorg voor te stellen, vroeg de mantelzorgconsulent waar meneer zelf naar verlangde: één ochtend per week naar de biljartclub. De buurvrouw en een vrijwilliger van de mantelzorgpool zitten die ochtend bij mevrouw.',
    effect:
      'Meneer heeft elke week een vaste vrije ochtend en staat open voor een gesprek over dagopvang voor zijn vrouw in de toekomst.',
    les: 'Respijt begint bij de wens van de mantelzorger, niet bij het aanbod.',
    kwestie: null,
    perceel: 'Perceel Noord',
    wijk: 'Oosterhout',
    kpis: ['NRD-06'],
    doelen: ['socialeBasis'],
    ketens: ['Wmo/Zorg'],
    auteur: Rol.Teamleider,
  },
  {
    kwartalenTerug: 2,
    titel: 'Een scootmobiel die er niet kwam',
    situatie:
      'Mevrouw V. (68) vroeg een scootmobiel aan om boodschappen te doen. Zij loopt slecht na een heupoperatie, maar herstelt volgens de fysiotherapeut goed.',
    vraag:
      'Een scootmobiel is snel geregeld en mevrouw is er blij mee, maar past een maatwerkvoorziening bij een tijdelijke beperking?',
    waarden: 'Zelfstandigheid van mevrouw nu; haar herstel en beweging op langere termijn.',
    betrokkenen: 'Wmo-consulent, fysiotherapeut, de boodschappendienst van de buurtvereniging.',
    aanpak:
      'Samen met mevrouw is afgesproken dat zij drie maanden gebruikmaakt van de boodschappendienst en de gratis buurtbus, met oefeningen van de fysiotherapeut om de afstand naar de supermarkt weer te lopen.',
    effect:
      'Na tien weken loopt mevrouw met een rollator zelf naar de supermarkt. De aanvraag voor de scootmobiel is ingetrokken.',
    les: 'Bij tijdelijke beperkingen is een algemene voorziening vaak beter dan een snelle indicatie.',
    kwestie:
      'Er is geen KPI voor voorkomen maatwerk: deze uitkomst is in de cijfers onzichtbaar, terwijl dit precies het doel "minder doorverwijzingen" is.',
    perceel: 'Perceel Centrum',
    wijk: 'Centrum',
    kpis: [],
    doelen: ['minderMaatwerk'],
    ketens: ['Wmo/Zorg'],
    auteur: Rol.Directeur,
  },
  {
    kwartalenTerug: 1,
    titel: 'De energierekening als ingang',
    situatie:
      'Bij de actie "energiecoaches aan de deur" in Oosterhout trof een coach een gezin met vier kinderen dat de verwarming uit liet staan. De termijnbedragen waren na de verhuizing verdubbeld; er lagen ongeopende brieven van het energiebedrijf en de zorgverzekeraar.',
    vraag: 'Blijft het bij energieadvies, of is dit het moment om door te vragen?',
    waarden: 'Respect voor de privacy van het gezin; het recht van de kinderen op een warm huis.',
    betrokkenen:
      'Energiecoach (vrijwilliger), wijkcoach, budgetmaatje van de schuldhulpmaatje-vereniging, energieleverancier.',
    aanpak:
      'De energiecoach vroeg toestemming om de wijkcoach mee te nemen. Samen openden ze de post, vroegen een lager termijnbedrag aan en meldden het gezin aan bij vroegsignalering. Een budgetmaatje helpt nu maandelijks met de administratie.',
    effect:
      'Het termijnbedrag is aangepast, de achterstand bij de zorgverzekeraar staat in een regeling en het huis wordt weer verwarmd.',
    les: 'Praktische hulp aan de deur opent gesprekken die op een spreekuur nooit ontstaan.',
    kwestie:
      'De energiecoach-actie is een aanvullende opdracht met een eigen einddatum; de doorverwijzingen naar het wijkteam vallen daarna weg.',
    perceel: 'Perceel Noord',
    wijk: 'Oosterhout',
    kpis: ['NRD-05'],
    doelen: ['integraal'],
    ketens: ['Armoede & Schulden'],
    auteur: Rol.Kwaliteitsmedewerker,
  },
  {
    kwartalenTerug: 1,
    titel: 'Uit beeld op de dag dat hij achttien werd',
    situatie:
      'J. (18) woonde tot zijn achttiende in een pleeggezin en had jeugdhulp. Op zijn verjaardag stopte de jeugdhulp; een Wmo-indicatie was niet op tijd aangevraagd. Hij verhuisde naar een kamer in het Centrum en stopte met zijn opleiding.',
    vraag: 'Wie voelt zich verantwoordelijk voor een jongere tussen jeugdwet en Wmo in?',
    waarden: 'Zelfstandigheid van een jongvolwassene; continuïteit van hulp.',
    betrokkenen:
      'Oud-jeugdhulpverlener, pleegouders, wijkcoach, jongerenwerker, klantmanager werk en inkomen, mbo-school.',
    aanpak:
      'De jongerenwerker kende J. van het buurthuis en bracht hem in contact met de wijkcoach. Er kwam een perspectiefplan met één aanspreekpunt, een uitkering als overbrugging en een herstart van de opleiding met een stage.',
    effect: 'J. volgt weer onderwijs en heeft een vaste begeleider tot zijn 23e.',
    les: 'Plannen voor 18+ moeten een half jaar vóór de verjaardag beginnen, niet erna.',
    kwestie:
      'De overgang 18-/18+ is in geen van de ketens belegd: jeugd stopt, Wmo en participatie zijn nog niet gestart.',
    perceel: 'Perceel Centrum',
    wijk: 'Centrum',
    kpis: ['NRD-07'],
    doelen: ['integraal'],
    ketens: ['Jeugd', 'Participatie & Werk'],
    auteur: Rol.Teamleider,
  },
  {
    kwartalenTerug: 1,
    titel: 'Burenruzie die een buurtgesprek werd',
    situatie:
      'In een portiekflat in het Havenkwartier liep een conflict over geluidsoverlast hoog op; de politie kwam drie keer in een maand. Een van de bewoners heeft psychische problemen en was al eerder bij de GGZ bekend.',
    vraag: 'Is dit een zaak voor handhaving, voor zorg of voor de buurt zelf?',
    waarden: 'Veiligheid en woongenot van de buren; de kwetsbaarheid van één bewoner.',
    betrokkenen:
      'Wijkagent, woningcorporatie, buurtbemiddeling, GGZ-wijkverpleegkundige, wijkcoach.',
    aanpak:
      'Eerst ging de GGZ-wijkverpleegkundige langs bij de bewoner met psychische problemen; daarna organiseerde buurtbemiddeling een gesprek met alle portiekbewoners. Er kwamen afspraken over tijden en een vast contactpersoon bij de corporatie.',
    effect: 'Sinds het gesprek geen politie-inzet meer; twee buren drinken nu wekelijks koffie.',
    les: 'Zorg eerst, bemiddeling daarna: in omgekeerde volgorde was het gesprek mislukt.',
    kwestie: null,
    perceel: 'Perceel Centrum',
    wijk: 'Havenkwartier',
    kpis: ['NRD-01'],
    doelen: ['socialeBasis'],
    ketens: ['Veiligheid', 'Wmo/Zorg'],
    auteur: Rol.Kwaliteitsmedewerker,
  },
  {
    kwartalenTerug: 1,
    titel: 'Snel opgepakt, en toch te laat',
    situatie:
      'Een gezin meldde zich met een zorgvraag voor een kind met autisme. Binnen drie werkdagen was er een eerste gesprek, maar de specialistische begeleiding die nodig bleek had een wachttijd van vier maanden.',
    vraag: 'Wat betekent "snel geholpen" als het eerste gesprek snel is, maar de hulp niet?',
    waarden: 'Eerlijkheid naar het gezin over de wachttijd; de ontwikkeling van het kind.',
    betrokkenen: 'Wijkcoach, jeugdarts, aanbieder van specialistische begeleiding, school.',
    aanpak:
      'De wijkcoach bood overbruggingshulp met een gedragsdeskundige van het wijkteam en regelde een aanpassing van het lesrooster met de school.',
    effect:
      'Het kind bleef naar school gaan; de ouders voelden zich gesteund, maar de specialistische hulp begon pas na vier maanden.',
    les: 'De KPI "binnen 5 werkdagen opgepakt" staat op groen terwijl het gezin lang wacht.',
    kwestie:
      'Meet de doorlooptijd tot de start van passende hulp, niet alleen tot het eerste gesprek.',
    perceel: 'Perceel Noord',
    wijk: 'Noorderpark',
    kpis: ['NRD-02', 'NRD-03'],
    doelen: ['dichtbij'],
    ketens: ['Jeugd'],
    auteur: Rol.Directeur,
  },
  {
    kwartalenTerug: 0,
    titel: 'Via de taalcafé-tafel naar een leerwerkplek',
    situatie:
      'Meneer A. (34), statushouder sinds twee jaar, kwam naar het taalcafé in Noorderpark. Hij was in zijn land van herkomst automonteur, maar zijn diploma wordt hier niet erkend.',
    vraag: 'Hoe wordt vakmanschap zichtbaar als het papier ontbreekt?',
    waarden: 'Gelijke kansen; het zelfvertrouwen van meneer.',
    betrokkenen:
      'Vrijwilligers van het taalcafé, consulent participatie, een garagebedrijf in de wijk, het leerwerkloket.',
    aanpak:
      'Een vrijwilliger van het taalcafé kende de eigenaar van een garage. Na een proefdag kreeg meneer een leerwerkplek met taalbegeleiding op de werkvloer.',
    effect: 'Meneer werkt drie dagen per week en volgt een praktijkverklaring-traject.',
    les: 'Het netwerk van vrijwilligers is een route naar werk die in geen enkel systeem staat.',
    kwestie: null,
    perceel: 'Perceel Noord',
    wijk: 'Noorderpark',
    kpis: ['NRD-04'],
    doelen: ['ambitie', 'socialeBasis'],
    ketens: ['Participatie & Werk'],
    auteur: Rol.Teamleider,
  },
  {
    kwartalenTerug: 0,
    titel: 'Een vergeten huurachterstand bij beginnende dementie',
    situatie:
      'Mevrouw S. (79) had een huurachterstand van vier maanden. De corporatie meldde haar via vroegsignalering. Bij het huisbezoek bleek dat zij rekeningen vergat te betalen; haar huisarts had nog geen diagnose gesteld.',
    vraag: 'Is dit een schuldenvraag of een zorgvraag, en wie mag haar administratie overnemen?',
    waarden: 'Zelfbeschikking van mevrouw; bescherming tegen verdere schulden.',
    betrokkenen:
      'Corporatie, wijkcoach, huisarts, casemanager dementie, de neef van mevrouw, bewindvoerder.',
    aanpak:
      'De wijkcoach regelde met de corporatie een pauze in de incasso en begeleidde mevrouw naar de huisarts. Met haar instemming is haar neef gemachtigd voor de vaste lasten; beschermingsbewind is aangevraagd.',
    effect: 'De achterstand is ingelopen, de diagnose is gesteld en een casemanager is betrokken.',
    les: 'Vroegsignalering van schulden is ook vroegsignalering van zorg.',
    kwestie: 'Vroegsignalering en dementiezorg zitten in twee ketens zonder gedeeld overleg.',
    perceel: 'Perceel Centrum',
    wijk: 'Centrum',
    kpis: ['NRD-05'],
    doelen: ['integraal'],
    ketens: ['Armoede & Schulden', 'Wmo/Zorg'],
    auteur: Rol.Kwaliteitsmedewerker,
  },
  {
    kwartalenTerug: 0,
    titel: 'Het spreekuur verhuisde naar de bibliotheek',
    situatie:
      'Het inloopspreekuur in het wijkcentrum van Oosterhout trok steeds minder bezoekers. Uit gesprekken met bewoners bleek dat veel ouderen en jonge ouders wel wekelijks in de bibliotheek komen.',
    vraag: 'Blijven we op onze eigen plek, of gaan we naar waar de mensen al zijn?',
    waarden: 'Laagdrempeligheid; herkenbaarheid van het wijkteam.',
    betrokkenen: 'Bibliotheek, wijkcoaches, welzijnswerk, het Digitaal Hulpplein.',
    aanpak:
      'Het spreekuur is verplaatst naar de bibliotheek, op de ochtend van het Digitaal Hulpplein en de voorleesochtend.',
    effect:
      'Het aantal bezoekers is verdrievoudigd; ruim de helft had nooit eerder contact met het wijkteam.',
    les: 'Nabijheid is niet alleen een adres in de wijk, maar aansluiten bij bestaande routines.',
    kwestie: null,
    perceel: 'Perceel Noord',
    wijk: 'Oosterhout',
    kpis: ['NRD-09', 'NRD-02'],
    doelen: ['dichtbij'],
    ketens: ['Wmo/Zorg'],
    auteur: Rol.Directeur,
  },
];

export interface DemoSignaal {
  kwartalenTerug: number;
  titel: string;
  waarneming: string;
  soort: SignaalSoort;
  status: SignaalStatus;
  perceel: PerceelNaam | null;
  wijk: WijkNaam | null;
  ketens: KetenNaam[];
  /** Days from today; negative is past. */
  antwoordTermijnOver: number;
  antwoord: string | null;
  terugkoppeling: string | null;
  leerorde: Leerorde | null;
  /** Days ago it was raised, answered and closed. */
  ingebrachtDagenGeleden: number;
  beantwoordDagenGeleden: number | null;
  geslotenDagenGeleden: number | null;
  door: AuteurRol;
}

export const DEMO_SIGNALEN: DemoSignaal[] = [
  {
    kwartalenTerug: 0,
    titel: 'Wachttijd schuldhulpverlening loopt op tot elf weken',
    waarneming:
      'Wijkcoaches zien dat gezinnen die wij aanmelden voor schuldhulp elf weken wachten op een intake. In die tijd lopen incasso’s door en haken gezinnen af. Dit kwartaal zijn zeven aanmeldingen vervallen omdat het gezin niet meer reageerde.',
    soort: 'aanbod',
    status: 'nieuw',
    perceel: null,
    wijk: null,
    ketens: ['Armoede & Schulden'],
    antwoordTermijnOver: 30,
    antwoord: null,
    terugkoppeling: null,
    leerorde: null,
    ingebrachtDagenGeleden: 12,
    beantwoordDagenGeleden: null,
    geslotenDagenGeleden: null,
    door: Rol.Teamleider,
  },
  {
    kwartalenTerug: 1,
    titel: 'Geen passend vervoer naar dagbesteding voor jongeren',
    waarneming:
      'Jongeren met een beperking die van jeugdhulp naar Wmo-dagbesteding gaan, verliezen hun taxivervoer: het Wmo-vervoer rijdt niet op de tijden van de dagbesteding. Drie jongeren in Noorderpark zitten daardoor thuis.',
    soort: 'regels',
    status: 'in-analyse',
    perceel: 'Perceel Noord',
    wijk: 'Noorderpark',
    ketens: ['Jeugd', 'Wmo/Zorg'],
    antwoordTermijnOver: -10,
    antwoord: null,
    terugkoppeling: null,
    leerorde: null,
    ingebrachtDagenGeleden: 60,
    beantwoordDagenGeleden: null,
    geslotenDagenGeleden: null,
    door: Rol.Kwaliteitsmedewerker,
  },
  {
    kwartalenTerug: 1,
    titel: 'Corporatie vraagt wijkteam rechtstreeks om overlastzaken op te pakken',
    waarneming:
      'De woningcorporatie belt wijkcoaches rechtstreeks met verzoeken om overlastdossiers "even op te pakken", buiten de afspraken met de gemeente om. Dit kwartaal ging het om negen verzoeken, samen ruim veertig uur. Dit werk staat niet in de opdracht en gaat ten koste van de spreekuren.',
    soort: 'zijsturing',
    status: 'geagendeerd',
    perceel: 'Perceel Centrum',
    wijk: 'Havenkwartier',
    ketens: ['Veiligheid'],
    antwoordTermijnOver: 14,
    antwoord: null,
    terugkoppeling: null,
    leerorde: null,
    ingebrachtDagenGeleden: 45,
    beantwoordDagenGeleden: null,
    geslotenDagenGeleden: null,
    door: Rol.Directeur,
  },
  {
    kwartalenTerug: 2,
    titel: 'Energietoeslag bereikt werkende huishoudens met een laag inkomen niet',
    waarneming:
      'Huishoudens met een klein inkomen uit werk vallen net boven de inkomensgrens van de energietoeslag, terwijl hun vaste lasten hoger zijn dan die van huishoudens met een uitkering. Wijkcoaches zien in deze groep de meeste nieuwe betalingsachterstanden.',
    soort: 'regels',
    status: 'beantwoord',
    perceel: null,
    wijk: null,
    ketens: ['Armoede & Schulden'],
    antwoordTermijnOver: -70,
    antwoord:
      'De gemeente verhoogt de inkomensgrens van de energietoeslag van 120 naar 130 procent van het sociaal minimum en maakt de aanvraag eenvoudiger: een loonstrook volstaat. Daarnaast krijgen wijkteams een vast contactpersoon bij Werk en Inkomen voor twijfelgevallen.',
    terugkoppeling:
      'De beleidsadviseur heeft het antwoord toegelicht in het teamoverleg van Wijkteams Noord; de wijkcoaches hebben een korte instructie voor de nieuwe aanvraag ontvangen en de contactpersoon is aan het team voorgesteld.',
    leerorde: null,
    ingebrachtDagenGeleden: 150,
    beantwoordDagenGeleden: 95,
    geslotenDagenGeleden: null,
    door: Rol.Teamleider,
  },
  {
    kwartalenTerug: 2,
    titel: 'Gezinnen krijgen twee intakes: één voor Wmo en één voor jeugd',
    waarneming:
      'Een gezin met zowel een zorgvraag van een ouder als van een kind krijgt twee intakes, door twee consulenten, met twee formulieren en twee beschikkingen. Ouders haken af of vertellen in het tweede gesprek de helft.',
    soort: 'samenwerking',
    status: 'gesloten',
    perceel: 'Perceel Centrum',
    wijk: 'Centrum',
    ketens: ['Jeugd', 'Wmo/Zorg'],
    antwoordTermijnOver: -90,
    antwoord:
      'Vanaf dit kwartaal is er één gezamenlijke intake voor gezinnen met vragen op beide terreinen, met één gespreksverslag dat voor de Wmo- en de jeugdbeschikking geldt. De werkinstructie en het registratieformulier zijn daarop aangepast.',
    terugkoppeling:
      'In de ketenoverleggen Jeugd en Wmo/Zorg besproken met de teamleiders; de nieuwe werkinstructie is verspreid en de professionals die het signaal inbrachten zijn gevraagd na drie maanden te melden of het werkt.',
    leerorde: 2,
    ingebrachtDagenGeleden: 170,
    beantwoordDagenGeleden: 120,
    geslotenDagenGeleden: 40,
    door: Rol.Kwaliteitsmedewerker,
  },
];

/**
 * Case stories and signals for Gemeente Voorbeeldstad's first aanbieder (Wijkteams Noord)
 * in the last three quarters, linked to the KPIs of the KPI seed when those exist, and
 * signals in each state of their loop — one past its answer term, one answered with the
 * feedback to the professionals, one closed with learning order 2.
 */
@Injectable()
export class VerhalenDemoSeed implements OnModuleInit {
  constructor(private readonly registry: DemoSeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      order: 205,
      name: 'casussen en signalen',
      run: (ctx) => this.run(ctx),
    });
  }

  async run(ctx: DemoSeedContext): Promise<void> {
    const { manager, gemeente } = ctx;
    const aanbieder = ctx.aanbieders.noord;
    const system: SystemActor = { system: 'demo-data', gemeenteId: gemeente.id };
    const dag = vandaag();
    const huidig = kwartaalVan(dag);

    const gebruiker = (rol: AuteurRol) =>
      ctx.gebruikers.find((g) => g.rol === rol && g.organisatie === aanbieder.naam);
    const naarMap = <T extends { id: string }>(rows: T[], naam: (r: T) => string) =>
      new Map(rows.map((r) => [naam(r), r.id]));
    const percelen = naarMap(
      await manager.getRepository(Perceel).findBy({ gemeenteId: gemeente.id }),
      (p) => p.naam,
    );
    const wijken = naarMap(
      await manager.getRepository(Wijk).findBy({ gemeenteId: gemeente.id }),
      (w) => w.naam,
    );
    const ketens = naarMap(
      await manager.getRepository(Keten).findBy({ gemeenteId: gemeente.id }),
      (k) => k.naam,
    );
    const hoofdopdrachten = await manager
      .getRepository(Hoofdopdracht)
      .findBy({ gemeenteId: gemeente.id, aanbiederId: aanbieder.id });
    const doelen = hoofdopdrachten.length
      ? naarMap(
          await manager
            .getRepository(Doel)
            .findBy({ hoofdopdrachtId: In(hoofdopdrachten.map((h) => h.id)) }),
          (d) => d.titel,
        )
      : new Map<string, string>();
    const codes = [...new Set(DEMO_VERHALEN.flatMap((v) => v.kpis))];
    const kpis = naarMap(
      await manager.getRepository(Kpi).findBy({ gemeenteId: gemeente.id, code: In(codes) }),
      (k) => k.code,
    );
    const bestaand = (namen: readonly string[], map: Map<string, string>) =>
      namen.map((n) => map.get(n)).filter((id): id is string => Boolean(id));
    /** A moment `dagen` ago, but inside the quarter: the record belongs to it. */
    const moment = (kwartaal: string, dagenGeleden: number) => {
      const { begindatum, einddatum } = periodeDatums(kwartaal);
      let datum = plusDagen(dag, -dagenGeleden);
      if (datum < begindatum) datum = plusDagen(begindatum, 10);
      if (datum > einddatum) datum = einddatum;
      if (datum > dag) datum = dag;
      return new Date(`${datum}T10:00:00Z`);
    };

    for (const [i, v] of DEMO_VERHALEN.entries()) {
      const auteur = gebruiker(v.auteur);
      if (!auteur) continue;
      const periode = verschuifKwartaal(huidig, -v.kwartalenTerug);
      const aangemaakt = moment(periode, v.kwartalenTerug * 91 + 20 - i);
      const casus = await manager.getRepository(Casus).save({
        gemeenteId: gemeente.id,
        aanbiederId: aanbieder.id,
        periode,
        titel: v.titel,
        situatie: v.situatie,
        vraag: v.vraag,
        waarden: v.waarden,
        betrokkenen: v.betrokkenen,
        aanpak: v.aanpak,
        effect: v.effect,
        les: v.les,
        kwestie: v.kwestie,
        perceelId: percelen.get(v.perceel) ?? null,
        wijkId: wijken.get(v.wijk) ?? null,
        kpiIds: bestaand(v.kpis, kpis),
        doelIds: bestaand(
          v.doelen.map((d) => DOELEN[d]),
          doelen,
        ),
        ketenIds: bestaand(v.ketens, ketens),
        auteurId: auteur.id,
        createdAt: aangemaakt,
        updatedAt: aangemaakt,
      });
      await ctx.audit.record(manager, system, {
        action: 'aangemaakt',
        entityType: 'casus',
        entityId: casus.id,
        after: casusAudit(casus),
      });
    }

    for (const s of DEMO_SIGNALEN) {
      const door = gebruiker(s.door);
      if (!door) continue;
      const periode = verschuifKwartaal(huidig, -s.kwartalenTerug);
      const ingebracht = moment(periode, s.ingebrachtDagenGeleden);
      const signaal = await manager.getRepository(Signaal).save({
        gemeenteId: gemeente.id,
        organisatieId: aanbieder.id,
        titel: s.titel,
        waarneming: s.waarneming,
        soort: s.soort,
        status: s.status,
        perceelId: s.perceel ? (percelen.get(s.perceel) ?? null) : null,
        wijkId: s.wijk ? (wijken.get(s.wijk) ?? null) : null,
        ketenIds: bestaand(s.ketens, ketens),
        periode,
        antwoordTermijn: plusDagen(dag, s.antwoordTermijnOver),
        antwoord: s.antwoord,
        terugkoppeling: s.terugkoppeling,
        leerorde: s.leerorde,
        ingebrachtDoorId: door.id,
        beantwoordOp:
          s.beantwoordDagenGeleden === null
            ? null
            : new Date(`${plusDagen(dag, -s.beantwoordDagenGeleden)}T14:00:00Z`),
        geslotenOp:
          s.geslotenDagenGeleden === null
            ? null
            : new Date(`${plusDagen(dag, -s.geslotenDagenGeleden)}T14:00:00Z`),
        createdAt: ingebracht,
        updatedAt: ingebracht,
      });
      await ctx.audit.record(manager, system, {
        action: 'aangemaakt',
        entityType: 'signaal',
        entityId: signaal.id,
        after: signaalAudit(signaal),
      });
    }
  }
}
