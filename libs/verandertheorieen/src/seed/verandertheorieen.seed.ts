import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DemoSeedContext, DemoSeedRegistry, Rol, SystemActor } from '@wijkkompas/core';
import { Doel, Hoofdopdracht, vandaag } from '@wijkkompas/opdrachten';
import {
  Casus,
  Kpi,
  Kwartaalverantwoording,
  kwartaalVan,
  verschuifKwartaal,
} from '@wijkkompas/verantwoording';
import { stelReviewSamen } from '../diagnose/review.lezer';
import { VeronderstellingDiagnose } from '../diagnose/veronderstelling-diagnose.entity';
import { KpiBewijs } from '../model';
import { Diagnose } from '../review';
import { VOORBEELD_AMBITIE, voorbeeldTheorie, VT } from '../testing/fixture';
import { TheorieInhoud } from '../verandertheorie/inhoud';
import { Verandertheorie, VerandertheorieVersie } from '../verandertheorie/verandertheorie.entity';
import { CasusElement } from '../verhaal/casus-element.entity';

type ElementSleutel = 'inloop' | 'eenPlan' | 'buurt' | 'eerderHulp' | 'zelfVerder';

/** Which seeded KPI of Wijkteams Noord evidences which element of its theory of change. */
const KPI_BEWIJZEN: readonly [string, ElementSleutel][] = [
  ['NRD-09', 'inloop'],
  ['NRD-05', 'eenPlan'],
  ['NRD-01', 'buurt'],
  ['NRD-06', 'buurt'],
  ['NRD-02', 'eerderHulp'],
  ['NRD-07', 'zelfVerder'],
  ['NRD-12', 'zelfVerder'],
  ['NRD-04', 'zelfVerder'],
];

/** Goals (of the opdrachten seed) whose case stories show an outcome no KPI measures. */
const VERHAAL_DOELEN: readonly [string, 'socialeBasis' | 'minderMaatwerk'][] = [
  ['Een sterke sociale basis in elke wijk', 'socialeBasis'],
  ['Minder doorverwijzingen naar maatwerkvoorzieningen', 'minderMaatwerk'],
];

/**
 * What the verantwoordingsgesprek concluded, in order of preference: the seed records the
 * first two that are on the path of a KPI off track in the latest adopted quarter.
 */
const DIAGNOSES: readonly [keyof typeof VT, Diagnose, string][] = [
  [
    'vroegErbij',
    'externe-factor',
    'Door de gestegen vaste lasten kwamen dit kwartaal meer huishoudens met schulden binnen. Hun trajecten duurden langer en werden vaker doorgezet naar schuldhulpverlening, ook als de vraag vroeg binnenkwam.',
  ],
  [
    'eenRegisseur',
    'randvoorwaarden',
    'De werkafspraken over één plan met de specialistische jeugdhulp zijn nog niet rond: in een deel van de gezinnen werkten twee regisseurs naast elkaar. Actie: afspraken vastleggen in het ketenoverleg Jeugd.',
  ],
  [
    'drempel',
    'uitvoering',
    'Het spreekuur in de Molenwijk lag zes weken stil door ziekte in het team; inwoners vonden de vervangende locatie niet.',
  ],
  [
    'minderVoorzieningen',
    'nog-onbekend',
    'Nog uitzoeken of de stijging van de verwijzingen met de nieuwe toegangsregels voor jeugdhulp samenhangt.',
  ],
];

/**
 * The theory of change of Wijkteams Noord's hoofdopdracht (scenario 1), on the seeded goals
 * and KPIs: version 1 four quarters ago as an integrated chain, version 2 two quarters ago
 * after the herijking, now an ecosystem strategy with the sociale basis feeding early help.
 * Its KPI set has no KPI on a societal outcome, so the KPI-set check reports the strategy
 * mismatch the scenario is about. Case stories on the sociale basis are linked to it, and the
 * latest adopted quarter with a linked KPI off track gets its first diagnoses.
 */
@Injectable()
export class VerandertheorieenDemoSeed implements OnModuleInit {
  constructor(private readonly registry: DemoSeedRegistry) {}

  onModuleInit(): void {
    this.registry.register({ order: 400, name: 'verandertheorieen', run: (ctx) => this.run(ctx) });
  }

