import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Hoofdopdracht } from '@wijkkompas/opdrachten';
import { Kpi, KpiVersie, KpiWaarde, Kwartaalverantwoording } from '@wijkkompas/verantwoording';
import { stelReviewSamen } from '../diagnose/review.lezer';
import { ReviewResponse } from '../diagnose/review.dto';
import { theorieNaarMermaid } from '../export/mermaid';
import { theorieNaarSvg } from '../export/svg';
import { nummerVeronderstellingen } from '../graaf';
import {
  BEWIJSSTATUS_LABELS,
  Bewijsstatus,
  ELEMENT_SOORT_LABELS,
  ElementSoort,
  KENNISBRON_LABELS,
  Kennisbron,
  STRATEGIE_LABELS,
  Strategie,
} from '../model';
import { controleerStrategie, STRATEGIE_METING, StrategieKpi } from '../strategie';
import { naarTheorie, TheorieInhoud } from '../verandertheorie/inhoud';
import { Verandertheorie } from '../verandertheorie/verandertheorie.entity';
import { versieVanPeriode } from '../verandertheorie/verandertheorie.opslag';
import { laadVerhaalCasussen } from '../verhaal/verhaal.service';

/** An outcome no KPI figure and no case story of the quarter shows. */
export interface DossierOutcomeZonderBewijs {
  elementId: string;
  soort: ElementSoort;
  soortLabel: string;
  titel: string;
  melding: string;
}

export interface DossierVerandertheorie {
  theorieId: string;
  titel: string;
  hoofdopdrachtId: string | null;
  /** The version in force in the dossier's quarter. */
  versie: number;
  geldigVanaf: string;
  strategie: Strategie;
  strategieLabel: string;
  /** What accountability under the strategy measures, in one sentence. */
  strategieMeet: string;
  ambitie: { tekst: string; doelIds: string[] };
  elementen: {
    id: string;
    soort: ElementSoort;
    soortLabel: string;
    titel: string;
    omschrijving: string | null;
    kpiIds: string[];
  }[];
  verbanden: { id: string; vanId: string; naarId: string }[];
  veronderstellingen: {
    id: string;
    nummer: number;
    verbandId: string;
    tekst: string;
    kennisbron: Kennisbron;
    kennisbronLabel: string;
    bewijsstatus: Bewijsstatus;
    bewijsstatusLabel: string;
    randvoorwaarden: string[];
    externeFactoren: string[];
  }[];
  /** The diagram of this version: an SVG to embed inline (no XML declaration) and Mermaid text. */
  diagram: { svg: string; mermaid: string };
  outcomesZonderBewijs: DossierOutcomeZonderBewijs[];
  /** The assumption review of the quarter over this aanbieder's adopted accounts. */
  review: ReviewResponse;
}

export interface VerandertheorieDossierSectie {
  periode: string;
  /** The theories of the aanbieder's hoofdopdracht(en) in force in the quarter, by title. */
  theorieen: DossierVerandertheorie[];
}

/**
 * What the dossier of an aanbieder and quarter shows of its theories of change (issue
 * "Verandertheorieën", the dossier section): the version in force then, the outcomes without
 * any evidence that quarter, and the assumption review. Plain JSON (strings, numbers,
 * booleans, null, arrays, objects), so a dossier section can freeze and render it as it is.
 */
