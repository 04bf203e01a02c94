import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout';
import { Laden } from './components/Status';
import { AanmeldenPagina } from './pages/Aanmelden';
import { GeenToegangPagina, NietGevondenPagina } from './pages/Fouten';
import { MeldingenPagina, MeldingInstellingenPagina } from './pages/Meldingen';
import { VerantwoordingenPagina } from './pages/Verantwoordingen';
import { useSessie } from './sessie';

// The pages with charts load when first opened, so the login page stays small.
const StartPagina = lazy(() => import('./pages/Start').then((m) => ({ default: m.StartPagina })));
const VerantwoordingPagina = lazy(() =>
  import('./pages/Verantwoording').then((m) => ({ default: m.VerantwoordingPagina })),
);
const DossiersPagina = lazy(() =>
  import('./pages/Dossiers').then((m) => ({ default: m.DossiersPagina })),
);
const DossierPagina = lazy(() =>
  import('./pages/Dossiers').then((m) => ({ default: m.DossierPagina })),
);
const OpdrachtenPagina = lazy(() =>
  import('./pages/Opdrachten').then((m) => ({ default: m.OpdrachtenPagina })),
);

export function App() {
  const { actor } = useSessie();
  const location = useLocation();
  if (actor === undefined) return <Laden tekst="Wijkkompas wordt geladen" />;
  if (!actor) {
    if (location.pathname === '/aanmelden') return <AanmeldenPagina />;
    const terug = `${location.pathname}${location.search}`;
    return (
      <Navigate
        to={terug === '/' ? '/aanmelden' : `/aanmelden?terug=${encodeURIComponent(terug)}`}
        replace
      />
    );
  }
  return (
    <Layout>
      <Suspense fallback={<Laden />}>
        <Routes>
          <Route path="/" element={<StartPagina />} />
          <Route path="/aanmelden" element={<Navigate to="/" replace />} />
          <Route path="/verantwoordingen" element={<VerantwoordingenPagina />} />
          <Route path="/verantwoordingen/:id" element={<VerantwoordingPagina />} />
          <Route path="/dossiers" element={<DossiersPagina />} />
          <Route path="/dossiers/:id" element={<DossierPagina />} />
          <Route path="/opdrachten" element={<OpdrachtenPagina />} />
          <Route path="/meldingen" element={<MeldingenPagina />} />
          <Route path="/meldingen/instellingen" element={<MeldingInstellingenPagina />} />
          <Route path="/geen-toegang" element={<GeenToegangPagina />} />
          <Route path="*" element={<NietGevondenPagina />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
