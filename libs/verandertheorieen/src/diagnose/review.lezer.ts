import { EntityManager, In } from 'typeorm';
import {
  Kpi,
  KpiNormRecord,
  KpiVersie,
  KpiWaarde,
  Kwartaalverantwoording,
  naarDecimaal,
  WeergaveKpi,
  WeergaveKpiVersie,
} from '@wijkkompas/verantwoording';
import { DIAGNOSE_LABELS, stelReviewOp, VastgelegdeDiagnose } from '../review';
import { naarTheorie } from '../verandertheorie/inhoud';
import { Verandertheorie, VerandertheorieVersie } from '../verandertheorie/verandertheorie.entity';
import { ReviewKpiResponse, ReviewResponse } from './review.dto';
import { kpisUitKoers, UitKoers, vastgesteldeRevisies } from './uit-koers';
import { VeronderstellingDiagnose } from './veronderstelling-diagnose.entity';

/**
 * The KPIs (of `kpiIds`) uit koers in the adopted accounts of a quarter, of one aanbieder
 * when given (a provider reviews its own accounts; the dossier is per aanbieder).
 */
export async function laadUitKoers(
  manager: EntityManager,
  opties: { gemeenteId: string; periode: string; kpiIds: readonly string[]; aanbiederId?: string },
): Promise<UitKoers[]> {
  if (!opties.kpiIds.length) return [];
  const rijen = await manager.getRepository(Kwartaalverantwoording).find({
    select: { id: true, rapportageperiodeId: true, aanbiederId: true, revisie: true, status: true },
    where: {
      gemeenteId: opties.gemeenteId,
      periode: opties.periode,
      ...(opties.aanbiederId ? { aanbiederId: opties.aanbiederId } : {}),
    },
  });
  const vastgesteld = vastgesteldeRevisies(rijen);
  if (!vastgesteld.length) return [];
  const waarden = await manager.getRepository(KpiWaarde).findBy({
    kwartaalverantwoordingId: In(vastgesteld.map((r) => r.id)),
    kpiId: In([...opties.kpiIds]),
  });
  if (!waarden.length) return [];
  const kpiIds = [...new Set(waarden.map((w) => w.kpiId))];
  // One after another: `manager` may be a transaction's, and one connection runs one query
  // at a time (pg 9 refuses a second query while one is running).
  const kpis = await manager.getRepository(Kpi).findBy({ id: In(kpiIds) });
  const normen = await manager.getRepository(KpiNormRecord).findBy({ kpiId: In(kpiIds) });
  const versies = await manager
    .getRepository(KpiVersie)
    .findBy({ id: In([...new Set(waarden.map((w) => w.kpiVersieId))]) });
  const weergaveKpis = new Map<string, WeergaveKpi>(
    kpis.map((k) => [
      k.id,
      {
        id: k.id,
        code: k.code,
        ketenIds: k.ketenIds,
        normen: normen
          .filter((n) => n.kpiId === k.id)
          .map((n) => ({
            periode: n.periode,
            streefwaarde: naarDecimaal(n.streefwaarde) ?? n.streefwaarde,
            tolerantieLetOp: naarDecimaal(n.tolerantieLetOp) ?? n.tolerantieLetOp,
            tolerantieUitKoers: naarDecimaal(n.tolerantieUitKoers) ?? n.tolerantieUitKoers,
          })),
      },
    ]),
  );
  const weergaveVersies = new Map<string, WeergaveKpiVersie>(
    versies.map((v) => [
      v.id,
      {
        id: v.id,
        kpiId: v.kpiId,
        versie: v.versie,
        naam: v.naam,
        type: v.type,
        eenheid: v.eenheid,
        richting: v.richting,
        aggregatie: v.aggregatie,
        frequentie: v.frequentie,
        perPerceel: v.perPerceel,
      },
    ]),
  );
  return kpisUitKoers({
    periode: opties.periode,
    kpis: weergaveKpis,
    versies: weergaveVersies,
    verantwoordingen: vastgesteld.map((rij) => ({
      rij,
      waarden: waarden.filter((w) => w.kwartaalverantwoordingId === rij.id),
    })),
  });
}

