/**
 * Validation of an imported file of KPI values (CSV or XLSX, read into a `Tabel`). Pure:
 * the caller loads the KPIs of the opdracht and the percelen of the aanbieder into lookup
 * maps and saves the result. Either every row is valid and all values come back, or
 * nothing is imported and every problem in every row is reported, so the user fixes the
 * file in one go.
 *
 * Columns, matched without regard to case, spaces, dashes and underscores, in any order;
 * other columns are ignored:
 *
 * - `kpi-code` (also `kpi`, `code`, `kpiCode`): required;
 * - `waarde`: required; a number as leesGetal reads it ("12,5", "12.5", "1.234,5"), or a
 *   spreadsheet number;
 * - `perceel` (also `perceelcode`): the perceel code, required for KPIs reported per
 *   perceel and to be left empty for the others; may be left out of a file without such KPIs;
 * - `toelichting`, `bron`: optional text;
 * - `gewicht`: the weight of the value in a weighted mean over the percelen (the number of
 *   cliënten, say), read like the value; an empty cell means no weight. Required for the
 *   figures of a KPI that adds up as a weighted mean, unless the account already holds a
 *   weight for that KPI and perceel (a file without one keeps the stored weight);
 * - `datakwaliteit`: optional, one of betrouwbaar, voorlopig, onvolledig, onzeker (any case);
 *   an empty cell means betrouwbaar.
 *
 * A value like "1.234" is 1234 with a Dutch thousands point and 1.234 with an English
 * decimal point. The file settles it when its other values prove one convention (a value
 * like "12,5" or "1.234.567" proves the komma); otherwise, or when the file proves both,
 * such a value is refused rather than guessed. `opties.decimaalteken` overrides.
 *
 * One pass over the rows with hash-map lookups: 100 000 rows take well under a second.
 */
import { bevatOngeldigTeken } from '@wijkkompas/core';
import { Decimaal, Decimaalteken, GetalLezing, leesGetal, naarDecimaal } from '../decimaal';
import {
  DATAKWALITEITEN,
  Datakwaliteit,
} from '../kwartaalverantwoording/kwartaalverantwoording.entity';
import { Tabel, TabelCel } from './tabel';

export interface KpiImportKpi {
  id: string;
  versieId: string;
  perPerceel: boolean;
  /** Adds up over the percelen as a weighted mean: every perceel's figure needs a weight. */
  gewogen?: boolean;
}

export interface KpiImportOpzoeklijsten {
  /** By KPI code; matched trimmed and without regard to case. */
  kpis: ReadonlyMap<string, KpiImportKpi>;
  /** Perceel id by perceel code; matched trimmed and without regard to case. */
  percelen: ReadonlyMap<string, string>;
  /**
   * `kpiId:perceelId` of the figures that already have a weight in the account: a file
   * without a weight for them keeps the stored one, so they need none.
   */
  opgeslagenGewichten?: ReadonlySet<string>;
}

export interface KpiImportOpties {
  /** The decimal separator of the file, when the user has said so. */
  decimaalteken?: Decimaalteken;
}

export interface GeimporteerdeKpiWaarde {
  kpiId: string;
  kpiVersieId: string;
  perceelId: string | null;
  waarde: Decimaal;
  toelichting?: string;
  bron?: string;
  /** Only when the file has a gewicht column and the cell is filled. */
  gewicht?: Decimaal;
  /** Only when the file has a datakwaliteit column and the cell is filled. */
  datakwaliteit?: Datakwaliteit;
  /** The row in the file, for messages later on. */
  rij: number;
}

export interface KpiImportFout {
  /** Row as the spreadsheet shows it; the header row for a problem with the columns. */
  rij: number;
  /** The column as its header is written in the file (or its standard name when missing). */
  kolom?: string;
  melding: string;
}

export type KpiImportResultaat =
  { ok: true; waarden: GeimporteerdeKpiWaarde[] } | { ok: false; fouten: KpiImportFout[] };

type Rol = 'kpi' | 'perceel' | 'waarde' | 'toelichting' | 'bron' | 'gewicht' | 'datakwaliteit';

/** Accepted header names per column, normalised (lower case, no spaces, dashes, underscores). */
export const KPI_IMPORT_KOLOMMEN: Readonly<Record<Rol, readonly string[]>> = {
  kpi: ['kpicode', 'kpi', 'code'],
  perceel: ['perceel', 'perceelcode'],
  waarde: ['waarde'],
  toelichting: ['toelichting'],
  bron: ['bron'],
  gewicht: ['gewicht'],
  datakwaliteit: ['datakwaliteit', 'kwaliteit'],
};

