import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, AuditService, InvalidParam, Rol, weigerIdentificatoren } from '@wijkkompas/core';
import { NotificatieService } from '@wijkkompas/notificaties';
import { controleerOvergang } from '../kwartaalverantwoording.lifecycle';
import { kwartaalTekst } from '../periode/kwartaal';
import { leesScope } from '../shared/scope';
import { controleerOptioneleVersie } from './concept';
import {
  CreateVerantwoordingStatuswijzigingRequest,
  KwartaalverantwoordingResponse,
} from './kwartaalverantwoording.dto';
import {
  Beoordelingsopmerking,
  Kwartaalverantwoording,
  KwartaalverantwoordingVersie,
} from './kwartaalverantwoording.entity';
import {
  OvergangGeweigerdError,
  OvergangOnvolledigError,
  RevisieNietMogelijkError,
} from './kwartaalverantwoording.errors';
import { bouwInhoud, laadVerantwoording } from './kwartaalverantwoording.lezer';
import {
  AUDIT_TYPE,
  kopVan,
  KwartaalverantwoordingService,
} from './kwartaalverantwoording.service';

const VERHAAL: [keyof Kwartaalverantwoording, string][] = [
  ['hoogtepunten', 'de hoogtepunten'],
  ['knelpunten', 'de knelpunten'],
  ['vooruitblik', 'de vooruitblik'],
];

/**
 * What submitting needs: the narrative, because figures without their story are exactly
 * what the brief wants to end. Missing KPI values do not block: the account lists them
 * (`ontbrekend`) and the frozen version keeps that list, so the contractmanager sees what
 * was not delivered and can ask about it; a figure can be late for good reasons.
 */
export function indienFouten(v: Kwartaalverantwoording): InvalidParam[] {
  return VERHAAL.filter(([veld]) => !(v[veld] as string | null)?.trim()).map(([veld, naam]) => ({
    name: veld,
    reason: `vul ${naam} in voordat u de kwartaalverantwoording indient`,
  }));
}

function isUniekSchending(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}

