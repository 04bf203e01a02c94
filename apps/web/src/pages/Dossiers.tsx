import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, haal, ok, ProblemError, type Schemas } from '../api/client';
import { AppLink, Fout, Foutmelding, Laden, Melding, PaginaTitel } from '../components/Status';
import { formatDatumTijd, formatPeriode } from '../format';
import { heeftRol, useActor } from '../sessie';

const DOSSIER_STATUS: Record<string, string> = {
  wachtrij: 'In de wachtrij',
  bezig: 'Wordt samengesteld',
  gereed: 'Gereed',
  mislukt: 'Mislukt',
};

function huidigKwartaal(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

export function DossiersPagina() {
  const actor = useActor();
  const dossiers = useQuery({
    queryKey: ['dossiers'],
    queryFn: () => ok(api.GET('/dossiers', { params: { query: { pageSize: 50 } } })),
    refetchInterval: (query) =>
      query.state.data?.items.some((d) => d.status === 'wachtrij' || d.status === 'bezig')
        ? 1500
        : false,
  });
  if (dossiers.error) return <Fout fout={dossiers.error} />;
  return (
    <>
      <PaginaTitel>Dossiers</PaginaTitel>
      <Paragraph appearance="lead">
        Het dossier voor het verantwoordingsgesprek: cijfers, verhalen, signalen en de afspraken,
        per aanbieder en kwartaal.
      </Paragraph>
      {heeftRol(actor, 'contractmanager') && <DossierAanvragen />}
      <Heading2>Alle dossiers</Heading2>
      {!dossiers.data ? (
        <Laden />
      ) : dossiers.data.items.length === 0 ? (
        <Paragraph>Er zijn nog geen dossiers.</Paragraph>
      ) : (
        <div className="wk-tabel-scroll" tabIndex={0} role="region" aria-label="Dossiers">
          <Table>
            <TableCaption className="wk-visueel-verborgen">Dossiers</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                <TableHeaderCell scope="col">Kwartaal</TableHeaderCell>
                <TableHeaderCell scope="col">Versie</TableHeaderCell>
                <TableHeaderCell scope="col">Stand</TableHeaderCell>
                <TableHeaderCell scope="col">Aangevraagd</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {dossiers.data.items.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>
                    <AppLink to={`/dossiers/${d.id}`}>{d.aanbiederNaam}</AppLink>
                  </TableCell>
                  <TableCell>{formatPeriode(d.periode)}</TableCell>
                  <TableCell>{d.versie ?? '—'}</TableCell>
                  <TableCell>
                    {DOSSIER_STATUS[d.status] ?? d.status}
                    {(d.status === 'bezig' || d.status === 'wachtrij') && (
                      <progress
                        max={100}
                        value={d.voortgang}
                        aria-label={`Voortgang ${d.aanbiederNaam}`}
                      >
                        {d.voortgang}%
                      </progress>
                    )}
                  </TableCell>
                  <TableCell>{formatDatumTijd(d.aangevraagdOp)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

function DossierAanvragen() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const aanbieders = useQuery({
    queryKey: ['aanbieders'],
    queryFn: () => ok(api.GET('/aanbieders', { params: { query: { pageSize: 100 } } })),
  });
  const [aanbiederId, setAanbiederId] = useState('');
  const [periode, setPeriode] = useState(huidigKwartaal());
  const vraagAan = useMutation({
    mutationFn: () => ok(api.POST('/dossiers', { body: { aanbiederId, periode } })),
    onSuccess: (dossier) => {
      void queryClient.invalidateQueries({ queryKey: ['dossiers'] });
      const id = (dossier as { id?: string } | undefined)?.id;
      if (id) navigate(`/dossiers/${id}`);
    },
  });
  const fout = vraagAan.error instanceof ProblemError ? vraagAan.error : undefined;
  return (
    <section aria-labelledby="kop-aanvragen" className="wk-blok wk-kaart">
      <Heading2 id="kop-aanvragen">Dossier aanvragen</Heading2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          vraagAan.mutate();
        }}
        className="wk-formulier-rij"
      >
        <FormField invalid={Boolean(fout?.voorVeld('aanbiederId'))}>
          <FormLabel htmlFor="dossier-aanbieder">Aanbieder</FormLabel>
          <Select
            id="dossier-aanbieder"
            value={aanbiederId}
            onChange={(e) => setAanbiederId(e.target.value)}
            required
          >
            <SelectOption value="">Kies een aanbieder</SelectOption>
            {aanbieders.data?.items.map((a) => (
              <SelectOption key={a.id} value={a.id}>
                {a.naam}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField invalid={Boolean(fout?.voorVeld('periode'))}>
          <FormLabel htmlFor="dossier-periode">Kwartaal (bijvoorbeeld 2026-Q3)</FormLabel>
          <Textbox
            id="dossier-periode"
            value={periode}
            onChange={(e) => setPeriode(e.target.value)}
          />
        </FormField>
        <Button
          type="submit"
          appearance="primary-action-button"
          disabled={!aanbiederId || vraagAan.isPending}
        >
          Dossier aanvragen
        </Button>
      </form>
      <Foutmelding fout={vraagAan.error} />
    </section>
  );
}

export function DossierPagina() {
  const { id = '' } = useParams();
  const dossier = useQuery({
    queryKey: ['dossier', id],
    queryFn: () => ok(api.GET('/dossiers/{id}', { params: { path: { id } } })),
    refetchInterval: (query) =>
      query.state.data &&
      (query.state.data.status === 'wachtrij' || query.state.data.status === 'bezig')
        ? 1000
        : false,
  });
  const gereed = dossier.data?.status === 'gereed';
  const html = useQuery({
    queryKey: ['dossier-html', id],
    enabled: gereed,
    queryFn: async () => (await haal(`/dossiers/${id}/html`)).text(),
  });
  const wijzigingen = useQuery({
    queryKey: ['dossier-wijzigingen', id],
    enabled: gereed,
    queryFn: () => ok(api.GET('/dossiers/{id}/wijzigingen', { params: { path: { id } } })),
  });
  const [pdfFout, setPdfFout] = useState<unknown>();
  const [pdfBezig, setPdfBezig] = useState(false);
  if (dossier.error) return <Fout fout={dossier.error} />;
  if (!dossier.data) return <Laden />;
  const d = dossier.data;

  const downloadPdf = async () => {
    setPdfBezig(true);
    setPdfFout(undefined);
    try {
      const blob = await (await haal(`/dossiers/${id}/pdf`)).blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `dossier-${d.aanbiederNaam.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${d.periode}.pdf`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setPdfFout(error);
    } finally {
      setPdfBezig(false);
    }
  };

  return (
    <>
      <PaginaTitel>{`Dossier ${d.aanbiederNaam}, ${formatPeriode(d.periode)}`}</PaginaTitel>
      <DataList className="wk-kenmerken">
        <DataListItem>
          <DataListKey>Stand</DataListKey>
          <DataListValue>
            <span role="status" aria-live="polite">
              {DOSSIER_STATUS[d.status] ?? d.status}
              {d.status !== 'gereed' && d.status !== 'mislukt' ? ` (${d.voortgang}%)` : ''}
            </span>
            {(d.status === 'bezig' || d.status === 'wachtrij') && (
              <progress max={100} value={d.voortgang} aria-label="Voortgang van het samenstellen" />
            )}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Versie</DataListKey>
          <DataListValue>{d.versie ?? '—'}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Gereed</DataListKey>
          <DataListValue>{formatDatumTijd(d.gereedOp)}</DataListValue>
        </DataListItem>
      </DataList>
      {d.status === 'mislukt' && (
        <Melding type="error">
          <Paragraph>
            Het samenstellen is mislukt: {d.fout ?? 'onbekende fout'}. Het wordt opnieuw geprobeerd.
          </Paragraph>
        </Melding>
      )}
      {gereed && (
        <>
          <Button
            appearance="primary-action-button"
            onClick={() => void downloadPdf()}
            disabled={pdfBezig}
          >
            {pdfBezig ? 'PDF wordt gemaakt…' : 'PDF downloaden'}
          </Button>
          <Foutmelding fout={pdfFout} />
          <section aria-labelledby="kop-wijzigingen" className="wk-blok">
            <Heading2 id="kop-wijzigingen">
              Wat er veranderde ten opzichte van de vorige versie
            </Heading2>
            {!wijzigingen.data ? (
              <Laden />
            ) : wijzigingen.data.eersteVersie ? (
              <Paragraph>Dit is de eerste versie; er is niets om mee te vergelijken.</Paragraph>
            ) : (
              <>
                <Paragraph>{wijzigingen.data.samenvatting}</Paragraph>
                <Wijzigingen w={wijzigingen.data} />
                {d.vorigeVersieId && (
                  <Paragraph>
                    <AppLink to={`/dossiers/${d.vorigeVersieId}`}>Vorige versie openen</AppLink>
                  </Paragraph>
                )}
              </>
            )}
          </section>
          <section aria-labelledby="kop-inhoud" className="wk-blok">
            <Heading2 id="kop-inhoud">Inhoud van het dossier</Heading2>
            {html.error ? (
              <Foutmelding fout={html.error} />
            ) : !html.data ? (
              <Laden />
            ) : (
              <iframe
                className="wk-dossier-frame"
                title={`Dossier ${d.aanbiederNaam}, ${formatPeriode(d.periode)}`}
                sandbox=""
                srcDoc={html.data}
              />
            )}
          </section>
        </>
      )}
    </>
  );
}

function Wijzigingen({ w }: { w: Schemas['DossierWijzigingenResponse'] }) {
  const regels = [
    ...w.kpiWaarden.gewijzigd.map(
      (x) => `${x.naam} (${x.kpiCode}), ${x.veld}: ${x.oud || '—'} → ${x.nieuw || '—'}`,
    ),
    ...w.kpiWaarden.toegevoegd.map((x) => `KPI toegevoegd: ${x.naam} (${x.kpiCode})`),
    ...w.kpiWaarden.verwijderd.map((x) => `KPI vervallen: ${x.naam} (${x.kpiCode})`),
    ...w.verhalen.gewijzigd.map((x) => `Verhaal gewijzigd: ${x.titel}`),
    ...w.verhalen.toegevoegd.map((x) => `Verhaal toegevoegd: ${x.titel}`),
    ...w.verhalen.verwijderd.map((x) => `Verhaal vervallen: ${x.titel}`),
  ];
  if (!regels.length) return null;
  return (
    <UnorderedList>
      {regels.map((r, i) => (
        <UnorderedListItem key={i}>{r}</UnorderedListItem>
      ))}
    </UnorderedList>
  );
}
