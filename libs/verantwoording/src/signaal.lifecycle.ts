/**
 * The lifecycle of a signaal from practice (brief §3):
 * `nieuw → in-analyse → geagendeerd → beantwoord → gesloten`, one step at a time. The loop
 * must close: a signal is only beantwoord with an answer and the feedback given to the
 * professionals who raised it, and only gesloten with the learning order it led to.
 */

export const SIGNAAL_STATUSSEN = [
  'nieuw',
  'in-analyse',
  'geagendeerd',
  'beantwoord',
  'gesloten',
] as const;
export type SignaalStatus = (typeof SIGNAAL_STATUSSEN)[number];

/** 1st order: fix this case; 2nd: remove the cause; 3rd: change own behaviour or system. */
export const LEERORDES = [1, 2, 3] as const;
export type Leerorde = (typeof LEERORDES)[number];

/** The signal as it will be after the change (the caller merges the request first). */
export interface SignaalVoorOvergang {
  status: SignaalStatus;
  antwoord?: string | null;
  terugkoppeling?: string | null;
  leerorde?: number | null;
}

export type SignaalVeld = 'antwoord' | 'terugkoppeling' | 'leerorde';

export interface SignaalVeldFout {
  veld: SignaalVeld;
  melding: string;
}

export type SignaalOvergangUitkomst =
  | { ok: true }
  | {
      ok: false;
      soort: 'ongeldige-overgang';
      van: SignaalStatus;
      naar: string;
      toegestaan: SignaalStatus[];
      melding: string;
    }
  | { ok: false; soort: 'ontbrekende-velden'; velden: SignaalVeldFout[]; melding: string };

const VOLGENDE: Readonly<Record<SignaalStatus, SignaalStatus | null>> = {
  nieuw: 'in-analyse',
  'in-analyse': 'geagendeerd',
  geagendeerd: 'beantwoord',
  beantwoord: 'gesloten',
  gesloten: null,
};

export function isSignaalStatus(waarde: string): waarde is SignaalStatus {
  return (SIGNAAL_STATUSSEN as readonly string[]).includes(waarde);
}

export function volgendeSignaalStatussen(van: SignaalStatus): SignaalStatus[] {
  const volgende = VOLGENDE[van];
  return volgende ? [volgende] : [];
}

function leeg(tekst: string | null | undefined): boolean {
  return typeof tekst !== 'string' || tekst.trim() === '';
}

/** Fields a signal must carry to be in `status`; empty when it may be. */
export function ontbrekendeVelden(
  signaal: Omit<SignaalVoorOvergang, 'status'>,
  status: SignaalStatus,
): SignaalVeldFout[] {
  const fouten: SignaalVeldFout[] = [];
  if (status === 'beantwoord' || status === 'gesloten') {
    if (leeg(signaal.antwoord)) {
      fouten.push({
        veld: 'antwoord',
        melding:
          'Het antwoord ontbreekt. Schrijf op wat de gemeente met het signaal doet, of waarom niets.',
      });
    }
    if (leeg(signaal.terugkoppeling)) {
      fouten.push({
        veld: 'terugkoppeling',
        melding:
          'De terugkoppeling aan de professionals ontbreekt. Leg vast hoe en wanneer de melders het antwoord hebben gekregen: zo sluit de cirkel.',
      });
    }
  }
  if (status === 'gesloten') {
    if (signaal.leerorde === null || signaal.leerorde === undefined) {
      fouten.push({
        veld: 'leerorde',
        melding:
          'De leerorde ontbreekt. Kies 1 (dit geval opgelost), 2 (de oorzaak weggenomen) of 3 (eigen gedrag of systeem veranderd).',
      });
    } else if (!(LEERORDES as readonly number[]).includes(signaal.leerorde)) {
      fouten.push({
        veld: 'leerorde',
        melding:
          'De leerorde moet 1, 2 of 3 zijn: 1 (dit geval opgelost), 2 (de oorzaak weggenomen) of 3 (eigen gedrag of systeem veranderd).',
      });
    }
  }
  return fouten;
}

export function controleerSignaalOvergang(
  signaal: SignaalVoorOvergang,
  naar: string,
): SignaalOvergangUitkomst {
  const van = signaal.status;
  const toegestaan = volgendeSignaalStatussen(van);
  if (!(toegestaan as string[]).includes(naar)) {
    return {
      ok: false,
      soort: 'ongeldige-overgang',
      van,
      naar,
      toegestaan,
      melding: toegestaan.length
        ? `Een signaal met status '${van}' kan niet naar '${naar}'. De volgende stap is '${toegestaan[0]}'.`
        : `Een signaal met status '${van}' is afgesloten en kan niet meer van status veranderen.`,
    };
  }
  const velden = ontbrekendeVelden(signaal, naar as SignaalStatus);
  if (velden.length) {
    return {
      ok: false,
      soort: 'ontbrekende-velden',
      velden,
      melding: `Het signaal kan nog niet naar '${naar}': ${velden.map((v) => v.melding).join(' ')}`,
    };
  }
  return { ok: true };
}