const ROL_NAAM: Readonly<Record<Rol, string>> = {
  kpi: 'kpi-code',
  perceel: 'perceel',
  waarde: 'waarde',
  toelichting: 'toelichting',
  bron: 'bron',
  gewicht: 'gewicht',
  datakwaliteit: 'datakwaliteit',
};

const ROL_VAN_KOP = new Map<string, Rol>(
  (Object.entries(KPI_IMPORT_KOLOMMEN) as [Rol, readonly string[]][]).flatMap(([rol, namen]) =>
    namen.map((naam): [string, Rol] => [naam, rol]),
  ),
);

/** A header as the columns are matched: lower case, without spaces, dashes and underscores. */
export const normaliseerKop = (kop: string) =>
  kop
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
const normaliseerCode = (code: string) => code.trim().toLowerCase();

const VERWACHT =
  "Verwacht worden de kolommen 'kpi-code' en 'waarde', 'perceel' voor KPI's die per perceel worden verantwoord, en eventueel 'toelichting', 'bron', 'gewicht' en 'datakwaliteit'.";

interface Kolom {
  index: number;
  naam: string;
}

export function valideerKpiImport(
  tabel: Tabel,
  opzoek: KpiImportOpzoeklijsten,
  opties: KpiImportOpties = {},
): KpiImportResultaat {
  const kopRij = tabel.kopRij || 1;
  if (tabel.kop.every((kop) => kop.trim() === '')) {
    return {
      ok: false,
      fouten: [
        { rij: kopRij, melding: `Het bestand is leeg: er staat geen kopregel in. ${VERWACHT}` },
      ],
    };
  }

  // Columns.
  const kolommen = new Map<Rol, Kolom>();
  const kopFouten: KpiImportFout[] = [];
  tabel.kop.forEach((kop, index) => {
    const rol = ROL_VAN_KOP.get(normaliseerKop(kop));
    if (!rol) return;
    const naam = kop.trim();
    const eerder = kolommen.get(rol);
    if (eerder) {
      kopFouten.push({
        rij: kopRij,
        kolom: naam,
        melding: `De kolommen '${eerder.naam}' en '${naam}' zijn allebei de ${ROL_NAAM[rol]}; laat er één staan.`,
      });
    } else {
      kolommen.set(rol, { index, naam });
    }
  });
  for (const rol of ['kpi', 'waarde'] as const) {
    if (!kolommen.has(rol)) {
      kopFouten.push({
        rij: kopRij,
        kolom: ROL_NAAM[rol],
        melding: `De kolom '${ROL_NAAM[rol]}' ontbreekt. ${VERWACHT}`,
      });
    }
  }
  if (kopFouten.length > 0) return { ok: false, fouten: kopFouten };

  const kpis = normaliseerSleutels(opzoek.kpis, 'KPI-code');
  const percelen = normaliseerSleutels(opzoek.percelen, 'perceelcode');
  const kpiKolom = kolommen.get('kpi')!;
  const waardeKolom = kolommen.get('waarde')!;
  const perceelKolom = kolommen.get('perceel');
  const toelichtingKolom = kolommen.get('toelichting');
  const bronKolom = kolommen.get('bron');
  const gewichtKolom = kolommen.get('gewicht');
  const kwaliteitKolom = kolommen.get('datakwaliteit');

  // First pass: read the numbers and see which decimal separator the file proves.
  const rijen = tabel.records.filter((record) => record.velden.some((cel) => tekst(cel) !== ''));
  if (rijen.length === 0) {
    return {
      ok: false,
      fouten: [
        { rij: kopRij, melding: 'Het bestand heeft een kopregel maar geen regels met waarden.' },
      ],
    };
  }
  let kommaBewezen = false;
  let puntBewezen = false;
  const leesKolom = (kolom: Kolom | undefined): (GetalLezing | Decimaal | null)[] => {
    const gelezen: (GetalLezing | Decimaal | null)[] = new Array(rijen.length).fill(null);
    if (!kolom) return gelezen;
    for (let i = 0; i < rijen.length; i++) {
      const cel = rijen[i].velden[kolom.index];
      if (typeof cel === 'number') {
        gelezen[i] = naarDecimaal(cel);
      } else {
        const lezing =
          cel === undefined || cel.trim() === '' ? null : leesGetal(cel, opties.decimaalteken);
        if (lezing?.soort === 'getal' && lezing.bewijs === 'komma') kommaBewezen = true;
        if (lezing?.soort === 'getal' && lezing.bewijs === 'punt') puntBewezen = true;
        gelezen[i] = lezing;
      }
    }
    return gelezen;
  };
  const lezingen = leesKolom(waardeKolom);
  const gewichtLezingen = leesKolom(gewichtKolom);
  const decimaalteken: Decimaalteken | null =
    kommaBewezen === puntBewezen ? null : kommaBewezen ? 'komma' : 'punt';

  // Second pass: everything else, collecting every problem.
  const fouten: KpiImportFout[] = [];
  const waarden: GeimporteerdeKpiWaarde[] = [];
  const eersteRij = new Map<string, number>();
  for (let i = 0; i < rijen.length; i++) {
    const { rij, velden } = rijen[i];
    const fout = (kolom: string, melding: string) => fouten.push({ rij, kolom, melding });

    const code = tekst(velden[kpiKolom.index]);
    const kpi = code === '' ? undefined : kpis.get(normaliseerCode(code));
    if (code === '') fout(kpiKolom.naam, 'De KPI-code ontbreekt.');
    else if (!kpi)
      fout(
        kpiKolom.naam,
        `Onbekende KPI-code '${kort(code)}': die staat niet in de KPI-set van deze opdracht.`,
      );

    const perceelCode = perceelKolom ? tekst(velden[perceelKolom.index]) : '';
    const perceelNaam = perceelKolom?.naam ?? 'perceel';
    let perceelId: string | null = null;
    let perceelKlopt = false;
    if (kpi && !kpi.perPerceel && perceelCode !== '') {
      fout(
        perceelNaam,
        `KPI '${kort(code)}' wordt niet per perceel verantwoord: laat het perceel leeg.`,
      );
    } else if (kpi?.perPerceel && perceelCode === '') {
      fout(
        perceelNaam,
        perceelKolom
          ? `KPI '${kort(code)}' wordt per perceel verantwoord: vul het perceel in.`
          : `KPI '${kort(code)}' wordt per perceel verantwoord, maar het bestand heeft geen kolom 'perceel'.`,
      );
    } else if (perceelCode !== '') {
      perceelId = percelen.get(normaliseerCode(perceelCode)) ?? null;
      if (perceelId === null) {
        fout(
          perceelNaam,
          `Onbekend perceel '${kort(perceelCode)}': dat is geen perceel van deze aanbieder.`,
        );
      } else {
        perceelKlopt = true;
      }
    } else {
      perceelKlopt = true;
    }

    const waarde = leesWaarde(lezingen[i], velden[waardeKolom.index], decimaalteken);
    if (waarde.fout !== undefined) fout(waardeKolom.naam, waarde.fout);

    const gewichtCel = gewichtKolom ? velden[gewichtKolom.index] : undefined;
    const gewicht =
      gewichtKolom && tekst(gewichtCel) !== ''
        ? leesWaarde(gewichtLezingen[i], gewichtCel, decimaalteken, 'Het gewicht')
        : {};
    if (gewicht.fout !== undefined) fout(gewichtKolom!.naam, gewicht.fout);
    else if (gewicht.decimaal?.startsWith('-'))
      fout(gewichtKolom!.naam, 'Het gewicht mag niet negatief zijn.');
    else if (
      kpi?.gewogen &&
      perceelId !== null &&
      gewicht.decimaal === undefined &&
      !opzoek.opgeslagenGewichten?.has(`${kpi.id}:${perceelId}`)
    )
      // Without it the weighted mean cannot be computed, and the account and the dossier
      // would show no figure for the KPI at all: refuse here, where it can be fixed.
      fout(
        gewichtKolom?.naam ?? 'gewicht',
        `KPI '${kort(code)}' telt over de percelen op als gewogen gemiddelde: vul ${
          gewichtKolom ? 'het gewicht' : "in een kolom 'gewicht' het gewicht"
        } van dit perceel in (bijvoorbeeld het aantal inwoners of cliënten).`,
      );

    const kwaliteitTekst = kwaliteitKolom ? tekst(velden[kwaliteitKolom.index]).toLowerCase() : '';
    const datakwaliteit = DATAKWALITEITEN.find((k) => k === kwaliteitTekst);
    if (kwaliteitTekst !== '' && !datakwaliteit)
      fout(
        kwaliteitKolom!.naam,
        `'${kort(kwaliteitTekst)}' is geen datakwaliteit; kies uit ${DATAKWALITEITEN.join(', ')} of laat de cel leeg (betrouwbaar).`,
      );

    if (kpi && perceelKlopt) {
      const sleutel = `${kpi.id}\u0000${perceelId ?? ''}`;
      const eerder = eersteRij.get(sleutel);
      if (eerder === undefined) {
        eersteRij.set(sleutel, rij);
      } else {
        fout(
          kpiKolom.naam,
          perceelId === null
            ? `KPI '${kort(code)}' staat al op rij ${eerder}; een KPI krijgt één waarde.`
            : `KPI '${kort(code)}' staat voor perceel '${kort(perceelCode)}' al op rij ${eerder}; een KPI krijgt één waarde per perceel.`,
        );
      }
    }

    // The same characters the API refuses in any text (NUL cannot even be stored).
    for (const kolom of [toelichtingKolom, bronKolom])
      if (kolom && bevatOngeldigTeken(tekst(velden[kolom.index])))
        fout(
          kolom.naam,
          'De cel bevat een teken dat niet is toegestaan (een stuurteken of ongeldige Unicode).',
        );

    // Once anything is wrong nothing is imported; only the errors are still collected.
    if (fouten.length === 0 && kpi && waarde.decimaal !== undefined) {
      const toelichting = toelichtingKolom ? tekst(velden[toelichtingKolom.index]) : '';
      const bron = bronKolom ? tekst(velden[bronKolom.index]) : '';
      waarden.push({
        kpiId: kpi.id,
        kpiVersieId: kpi.versieId,
        perceelId,
        waarde: waarde.decimaal,
        ...(toelichting ? { toelichting } : {}),
        ...(bron ? { bron } : {}),
        ...(gewicht.decimaal !== undefined ? { gewicht: gewicht.decimaal } : {}),
        ...(datakwaliteit ? { datakwaliteit } : {}),
        rij,
      });
    }
  }

  return fouten.length > 0 ? { ok: false, fouten } : { ok: true, waarden };
}

