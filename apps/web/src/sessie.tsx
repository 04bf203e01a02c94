import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { type Actor, meldAf, opSessie, ververs } from './api/client';

interface Sessie {
  /** undefined while the silent refresh at start is running. */
  actor: Actor | null | undefined;
  afmelden(): Promise<void>;
}

const SessieContext = createContext<Sessie>({ actor: undefined, afmelden: async () => {} });

export const AANBIEDER_ROLLEN = ['directeur', 'teamleider', 'kwaliteitsmedewerker'];
export const GEMEENTE_ROLLEN = [
  'contractmanager',
  'ketenregisseur',
  'beleidsadviseur',
  'bestuurder',
  'beheerder',
];

export function SessieProvider({ children }: { children: ReactNode }) {
  const [actor, setActor] = useState<Actor | null | undefined>(undefined);
  const queryClient = useQueryClient();
  useEffect(() => {
    const stop = opSessie((nieuw) => {
      setActor((oud) => {
        // Another user or gemeente: nothing cached may leak into the new session.
        if (
          !nieuw ||
          oud?.gebruikerId !== nieuw.gebruikerId ||
          oud?.gemeenteId !== nieuw.gemeenteId
        )
          queryClient.clear();
        return nieuw;
      });
    });
    void ververs().then((antwoord) => {
      if (!antwoord) setActor(null);
    });
    return () => {
      stop();
    };
  }, [queryClient]);
  return (
    <SessieContext.Provider value={{ actor, afmelden: meldAf }}>{children}</SessieContext.Provider>
  );
}

export function useSessie(): Sessie {
  return useContext(SessieContext);
}

export function useActor(): Actor {
  const { actor } = useSessie();
  if (!actor) throw new Error('Niet aangemeld');
  return actor;
}

export function heeftRol(actor: Actor, ...rollen: string[]): boolean {
  return actor.rollen.some((rol) => rollen.includes(rol));
}

export function isAanbieder(actor: Actor): boolean {
  return actor.organisatieSoort === 'aanbieder';
}
