import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './wijkkompas.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ProblemError } from './api/client';
import { App } from './App';
import { SessieProvider } from './sessie';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (pogingen, fout) =>
        pogingen < 2 && !(fout instanceof ProblemError && fout.status < 500),
    },
  },
});

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessieProvider>
          <App />
        </SessieProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