function leesWaarde(
  lezing: GetalLezing | Decimaal | null,
  cel: TabelCel | undefined,
  decimaalteken: Decimaalteken | null,
  wat = 'De waarde',
): { decimaal?: Decimaal; fout?: string } {
  if (typeof lezing === 'string') return { decimaal: lezing };
  if (lezing === null) {
    return typeof cel === 'number'
      ? { fout: `${wat} is geen eindig getal.` }
      : { fout: `${wat} ontbreekt.` };
  }
  const invoer = typeof cel === 'string' ? cel.trim() : '';
  switch (lezing.soort) {
    case 'getal':
      return { decimaal: lezing.waarde };
    case 'dubbelzinnig': {
      if (decimaalteken)
        return { decimaal: decimaalteken === 'komma' ? lezing.alsKomma : lezing.alsPunt };
      const geheel = lezing.alsKomma.includes('.') ? lezing.alsPunt : lezing.alsKomma;
      const decimaal = (lezing.alsKomma.includes('.') ? lezing.alsKomma : lezing.alsPunt).replace(
        '.',
        ',',
      );
      return {
        fout: `'${kort(invoer)}' kan ${geheel} of ${decimaal} betekenen, en uit de andere waarden in het bestand blijkt niet eenduidig of het een komma of een punt als decimaalteken gebruikt. Schrijf ${geheel} zonder scheidingsteken voor duizendtallen, of geef het decimaalteken op.`,
      };
    }
    case 'geen-getal':
      return {
        fout: `'${kort(invoer)}' is geen getal. Schrijf alleen het getal, zonder eenheid, valuta- of procentteken, bijvoorbeeld 12,5 of 1250.`,
      };
  }
}

function tekst(cel: TabelCel | undefined): string {
  if (cel === undefined) return '';
  return typeof cel === 'number' ? String(cel) : cel.trim();
}

/** A user's value in a message, cut short so a pasted paragraph does not flood the list. */
function kort(waarde: string): string {
  return waarde.length > 40 ? `${waarde.slice(0, 39)}…` : waarde;
}

function normaliseerSleutels<T>(lijst: ReadonlyMap<string, T>, wat: string): Map<string, T> {
  const genormaliseerd = new Map<string, T>();
  for (const [sleutel, waarde] of lijst) {
    const code = normaliseerCode(sleutel);
    if (genormaliseerd.has(code)) {
      throw new RangeError(`Twee ${wat}s zijn gelijk op hoofdletters na: ${sleutel}`);
    }
    genormaliseerd.set(code, waarde);
  }
  return genormaliseerd;
}
