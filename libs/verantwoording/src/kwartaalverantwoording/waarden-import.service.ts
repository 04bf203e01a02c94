import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AuditService, ValidationError, privacyWaarom, scanPrivacy } from '@wijkkompas/core';
import { IfMatchVereistError, leesIfMatch } from '../kpi/if-match';
import { parseCsv } from '../import/csv';
import {
  KPI_IMPORT_KOLOMMEN,
  KpiImportKpi,
  KpiImportOpzoeklijsten,
  normaliseerKop,
  valideerKpiImport,
} from '../import/kpi-import';
import { Tabel } from '../import/tabel';
import { leesXlsx, XlsxLeesFout } from '../import/xlsx';
import { leesScope } from '../shared/scope';
import { claimConcept } from './concept';
import { controleerDecimaal, GEWICHT_GRENZEN, WAARDE_GRENZEN } from './decimaal-invoer';
import { ImportResultaatResponse } from './kwartaalverantwoording.dto';
import {
  ImportAfgekeurdError,
  ImportFout,
  NietBewerkbaarError,
} from './kwartaalverantwoording.errors';
import { laadVerantwoording, laadVerwachting, Verwachting } from './kwartaalverantwoording.lezer';
import { AUDIT_TYPE } from './kwartaalverantwoording.service';
import { schrijfWaarden, TeSchrijvenWaarde } from './waarden-opslag';

/** What an upload gives the service; the HTTP layer (multer, in memory) provides it. */
export interface ImportBestand {
  originalname: string;
  mimetype?: string;
  size: number;
  buffer: Buffer;
}

export type ImportFormaat = 'csv' | 'xlsx';

/** At most this many row errors travel back; the total is always given. */
export const MAX_GEMELDE_FOUTEN = 1_000;
const MAX_BRON = 200;

export function formaatVan(
  bestand: Pick<ImportBestand, 'originalname' | 'mimetype'>,
): ImportFormaat | null {
  const naam = bestand.originalname.toLowerCase();
  if (naam.endsWith('.csv')) return 'csv';
  if (naam.endsWith('.xlsx')) return 'xlsx';
  if (bestand.mimetype === 'text/csv') return 'csv';
  if (bestand.mimetype === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    return 'xlsx';
  return null;
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F; Node's decoder keeps those as C1 controls. */
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Text of a CSV export: UTF-8 as it should be, but registration systems and older Excel
 * still write Windows-1252; invalid UTF-8 is read as that instead of as replacement marks.
 */
export function decodeerCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return buffer
      .toString('latin1')
      .replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]);
  }
}

const normaliseer = (tekst: string) => tekst.trim().toLowerCase();

/**
 * A lookup by code that never throws on codes equal but for case (names are unique only as
 * written): an ambiguous code is left out, so a row using it is reported as unknown.
 */
function opzoeklijst<T>(paren: Iterable<[string, T]>): Map<string, T> {
  const lijst = new Map<string, T>();
  const dubbel = new Set<string>();
  for (const [code, waarde] of paren) {
    const sleutel = normaliseer(code);
    if (lijst.has(sleutel)) dubbel.add(sleutel);
    else lijst.set(sleutel, waarde);
  }
  for (const sleutel of dubbel) lijst.delete(sleutel);
  return lijst;
}

export function opzoeklijsten(
  verwachting: Verwachting,
  opgeslagenGewichten?: ReadonlySet<string>,
): KpiImportOpzoeklijsten {
  return {
    opgeslagenGewichten,
    kpis: opzoeklijst(
      [...verwachting.kpis.values()]
        .filter((k) => verwachting.huidigeVersies.has(k.id))
        .map((k): [string, KpiImportKpi] => {
          const versie = verwachting.huidigeVersies.get(k.id)!;
          return [
            k.code,
            {
              id: k.id,
              versieId: versie.id,
              perPerceel: versie.perPerceel,
              gewogen: versie.perPerceel && versie.aggregatie === 'gewogen-gemiddelde',
            },
          ];
        }),
    ),
    // A perceel is named by its name (its "code" in exports) or by its id.
    percelen: opzoeklijst([
      ...[...verwachting.percelen].map(([id, naam]): [string, string] => [naam, id]),
      ...[...verwachting.percelen.keys()].map((id): [string, string] => [id, id]),
    ]),
  };
}

