import { plusDagen } from '@wijkkompas/opdrachten';

const PARTEN = new Map<string, Intl.DateTimeFormat>();

function formatter(tijdzone: string): Intl.DateTimeFormat {
  let f = PARTEN.get(tijdzone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tijdzone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    PARTEN.set(tijdzone, f);
  }
  return f;
}

/** How far the wall clock in `tijdzone` runs ahead of UTC at this instant, in ms. */
function verschil(instant: number, tijdzone: string): number {
  const delen = Object.fromEntries(
    formatter(tijdzone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const wandklok = Date.UTC(
    Number(delen.year),
    Number(delen.month) - 1,
    Number(delen.day),
    Number(delen.hour),
    Number(delen.minute),
    Number(delen.second),
  );
  return wandklok - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the clocks in `tijdzone` show `tijd` ('HH:MM') on `datum`
 * ('YYYY-MM-DD'): 10:00 in Amsterdam is 08:00 UTC in summer and 09:00 UTC in winter. The
 * second pass corrects the guess when a DST change lies between the two.
 */
export function lokaalTijdstip(datum: string, tijd: string, tijdzone: string): Date {
  const [jaar, maand, dag] = datum.split('-').map(Number);
  const [uur, minuut] = tijd.split(':').map(Number);
  const alsUtc = Date.UTC(jaar, maand - 1, dag, uur, minuut);
  const gok = alsUtc - verschil(alsUtc, tijdzone);
  return new Date(alsUtc - verschil(gok, tijdzone));
}

/** The instants [begin, end) of the calendar days `van` to `tot` inclusive in `tijdzone`. */
export function dagenVenster(
  van: string | undefined,
  tot: string | undefined,
  tijdzone: string,
): { vanaf?: Date; voor?: Date } {
  return {
    vanaf: van ? lokaalTijdstip(van, '00:00', tijdzone) : undefined,
    voor: tot ? lokaalTijdstip(plusDagen(tot, 1), '00:00', tijdzone) : undefined,
  };
}

/** Monday to Friday from `van` to `tot` inclusive ('YYYY-MM-DD'). */
export function werkdagen(van: string, tot: string): string[] {
  const dagen: string[] = [];
  for (let dag = van; dag <= tot; dag = plusDagen(dag, 1)) {
    const weekdag = new Date(`${dag}T00:00:00Z`).getUTCDay();
    if (weekdag !== 0 && weekdag !== 6) dagen.push(dag);
  }
  return dagen;
}
