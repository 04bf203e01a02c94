import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  InvalidParam,
  ValidationError,
  VersionConflictError,
} from '@wijkkompas/core';
import { versieOpPeildatum } from '../hoofdopdracht/peildatum';
import { WIJZIGINGSSOORT_LABEL, Wijzigingssoort } from '../hoofdopdracht/wijziging';
import { indexeer, somCenten } from '../shared/geld';
import { vereisAanbieders, vereisKetens, vereisPercelen } from '../shared/referenties';
import {
  CreateOpdrachtWijzigingRequest,
  toAanvullendeOpdrachtResponse,
} from './aanvullende-opdracht.dto';
import {
  AanvullendeOpdracht,
  AanvullendeOpdrachtAanbieder,
  AanvullendeOpdrachtKeten,
  AanvullendeOpdrachtPerceel,
  AanvullendeOpdrachtVersie,
  Budgetaandeel,
} from './aanvullende-opdracht.entity';
import { OpdrachtNietActiefError } from './aanvullende-opdracht.errors';
import { AanvullendeOpdrachtService } from './aanvullende-opdracht.service';
import { AanvullendeOpdrachtStatus } from './levenscyclus';

type Veld =
  | 'einddatum'
  | 'aanbieders'
  | 'indexatieBasispunten'
  | 'doel'
  | 'thema'
  | 'perceelIds'
  | 'ketenIds';
const VELDEN: Veld[] = [
  'einddatum',
  'aanbieders',
  'indexatieBasispunten',
  'doel',
  'thema',
  'perceelIds',
  'ketenIds',
];
const TOEGESTAAN: Record<string, Veld[]> = {
  [Wijzigingssoort.Verlenging]: ['einddatum'],
  [Wijzigingssoort.Beeindiging]: ['einddatum'],
  [Wijzigingssoort.Budgetwijziging]: ['aanbieders'],
  [Wijzigingssoort.Indexering]: ['indexatieBasispunten'],
  [Wijzigingssoort.Scopewijziging]: ['doel', 'thema', 'perceelIds', 'ketenIds'],
};

/** The checks of a wijziging of an active opdracht, pure. */
export function controleerOpdrachtWijziging(
  opdracht: { startdatum: string; einddatum: string },
  laatsteIngang: string | null,
  invoer: CreateOpdrachtWijzigingRequest,
): InvalidParam[] {
  const problemen: InvalidParam[] = [];
  const label = WIJZIGINGSSOORT_LABEL[invoer.soort];
  const toegestaan = TOEGESTAAN[invoer.soort] ?? [];
  for (const veld of VELDEN)
    if (invoer[veld] !== undefined && !toegestaan.includes(veld))
      problemen.push({ name: veld, reason: `${veld} hoort niet bij een ${label}` });
  if (invoer.soort === Wijzigingssoort.Scopewijziging) {
    if (!toegestaan.some((v) => invoer[v] !== undefined))
      problemen.push({
        name: 'soort',
        reason: 'een scopewijziging wijzigt doel, thema, perceelIds of ketenIds',
      });
  } else
    for (const veld of toegestaan)
      if (invoer[veld] === undefined)
        problemen.push({ name: veld, reason: `een ${label} heeft ${veld} nodig` });
  if (invoer.ingangsdatum < opdracht.startdatum || invoer.ingangsdatum > opdracht.einddatum)
    problemen.push({
      name: 'ingangsdatum',
      reason: `ingangsdatum ligt buiten de looptijd (${opdracht.startdatum} tot ${opdracht.einddatum})`,
    });
  if (laatsteIngang && invoer.ingangsdatum < laatsteIngang)
    problemen.push({
      name: 'ingangsdatum',
      reason: `ingangsdatum mag niet vóór de ingangsdatum van de laatste wijziging (${laatsteIngang}) liggen`,
    });
  if (invoer.einddatum !== undefined) {
    if (invoer.soort === Wijzigingssoort.Verlenging && invoer.einddatum <= opdracht.einddatum)
      problemen.push({
        name: 'einddatum',
        reason: `een verlenging eindigt na de huidige einddatum (${opdracht.einddatum})`,
      });
    if (
      invoer.soort === Wijzigingssoort.Beeindiging &&
      (invoer.einddatum >= opdracht.einddatum || invoer.einddatum < invoer.ingangsdatum)
    )
      problemen.push({
        name: 'einddatum',
        reason: `een beëindiging eindigt vóór de huidige einddatum (${opdracht.einddatum}) en niet vóór de ingangsdatum`,
      });
  }
  return problemen;
}

/**
 * Typed wijzigingen of an active aanvullende opdracht. The first one also writes version 1
 * (the terms as agreed), so as-of reads before any ingangsdatum give the original terms.
 */