/** The column of a role as its header is written in the file, or undefined without one. */
function kolomVan(tabel: Tabel, rol: keyof typeof KPI_IMPORT_KOLOMMEN): string | undefined {
  return tabel.kop.find((kop) => KPI_IMPORT_KOLOMMEN[rol].includes(normaliseerKop(kop)));
}

/**
 * Imports the KPI values of an export (CSV or XLSX) into a concept: all or nothing. The file
 * is read and checked before anything is written; one error anywhere and the answer is a
 * 422 listing every row and why, with nothing stored. A clean file is written in a handful
 * of multi-row upserts in one transaction, audited as one entry.
 */
@Injectable()
export class WaardenImportService {
  private readonly logger = new Logger(WaardenImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async importeer(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    bestand: ImportBestand | undefined,
  ): Promise<ImportResultaatResponse> {
    const start = performance.now();
    // Cheap refusals first, before reading a large file.
    if (!leesIfMatch(ifMatch)) throw new IfMatchVereistError('de kwartaalverantwoording');
    const scope = await leesScope(this.dataSource.manager, actor);
    const verantwoording = await laadVerantwoording(this.dataSource.manager, scope, id);
    if (verantwoording.status !== 'concept') throw new NietBewerkbaarError(verantwoording.status);
    if (!bestand)
      throw new ValidationError([
        { name: 'bestand', reason: 'stuur het bestand mee in het formulierveld bestand' },
      ]);
    const formaat = formaatVan(bestand);
    if (!formaat)
      throw new ValidationError([
        { name: 'bestand', reason: 'bestand moet een .csv- of .xlsx-bestand zijn' },
      ]);

    const tabel = await this.lees(bestand, formaat);
    const gelezen = performance.now();
    const verwachting = await laadVerwachting(this.dataSource.manager, verantwoording);
    const gewogen: { sleutel: string }[] = await this.dataSource.manager.query(
      `SELECT kpi_id || ':' || perceel_id AS sleutel FROM kpi_waarden
        WHERE kwartaalverantwoording_id = $1 AND perceel_id IS NOT NULL AND gewicht IS NOT NULL`,
      [id],
    );
    const uitkomst = valideerKpiImport(
      tabel,
      opzoeklijsten(verwachting, new Set(gewogen.map((g) => g.sleutel))),
    );
    if (!uitkomst.ok)
      throw this.afgekeurd(
        uitkomst.fouten.map((f) => ({ rij: f.rij, kolom: f.kolom ?? null, melding: f.melding })),
      );
    const waardeKolom = kolomVan(tabel, 'waarde') ?? 'waarde';
    const bronKolom = kolomVan(tabel, 'bron') ?? 'bron';
    const gewichtKolom = kolomVan(tabel, 'gewicht') ?? 'gewicht';
    const toelichtingKolom = kolomVan(tabel, 'toelichting') ?? 'toelichting';
    const waarom = privacyWaarom('KPI-waarde');
    const fouten: ImportFout[] = [];
    for (const w of uitkomst.waarden) {
      const controle = controleerDecimaal(w.waarde, 'De waarde', WAARDE_GRENZEN);
      if (!controle.ok)
        fouten.push({ rij: w.rij, kolom: waardeKolom, melding: `${controle.reden}.` });
      if (w.gewicht !== undefined) {
        const gewicht = controleerDecimaal(w.gewicht, 'Het gewicht', GEWICHT_GRENZEN);
        if (!gewicht.ok)
          fouten.push({ rij: w.rij, kolom: gewichtKolom, melding: `${gewicht.reden}.` });
      }
      // Toelichting and bron reach dossiers: no direct identifiers (named, never echoed).
      if (w.toelichting || w.bron)
        for (const bevinding of scanPrivacy(
          { [toelichtingKolom]: w.toelichting, [bronKolom]: w.bron },
          { waarom },
        ))
          fouten.push({ rij: w.rij, kolom: bevinding.veld, melding: bevinding.melding });
      if (w.bron && w.bron.length > MAX_BRON)
        fouten.push({
          rij: w.rij,
          kolom: bronKolom,
          melding: `De bron is ${w.bron.length} tekens lang; er passen er ${MAX_BRON}.`,
        });
    }
    if (fouten.length) throw this.afgekeurd(fouten);

    const metToelichting = kolomVan(tabel, 'toelichting') !== undefined;
    const metBron = kolomVan(tabel, 'bron') !== undefined;
    const metGewicht = kolomVan(tabel, 'gewicht') !== undefined;
    const metDatakwaliteit = kolomVan(tabel, 'datakwaliteit') !== undefined;
    const rijen: TeSchrijvenWaarde[] = uitkomst.waarden.map((w) => ({
      kpiId: w.kpiId,
      kpiVersieId: w.kpiVersieId,
      perceelId: w.perceelId,
      waarde: w.waarde,
      gewicht: w.gewicht ?? null,
      toelichting: w.toelichting ?? null,
      bron: w.bron ?? null,
      datakwaliteit: w.datakwaliteit ?? 'betrouwbaar',
    }));
    const gevalideerd = performance.now();

    return this.dataSource.transaction(async (manager) => {
      const actueel = await laadVerantwoording(manager, scope, id);
      const version = await claimConcept(manager, actueel, ifMatch);
      const resultaat = await schrijfWaarden(manager, id, rijen, {
        gewicht: !metGewicht,
        datakwaliteit: !metDatakwaliteit,
        toelichting: !metToelichting,
        bron: !metBron,
      });
      await this.audit.record(manager, actor, {
        action: 'waarden-geimporteerd',
        entityType: AUDIT_TYPE,
        entityId: id,
        after: {
          bestand: bestand.originalname,
          formaat,
          bytes: bestand.size,
          aantalRijen: rijen.length,
          ...resultaat,
          version,
        },
      });
      this.logger.log(
        {
          kwartaalverantwoordingId: id,
          formaat,
          rijen: rijen.length,
          lezenMs: Math.round(gelezen - start),
          valideerMs: Math.round(gevalideerd - gelezen),
          schrijvenMs: Math.round(performance.now() - gevalideerd),
        },
        'KPI-waarden geïmporteerd',
      );
      return { aantalRijen: rijen.length, ...resultaat, version };
    });
  }

  private async lees(bestand: ImportBestand, formaat: ImportFormaat): Promise<Tabel> {
    if (formaat === 'xlsx') {
      try {
        return await leesXlsx(bestand.buffer);
      } catch (fout) {
        if (fout instanceof XlsxLeesFout)
          throw this.afgekeurd([{ rij: 0, kolom: null, melding: fout.message }], fout.message);
        throw fout;
      }
    }
    const csv = parseCsv(decodeerCsv(bestand.buffer));
    if (csv.fouten.length)
      throw this.afgekeurd(
        csv.fouten.map((f) => ({ rij: f.rij, kolom: null, melding: f.melding })),
      );
    return { kop: csv.kop, kopRij: csv.kop.length ? 1 : 0, records: csv.records };
  }

  private afgekeurd(fouten: ImportFout[], detail?: string): ImportAfgekeurdError {
    const gesorteerd = [...fouten].sort((a, b) => a.rij - b.rij);
    return new ImportAfgekeurdError(gesorteerd.slice(0, MAX_GEMELDE_FOUTEN), fouten.length, detail);
  }
}
