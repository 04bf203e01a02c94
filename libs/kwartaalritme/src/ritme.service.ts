import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  AuditService,
  JobName,
  QueueService,
  Rol,
  VersionConflictError,
} from '@wijkkompas/core';
import { DossierService } from '@wijkkompas/dossiers';
import { NotificatieService } from '@wijkkompas/notificaties';
import { vandaag as vandaagIn } from '@wijkkompas/opdrachten';
import { kwartaalTekst, RapportageperiodeService } from '@wijkkompas/verantwoording';
import { planDag, RitmeInstellingen, RitmeTaak, RitmeToestand, STANDAARD_RITME } from './planner';
import { RitmeInstelling } from './ritme-instelling.entity';

function datumTekst(datum: string): string {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${datum}T00:00:00Z`),
  );
}

export interface DagResultaat {
  datum: string;
  taken: RitmeTaak[];
}

/**
 * The quarterly rhythm of one gemeente (brief §4): each day the planner decides which unit
 * jobs are due (periods to open, reminders, escalations, dossiers, ending opdrachten, signals
 * past their term) and they are enqueued with deterministic job ids; each unit job is
 * idempotent (notifications by key, periods and dossiers by their own uniqueness).
 */
@Injectable()
export class RitmeService {
  private readonly logger = new Logger(RitmeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly notificaties: NotificatieService,
    private readonly periodes: RapportageperiodeService,
    private readonly dossiers: DossierService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  vandaag(nu = new Date()): string {
    return vandaagIn(this.config.timeZone, nu);
  }

  async instellingen(gemeenteId: string): Promise<RitmeInstellingen & { version: number }> {
    const rij = await this.dataSource.getRepository(RitmeInstelling).findOneBy({ gemeenteId });
    if (!rij) return { ...STANDAARD_RITME, version: 0 };
    return {
      herinneringDagen: rij.herinneringDagen,
      dossierDagenVoorGesprek: rij.dossierDagenVoorGesprek,
      opdrachtSignaleringDagen: rij.opdrachtSignaleringDagen,
      deadlineDagen: rij.deadlineDagen,
      version: rij.version,
    };
  }

  async zetInstellingen(
    actor: Actor,
    invoer: RitmeInstellingen & { version: number },
  ): Promise<RitmeInstellingen & { version: number }> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(RitmeInstelling);
      const voor = await repo.findOne({
        where: { gemeenteId: actor.gemeenteId },
        lock: { mode: 'pessimistic_write' },
      });
      const huidig = voor?.version ?? 0;
      if (invoer.version !== huidig)
        throw new VersionConflictError('Ritme-instellingen', invoer.version, huidig);
      const waarden = {
        herinneringDagen: [...new Set(invoer.herinneringDagen)].sort((a, b) => b - a),
        dossierDagenVoorGesprek: invoer.dossierDagenVoorGesprek,
        opdrachtSignaleringDagen: [...new Set(invoer.opdrachtSignaleringDagen)].sort(
          (a, b) => b - a,
        ),
        deadlineDagen: invoer.deadlineDagen,
      };
      if (voor) await repo.save({ ...voor, ...waarden });
      else await repo.insert({ gemeenteId: actor.gemeenteId, ...waarden });
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'ritme-instellingen',
        entityId: actor.gemeenteId,
        before: voor ? { ...STANDAARD_RITME, ...pick(voor) } : { ...STANDAARD_RITME },
        after: waarden,
      });
    });
    return this.instellingen(actor.gemeenteId);
  }

  /** Plans the day and enqueues its unit jobs (after any transaction: never inside one). */
  async draaiDag(gemeenteId: string, datum = this.vandaag()): Promise<DagResultaat> {
    // A dossier run whose job was lost would otherwise count as asked for, for good.
    await this.dossiers.ruimVerweesdeOp(gemeenteId);
    const [instellingen, toestand] = await Promise.all([
      this.instellingen(gemeenteId),
      this.toestand(gemeenteId, datum),
    ]);
    const taken = planDag(datum, instellingen, toestand);
    for (const taak of taken)
      await this.queues.add(JobName.RitmeTaak, { ...taak, datum }, { jobId: taak.jobId });
    this.logger.log({ gemeenteId, datum, taken: taken.length }, 'Kwartaalritme gepland');
    return { datum, taken };
  }

  async toestand(gemeenteId: string, datum: string): Promise<RitmeToestand> {
    const db = this.dataSource.manager;
    const [periodes, gesprekken, opdrachten, hoofdopdrachten, signalen] = await Promise.all([
      db.query(
        `SELECT p.id, p.aanbieder_id AS "aanbiederId", p.periode, p.deadline::text AS deadline,
                EXISTS (SELECT 1 FROM kwartaalverantwoordingen k
                         WHERE k.rapportageperiode_id = p.id AND k.ingediend_op IS NOT NULL) AS ingediend
           FROM rapportageperiodes p
          WHERE p.gemeente_id = $1 AND p.deadline >= $2::date - 30 AND p.begindatum <= $2::date
          ORDER BY p.deadline, p.id`,
        [gemeenteId, datum],
      ) as Promise<RitmeToestand['periodes']>,
      db.query(
        `SELECT o.id, o.aanbieder_id AS "aanbiederId", o.periode,
                (o.datum AT TIME ZONE $3)::date::text AS datum,
                EXISTS (SELECT 1 FROM dossiers d
                         WHERE d.overleg_id = o.id AND d.status <> 'mislukt') AS "dossierAangevraagd",
                (SELECT count(*)::int FROM dossiers d
                  WHERE d.overleg_id = o.id AND d.status = 'mislukt') AS "dossiersMislukt"
           FROM overleggen o
          WHERE o.gemeente_id = $1 AND o.soort = 'verantwoordingsgesprek' AND o.status IN ('gepland', 'agenda-gepubliceerd')
            AND (o.datum AT TIME ZONE $3)::date BETWEEN $2::date AND $2::date + 60
          ORDER BY o.datum, o.id`,
        [gemeenteId, datum, this.config.timeZone],
      ) as Promise<RitmeToestand['gesprekken']>,
      db.query(
        `SELECT id, einddatum::text AS einddatum FROM aanvullende_opdrachten
          WHERE gemeente_id = $1 AND status = 'actief'
            AND einddatum BETWEEN $2::date AND $2::date + 366
          ORDER BY einddatum, id`,
        [gemeenteId, datum],
      ) as Promise<RitmeToestand['opdrachten']>,
      db.query(
        `SELECT id, einddatum::text AS einddatum FROM hoofdopdrachten
          WHERE gemeente_id = $1 AND einddatum BETWEEN $2::date AND $2::date + 366
          ORDER BY einddatum, id`,
        [gemeenteId, datum],
      ) as Promise<RitmeToestand['hoofdopdrachten']>,
      db.query(
        `SELECT id, antwoord_termijn::text AS "antwoordTermijn" FROM signalen
          WHERE gemeente_id = $1 AND status NOT IN ('beantwoord', 'gesloten')
            AND antwoord_termijn < $2::date
          ORDER BY antwoord_termijn, id`,
        [gemeenteId, datum],
      ) as Promise<RitmeToestand['signalen']>,
    ]);
    return { gemeenteId, periodes, gesprekken, opdrachten, hoofdopdrachten, signalen };
  }

  /** Runs one unit job. Idempotent: running it twice has the effect of running it once. */
  async voerUit(taak: RitmeTaak & { datum?: string }): Promise<Record<string, unknown>> {
    switch (taak.soort) {
      case 'periode-openen':
        return this.openPeriodes(taak.gemeenteId, taak.periode, taak.deadline);
      case 'herinnering':
        return this.herinner(taak.gemeenteId, taak.periodeId, taak.dagen);
      case 'escalatie':
        return this.escaleer(taak.gemeenteId, taak.periodeId);
      case 'dossier':
        return this.vraagDossierAan(taak.gemeenteId, taak.overlegId, taak.datum);
      case 'opdracht-loopt-af':
        return this.meldOpdracht(taak.gemeenteId, taak.opdrachtId, taak.einddatum, taak.dagen);
      case 'hoofdopdracht-loopt-af':
        return this.meldHoofdopdracht(
          taak.gemeenteId,
          taak.hoofdopdrachtId,
          taak.einddatum,
          taak.maanden,
        );
      case 'signaal-termijn':
        return this.meldSignaal(taak.gemeenteId, taak.signaalId);
    }
  }

  private async openPeriodes(gemeenteId: string, periode: string, deadline: string) {
    const uitkomst = await this.periodes.openKwartaal(gemeenteId, periode, { deadline });
    // Notify for every period of the quarter, not only the new ones: a retry after a crash
    // between opening and notifying still notifies, and the key keeps it to once.
    const rijen: { id: string; aanbieder_id: string; deadline: string }[] =
      await this.dataSource.query(
        `SELECT id, aanbieder_id, deadline::text AS deadline FROM rapportageperiodes
        WHERE gemeente_id = $1 AND periode = $2 AND aanvullende_opdracht_id IS NULL`,
        [gemeenteId, periode],
      );
    let genotificeerd = 0;
    for (const p of rijen)
      genotificeerd += await this.notificaties.notificeer(undefined, {
        gemeenteId,
        rollen: [Rol.Directeur],
        organisatieId: p.aanbieder_id,
        soort: 'periode-geopend',
        titel: `Verantwoording ${kwartaalTekst(periode)} staat open`,
        tekst:
          `De verantwoording over het ${kwartaalTekst(periode)} staat voor u klaar. ` +
          `Dien haar uiterlijk ${datumTekst(p.deadline)} in.`,
        link: `/api/v1/rapportageperiodes/${p.id}`,
        entiteit: { type: 'rapportageperiode', id: p.id },
        sleutel: `periode-geopend:${p.id}`,
      });
    return { geopend: uitkomst.nieuw.length, genotificeerd };
  }

  private async periode(periodeId: string) {
    const [p]: {
      id: string;
      aanbieder_id: string;
      aanbieder: string;
      periode: string;
      deadline: string;
      ingediend: boolean;
    }[] = await this.dataSource.query(
      `SELECT p.id, p.aanbieder_id, ag.naam AS aanbieder, p.periode, p.deadline::text AS deadline,
              EXISTS (SELECT 1 FROM kwartaalverantwoordingen k
                       WHERE k.rapportageperiode_id = p.id AND k.ingediend_op IS NOT NULL) AS ingediend
         FROM rapportageperiodes p
         JOIN aanbieder_gemeenten ag ON ag.aanbieder_id = p.aanbieder_id AND ag.gemeente_id = p.gemeente_id
        WHERE p.id = $1`,
      [periodeId],
    );
    return p;
  }

  private async herinner(gemeenteId: string, periodeId: string, dagen: number) {
    const p = await this.periode(periodeId);
    if (!p || p.ingediend) return { overgeslagen: 'al ingediend' };
    const genotificeerd = await this.notificaties.notificeer(undefined, {
      gemeenteId,
      rollen: [Rol.Directeur, Rol.Teamleider],
      organisatieId: p.aanbieder_id,
      soort: 'herinnering',
      titel: `Herinnering: verantwoording ${kwartaalTekst(p.periode)} moet over ${dagen} dagen binnen zijn`,
      tekst:
        `De verantwoording van ${p.aanbieder} over het ${kwartaalTekst(p.periode)} is nog niet ingediend. ` +
        `De uiterste datum is ${datumTekst(p.deadline)}.`,
      link: `/api/v1/rapportageperiodes/${p.id}`,
      entiteit: { type: 'rapportageperiode', id: p.id },
      sleutel: `herinnering:${p.id}:${dagen}`,
    });
    return { genotificeerd };
  }

  private async escaleer(gemeenteId: string, periodeId: string) {
    const p = await this.periode(periodeId);
    if (!p || p.ingediend) return { overgeslagen: 'al ingediend' };
    const genotificeerd = await this.notificaties.notificeer(undefined, {
      gemeenteId,
      rollen: [Rol.Contractmanager],
      soort: 'escalatie',
      titel: `Te laat: verantwoording ${kwartaalTekst(p.periode)} van ${p.aanbieder}`,
      tekst:
        `${p.aanbieder} heeft de verantwoording over het ${kwartaalTekst(p.periode)} niet ingediend; ` +
        `de uiterste datum was ${datumTekst(p.deadline)}.`,
      link: `/api/v1/rapportageperiodes/${p.id}`,
      entiteit: { type: 'rapportageperiode', id: p.id },
      sleutel: `escalatie:${p.id}`,
    });
    return { genotificeerd };
  }

  /**
   * The planned dossier of a verantwoordingsgesprek, as of the planned day (`datum`, the
   * dossier's peildatum). A run that ended mislukt does not count: the planning asks again.
   */
  private async vraagDossierAan(gemeenteId: string, overlegId: string, datum?: string) {
    const [o]: { aanbieder_id: string; periode: string; bestaand: string | null }[] =
      await this.dataSource.query(
        `SELECT o.aanbieder_id, o.periode,
                (SELECT d.id FROM dossiers d WHERE d.overleg_id = o.id AND d.status <> 'mislukt'
                  ORDER BY d.created_at LIMIT 1) AS bestaand
           FROM overleggen o WHERE o.id = $1 AND o.gemeente_id = $2`,
        [overlegId, gemeenteId],
      );
    if (!o) return { overgeslagen: 'overleg bestaat niet meer' };
    if (o.bestaand) return { dossierId: o.bestaand, overgeslagen: 'al aangevraagd' };
    const dossier = await this.dossiers.vraagAan(gemeenteId, o.aanbieder_id, o.periode, {
      overlegId,
      aanleiding: 'planning',
      peildatum: datum,
    });
    return { dossierId: dossier.id };
  }

  /**
   * Warns about an active opdracht ending on `einddatum`. Checked again when the job runs (it
   * may run later, as a retry): an opdracht that was ended, or extended to another date, in
   * the meantime is not warned about; the daily planning warns about the new date in time.
   */
  private async meldOpdracht(
    gemeenteId: string,
    opdrachtId: string,
    einddatum: string | undefined,
    dagen: number,
  ) {
    const [o]: { titel: string; einddatum: string; status: string }[] = await this.dataSource.query(
      `SELECT titel, einddatum::text AS einddatum, status FROM aanvullende_opdrachten
          WHERE id = $1 AND gemeente_id = $2`,
      [opdrachtId, gemeenteId],
    );
    if (!o) return { overgeslagen: 'opdracht bestaat niet meer' };
    if (o.status !== 'actief') return { overgeslagen: `opdracht is ${o.status}` };
    // Jobs planned before the end date was part of the task carry none.
    if (einddatum && o.einddatum !== einddatum) return { overgeslagen: 'einddatum gewijzigd' };
    const genotificeerd = await this.notificaties.notificeer(undefined, {
      gemeenteId,
      rollen: [Rol.Contractmanager],
      soort: 'opdracht-loopt-af',
      titel: `Aanvullende opdracht loopt binnen ${dagen} dagen af: ${o.titel}`,
      tekst:
        `De aanvullende opdracht '${o.titel}' loopt af op ${datumTekst(o.einddatum)}. ` +
        'Besluit tijdig over verlengen, afronden of opnemen in de hoofdopdracht.',
      link: `/api/v1/aanvullende-opdrachten/${opdrachtId}`,
      entiteit: { type: 'aanvullende-opdracht', id: opdrachtId },
      sleutel: `opdracht-loopt-af:${opdrachtId}:${o.einddatum}:${dagen}`,
    });
    return { genotificeerd };
  }

  /**
   * Warns the contractmanager and the bestuurder that a hoofdopdracht ends within `maanden`
   * months: once per threshold per end date (the key), so a verlenging to a new date warns
   * again in time and a retry or a second run of the day warns no one twice.
   */
  private async meldHoofdopdracht(
    gemeenteId: string,
    hoofdopdrachtId: string,
    einddatum: string,
    maanden: number,
  ) {
    const [h]: { titel: string; einddatum: string; aanbieder: string }[] =
      await this.dataSource.query(
        `SELECT h.titel, h.einddatum::text AS einddatum, ag.naam AS aanbieder
           FROM hoofdopdrachten h
           JOIN aanbieder_gemeenten ag ON ag.aanbieder_id = h.aanbieder_id AND ag.gemeente_id = h.gemeente_id
          WHERE h.id = $1 AND h.gemeente_id = $2`,
        [hoofdopdrachtId, gemeenteId],
      );
    if (!h) return { overgeslagen: 'hoofdopdracht bestaat niet meer' };
    if (h.einddatum !== einddatum) return { overgeslagen: 'einddatum gewijzigd' };
    const genotificeerd = await this.notificaties.notificeer(undefined, {
      gemeenteId,
      rollen: [Rol.Contractmanager, Rol.Bestuurder],
      soort: 'hoofdopdracht-loopt-af',
      titel: `Hoofdopdracht loopt binnen ${maanden} maanden af: ${h.aanbieder}`,
      tekst:
        `De hoofdopdracht '${h.titel}' van ${h.aanbieder} loopt af op ${datumTekst(h.einddatum)}. ` +
        'Besluit tijdig over verlengen, opnieuw aanbesteden of beëindigen; een verlenging legt u vast als wijziging.',
      link: `/api/v1/hoofdopdrachten/${hoofdopdrachtId}`,
      entiteit: { type: 'hoofdopdracht', id: hoofdopdrachtId },
      sleutel: `hoofdopdracht-loopt-af:${hoofdopdrachtId}:${h.einddatum}:${maanden}`,
    });
    return { genotificeerd };
  }

  private async meldSignaal(gemeenteId: string, signaalId: string) {
    const [s]: { titel: string; termijn: string; status: string; regisseurs: string[] }[] =
      await this.dataSource.query(
        `SELECT s.titel, s.antwoord_termijn::text AS termijn, s.status,
                array(SELECT k.ketenregisseur_id::text FROM ketens k
                       WHERE k.id = ANY(s.keten_ids) AND k.ketenregisseur_id IS NOT NULL) AS regisseurs
           FROM signalen s WHERE s.id = $1 AND s.gemeente_id = $2`,
        [signaalId, gemeenteId],
      );
    if (!s || ['beantwoord', 'gesloten'].includes(s.status)) return { overgeslagen: 'beantwoord' };
    const inhoud = {
      gemeenteId,
      soort: 'signaal-termijn',
      titel: `Signaal zonder antwoord: ${s.titel}`,
      tekst:
        `Het signaal '${s.titel}' had uiterlijk ${datumTekst(s.termijn)} een antwoord moeten hebben. ` +
        'De professionals wachten op terugkoppeling.',
      link: `/api/v1/signalen/${signaalId}`,
      entiteit: { type: 'signaal', id: signaalId },
      sleutel: `signaal-termijn:${signaalId}`,
    };
    const genotificeerd =
      (await this.notificaties.notificeer(undefined, {
        ...inhoud,
        rollen: [Rol.Contractmanager],
      })) +
      (s.regisseurs.length
        ? await this.notificaties.notificeer(undefined, { ...inhoud, gebruikerIds: s.regisseurs })
        : 0);
    return { genotificeerd };
  }
}

function pick(r: RitmeInstelling): RitmeInstellingen {
  return {
    herinneringDagen: r.herinneringDagen,
    dossierDagenVoorGesprek: r.dossierDagenVoorGesprek,
    opdrachtSignaleringDagen: r.opdrachtSignaleringDagen,
    deadlineDagen: r.deadlineDagen,
  };
}