@Injectable()
export class AanvullendeOpdrachtWijzigingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly opdrachten: AanvullendeOpdrachtService,
    private readonly audit: AuditService,
  ) {}

  async versies(actor: Actor, id: string): Promise<AanvullendeOpdrachtVersie[]> {
    await this.opdrachten.findOne(actor, id);
    return this.lees(this.dataSource.manager, id);
  }

  /** The opdracht with the end date and budget shares in force on `peildatum`. */
  async opPeildatum(actor: Actor, id: string, peildatum: string): Promise<AanvullendeOpdracht> {
    const opdracht = await this.opdrachten.findOne(actor, id);
    const versies = await this.lees(this.dataSource.manager, id);
    const versie = versieOpPeildatum(versies, peildatum) ?? versies[0];
    if (!versie) return opdracht;
    const bestaand = new Map((opdracht.aanbieders ?? []).map((a) => [a.aanbiederId, a]));
    return {
      ...opdracht,
      einddatum: versie.einddatum,
      budgetCenten: versie.budgetCenten,
      aanbieders: versie.aandelen.map((a) => ({
        ...(bestaand.get(a.aanbiederId) ?? { opdrachtId: id, aanbiederId: a.aanbiederId }),
        budgetCenten: a.budgetCenten,
      })),
    };
  }

  async wijzig(
    actor: Actor,
    id: string,
    invoer: CreateOpdrachtWijzigingRequest,
  ): Promise<AanvullendeOpdracht> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.opdrachten.load(manager, actor, id, true);
      if (before.version !== invoer.version)
        throw new VersionConflictError('Aanvullende opdracht', invoer.version, before.version);
      if (before.status !== AanvullendeOpdrachtStatus.Actief)
        throw new OpdrachtNietActiefError(before.status);
      const versies = await this.lees(manager, id);
      const laatste = versies.at(-1);
      const problemen = controleerOpdrachtWijziging(before, laatste?.ingangsdatum ?? null, invoer);
      if (problemen.length) throw new ValidationError(problemen);
      const huidig: Budgetaandeel[] = (before.aanbieders ?? []).map((a) => ({
        aanbiederId: a.aanbiederId,
        budgetCenten: a.budgetCenten,
      }));
      let aandelen = huidig;
      if (invoer.aanbieders) {
        const ids = invoer.aanbieders.map((a) => a.aanbiederId);
        if (new Set(ids).size !== ids.length)
          throw new ValidationError([
            { name: 'aanbieders', reason: 'een aanbieder staat er meer dan eens in' },
          ]);
        await vereisAanbieders(manager, actor.gemeenteId, ids, 'aanbieders');
        aandelen = invoer.aanbieders.map((a) => ({ ...a }));
      }
      if (invoer.indexatieBasispunten !== undefined)
        aandelen = huidig.map((a) => ({
          ...a,
          budgetCenten: indexeer(a.budgetCenten, invoer.indexatieBasispunten!),
        }));
      if (invoer.perceelIds)
        await vereisPercelen(manager, actor.gemeenteId, invoer.perceelIds, 'perceelIds');
      if (invoer.ketenIds)
        await vereisKetens(manager, actor.gemeenteId, invoer.ketenIds, 'ketenIds');
      const einddatum = invoer.einddatum ?? before.einddatum;
      const budgetCenten = somCenten(aandelen.map((a) => a.budgetCenten));
      const repo = manager.getRepository(AanvullendeOpdrachtVersie);
      if (!laatste)
        await repo.insert({
          opdrachtId: id,
          versie: 1,
          soort: Wijzigingssoort.Oorspronkelijk,
          ingangsdatum: before.startdatum,
          einddatum: before.einddatum,
          budgetCenten: before.budgetCenten,
          aandelen: huidig,
          reden: 'Oorspronkelijke opdracht',
          createdById: actor.gebruikerId,
          createdByNaam: actor.naam,
        });
      await repo.insert({
        opdrachtId: id,
        versie: (laatste?.versie ?? 1) + 1,
        soort: invoer.soort,
        ingangsdatum: invoer.ingangsdatum,
        einddatum,
        budgetCenten,
        aandelen,
        reden: invoer.reden,
        createdById: actor.gebruikerId,
        createdByNaam: actor.naam,
      });
      await manager.getRepository(AanvullendeOpdracht).update(
        { id },
        {
          einddatum,
          budgetCenten,
          doel: invoer.doel ?? before.doel,
          thema: invoer.thema ?? before.thema,
          version: before.version + 1,
        },
      );
      if (invoer.aanbieders || invoer.indexatieBasispunten !== undefined) {
        await manager.getRepository(AanvullendeOpdrachtAanbieder).delete({ opdrachtId: id });
        await manager
          .getRepository(AanvullendeOpdrachtAanbieder)
          .insert(aandelen.map((a) => ({ opdrachtId: id, ...a })));
      }
      if (invoer.perceelIds) {
        await manager.getRepository(AanvullendeOpdrachtPerceel).delete({ opdrachtId: id });
        if (invoer.perceelIds.length)
          await manager
            .getRepository(AanvullendeOpdrachtPerceel)
            .insert(invoer.perceelIds.map((perceelId) => ({ opdrachtId: id, perceelId })));
      }
      if (invoer.ketenIds) {
        await manager.getRepository(AanvullendeOpdrachtKeten).delete({ opdrachtId: id });
        if (invoer.ketenIds.length)
          await manager
            .getRepository(AanvullendeOpdrachtKeten)
            .insert(invoer.ketenIds.map((ketenId) => ({ opdrachtId: id, ketenId })));
      }
      const after = await this.opdrachten.load(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: `gewijzigd-per-${invoer.soort}`,
        entityType: 'aanvullende-opdracht',
        entityId: id,
        before: toAanvullendeOpdrachtResponse(before),
        after: {
          ...toAanvullendeOpdrachtResponse(after),
          wijziging: {
            soort: invoer.soort,
            ingangsdatum: invoer.ingangsdatum,
            reden: invoer.reden,
          },
        },
      });
      return after;
    });
  }

  private lees(manager: EntityManager, id: string): Promise<AanvullendeOpdrachtVersie[]> {
    return manager
      .getRepository(AanvullendeOpdrachtVersie)
      .find({ where: { opdrachtId: id }, order: { versie: 'ASC' } });
  }
}
