import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, lijstVelden, weigerIdentificatoren } from '@wijkkompas/core';
import { nummerVeronderstellingen } from '../graaf';
import {
  Bewerking,
  KopWijziging,
  TheorieInhoud,
  verwijderElement,
  verwijderVerband,
  verwijderVeronderstelling,
  voegElementToe,
  voegVerbandToe,
  voegVeronderstellingToe,
  VeronderstellingWijziging,
  wijzigElement,
  wijzigKop,
  wijzigVeronderstelling,
  zetKpiBewijzen,
} from './inhoud';
import { controleerIfMatch } from './if-match';
import { Onderdeel, vereisSchrijfrecht, zichtbareTheorie } from './toegang';
import {
  CreateElementRequest,
  CreateVerbandRequest,
  CreateVeronderstellingRequest,
  ElementResponse,
  toElementResponse,
  toVerandertheorieResponse,
  toVerbandResponse,
  toVeronderstellingResponse,
  UpdateElementRequest,
  UpdateVerandertheorieRequest,
  UpdateVeronderstellingRequest,
  VerandertheorieResponse,
  VerbandResponse,
  VeronderstellingResponse,
  ZetKpiBewijzenRequest,
} from './verandertheorie.dto';
import { Verandertheorie, VerandertheorieVersie } from './verandertheorie.entity';
import {
  OnderdeelNietGevondenError,
  VerandertheorieGeweigerdError,
} from './verandertheorie.errors';
import {
  huidigeVersie,
  schrijfVersie,
  vereisDoelen,
  kiesGeldigVanaf,
  isInGebruik,
  vereisKpis,
} from './verandertheorie.opslag';

/** The result of a change: what the response shows, and the new version (for the ETag). */
export interface Gewijzigd<T> {
  resultaat: T;
  versie: number;
}

function veronderstellingTeksten(input: {
  tekst?: string;
  randvoorwaarden?: string[];
  externeFactoren?: string[];
}): Record<string, string | undefined> {
  return {
    tekst: input.tekst,
    ...lijstVelden('randvoorwaarden', input.randvoorwaarden),
    ...lijstVelden('externeFactoren', input.externeFactoren),
  };
}

interface BewerkOpties {
  onderdeel: Onderdeel;
  /** The If-Match header; required (428 without) for edits of what someone may be editing. */
  ifMatch: string | undefined;
  ifMatchVerplicht: boolean;
  actie: string;
  /** What the request asked for, for the audit trail. */
  gevraagd: object;
  toelichting?: string;
  geldigVanaf?: string;
  /** The free texts of the request other than the toelichting, privacy-scanned before anything. */
  teksten?: Readonly<Record<string, string | null | undefined>>;
}

/**
 * Every change to a theory of change: the pure core decides whether it is allowed and what the
 * next content is, this service stores it as a new version and audits it in the same
 * transaction. Refusals of the graph rules (a kringloop, a second ambitie, …) are 422s whose
 * detail is the core's Dutch explanation.
 */