export async function laadDiagnoses(
  manager: EntityManager,
  theorieId: string,
  periode: string,
): Promise<VeronderstellingDiagnose[]> {
  return manager.getRepository(VeronderstellingDiagnose).find({
    where: { theorieId, periode },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

/**
 * The assumption review of a quarter for the version in force then: per linked KPI uit koers
 * in an adopted account, exactly the assumptions on the paths from the elements it evidences
 * to the ambitie, each with the diagnosis recorded for the quarter (nog-onbekend if none).
 * Plain JSON: the API returns it and a dossier section can render it as it is.
 */
export async function stelReviewSamen(
  manager: EntityManager,
  theorie: Verandertheorie,
  versie: VerandertheorieVersie,
  periode: string,
  aanbiederId?: string,
): Promise<ReviewResponse> {
  const inhoud = versie.inhoud;
  const uitKoers = await laadUitKoers(manager, {
    gemeenteId: theorie.gemeenteId,
    periode,
    kpiIds: [...new Set(inhoud.kpiBewijzen.map((b) => b.kpiId))],
    aanbiederId,
  });
  const diagnoses = await laadDiagnoses(manager, theorie.id, periode);
  const vastgelegd: VastgelegdeDiagnose[] = diagnoses.map((d) => ({
    veronderstellingId: d.veronderstellingId,
    kpiId: d.kpiId,
    diagnose: d.diagnose,
    notitie: d.notitie,
  }));
  const model = naarTheorie(theorie.id, inhoud);
  const items = stelReviewOp({
    theorie: model,
    kpiBewijzen: inhoud.kpiBewijzen,
    uitKoersKpiIds: uitKoers.map((u) => u.kpiId),
    diagnoses: vastgelegd,
  });
  const elementen = new Map(inhoud.elementen.map((e) => [e.id, e]));
  const titel = (id: string) => `'${elementen.get(id)?.titel ?? id}'`;
  const kpis: ReviewKpiResponse[] = items.map((item) => {
    const bij = uitKoers.filter((u) => u.kpiId === item.kpiId);
    return {
      kpiId: item.kpiId,
      code: bij[0].code,
      naam: bij[0].naam,
      uitKoers: bij.map((u) => ({
        kwartaalverantwoordingId: u.kwartaalverantwoordingId,
        aanbiederId: u.aanbiederId,
        revisie: u.revisie,
        waarde: u.waarde,
        streefwaarde: u.streefwaarde,
        toelichting: u.toelichting,
      })),
      elementen: item.elementIds.map((id) => ({
        id,
        soort: elementen.get(id)!.soort,
        titel: elementen.get(id)!.titel,
      })),
      paden: item.paden.map((pad) => ({
        elementIds: pad.elementIds,
        verbandIds: pad.verbandIds,
        tekst: pad.elementIds.map(titel).join(' → '),
      })),
      veronderstellingen: item.veronderstellingen.map((r) => ({
        veronderstellingId: r.veronderstelling.id,
        nummer: r.nummer,
        tekst: r.veronderstelling.tekst,
        kennisbron: r.veronderstelling.kennisbron,
        bewijsstatus: r.veronderstelling.bewijsstatus,
        randvoorwaarden: [...r.veronderstelling.randvoorwaarden],
        externeFactoren: [...r.veronderstelling.externeFactoren],
        verbandId: r.verband.id,
        van: r.van.titel,
        naar: r.naar.titel,
        diagnose: r.diagnose,
        diagnoseLabel: DIAGNOSE_LABELS[r.diagnose],
        notitie: r.notitie,
        vastgelegd: vastgelegd.some(
          (d) =>
            d.veronderstellingId === r.veronderstelling.id &&
            (d.kpiId === item.kpiId || d.kpiId === null),
        ),
      })),
    };
  });
  return {
    theorieId: theorie.id,
    titel: inhoud.titel,
    periode,
    versie: versie.versie,
    geldigVanaf: versie.geldigVanaf,
    kpis,
  };
}
