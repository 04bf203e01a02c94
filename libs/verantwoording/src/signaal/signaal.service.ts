import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  AuditService,
  ForbiddenError,
  isAanbieder,
  NotFoundError,
  Organisatie,
  OrganisatieSoort,
  skipTake,
  TransitionError,
  VersionConflictError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { NotificatieService } from '@wijkkompas/notificaties';
import { vandaag } from '@wijkkompas/opdrachten';
import { PeriodeInToekomstError } from '../casus/casus.errors';
import { controleerVerwijzingen, laadNamen } from '../casus/verwijzingen';
import { etag, leesIfMatch, vereisIfMatch } from '../kpi/if-match';
import { kwartaalVan } from '../periode/kwartaal';
import { leesScope } from '../shared/scope';
import {
  controleerSignaalOvergang,
  ontbrekendeVelden,
  SignaalStatus,
  volgendeSignaalStatussen,
} from '../signaal.lifecycle';
import {
  controleerSignaalWijziging,
  isTermijnVerstreken,
  OPEN_SIGNAAL_STATUSSEN,
  signaalRechten,
  SignaalWijzigveld,
  standaardAntwoordTermijn,
} from './signaal-regels';
import {
  CreateSignaalRequest,
  CreateSignaalStatuswijzigingRequest,
  SIGNAAL_VELDNAMEN,
  signaalAudit,
  SignaalQuery,
  SignaalResponse,
  signaalTeBenoemen,
  toSignaalResponse,
  UpdateSignaalRequest,
} from './signaal.dto';
import { Signaal } from './signaal.entity';
import {
  AntwoordTermijnVerstrekenError,
  LeerordeAlleenBijSluitenError,
  SignaalOnvolledigError,
  SignaalVastError,
} from './signaal.errors';

const ENTITEIT = 'Het signaal';

const WIJZIGVELDEN: readonly SignaalWijzigveld[] = [
  'titel',
  'waarneming',
  'soort',
  'perceelId',
  'wijkId',
  'periode',
  'ketenIds',
  'antwoordTermijn',
  'antwoord',
  'terugkoppeling',
];

/**
 * Signals from practice and their loop back: raised by a provider or the gemeente, routed,
 * answered with feedback to the professionals and closed with the learning order. Free text
 * is privacy-scanned like a case story. Who sees what follows the verantwoording read scope;
 * a ketenregisseur without a broader role also keeps seeing the signals they raised or
 * worked on (answered, moved) after they left their ketens.
 */
