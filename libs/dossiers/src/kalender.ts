/** The few calendar helpers the dossier needs on top of those of opdrachten and verantwoording. */
import { dagenInclusief } from '@wijkkompas/opdrachten';
import { verschuifKwartaal } from '@wijkkompas/verantwoording';

/** `aantal` quarters ending with `periode`, oldest first. */
export function kwartalenTotEnMet(periode: string, aantal: number): string[] {
  const kwartalen: string[] = [];
  for (let i = aantal - 1; i >= 0; i--) kwartalen.push(verschuifKwartaal(periode, -i));
  return kwartalen;
}

/** Whole days from `van` to `tot` ('YYYY-MM-DD'); negative when `tot` lies before `van`. */
export function dagenTussen(van: string, tot: string): number {
  return dagenInclusief(van, tot) - 1;
}
