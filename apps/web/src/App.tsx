import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout';
import { Laden } from './components/Status';
import { AanmeldenPagina } from './pages/Aanmelden';
import { DossierPagina, DossiersPagina } from './pages/Dossiers';
import { GeenToegangPagina, NietGevondenPagina } from './pages/Fouten';
import { MeldingenPagina, MeldingInstellingenPagina } from './pages/Meldingen';
import { OpdrachtenPagina } from './pages/Opdrachten';
import { StartPagina } from './pages/Start';
import { VerantwoordingPagina } from './pages/Verantwoording';
import { VerantwoordingenPagina } from './pages/Verantwoordingen';
import { useSessie } from './sessie';

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
    </Layout>
  );
}