@Injectable()
export class VerandertheorieDossierService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Not actor-scoped: the dossier job builds it for the aanbieder named. Pass the caller's
   * EntityManager when called inside a transaction.
   */
  async dossierSectieGegevens(
    gemeenteId: string,
    aanbiederId: string,
    periode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VerandertheorieDossierSectie> {
    const hoofdopdrachten = await manager
      .getRepository(Hoofdopdracht)
      .findBy({ gemeenteId, aanbiederId });
    const theorieen = hoofdopdrachten.length
      ? await manager.getRepository(Verandertheorie).find({
          where: { gemeenteId, hoofdopdrachtId: In(hoofdopdrachten.map((h) => h.id)) },
          order: { titel: 'ASC', id: 'ASC' },
        })
      : [];
    const metCijfer = await this.kpisMetCijfer(manager, gemeenteId, aanbiederId, periode);
    const uit: DossierVerandertheorie[] = [];
    for (const theorie of theorieen) {
      const versie = await versieVanPeriode(manager, theorie.id, periode);
      if (!versie) continue;
      const inhoud = versie.inhoud;
      const { verhalen } = await laadVerhaalCasussen(manager, theorie, inhoud, {
        periode,
        aanbiederId,
      });
      const kpis: StrategieKpi[] = metCijfer
        .filter((k) => inhoud.kpiBewijzen.some((b) => b.kpiId === k.id))
        .map((k) => ({
          ...k,
          elementIds: inhoud.kpiBewijzen.filter((b) => b.kpiId === k.id).map((b) => b.elementId),
        }));
      const zonderBewijs = controleerStrategie({
        strategie: inhoud.strategie,
        titel: inhoud.titel,
        elementen: inhoud.elementen,
        kpis,
        verhalen,
      }).filter((b) => b.code === 'outcome-zonder-bewijs');
      uit.push({
        ...this.beschrijf(theorie, inhoud),
        versie: versie.versie,
        geldigVanaf: versie.geldigVanaf,
        outcomesZonderBewijs: zonderBewijs.map((b) => {
          const element = inhoud.elementen.find((e) => e.id === b.elementIds[0])!;
          return {
            elementId: element.id,
            soort: element.soort,
            soortLabel: ELEMENT_SOORT_LABELS[element.soort],
            titel: element.titel,
            melding: b.melding,
          };
        }),
        review: await stelReviewSamen(manager, theorie, versie, periode, aanbiederId),
      });
    }
    return { periode, theorieen: uit };
  }

  private beschrijf(
    theorie: Verandertheorie,
    inhoud: TheorieInhoud,
  ): Omit<DossierVerandertheorie, 'versie' | 'geldigVanaf' | 'outcomesZonderBewijs' | 'review'> {
    const model = naarTheorie(theorie.id, inhoud);
    const nummers = nummerVeronderstellingen(model);
    return {
      theorieId: theorie.id,
      titel: inhoud.titel,
      hoofdopdrachtId: theorie.hoofdopdrachtId,
      strategie: inhoud.strategie,
      strategieLabel: STRATEGIE_LABELS[inhoud.strategie],
      strategieMeet: STRATEGIE_METING[inhoud.strategie].meet,
      ambitie: { tekst: inhoud.ambitie.tekst, doelIds: [...inhoud.ambitie.doelIds] },
      elementen: inhoud.elementen.map((e) => ({
        id: e.id,
        soort: e.soort,
        soortLabel: ELEMENT_SOORT_LABELS[e.soort],
        titel: e.titel,
        omschrijving: e.omschrijving,
        kpiIds: inhoud.kpiBewijzen.filter((b) => b.elementId === e.id).map((b) => b.kpiId),
      })),
      verbanden: inhoud.verbanden.map((v) => ({ id: v.id, vanId: v.vanId, naarId: v.naarId })),
      veronderstellingen: inhoud.veronderstellingen.map((v) => ({
        id: v.id,
        nummer: nummers.get(v.id) ?? 0,
        verbandId: v.verbandId,
        tekst: v.tekst,
        kennisbron: v.kennisbron,
        kennisbronLabel: KENNISBRON_LABELS[v.kennisbron],
        bewijsstatus: v.bewijsstatus,
        bewijsstatusLabel: BEWIJSSTATUS_LABELS[v.bewijsstatus],
        randvoorwaarden: [...v.randvoorwaarden],
        externeFactoren: [...v.externeFactoren],
      })),
      diagram: {
        svg: theorieNaarSvg(model, { xmlDeclaratie: false }),
        mermaid: theorieNaarMermaid(model),
      },
    };
  }

  /**
   * The KPIs with a figure in the aanbieder's account of the quarter: the newest revision of
   * each reporting period, whatever its status (a figure reported is a figure, adopted or not).
   */
  private async kpisMetCijfer(
    manager: EntityManager,
    gemeenteId: string,
    aanbiederId: string,
    periode: string,
  ): Promise<Omit<StrategieKpi, 'elementIds'>[]> {
    const rijen = await manager
      .getRepository(Kwartaalverantwoording)
      .findBy({ gemeenteId, aanbiederId, periode });
    const nieuwste = new Map<string, Kwartaalverantwoording>();
    for (const r of rijen) {
      const eerder = nieuwste.get(r.rapportageperiodeId);
      if (!eerder || r.revisie > eerder.revisie) nieuwste.set(r.rapportageperiodeId, r);
    }
    if (!nieuwste.size) return [];
    const waarden = await manager.getRepository(KpiWaarde).find({
      select: { kpiId: true, kpiVersieId: true },
      where: { kwartaalverantwoordingId: In([...nieuwste.values()].map((r) => r.id)) },
    });
    if (!waarden.length) return [];
    const kpis = await manager
      .getRepository(Kpi)
      .findBy({ id: In([...new Set(waarden.map((w) => w.kpiId))]) });
    const versies = await manager
      .getRepository(KpiVersie)
      .findBy({ id: In([...new Set(waarden.map((w) => w.kpiVersieId))]) });
    return kpis.map((k) => {
      const versie = versies.find((v) => v.kpiId === k.id)!;
      return { id: k.id, code: k.code, naam: versie.naam, type: versie.type };
    });
  }
}