@Injectable()
export class SignaalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notificaties: NotificatieService,
  ) {}

  async create(actor: Actor, input: CreateSignaalRequest): Promise<SignaalResponse> {
    weigerIdentificatoren(
      'Signaal',
      { titel: input.titel, waarneming: input.waarneming },
      SIGNAAL_VELDNAMEN,
    );
    const dag = vandaag();
    const huidig = kwartaalVan(dag);
    const periode = input.periode ?? huidig;
    if (periode > huidig) throw new PeriodeInToekomstError(periode, huidig);
    if (input.antwoordTermijn !== undefined && input.antwoordTermijn < dag)
      throw new AntwoordTermijnVerstrekenError(dag);
    return this.dataSource.transaction(async (manager) => {
      await controleerVerwijzingen(
        manager,
        {
          gemeenteId: actor.gemeenteId,
          aanbiederId: isAanbieder(actor) ? actor.organisatieId : null,
          periode,
        },
        input,
      );
      const repo = manager.getRepository(Signaal);
      const saved = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          organisatieId: actor.organisatieId,
          titel: input.titel,
          waarneming: input.waarneming,
          soort: input.soort,
          status: 'nieuw',
          perceelId: input.perceelId ?? null,
          wijkId: input.wijkId ?? null,
          ketenIds: [...new Set(input.ketenIds ?? [])],
          periode,
          antwoordTermijn: input.antwoordTermijn ?? standaardAntwoordTermijn(dag),
          antwoord: null,
          terugkoppeling: null,
          leerorde: null,
          ingebrachtDoorId: actor.gebruikerId,
          beantwoordOp: null,
          geslotenOp: null,
        }),
      );
      const signaal = await repo.findOneByOrFail({ id: saved.id });
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'signaal',
        entityId: signaal.id,
        after: signaalAudit(signaal),
      });
      return this.response(manager, actor, signaal);
    });
  }

  async findPage(actor: Actor, query: SignaalQuery): Promise<[SignaalResponse[], number]> {
    const manager = this.dataSource.manager;
    const builder = (await this.scoped(manager, actor))
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'ASC');
    if (query.status) builder.andWhere('s.status = :status', { status: query.status });
    if (query.soort) builder.andWhere('s.soort = :soort', { soort: query.soort });
    if (query.ketenId) builder.andWhere(':ketenId = ANY(s.keten_ids)', { ketenId: query.ketenId });
    if (query.organisatieId)
      builder.andWhere('s.organisatie_id = :organisatieId', {
        organisatieId: query.organisatieId,
      });
    if (query.periode) builder.andWhere('s.periode = :periode', { periode: query.periode });
    if (query.termijnVerstreken !== undefined) {
      const verstreken =
        's.antwoord_termijn IS NOT NULL AND s.antwoord_termijn < :vandaag AND s.status IN (:...open)';
      builder.andWhere(query.termijnVerstreken ? `(${verstreken})` : `NOT (${verstreken})`, {
        vandaag: vandaag(),
        open: OPEN_SIGNAAL_STATUSSEN,
      });
    }
    const { skip, take } = skipTake(query);
    const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
    const namen = await laadNamen(manager, actor.gemeenteId, signaalTeBenoemen(rows));
    const dag = vandaag();
    return [rows.map((s) => this.toResponse(actor, s, namen, dag)), total];
  }

  async findOne(actor: Actor, id: string): Promise<SignaalResponse> {
    const manager = this.dataSource.manager;
    return this.response(manager, actor, await this.laad(manager, actor, id));
  }

  /**
   * Edits per SignaalRechten: the raiser shapes the inbreng while it is nieuw, the gemeente's
   * handlers route it and write antwoord and terugkoppeling. If-Match is required.
   */
  async update(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: UpdateSignaalRequest,
  ): Promise<SignaalResponse> {
    weigerIdentificatoren(
      'Signaal',
      {
        titel: input.titel,
        waarneming: input.waarneming,
        antwoord: input.antwoord,
        terugkoppeling: input.terugkoppeling,
      },
      SIGNAAL_VELDNAMEN,
    );
    const dag = vandaag();
    if (typeof input.antwoordTermijn === 'string' && input.antwoordTermijn < dag)
      throw new AntwoordTermijnVerstrekenError(dag);
    if (input.periode && input.periode > kwartaalVan(dag))
      throw new PeriodeInToekomstError(input.periode, kwartaalVan(dag));
    return this.dataSource.transaction(async (manager) => {
      const before = await this.laad(manager, actor, id, true);
      vereisIfMatch(ifMatch, before.version, ENTITEIT);
      const velden = WIJZIGVELDEN.filter((veld) => input[veld] !== undefined);
      const fouten = controleerSignaalWijziging(
        before.status,
        signaalRechten(actor, before.organisatieId),
        velden,
      );
      const geenRecht = fouten.filter((f) => f.soort === 'geen-recht');
      if (geenRecht.length) throw new ForbiddenError(geenRecht.map((f) => f.melding).join(' '));
      if (fouten.length) throw new SignaalVastError(before.status, fouten);
      if (!velden.length) return this.response(manager, actor, before);

      const na: Signaal = {
        ...before,
        titel: input.titel ?? before.titel,
        waarneming: input.waarneming ?? before.waarneming,
        soort: input.soort ?? before.soort,
        perceelId: input.perceelId === undefined ? before.perceelId : input.perceelId,
        wijkId: input.wijkId === undefined ? before.wijkId : input.wijkId,
        ketenIds: input.ketenIds ? [...new Set(input.ketenIds)] : before.ketenIds,
        periode: input.periode ?? before.periode,
        antwoordTermijn:
          input.antwoordTermijn === undefined ? before.antwoordTermijn : input.antwoordTermijn,
        antwoord: input.antwoord === undefined ? before.antwoord : input.antwoord,
        terugkoppeling:
          input.terugkoppeling === undefined ? before.terugkoppeling : input.terugkoppeling,
      };
      // An answered signal keeps its answer and feedback: they may be reworded, not removed.
      const ontbrekend = ontbrekendeVelden(na, na.status);
      if (ontbrekend.length)
        throw new SignaalOnvolledigError(
          ontbrekend,
          `Een signaal met status '${na.status}' houdt zijn antwoord en terugkoppeling.`,
        );
      if (
        ['perceelId', 'wijkId', 'ketenIds', 'periode'].some(
          (v) => input[v as SignaalWijzigveld] !== undefined,
        )
      )
        await controleerVerwijzingen(
          manager,
          {
            gemeenteId: actor.gemeenteId,
            aanbiederId: await this.aanbiederVan(manager, before.organisatieId),
            periode: na.periode,
          },
          na,
        );
      await manager.getRepository(Signaal).save(na);
      const after = await manager.getRepository(Signaal).findOneByOrFail({ id });
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'signaal',
        entityId: id,
        before: signaalAudit(before),
        after: signaalAudit(after),
      });
      return this.response(manager, actor, after);
    });
  }

  /**
   * One step forward in the lifecycle, by the gemeente's handlers. Request fields are merged
   * before the check: beantwoord needs antwoord and terugkoppeling, gesloten the leerorde.
   */
  async wijzigStatus(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: CreateSignaalStatuswijzigingRequest,
  ): Promise<SignaalResponse> {
    weigerIdentificatoren(
      'Signaal',
      { antwoord: input.antwoord, terugkoppeling: input.terugkoppeling },
      SIGNAAL_VELDNAMEN,
    );
    if (input.leerorde !== undefined && input.status !== 'gesloten')
      throw new LeerordeAlleenBijSluitenError();
    const versies = leesIfMatch(ifMatch);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.laad(manager, actor, id, true);
      if (versies && !versies.includes(before.version))
        throw new VersionConflictError(
          ENTITEIT,
          versies.map(etag).join(', '),
          etag(before.version),
        );
      if (!signaalRechten(actor, before.organisatieId).behandelaar)
        throw new ForbiddenError(
          'Alleen een ketenregisseur, beleidsadviseur of contractmanager van de gemeente brengt een signaal verder.',
        );
      const samengevoegd = {
        status: before.status,
        antwoord: input.antwoord ?? before.antwoord,
        terugkoppeling: input.terugkoppeling ?? before.terugkoppeling,
        leerorde: input.leerorde ?? before.leerorde,
      };
      const uitkomst = controleerSignaalOvergang(samengevoegd, input.status);
      if (!uitkomst.ok) {
        if (uitkomst.soort === 'ongeldige-overgang')
          throw new TransitionError(ENTITEIT, uitkomst.van, uitkomst.naar, uitkomst.toegestaan);
        throw new SignaalOnvolledigError(uitkomst.velden, uitkomst.melding);
      }
      const nu = new Date();
      const na: Signaal = {
        ...before,
        status: input.status,
        antwoord: samengevoegd.antwoord,
        terugkoppeling: samengevoegd.terugkoppeling,
        leerorde: input.status === 'gesloten' ? samengevoegd.leerorde : before.leerorde,
        beantwoordOp: input.status === 'beantwoord' ? nu : before.beantwoordOp,
        geslotenOp: input.status === 'gesloten' ? nu : before.geslotenOp,
      };
      await manager.getRepository(Signaal).save(na);
      const after = await manager.getRepository(Signaal).findOneByOrFail({ id });
      await this.audit.record(manager, actor, {
        action: `status-${input.status}`,
        entityType: 'signaal',
        entityId: id,
        before: signaalAudit(before),
        after: signaalAudit(after),
      });
      await this.meldIndiener(manager, actor, after);
      return this.response(manager, actor, after);
    });
  }

  /**
   * The loop closes with the person who raised the signal: they hear when it is answered and
   * when it is closed, with the answer and the feedback (both privacy-scanned on the way in).
   * Not when they moved it themselves.
   */
  private async meldIndiener(manager: EntityManager, actor: Actor, s: Signaal): Promise<void> {
    if (s.ingebrachtDoorId === actor.gebruikerId) return;
    if (s.status !== 'beantwoord' && s.status !== 'gesloten') return;
    const alinea = (label: string, tekst: string | null) => (tekst ? `\n\n${label}: ${tekst}` : '');
    await this.notificaties.notificeer(manager, {
      gemeenteId: s.gemeenteId,
      gebruikerIds: [s.ingebrachtDoorId],
      soort: s.status === 'beantwoord' ? 'signaal-beantwoord' : 'signaal-gesloten',
      titel:
        s.status === 'beantwoord'
          ? `Uw signaal is beantwoord: ${s.titel}`
          : `Uw signaal is afgesloten: ${s.titel}`,
      tekst:
        (s.status === 'beantwoord'
          ? `De gemeente heeft uw signaal '${s.titel}' beantwoord.`
          : `De gemeente heeft uw signaal '${s.titel}' afgesloten.`) +
        alinea('Antwoord', s.antwoord) +
        alinea('Terugkoppeling', s.terugkoppeling),
      link: `/api/v1/signalen/${s.id}`,
      entiteit: { type: 'signaal', id: s.id },
      sleutel: `signaal-${s.status}:${s.id}`,
    });
  }

  /** The aanbieder a signal belongs to, or null when the gemeente raised it. */
  private async aanbiederVan(
    manager: EntityManager,
    organisatieId: string,
  ): Promise<string | null> {
    const organisatie = await manager
      .getRepository(Organisatie)
      .findOneBy({ id: organisatieId, soort: OrganisatieSoort.Aanbieder });
    return organisatie ? organisatie.id : null;
  }

  private async laad(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<Signaal> {
    const builder = (await this.scoped(manager, actor)).andWhere('s.id = :id', { id });
    if (lock) builder.setLock('pessimistic_write');
    const signaal = await builder.getOne();
    if (!signaal) throw new NotFoundError('Signaal', id);
    return signaal;
  }

  private async scoped(manager: EntityManager, actor: Actor): Promise<SelectQueryBuilder<Signaal>> {
    const scope = await leesScope(manager, actor);
    const builder = manager
      .getRepository(Signaal)
      .createQueryBuilder('s')
      .where('s.gemeente_id = :gemeenteId', { gemeenteId: scope.gemeenteId });
    if (scope.aanbiederId)
      builder.andWhere('s.organisatie_id = :eigen', { eigen: scope.aanbiederId });
    if (scope.ketenIds)
      builder.andWhere(
        `(s.keten_ids && CAST(:eigenKetens AS uuid[])
          OR s.ingebracht_door_id = :ik
          OR EXISTS (SELECT 1 FROM audit_entries a WHERE a.entity_type = 'signaal' AND a.entity_id = CAST(s.id AS varchar) AND a.actor_id = :ik))`,
        { eigenKetens: scope.ketenIds, ik: actor.gebruikerId },
      );
    return builder;
  }

  private async response(
    manager: EntityManager,
    actor: Actor,
    signaal: Signaal,
  ): Promise<SignaalResponse> {
    return this.toResponse(
      actor,
      signaal,
      await laadNamen(manager, signaal.gemeenteId, signaalTeBenoemen([signaal])),
      vandaag(),
    );
  }

  private toResponse(
    actor: Actor,
    signaal: Signaal,
    namen: Awaited<ReturnType<typeof laadNamen>>,
    dag: string,
  ): SignaalResponse {
    const volgende: SignaalStatus[] = signaalRechten(actor, signaal.organisatieId).behandelaar
      ? volgendeSignaalStatussen(signaal.status)
      : [];
    return toSignaalResponse(signaal, namen, {
      volgendeStatussen: volgende,
      termijnVerstreken: isTermijnVerstreken(signaal, dag),
    });
  }
}
