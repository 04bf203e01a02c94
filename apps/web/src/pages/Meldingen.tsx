import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { webLink } from '../../../../libs/notificaties/src/web-link';
import { api, ok } from '../api/client';
import { AppLink, Fout, Foutmelding, Laden, Melding, PaginaTitel } from '../components/Status';
import { formatDatumTijd } from '../format';

export function MeldingenPagina() {
  const queryClient = useQueryClient();
  const meldingen = useQuery({
    queryKey: ['meldingen', 'lijst'],
    queryFn: () => ok(api.GET('/notificaties', { params: { query: { pageSize: 50 } } })),
  });
  const markeer = useMutation({
    mutationFn: ({ id, gelezen }: { id: string; gelezen: boolean }) =>
      ok(api.PATCH('/notificaties/{id}', { params: { path: { id } }, body: { gelezen } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meldingen'] }),
  });
  const allesGelezen = useMutation({
    mutationFn: () => ok(api.POST('/notificaties/alles-gelezen', { body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meldingen'] }),
  });
  if (meldingen.error) return <Fout fout={meldingen.error} />;
  return (
    <>
      <PaginaTitel>Meldingen</PaginaTitel>
      <Paragraph>
        <AppLink to="/meldingen/instellingen">Meldingen per e-mail instellen</AppLink>
      </Paragraph>
      <Foutmelding fout={markeer.error ?? allesGelezen.error} />
      {!meldingen.data ? (
        <Laden />
      ) : meldingen.data.items.length === 0 ? (
        <Paragraph>U heeft geen meldingen.</Paragraph>
      ) : (
        <>
          {meldingen.data.ongelezen > 0 && (
            <Button appearance="secondary-action-button" onClick={() => allesGelezen.mutate()}>
              Alles als gelezen markeren
            </Button>
          )}
          <ul className="wk-meldingen">
            {meldingen.data.items.map((m) => {
              const pagina = webLink(m.link);
              return (
                <li key={m.id} className={`wk-kaart${m.gelezen ? '' : ' wk-kaart--nieuw'}`}>
                  <Heading2 className="wk-melding-titel">
                    {!m.gelezen && <span className="wk-teller">nieuw</span>} {m.titel}
                  </Heading2>
                  <Paragraph>{m.tekst}</Paragraph>
                  <Paragraph appearance="small">{formatDatumTijd(m.createdAt)}</Paragraph>
                  <div className="wk-acties">
                    {pagina && (
                      <AppLink
                        to={pagina}
                        onClick={() => {
                          if (!m.gelezen) markeer.mutate({ id: m.id, gelezen: true });
                        }}
                      >
                        Bekijken<span className="wk-visueel-verborgen">: {m.titel}</span>
                      </AppLink>
                    )}
                    <Button
                      appearance="subtle-button"
                      onClick={() => markeer.mutate({ id: m.id, gelezen: !m.gelezen })}
                    >
                      {m.gelezen ? 'Markeren als ongelezen' : 'Markeren als gelezen'}
                      <span className="wk-visueel-verborgen">: {m.titel}</span>
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

const VOORKEUREN = [
  ['direct', 'Direct: een e-mail per melding'],
  ['dagelijks', 'Dagelijks: één overzicht per dag, om 7.00 uur'],
  ['geen', 'Geen e-mail: alleen hier in Wijkkompas'],
] as const;

export function MeldingInstellingenPagina() {
  const queryClient = useQueryClient();
  const instellingen = useQuery({
    queryKey: ['meldingen', 'instellingen'],
    queryFn: () => ok(api.GET('/notificatie-instellingen')),
  });
  const [keuze, setKeuze] = useState<string>();
  const zet = useMutation({
    mutationFn: (mailVoorkeur: 'direct' | 'dagelijks' | 'geen') =>
      ok(api.PUT('/notificatie-instellingen', { body: { mailVoorkeur } })),
    onSuccess: (nieuw) => queryClient.setQueryData(['meldingen', 'instellingen'], nieuw),
  });
  if (instellingen.error) return <Fout fout={instellingen.error} />;
  if (!instellingen.data) return <Laden />;
  const gekozen = keuze ?? instellingen.data.mailVoorkeur;
  return (
    <>
      <PaginaTitel>Meldingen per e-mail</PaginaTitel>
      <Paragraph>
        E-mails gaan naar <strong>{instellingen.data.email}</strong>.
      </Paragraph>
      {!instellingen.data.mailIngeschakeld && (
        <Melding type="info">
          <Paragraph>
            Deze omgeving verstuurt geen e-mail: meldingen blijven in Wijkkompas, wat u ook kiest.
          </Paragraph>
        </Melding>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          zet.mutate(gekozen as 'direct' | 'dagelijks' | 'geen');
        }}
      >
        <Fieldset>
          <FieldsetLegend>Hoe wilt u meldingen per e-mail krijgen?</FieldsetLegend>
          {VOORKEUREN.map(([waarde, tekst]) => (
            <FormField type="radio" key={waarde}>
              <div className="utrecht-form-field__input">
                <RadioButton
                  id={`voorkeur-${waarde}`}
                  name="voorkeur"
                  value={waarde}
                  checked={gekozen === waarde}
                  onChange={() => setKeuze(waarde)}
                />
              </div>
              <div className="utrecht-form-field__label">
                <FormLabel htmlFor={`voorkeur-${waarde}`} type="radio">
                  {tekst}
                </FormLabel>
              </div>
            </FormField>
          ))}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" disabled={zet.isPending}>
          Opslaan
        </Button>
      </form>
      {zet.isSuccess && (
        <Melding type="ok">
          <Paragraph>Uw voorkeur is opgeslagen.</Paragraph>
        </Melding>
      )}
      <Foutmelding fout={zet.error} />
    </>
  );
}
