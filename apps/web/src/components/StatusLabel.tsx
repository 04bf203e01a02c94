import { StatusBadge } from '@utrecht/component-library-react';
import { STATUS_TEKST } from '../format';

/** Utrecht's status badge; the text says the status, the colour only repeats it. */
export function StatusLabel({ status }: { status: string }) {
  const toon: Record<string, string> = {
    vastgesteld: 'safe',
    'op-koers': 'safe',
    ingediend: 'active',
    concept: 'neutral',
    'geen-norm': 'neutral',
    teruggezet: 'warning',
    'let-op': 'warning',
    'te-laat': 'danger',
    'uit-koers': 'danger',
  };
  return (
    <StatusBadge status={toon[status] ?? 'neutral'} className={`wk-status wk-status--${status}`}>
      {STATUS_TEKST[status] ?? status}
    </StatusBadge>
  );
}
