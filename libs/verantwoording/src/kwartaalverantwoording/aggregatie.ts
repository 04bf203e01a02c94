import { Decimaal, DecimaalInvoer, naarDecimaal, telDecimaalOp } from '../decimaal';
import { KpiAggregatie } from '../kpi-status';

/**
 * How the figures of an aanbieder's percelen add up to one figure (brief §3: sum, mean,
 * weighted mean). Exact: sums are decimal, a mean is one division of exact decimals,
 * rounded half away from zero to `schaal` decimals (4: the precision a kpi_waarden.waarde
 * column stores), never a float.
 */

export interface AggregatieInvoer {
  waarde: DecimaalInvoer;
  /** Only used by the weighted mean (e.g. the number of residents of the perceel). */
  gewicht?: DecimaalInvoer | null;
  /** To name a perceel in a reason: "Perceel Noord". */
  label?: string;
}

export type AggregatieUitkomst =
  | { waarde: Decimaal }
  | { waarde: null; reden: 'geen-waarden' | 'gewicht-ontbreekt' | 'gewicht-nul'; melding: string };

export const AGGREGATIE_SCHAAL = 4;

interface Geschaald {
  coefficient: bigint;
  schaal: number;
}

function geschaald(invoer: DecimaalInvoer): Geschaald {
  const canoniek = naarDecimaal(invoer);
  if (canoniek === null) throw new RangeError(`Geen decimaal getal: ${String(invoer)}`);
  const [heel, fractie = ''] = canoniek.split('.');
  return { coefficient: BigInt(heel + fractie), schaal: fractie.length };
}

/** teller / noemer, rounded half away from zero to `schaal` decimals. */
export function deelDecimaal(
  teller: DecimaalInvoer,
  noemer: DecimaalInvoer,
  schaal = AGGREGATIE_SCHAAL,
): Decimaal {
  const t = geschaald(teller);
  const n = geschaald(noemer);
  if (n.coefficient === 0n) throw new RangeError('Delen door nul');
  // t/n = (tc / 10^ts) / (nc / 10^ns); times 10^schaal: tc * 10^(ns + schaal) / (nc * 10^ts)
  let boven = t.coefficient * 10n ** BigInt(n.schaal + schaal);
  let onder = n.coefficient * 10n ** BigInt(t.schaal);
  if (onder < 0n) {
    boven = -boven;
    onder = -onder;
  }
  let quotient = boven / onder;
  const rest = boven % onder;
  const absRest = rest < 0n ? -rest : rest;
  if (2n * absRest >= onder) quotient += boven < 0n ? -1n : 1n;
  const negatief = quotient < 0n;
  const cijfers = (negatief ? -quotient : quotient).toString().padStart(schaal + 1, '0');
  const tekst = `${negatief ? '-' : ''}${cijfers.slice(0, cijfers.length - schaal)}${
    schaal ? `.${cijfers.slice(cijfers.length - schaal)}` : ''
  }`;
  return naarDecimaal(tekst) as Decimaal;
}

export function vermenigvuldigDecimaal(a: DecimaalInvoer, b: DecimaalInvoer): Decimaal {
  const x = geschaald(a);
  const y = geschaald(b);
  const product = x.coefficient * y.coefficient;
  const schaal = x.schaal + y.schaal;
  const negatief = product < 0n;
  const cijfers = (negatief ? -product : product).toString().padStart(schaal + 1, '0');
  return naarDecimaal(
    `${negatief ? '-' : ''}${cijfers.slice(0, cijfers.length - schaal)}${
      schaal ? `.${cijfers.slice(cijfers.length - schaal)}` : ''
    }`,
  ) as Decimaal;
}

export function aggregeer(
  aggregatie: KpiAggregatie,
  waarden: readonly AggregatieInvoer[],
  schaal = AGGREGATIE_SCHAAL,
): AggregatieUitkomst {
  if (!waarden.length)
    return {
      waarde: null,
      reden: 'geen-waarden',
      melding: 'Er zijn nog geen waarden per perceel ingevuld.',
    };
  const som = waarden.reduce<Decimaal>((totaal, w) => telDecimaalOp(totaal, w.waarde), '0');
  if (aggregatie === 'som') return { waarde: som };
  if (aggregatie === 'gemiddelde') return { waarde: deelDecimaal(som, waarden.length, schaal) };

  const zonderGewicht = waarden.filter(
    (w) => w.gewicht === null || w.gewicht === undefined || naarDecimaal(w.gewicht) === null,
  );
  if (zonderGewicht.length) {
    const namen = zonderGewicht.map((w) => w.label).filter(Boolean);
    return {
      waarde: null,
      reden: 'gewicht-ontbreekt',
      melding: `Voor een gewogen gemiddelde heeft elk perceel een gewicht nodig${
        namen.length ? `; dat ontbreekt bij ${namen.join(', ')}` : ''
      }. Vul het gewicht in (bijvoorbeeld het aantal inwoners of cliënten).`,
    };
  }
  let gewogen: Decimaal = '0';
  let totaalGewicht: Decimaal = '0';
  for (const w of waarden) {
    gewogen = telDecimaalOp(gewogen, vermenigvuldigDecimaal(w.waarde, w.gewicht!));
    totaalGewicht = telDecimaalOp(totaalGewicht, w.gewicht!);
  }
  if (naarDecimaal(totaalGewicht) === '0')
    return {
      waarde: null,
      reden: 'gewicht-nul',
      melding:
        'De gewichten van de percelen tellen op tot nul; een gewogen gemiddelde is dan niet te berekenen.',
    };
  return { waarde: deelDecimaal(gewogen, totaalGewicht, schaal) };
}
