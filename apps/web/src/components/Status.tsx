import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link as RouterLink, type LinkProps } from 'react-router';
import { ProblemError } from '../api/client';

export function Laden({ tekst = 'Bezig met laden' }: { tekst?: string }) {
  return (
    <Paragraph role="status" aria-live="polite">
      {tekst}…
    </Paragraph>
  );
}

/** The page's heading and the tab's title; focus moves here when a page opens. */
export function PaginaTitel({ children, titel }: { children: ReactNode; titel?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const tekst = titel ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = tekst ? `${tekst} · Wijkkompas` : 'Wijkkompas';
    ref.current?.focus({ preventScroll: true });
  }, [tekst]);
  return (
    <Heading1 ref={ref} tabIndex={-1} className="wk-paginatitel">
      {children}
    </Heading1>
  );
}

export function Melding({
  type,
  children,
}: {
  type: 'error' | 'warning' | 'info' | 'ok';
  children: ReactNode;
}) {
  return (
    <Alert type={type} role={type === 'error' ? 'alert' : 'status'}>
      {children}
    </Alert>
  );
}

/** A failed request as a person reads it; 403 and 404 as their own pages. */
export function Fout({ fout }: { fout: unknown }) {
  if (fout instanceof ProblemError && fout.status === 403)
    return (
      <>
        <PaginaTitel>Geen toegang</PaginaTitel>
        <Paragraph>{fout.detail ?? 'U heeft niet de rol die hiervoor nodig is.'}</Paragraph>
        <Paragraph>
          <AppLink to="/">Naar de startpagina</AppLink>
        </Paragraph>
      </>
    );
  if (fout instanceof ProblemError && fout.status === 404)
    return (
      <>
        <PaginaTitel>Niet gevonden</PaginaTitel>
        <Paragraph>{fout.detail ?? 'Dit bestaat niet of is niet zichtbaar voor u.'}</Paragraph>
        <Paragraph>
          <AppLink to="/">Naar de startpagina</AppLink>
        </Paragraph>
      </>
    );
  return <Foutmelding fout={fout} />;
}

export function Foutmelding({ fout }: { fout: unknown }) {
  if (!fout) return null;
  const problem = fout instanceof ProblemError ? fout : undefined;
  return (
    <Melding type="error">
      <Paragraph>
        <strong>{problem?.title ?? 'Er ging iets mis'}</strong>
        {problem?.detail ? `: ${problem.detail}` : '. Probeer het opnieuw.'}
      </Paragraph>
      {problem && problem.invalidParams.length > 0 && (
        <ul className="utrecht-unordered-list">
          {problem.invalidParams.map((p) => (
            <li key={`${p.name}-${p.reason}`} className="utrecht-unordered-list__item">
              {p.reason}
            </li>
          ))}
        </ul>
      )}
    </Melding>
  );
}

/** A link inside the app, looking like an NL Design System link. */
export function AppLink({ className, ...props }: LinkProps) {
  return <RouterLink {...props} className={`utrecht-link ${className ?? ''}`.trim()} />;
}