/** The lifecycle of an account (submit, adopt, return, reopen) and revisions after adoption. */
@Injectable()
export class KwartaalverantwoordingStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly verantwoordingen: KwartaalverantwoordingService,
    private readonly notificaties: NotificatieService,
  ) {}

  async wijzigStatus(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: CreateVerantwoordingStatuswijzigingRequest,
  ): Promise<KwartaalverantwoordingResponse> {
    // On a return the toelichting becomes a review question; otherwise it goes to the log.
    weigerIdentificatoren(
      input.status === 'teruggezet' ? 'Beoordelingsopmerking' : 'Kwartaalverantwoording',
      { toelichting: input.toelichting },
    );
    return this.dataSource.transaction(async (manager) => {
      const scope = await leesScope(manager, actor);
      const before = await laadVerantwoording(manager, scope, id, true);
      controleerOptioneleVersie(ifMatch, before);
      const uitkomst = controleerOvergang(before.status, input.status, actor.rollen);
      if (!uitkomst.ok) throw new OvergangGeweigerdError(uitkomst);

      const nu = new Date();
      const set: QueryDeepPartialEntity<Kwartaalverantwoording> = { status: input.status };
      let vraag: Beoordelingsopmerking | null = null;
      if (input.status === 'ingediend') {
        const fouten = indienFouten(before);
        if (fouten.length)
          throw new OvergangOnvolledigError(
            'indienen-onvolledig',
            'Kwartaalverantwoording onvolledig',
            'De kwartaalverantwoording kan nog niet worden ingediend: het verhaal bij de cijfers ontbreekt. Vul hoogtepunten, knelpunten en vooruitblik in.',
            fouten,
          );
        set.ingediendOp = nu;
        set.ingediendDoorId = actor.gebruikerId;
      } else if (input.status === 'vastgesteld') {
        set.vastgesteldOp = nu;
        set.vastgesteldDoorId = actor.gebruikerId;
      } else if (input.status === 'teruggezet') {
        const openVragen = await manager
          .getRepository(Beoordelingsopmerking)
          .countBy({ kwartaalverantwoordingId: id, reactie: IsNull() });
        const toelichting = input.toelichting?.trim();
        if (!openVragen && !toelichting)
          throw new OvergangOnvolledigError(
            'terugzetten-zonder-vraag',
            'Vraag ontbreekt',
            'Zet een kwartaalverantwoording terug met een vraag: plaats eerst een beoordelingsopmerking of geef een toelichting mee.',
            [
              {
                name: 'toelichting',
                reason: 'geef aan wat de aanbieder moet aanvullen of verbeteren',
              },
            ],
          );
        if (toelichting) {
          const repo = manager.getRepository(Beoordelingsopmerking);
          vraag = await repo.save(
            repo.create({
              kwartaalverantwoordingId: id,
              revisie: before.revisie,
              onderdeel: 'algemeen',
              onderdeelId: null,
              tekst: toelichting,
              auteurId: actor.gebruikerId,
            }),
          );
        }
        set.teruggezetOp = nu;
      }
      await manager
        .createQueryBuilder()
        .update(Kwartaalverantwoording)
        .set(set)
        .where('id = :id', { id })
        .execute();
      const after = await laadVerantwoording(manager, scope, id);

      let volgnummer: number | null = null;
      let aantalOntbrekend: number | null = null;
      if (input.status === 'ingediend' || input.status === 'vastgesteld') {
        const bevroren = await this.bevries(manager, actor, after);
        volgnummer = bevroren.volgnummer;
        aantalOntbrekend = bevroren.aantalOntbrekend;
      }
      await this.audit.record(manager, actor, {
        action: `status-${input.status}`,
        entityType: AUDIT_TYPE,
        entityId: id,
        before: { status: before.status, version: before.version },
        after: {
          status: after.status,
          version: after.version,
          toelichting: input.toelichting ?? null,
          ...(vraag ? { beoordelingsopmerkingId: vraag.id } : {}),
          ...(volgnummer !== null ? { versieVolgnummer: volgnummer, aantalOntbrekend } : {}),
        },
      });
      await this.meld(manager, after, input.status, volgnummer);
      return this.verantwoordingen.response(manager, actor, scope, after);
    });
  }

  /**
   * Tells the other side, in the same transaction (only rows are written; mail follows from
   * the outbox): a submission goes to the contractmanagers, a return or an adoption to the
   * aanbieder's directeur and teamleiders. Keys make a retried request notify once.
   */
  private async meld(
    manager: EntityManager,
    v: Kwartaalverantwoording,
    status: string,
    volgnummer: number | null,
  ): Promise<void> {
    const [org]: { naam: string }[] = await manager.query(
      'SELECT naam FROM aanbieder_gemeenten WHERE aanbieder_id = $1 AND gemeente_id = $2',
      [v.aanbiederId, v.gemeenteId],
    );
    const kwartaal = kwartaalTekst(v.periode);
    const basis = {
      gemeenteId: v.gemeenteId,
      link: `/api/v1/kwartaalverantwoordingen/${v.id}`,
      entiteit: { type: AUDIT_TYPE, id: v.id },
    };
    if (status === 'ingediend')
      await this.notificaties.notificeer(manager, {
        ...basis,
        rollen: [Rol.Contractmanager],
        soort: 'ingediend',
        titel: `${org.naam} heeft de verantwoording ${kwartaal} ingediend`,
        tekst: `${org.naam} heeft de kwartaalverantwoording over het ${kwartaal} (revisie ${v.revisie}) ingediend. U kunt haar beoordelen: vaststellen of met vragen terugzetten.`,
        sleutel: `ingediend:${v.id}:${volgnummer ?? v.version}`,
      });
    else if (status === 'teruggezet')
      await this.notificaties.notificeer(manager, {
        ...basis,
        rollen: [Rol.Directeur, Rol.Teamleider],
        organisatieId: v.aanbiederId,
        soort: 'teruggezet',
        titel: `Verantwoording ${kwartaal} teruggezet met vragen`,
        tekst: `De contractmanager heeft de verantwoording over het ${kwartaal} teruggezet. Beantwoord de vragen, pas zo nodig aan en dien opnieuw in.`,
        sleutel: `teruggezet:${v.id}:${v.version}`,
      });
    else if (status === 'vastgesteld')
      await this.notificaties.notificeer(manager, {
        ...basis,
        rollen: [Rol.Directeur],
        organisatieId: v.aanbiederId,
        soort: 'vastgesteld',
        titel: `Verantwoording ${kwartaal} vastgesteld`,
        tekst: `De gemeente heeft de verantwoording over het ${kwartaal} (revisie ${v.revisie}) vastgesteld.`,
        sleutel: `vastgesteld:${v.id}:${v.revisie}`,
      });
  }

  /** Freezes the account as it reads now, whole, into its next version. */
  private async bevries(
    manager: EntityManager,
    actor: Actor,
    verantwoording: Kwartaalverantwoording,
  ): Promise<{ volgnummer: number; aantalOntbrekend: number }> {
    const inhoud = await bouwInhoud(manager, verantwoording);
    const repo = manager.getRepository(KwartaalverantwoordingVersie);
    const laatste = await repo.findOne({
      select: { volgnummer: true },
      where: { kwartaalverantwoordingId: verantwoording.id },
      order: { volgnummer: 'DESC' },
    });
    const volgnummer = (laatste?.volgnummer ?? 0) + 1;
    await repo.save(
      repo.create({
        kwartaalverantwoordingId: verantwoording.id,
        volgnummer,
        revisie: verantwoording.revisie,
        status: verantwoording.status,
        inhoud: JSON.parse(JSON.stringify(inhoud)) as Record<string, unknown>,
        aangemaaktDoorId: actor.gebruikerId,
      }),
    );
    return { volgnummer, aantalOntbrekend: inhoud.ontbrekend.length };
  }

  /**
   * A correction after adoption: a new concept (revisie + 1) of the same period, starting
   * from the adopted narrative, budget, formatie and figures (each figure keeps the KPI
   * version it was reported against until it is changed). The adopted revision stays as it
   * is, with its frozen versions.
   */
  async maakRevisie(actor: Actor, id: string): Promise<KwartaalverantwoordingResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const scope = await leesScope(manager, actor);
        const bron = await laadVerantwoording(manager, scope, id, true);
        if (bron.status !== 'vastgesteld')
          throw new RevisieNietMogelijkError(
            `Alleen een vastgestelde kwartaalverantwoording krijgt een nieuwe revisie; deze heeft status '${bron.status}'.${
              bron.status === 'concept' ? ' Een concept past u gewoon aan.' : ''
            }`,
            { currentStatus: bron.status },
          );
        const nieuwer = await manager
          .getRepository(Kwartaalverantwoording)
          .createQueryBuilder('v')
          .where('v.rapportageperiode_id = :periode AND v.revisie > :revisie', {
            periode: bron.rapportageperiodeId,
            revisie: bron.revisie,
          })
          .orderBy('v.revisie', 'DESC')
          .getOne();
        if (nieuwer)
          throw new RevisieNietMogelijkError(
            `Er bestaat al een nieuwere revisie (${nieuwer.revisie}) van deze kwartaalverantwoording; werk die bij.`,
            { nieuwsteId: nieuwer.id },
          );
        const repo = manager.getRepository(Kwartaalverantwoording);
        const saved = await repo.save(
          repo.create({
            gemeenteId: bron.gemeenteId,
            aanbiederId: bron.aanbiederId,
            rapportageperiodeId: bron.rapportageperiodeId,
            periode: bron.periode,
            revisie: bron.revisie + 1,
            status: 'concept',
            hoogtepunten: bron.hoogtepunten,
            knelpunten: bron.knelpunten,
            vooruitblik: bron.vooruitblik,
            budgetBegrootCenten: bron.budgetBegrootCenten,
            budgetGerealiseerdCenten: bron.budgetGerealiseerdCenten,
            budgetToelichting: bron.budgetToelichting,
            formatieFte: bron.formatieFte,
            vacaturesFte: bron.vacaturesFte,
            verloopPercentage: bron.verloopPercentage,
            formatieToelichting: bron.formatieToelichting,
          }),
        );
        const [{ aantal }] = (await manager.query(
          `WITH r AS (
             INSERT INTO kpi_waarden
               (kwartaalverantwoording_id, kpi_id, kpi_versie_id, perceel_id, waarde, gewicht, toelichting, bron, datakwaliteit)
             SELECT $1, kpi_id, kpi_versie_id, perceel_id, waarde, gewicht, toelichting, bron, datakwaliteit
             FROM kpi_waarden WHERE kwartaalverantwoording_id = $2
             RETURNING 1
           )
           SELECT count(*)::int AS aantal FROM r`,
          [saved.id, bron.id],
        )) as { aantal: number }[];
        const revisie = await repo.findOneByOrFail({ id: saved.id });
        await this.audit.record(manager, actor, {
          action: 'revisie-aangemaakt',
          entityType: AUDIT_TYPE,
          entityId: revisie.id,
          before: { vanKwartaalverantwoordingId: bron.id, revisie: bron.revisie },
          after: { ...kopVan(revisie), aantalWaarden: Number(aantal) },
        });
        return this.verantwoordingen.response(manager, actor, scope, revisie);
      });
    } catch (error) {
      if (isUniekSchending(error))
        throw new RevisieNietMogelijkError(
          'Tegelijk is al een nieuwe revisie van deze kwartaalverantwoording gemaakt; haal de lijst opnieuw op.',
        );
      throw error;
    }
  }
}
