import { Paragraph } from '@utrecht/component-library-react';
import { AppLink, PaginaTitel } from '../components/Status';

export function NietGevondenPagina() {
  return (
    <>
      <PaginaTitel>Pagina niet gevonden</PaginaTitel>
      <Paragraph>
        Deze pagina bestaat niet, of u heeft er geen toegang toe. Controleer het adres, of ga verder
        vanaf de startpagina.
      </Paragraph>
      <Paragraph>
        <AppLink to="/">Naar de startpagina</AppLink>
      </Paragraph>
    </>
  );
}

export function GeenToegangPagina() {
  return (
    <>
      <PaginaTitel>Geen toegang</PaginaTitel>
      <Paragraph>
        U heeft niet de rol die nodig is voor deze pagina. Denkt u dat dit niet klopt? Vraag de
        beheerder van uw gemeente om u de juiste rol te geven.
      </Paragraph>
      <Paragraph>
        <AppLink to="/">Naar de startpagina</AppLink>
      </Paragraph>
    </>
  );
}
