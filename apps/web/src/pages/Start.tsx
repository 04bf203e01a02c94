import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { StatusMatrix } from '../components/StatusMatrix';
import { AppLink, Fout, Laden, PaginaTitel } from '../components/Status';
import { StatusLabel } from '../components/StatusLabel';
import { formatDatum, formatPeriode } from '../format';
import { heeftRol, isAanbieder, useActor } from '../sessie';

export function StartPagina() {
  const actor = useActor();
  if (isAanbieder(actor)) return <AanbiederStart />;
  return (
    <>
      <PaginaTitel>Overzicht kwartaalverantwoordingen</PaginaTitel>
      <Paragraph appearance="lead">
        De stand van de verantwoordingen van alle aanbieders per kwartaal. Open een verantwoording
        om haar te beoordelen.
      </Paragraph>
      <StatusMatrix />
      {heeftRol(actor, 'contractmanager') && <OpenDossiers />}
    </>
  );
}

function vandaagIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function AanbiederStart() {
  const actor = useActor();
  const periodes = useQuery({
    queryKey: ['rapportageperiodes', 'eigen'],
    queryFn: () => ok(api.GET('/rapportageperiodes', { params: { query: { pageSize: 100 } } })),
  });
  const verantwoordingen = useQuery({
    queryKey: ['kwartaalverantwoordingen', 'lijst'],
    queryFn: () =>
      ok(api.GET('/kwartaalverantwoordingen', { params: { query: { pageSize: 100 } } })),
  });
  const signalen = useQuery({
    queryKey: ['signalen', 'beantwoord'],
    queryFn: () =>
      ok(api.GET('/signalen', { params: { query: { status: 'beantwoord', pageSize: 20 } } })),
  });
  if (periodes.error || verantwoordingen.error)
    return <Fout fout={periodes.error ?? verantwoordingen.error} />;
  if (!periodes.data || !verantwoordingen.data) return <Laden />;

  const vandaag = vandaagIso();
  const hoofdperiodes = periodes.data.items.filter((p) => !p.aanvullendeOpdrachtId);
  const open = hoofdperiodes
    .filter(
      (p) =>
        p.deadline >= vandaag ||
        !verantwoordingen.data.items.some(
          (v) => v.rapportageperiodeId === p.id && v.status !== 'concept',
        ),
    )
    .sort((a, b) => a.periode.localeCompare(b.periode));
  const openPeriode = open[open.length - 1];
  const openVerantwoording = verantwoordingen.data.items.find(
    (v) => v.rapportageperiodeId === openPeriode?.id,
  );
  const teruggezet = verantwoordingen.data.items.filter((v) => v.status === 'teruggezet');
  const inBewerking = verantwoordingen.data.items.filter(
    (v) => v.status === 'concept' || v.status === 'teruggezet',
  );

  return (
    <>
      <PaginaTitel>Goedendag, {actor.naam.split(' ')[0]}</PaginaTitel>
      <Paragraph appearance="lead">Wat er nu van u gevraagd wordt.</Paragraph>

      <section aria-labelledby="kop-kwartaal" className="wk-blok">
        <Heading2 id="kop-kwartaal">Open kwartaal</Heading2>
        {openPeriode ? (
          <>
            <Paragraph>
              De verantwoording over het <strong>{formatPeriode(openPeriode.periode)}</strong> moet
              uiterlijk <strong>{formatDatum(openPeriode.deadline)}</strong> zijn ingediend.
            </Paragraph>
            <Paragraph>
              {openVerantwoording ? (
                <>
                  Stand: <StatusLabel status={openVerantwoording.status} />{' '}
                  <AppLink to={`/verantwoordingen/${openVerantwoording.id}`}>
                    Verantwoording {formatPeriode(openVerantwoording.periode)} openen
                  </AppLink>
                </>
              ) : (
                'Er is nog geen verantwoording voor dit kwartaal begonnen.'
              )}
            </Paragraph>
          </>
        ) : (
          <Paragraph>Er staat geen kwartaal open. U hoeft nu niets te verantwoorden.</Paragraph>
        )}
      </section>

      <section aria-labelledby="kop-teruggezet" className="wk-blok">
        <Heading2 id="kop-teruggezet">Teruggezet met een vraag</Heading2>
        {teruggezet.length ? (
          <UnorderedList>
            {teruggezet.map((v) => (
              <UnorderedListItem key={v.id}>
                <AppLink to={`/verantwoordingen/${v.id}`}>
                  {formatPeriode(v.periode)}
                  {v.aanvullendeOpdrachtId ? ' (aanvullende opdracht)' : ''}
                </AppLink>{' '}
                — beantwoord de vraag van de gemeente en dien opnieuw in.
              </UnorderedListItem>
            ))}
          </UnorderedList>
        ) : (
          <Paragraph>Geen verantwoordingen teruggezet.</Paragraph>
        )}
      </section>

      <OpenVragen ids={inBewerking.map((v) => v.id)} />

      <section aria-labelledby="kop-signalen" className="wk-blok">
        <Heading2 id="kop-signalen">Signalen met een antwoord van de gemeente</Heading2>
        {signalen.data?.items.length ? (
          <UnorderedList>
            {signalen.data.items.map((s) => (
              <UnorderedListItem key={s.id}>
                <strong>{s.titel}</strong> ({formatPeriode(s.periode)}): {s.antwoord ?? ''}
                {s.terugkoppeling ? ` Terugkoppeling: ${s.terugkoppeling}` : ''}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        ) : (
          <Paragraph>Geen signalen die op uw reactie wachten.</Paragraph>
        )}
      </section>
    </>
  );
}

function OpenVragen({ ids }: { ids: string[] }) {
  const vragen = useQuery({
    queryKey: ['open-vragen', ids],
    queryFn: async () => {
      const lijsten = await Promise.all(
        ids.map((id) =>
          ok(
            api.GET('/kwartaalverantwoordingen/{id}/beoordelingsopmerkingen', {
              params: { path: { id } },
            }),
          ).then((lijst) => lijst.items.filter((o) => o.open)),
        ),
      );
      return lijsten.flat();
    },
  });
  return (
    <section aria-labelledby="kop-vragen" className="wk-blok">
      <Heading2 id="kop-vragen">Open vragen van de gemeente</Heading2>
      {!vragen.data ? (
        <Laden />
      ) : vragen.data.length ? (
        <UnorderedList>
          {vragen.data.map((o) => (
            <UnorderedListItem key={o.id}>
              “{o.tekst}” — {o.auteurNaam ?? 'gemeente'}{' '}
              <AppLink to={`/verantwoordingen/${o.kwartaalverantwoordingId}#vragen`}>
                Beantwoorden
              </AppLink>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>Geen open vragen.</Paragraph>
      )}
    </section>
  );
}

function OpenDossiers() {
  const dossiers = useQuery({
    queryKey: ['dossiers', 'recent'],
    queryFn: () => ok(api.GET('/dossiers', { params: { query: { pageSize: 5 } } })),
  });
  if (!dossiers.data?.items.length) return null;
  return (
    <section aria-labelledby="kop-dossiers" className="wk-blok">
      <Heading2 id="kop-dossiers">Recente dossiers</Heading2>
      <div className="wk-tabel-scroll" tabIndex={0} role="region" aria-labelledby="kop-dossiers">
        <Table>
          <TableCaption className="wk-visueel-verborgen">Recente dossiers</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
              <TableHeaderCell scope="col">Kwartaal</TableHeaderCell>
              <TableHeaderCell scope="col">Stand</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {dossiers.data.items.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  <AppLink to={`/dossiers/${d.id}`}>{d.aanbiederNaam}</AppLink>
                </TableCell>
                <TableCell>{formatPeriode(d.periode)}</TableCell>
                <TableCell>{d.status === 'gereed' ? 'Gereed' : d.status}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