  async run(ctx: DemoSeedContext): Promise<void> {
    const { manager, gemeente, aanbieders } = ctx;
    const system: SystemActor = { system: 'demo-data', gemeenteId: gemeente.id };
    const hoofdopdracht = await manager
      .getRepository(Hoofdopdracht)
      .findOneBy({ gemeenteId: gemeente.id, aanbiederId: aanbieders.noord.id });
    if (!hoofdopdracht) return;
    const doelen = await manager.getRepository(Doel).findBy({ hoofdopdrachtId: hoofdopdracht.id });
    const ambitieDoel = doelen.find((d) => d.titel === VOORBEELD_AMBITIE);
    const kpis = await manager
      .getRepository(Kpi)
      .findBy({ gemeenteId: gemeente.id, hoofdopdrachtId: hoofdopdracht.id });
    const contractmanager = ctx.gebruikers.find((g) => g.rol === Rol.Contractmanager);
    const teamleider = ctx.gebruikers.find(
      (g) => g.rol === Rol.Teamleider && g.organisatie === aanbieders.noord.naam,
    );

    // Fresh ids for the fixture's readable ones.
    const ids = new Map<string, string>(Object.values(VT).map((id) => [id, randomUUID()]));
    const id = (sleutel: keyof typeof VT) => ids.get(VT[sleutel])!;
    const voorbeeld = voorbeeldTheorie();
    const kpiBewijzen: KpiBewijs[] = KPI_BEWIJZEN.flatMap(([code, element]) => {
      const kpi = kpis.find((k) => k.code === code);
      return kpi ? [{ kpiId: kpi.id, elementId: id(element) }] : [];
    });
    const volledig: TheorieInhoud = {
      titel: voorbeeld.titel,
      strategie: 'ecosysteem',
      ambitie: { tekst: VOORBEELD_AMBITIE, doelIds: ambitieDoel ? [ambitieDoel.id] : [] },
      elementen: voorbeeld.elementen.map((e) => ({ ...e, id: ids.get(e.id)! })),
      verbanden: voorbeeld.verbanden.map((v) => ({
        id: ids.get(v.id)!,
        vanId: ids.get(v.vanId)!,
        naarId: ids.get(v.naarId)!,
      })),
      veronderstellingen: voorbeeld.veronderstellingen.map((v) => ({
        ...v,
        id: ids.get(v.id)!,
        verbandId: ids.get(v.verbandId)!,
        randvoorwaarden: [...v.randvoorwaarden],
        externeFactoren: [...v.externeFactoren],
      })),
      kpiBewijzen,
    };
    const herijking = [VT.socialeBasisNaarEerderHulp, VT.buurmanWijstDeWeg].map((x) => ids.get(x)!);
    const eerst: TheorieInhoud = {
      ...volledig,
      strategie: 'geintegreerd',
      verbanden: volledig.verbanden.filter((v) => !herijking.includes(v.id)),
      veronderstellingen: volledig.veronderstellingen.filter(
        (v) => !herijking.includes(v.id) && !herijking.includes(v.verbandId),
      ),
    };

    const huidig = kwartaalVan(vandaag());
    const theorie = await manager.getRepository(Verandertheorie).save({
      gemeenteId: gemeente.id,
      titel: volledig.titel,
      hoofdopdrachtId: hoofdopdracht.id,
      aanvullendeOpdrachtId: null,
      thema: null,
      aanbiederId: hoofdopdracht.aanbiederId,
      huidigeVersie: 2,
    });
    await manager.getRepository(VerandertheorieVersie).insert([
      {
        theorieId: theorie.id,
        versie: 1,
        geldigVanaf: verschuifKwartaal(huidig, -4),
        inhoud: eerst,
        toelichting:
          'Verandertheorie opgesteld in de werksessie van gemeente en Wijkteams Noord: van inloop en één plan via eerder hulp naar minder maatwerk.',
        createdById: contractmanager?.id ?? null,
        createdByNaam: contractmanager?.naam ?? 'demo-data',
      },
      {
        theorieId: theorie.id,
        versie: 2,
        geldigVanaf: verschuifKwartaal(huidig, -2),
        inhoud: volledig,
        toelichting:
          'Herijking: strategie gewijzigd van geïntegreerd naar ecosysteem. Veel partners in de wijk dragen bij; de sociale basis leidt inwoners eerder naar het spreekuur (nieuw verband met veronderstelling).',
        createdById: teamleider?.id ?? contractmanager?.id ?? null,
        createdByNaam: teamleider?.naam ?? contractmanager?.naam ?? 'demo-data',
      },
    ]);
    await ctx.audit.record(manager, system, {
      action: 'aangemaakt',
      entityType: 'verandertheorie',
      entityId: theorie.id,
      after: { titel: volledig.titel, versies: 2, kpiBewijzen: kpiBewijzen.length },
    });

    await this.koppelVerhalen(manager, theorie, doelen, (sleutel) => id(sleutel));
    await this.diagnoses(ctx, theorie, system, (sleutel) => id(sleutel));
  }

