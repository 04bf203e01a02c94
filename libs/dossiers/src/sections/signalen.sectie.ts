import { OPEN_SIGNAAL_STATUSSEN, signaalTermijn } from '../beoordeling';
import { vergelijkTekst } from '../context';
import type { SignaalSoort, SignaalStatus } from '@wijkkompas/verantwoording';
import { SIGNAAL_SOORT_LABELS, SIGNAAL_STATUS_LABELS } from '../labels';
import type { DossierSnapshot } from '../snapshot';
import type { DossierSectie } from './sectie';

export interface SignaalRij {
  id: string;
  titel: string;
  soort: SignaalSoort;
  soortLabel: string;
  status: SignaalStatus;
  statusLabel: string;
  ingebrachtOp: string;
  dagenOpen: number;
  /** Last day of the agreed answer term; null when none was agreed. */
  antwoordTermijn: string | null;
  termijnVerstreken: boolean;
}

export interface SignalenInhoud {
  /** Open signals (not yet answered), oldest first. */
  signalen: SignaalRij[];
  aantalTermijnVerstreken: number;
}

export const signalenSectie: DossierSectie<SignalenInhoud> = {
  sleutel: 'signalen',
  titel: 'Open signalen',
  volgorde: 70,
  bouw(snapshot: DossierSnapshot): SignalenInhoud {
    const signalen = snapshot.signalen
      .filter((s) => OPEN_SIGNAAL_STATUSSEN.includes(s.status))
      .sort(
        (a, b) =>
          (a.ingebrachtOp < b.ingebrachtOp ? -1 : a.ingebrachtOp > b.ingebrachtOp ? 1 : 0) ||
          vergelijkTekst(a.titel, b.titel) ||
          vergelijkTekst(a.id, b.id),
      )
      .map((s): SignaalRij => {
        const termijn = signaalTermijn(s, snapshot.peildatum);
        return {
          id: s.id,
          titel: s.titel,
          soort: s.soort,
          soortLabel: SIGNAAL_SOORT_LABELS[s.soort] ?? s.soort,
          status: s.status,
          statusLabel: SIGNAAL_STATUS_LABELS[s.status] ?? s.status,
          ingebrachtOp: s.ingebrachtOp,
          dagenOpen: termijn.dagenOpen,
          antwoordTermijn: s.antwoordTermijn,
          termijnVerstreken: termijn.verstreken,
        };
      });
    return {
      signalen,
      aantalTermijnVerstreken: signalen.filter((s) => s.termijnVerstreken).length,
    };
  },
};