@Injectable()
export class VerandertheorieBewerkingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  wijzigKop(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: UpdateVerandertheorieRequest,
  ): Promise<Gewijzigd<VerandertheorieResponse>> {
    const wijziging: KopWijziging = {
      titel: input.titel,
      strategie: input.strategie,
      ambitie: input.ambitie,
    };
    return this.bewerk(
      actor,
      id,
      {
        onderdeel: 'kop',
        ifMatch,
        ifMatchVerplicht: true,
        actie: 'gewijzigd',
        gevraagd: input,
        teksten: { titel: input.titel, 'ambitie.tekst': input.ambitie?.tekst },
        toelichting: input.toelichting,
        geldigVanaf: input.geldigVanaf,
      },
      async (inhoud, theorie, manager) => {
        if (input.ambitie?.doelIds)
          await vereisDoelen(
            manager,
            theorie.gemeenteId,
            theorie.hoofdopdrachtId,
            input.ambitie.doelIds,
          );
        return wijzigKop(inhoud, wijziging);
      },
      (theorie, versie) => toVerandertheorieResponse(theorie, versie),
    );
  }

  voegElementToe(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: CreateElementRequest,
  ): Promise<Gewijzigd<ElementResponse>> {
    const elementId = randomUUID();
    return this.bewerk(
      actor,
      id,
      {
        onderdeel: 'inhoud',
        ifMatch,
        ifMatchVerplicht: false,
        actie: 'element-toegevoegd',
        gevraagd: { elementId, ...input },
        teksten: { titel: input.titel, omschrijving: input.omschrijving },
        toelichting: input.toelichting,
        geldigVanaf: input.geldigVanaf,
      },
      (inhoud) =>
        voegElementToe(inhoud, {
          id: elementId,
          soort: input.soort,
          titel: input.titel,
          omschrijving: input.omschrijving ?? null,
        }),
      (_theorie, versie) => this.element(versie.inhoud, elementId),
    );
  }

  wijzigElement(
    actor: Actor,
    id: string,
    elementId: string,
    ifMatch: string | undefined,
    input: UpdateElementRequest,
  ): Promise<Gewijzigd<ElementResponse>> {
    return this.bewerk(
      actor,
      id,
      {
        onderdeel: 'inhoud',
        ifMatch,
        ifMatchVerplicht: true,
        actie: 'element-gewijzigd',
        gevraagd: { elementId, ...input },
        teksten: { titel: input.titel, omschrijving: input.omschrijving },
        toelichting: input.toelichting,
        geldigVanaf: input.geldigVanaf,
      },
      (inhoud) =>
        wijzigElement(inhoud, elementId, { titel: input.titel, omschrijving: input.omschrijving }),
      (_theorie, versie) => this.element(versie.inhoud, elementId),
    );
  }

  async verwijderElement(
    actor: Actor,
    id: string,
    elementId: string,
    ifMatch: string | undefined,
  ): Promise<number> {
    const { versie } = await this.bewerk(
      actor,
      id,
      {
        onderdeel: 'inhoud',
        ifMatch,
        ifMatchVerplicht: false,
        actie: 'element-verwijderd',
        gevraagd: { elementId },
      },
      (inhoud) => verwijderElement(inhoud, elementId),
      () => null,
    );
    return versie;
  }

  voegVerbandToe(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: CreateVerbandRequest,
  ): Promise<Gewijzigd<VerbandResponse>> {
    const verbandId = randomUUID();
    return this.bewerk(
      actor,
      id,
      {
        onderdeel: 'inhoud',
        ifMatch,
        ifMatchVerplicht: false,
        actie: 'verband-toegevoegd',
        gevraagd: { verbandId, ...input },
        toelichting: input.toelichting,
        geldigVanaf: input.geldigVanaf,
      },
      (inhoud) =>
        voegVerbandToe(inhoud, { id: verbandId, vanId: input.vanId, naarId: input.naarId }),
      (_theorie, versie) =>
        toVerbandResponse(
          versie.inhoud.verbanden.find((v) => v.id === verbandId)!,
          versie.inhoud,
        ),
    );
  }

  async verwijderVerband(
    actor: Actor,
    id: string,
    verbandId: string,
    ifMatch: string | undefined,
  ): Promise<number> {
    const { versie } = await this.bewerk(
      actor,
      id,
      {
        onderdeel: 'inhoud',
        ifMatch,
        ifMatchVerplicht: false,
        actie: 'verband-verwijderd',
        gevraagd: { verbandId },
      },
      (inhoud) => verwijderVerband(inhoud, verbandId),
      () => null,
    );
    return versie;
  }

  voegVeronderstellingToe(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: CreateVeronderstellingRequest,
  ): Promise<Gewijzigd<VeronderstellingResponse>> {
    const veronderstellingId = randomUUID();
    return this.bewerk(
      actor,
      id,
      {
        onderdeel: 'inhoud',
        ifMatch,
        ifMatchVerplicht: false,
        actie: 'veronderstelling-toegevoegd',
        gevraagd: { veronderstellingId, ...input },
        teksten: veronderstellingTeksten(input),
        toelichting: input.toelichting,
        geldigVanaf: input.geldigVanaf,
      },
      (inhoud) =>
        voegVeronderstellingToe(inhoud, {
          id: veronderstellingId,
          verbandId: input.verbandId,
          tekst: input.tekst,
          kennisbron: input.kennisbron,
          bewijsstatus: input.bewijsstatus,
          randvoorwaarden: input.randvoorwaarden ?? [],
          externeFactoren: input.externeFactoren ?? [],
        }),
      (theorie, versie) => this.veronderstelling(theorie, versie.inhoud, veronderstellingId),
    );
  }

  wijzigVeronderstelling(
    actor: Actor,
    id: string,
    veronderstellingId: string,
    ifMatch: string | undefined,
    input: UpdateVeronderstellingRequest,
  ): Promise<Gewijzigd<VeronderstellingResponse>> {
    const wijziging: VeronderstellingWijziging = {
      tekst: input.tekst,
      kennisbron: input.kennisbron,
      bewijsstatus: input.bewijsstatus,
      randvoorwaarden: input.randvoorwaarden,
      externeFactoren: input.externeFactoren,
    };
    return this.bewerk(
      actor,
      id,
      {
        onderdeel: 'inhoud',
        ifMatch,
        ifMatchVerplicht: true,
        actie: 'veronderstelling-gewijzigd',
        gevraagd: { veronderstellingId, ...input },
        teksten: veronderstellingTeksten(input),
        toelichting: input.toelichting,
        geldigVanaf: input.geldigVanaf,
      },
      (inhoud) => wijzigVeronderstelling(inhoud, veronderstellingId, wijziging),
      (theorie, versie) => this.veronderstelling(theorie, versie.inhoud, veronderstellingId),
    );
  }

  async verwijderVeronderstelling(
    actor: Actor,
    id: string,
    veronderstellingId: string,
    ifMatch: string | undefined,
  ): Promise<number> {
    const { versie } = await this.bewerk(
      actor,
      id,
      {
        onderdeel: 'inhoud',
        ifMatch,
        ifMatchVerplicht: false,
        actie: 'veronderstelling-verwijderd',
        gevraagd: { veronderstellingId },
      },
      (inhoud) => verwijderVeronderstelling(inhoud, veronderstellingId),
      () => null,
    );
    return versie;
  }

  zetKpiBewijzen(
    actor: Actor,
    id: string,
    elementId: string,
    ifMatch: string | undefined,
    input: ZetKpiBewijzenRequest,
  ): Promise<Gewijzigd<ElementResponse>> {
    return this.bewerk(
      actor,
      id,
      {
        onderdeel: 'kpi-bewijs',
        ifMatch,
        ifMatchVerplicht: false,
        actie: 'kpi-bewijzen-gewijzigd',
        gevraagd: { elementId, ...input },
        toelichting: input.toelichting,
        geldigVanaf: input.geldigVanaf,
      },
      async (inhoud, theorie, manager) => {
        const uitkomst = zetKpiBewijzen(inhoud, elementId, input.kpiIds);
        // Only a change the graph allows is worth checking the KPIs for.
        if (uitkomst.ok) await vereisKpis(manager, theorie, input.kpiIds);
        return uitkomst;
      },
      (_theorie, versie) => this.element(versie.inhoud, elementId),
    );
  }

  private element(inhoud: TheorieInhoud, elementId: string): ElementResponse {
    return toElementResponse(
      inhoud.elementen.find((e) => e.id === elementId)!,
      inhoud,
    );
  }

  private veronderstelling(
    theorie: Verandertheorie,
    inhoud: TheorieInhoud,
    veronderstellingId: string,
  ): VeronderstellingResponse {
    return toVeronderstellingResponse(
      inhoud.veronderstellingen.find((v) => v.id === veronderstellingId)!,
      nummerVeronderstellingen({ id: theorie.id, ...inhoud }),
    );
  }

  /**
   * Locks the theory, checks the actor's right and the If-Match, lets `maak` compute the next
   * content, and stores it as a new version (unless nothing changed), with an audit entry.
   */
  private async bewerk<T>(
    actor: Actor,
    id: string,
    opties: BewerkOpties,
    maak: (
      inhoud: TheorieInhoud,
      theorie: Verandertheorie,
      manager: EntityManager,
    ) => Bewerking | Promise<Bewerking>,
    resultaat: (theorie: Verandertheorie, versie: VerandertheorieVersie) => T,
  ): Promise<Gewijzigd<T>> {
    weigerIdentificatoren('Verandertheorie', {
      ...opties.teksten,
      toelichting: opties.toelichting,
    });
    return this.dataSource.transaction(async (manager) => {
      const theorie = await zichtbareTheorie(manager, actor, id, true);
      vereisSchrijfrecht(actor, opties.onderdeel);
      controleerIfMatch(opties.ifMatch, theorie.huidigeVersie, opties.ifMatchVerplicht);
      const vorige = await huidigeVersie(manager, theorie);
      const uitkomst = await maak(vorige.inhoud, theorie, manager);
      if (!uitkomst.ok) {
        if (uitkomst.reden === 'niet-gevonden')
          throw new OnderdeelNietGevondenError(uitkomst.onderdeel, uitkomst.id);
        throw new VerandertheorieGeweigerdError(uitkomst.fout);
      }
      const geldigVanaf = kiesGeldigVanaf(
        opties.geldigVanaf,
        vorige,
        await isInGebruik(manager, theorie),
      );
      // jsonb does not keep key order, so compare structurally.
      const ongewijzigd =
        isDeepStrictEqual(uitkomst.inhoud, vorige.inhoud) &&
        (!opties.geldigVanaf || opties.geldigVanaf === vorige.geldigVanaf);
      if (ongewijzigd) return { resultaat: resultaat(theorie, vorige), versie: vorige.versie };
      const versie = await schrijfVersie(manager, actor, theorie, uitkomst.inhoud, {
        toelichting: opties.toelichting
          ? `${uitkomst.toelichting}. ${opties.toelichting}`
          : uitkomst.toelichting,
        geldigVanaf,
      });
      await this.audit.record(manager, actor, {
        action: opties.actie,
        entityType: 'verandertheorie',
        entityId: theorie.id,
        before: { versie: vorige.versie, geldigVanaf: vorige.geldigVanaf },
        after: {
          versie: versie.versie,
          geldigVanaf: versie.geldigVanaf,
          toelichting: versie.toelichting,
          gevraagd: opties.gevraagd,
        },
      });
      return { resultaat: resultaat(theorie, versie), versie: versie.versie };
    });
  }
}