  private async koppelVerhalen(
    manager: EntityManager,
    theorie: Verandertheorie,
    doelen: Doel[],
    id: (sleutel: 'socialeBasis' | 'minderMaatwerk') => string,
  ): Promise<void> {
    const doelElement = new Map(
      VERHAAL_DOELEN.flatMap(([titel, sleutel]) => {
        const doel = doelen.find((d) => d.titel === titel);
        return doel ? [[doel.id, id(sleutel)] as const] : [];
      }),
    );
    if (!doelElement.size) return;
    const casussen = await manager
      .getRepository(Casus)
      .createQueryBuilder('c')
      .where('c.gemeente_id = :g AND c.aanbieder_id = :a', {
        g: theorie.gemeenteId,
        a: theorie.aanbiederId,
      })
      .andWhere('c.doel_ids && :doelIds::uuid[]', { doelIds: [...doelElement.keys()] })
      .getMany();
    const rijen = casussen.flatMap((c) =>
      [...new Set(c.doelIds.filter((d) => doelElement.has(d)).map((d) => doelElement.get(d)!))].map(
        (elementId) => ({ theorieId: theorie.id, casusId: c.id, elementId, gekoppeldDoorId: null }),
      ),
    );
    if (rijen.length) await manager.getRepository(CasusElement).insert(rijen);
  }

  private async diagnoses(
    ctx: DemoSeedContext,
    theorie: Verandertheorie,
    system: SystemActor,
    id: (sleutel: keyof typeof VT) => string,
  ): Promise<void> {
    const { manager } = ctx;
    const laatste = await manager.getRepository(Kwartaalverantwoording).findOne({
      where: {
        gemeenteId: theorie.gemeenteId,
        aanbiederId: theorie.aanbiederId!,
        status: 'vastgesteld',
      },
      order: { periode: 'DESC' },
    });
    if (!laatste) return;
    const versie = await manager.getRepository(VerandertheorieVersie).find({
      where: { theorieId: theorie.id, versie: In([1, 2]) },
      order: { versie: 'DESC' },
    });
    const inForce = versie.find((v) => v.geldigVanaf <= laatste.periode);
    if (!inForce) return;
    const review = await stelReviewSamen(manager, theorie, inForce, laatste.periode);
    const opPad = new Set(
      review.kpis.flatMap((k) => k.veronderstellingen.map((v) => v.veronderstellingId)),
    );
    const contractmanager = ctx.gebruikers.find((g) => g.rol === Rol.Contractmanager);
    const gekozen = DIAGNOSES.filter(([sleutel]) => opPad.has(id(sleutel))).slice(0, 2);
    for (const [sleutel, diagnose, notitie] of gekozen) {
      const opgeslagen = await manager.getRepository(VeronderstellingDiagnose).save({
        theorieId: theorie.id,
        periode: laatste.periode,
        veronderstellingId: id(sleutel),
        kpiId: null,
        diagnose,
        notitie,
        gesteldDoorId: contractmanager?.id ?? null,
        gesteldDoorNaam: contractmanager?.naam ?? 'demo-data',
      });
      await ctx.audit.record(manager, system, {
        action: 'diagnose-vastgelegd',
        entityType: 'verandertheorie',
        entityId: theorie.id,
        after: {
          periode: laatste.periode,
          veronderstellingId: opgeslagen.veronderstellingId,
          diagnose,
        },
      });
    }
  }
}
