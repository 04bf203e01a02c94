import {
  Button,
  NavBar,
  NavList,
  NavListLink,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, ok } from '../api/client';
import { heeftRol, isAanbieder, useActor, useSessie } from '../sessie';

const ROL_TEKST: Record<string, string> = {
  contractmanager: 'contractmanager',
  ketenregisseur: 'ketenregisseur',
  beleidsadviseur: 'beleidsadviseur',
  bestuurder: 'bestuurder',
  beheerder: 'beheerder',
  directeur: 'directeur',
  teamleider: 'teamleider',
  kwaliteitsmedewerker: 'kwaliteitsmedewerker',
};

export function Layout({ children }: { children: ReactNode }) {
  const actor = useActor();
  const { afmelden } = useSessie();
  const navigate = useNavigate();
  const location = useLocation();
  const gemeente = useQuery({
    queryKey: ['gemeente', actor.gemeenteId],
    queryFn: () => ok(api.GET('/gemeenten/{id}', { params: { path: { id: actor.gemeenteId } } })),
  });
  const ongelezen = useQuery({
    queryKey: ['meldingen', 'ongelezen'],
    queryFn: () =>
      ok(api.GET('/notificaties', { params: { query: { gelezen: false, pageSize: 1 } } })),
    refetchInterval: 60_000,
  });
  const aantalOngelezen = ongelezen.data?.meta.totalItems ?? 0;
  const gemeenteBeoordeelt = heeftRol(
    actor,
    'contractmanager',
    'ketenregisseur',
    'beleidsadviseur',
    'bestuurder',
  );
  const links: { to: string; tekst: ReactNode; end?: boolean }[] = [
    { to: '/', tekst: 'Start', end: true },
    { to: '/verantwoordingen', tekst: 'Verantwoordingen' },
    ...(gemeenteBeoordeelt ? [{ to: '/dossiers', tekst: 'Dossiers' }] : []),
    ...(heeftRol(actor, 'contractmanager', 'beleidsadviseur', 'bestuurder', 'ketenregisseur')
      ? [{ to: '/opdrachten', tekst: 'Opdrachten' }]
      : []),
    {
      to: '/meldingen',
      tekst: (
        <>
          Meldingen
          {aantalOngelezen > 0 && (
            <span className="wk-teller">
              {aantalOngelezen}
              <span className="wk-visueel-verborgen"> ongelezen</span>
            </span>
          )}
        </>
      ),
    },
  ];
  return (
    <div className="wk-pagina">
      <SkipLink href="#inhoud" className="utrecht-skip-link--visible-on-focus wk-overslaan">
        Naar de inhoud
      </SkipLink>
      <PageHeader className="wk-kop">
        <div className="utrecht-page-header__content wk-kop__binnen">
          <a href="/" className="wk-logo">
            <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" width="36" height="36">
              <circle cx="16" cy="16" r="15" fill="currentColor" />
              <path d="M16 5l4 11-4 11-4-11z" fill="#fff" />
            </svg>
            <span>
              <span className="wk-logo__naam">Wijkkompas</span>
              <span className="wk-logo__gemeente">{gemeente.data?.naam ?? ' '}</span>
            </span>
          </a>
          <div className="wk-kop__gebruiker">
            <Paragraph appearance="small">
              {actor.naam}
              <span className="wk-kop__rol">
                {' '}
                · {actor.rollen.map((r) => ROL_TEKST[r] ?? r).join(', ')}
                {isAanbieder(actor) ? '' : ''}
              </span>
            </Paragraph>
            <Button
              appearance="secondary-action-button"
              onClick={() => void afmelden().then(() => navigate('/aanmelden'))}
            >
              Afmelden
            </Button>
          </div>
        </div>
      </PageHeader>
      <NavBar aria-label="Hoofdmenu" className="wk-menu">
        <NavList>
          {links.map((link) => {
            const actief = link.end
              ? location.pathname === link.to
              : location.pathname.startsWith(link.to);
            return (
              <NavListLink
                key={link.to}
                href={link.to}
                aria-current={actief ? 'page' : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                  event.preventDefault();
                  navigate(link.to);
                }}
              >
                {link.tekst}
              </NavListLink>
            );
          })}
        </NavList>
      </NavBar>
      <PageContent className="wk-inhoud">
        <main id="inhoud" tabIndex={-1}>
          {children}
        </main>
      </PageContent>
      <PageFooter className="wk-voet">
        <Paragraph appearance="small">
          Wijkkompas · opdrachten, verantwoording en dossiers tussen gemeente en sociale wijkteams
        </Paragraph>
      </PageFooter>
    </div>
  );
}
