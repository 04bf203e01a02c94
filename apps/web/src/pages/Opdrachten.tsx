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
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { Fout, Laden, PaginaTitel } from '../components/Status';
import { formatDatum } from '../format';

export function OpdrachtenPagina() {
  const hoofd = useQuery({
    queryKey: ['hoofdopdrachten'],
    queryFn: () => ok(api.GET('/hoofdopdrachten', { params: { query: { pageSize: 100 } } })),
  });
  const aanvullend = useQuery({
    queryKey: ['aanvullende-opdrachten'],
    queryFn: () => ok(api.GET('/aanvullende-opdrachten', { params: { query: { pageSize: 100 } } })),
  });
  if (hoofd.error || aanvullend.error) return <Fout fout={hoofd.error ?? aanvullend.error} />;
  return (
    <>
      <PaginaTitel>Opdrachten</PaginaTitel>
      <section aria-labelledby="kop-hoofd" className="wk-blok">
        <Heading2 id="kop-hoofd">Hoofdopdrachten</Heading2>
        {!hoofd.data ? (
          <Laden />
        ) : hoofd.data.items.length === 0 ? (
          <Paragraph>Er zijn nog geen hoofdopdrachten.</Paragraph>
        ) : (
          <div className="wk-tabel-scroll" tabIndex={0} role="region" aria-labelledby="kop-hoofd">
            <Table>
              <TableCaption className="wk-visueel-verborgen">Hoofdopdrachten</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Opdracht</TableHeaderCell>
                  <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                  <TableHeaderCell scope="col">Looptijd</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {hoofd.data.items.map((h) => {
                  const x = h as unknown as Record<string, string | null>;
                  return (
                    <TableRow key={h.id}>
                      <TableCell>{x.titel ?? x.naam ?? h.id}</TableCell>
                      <TableCell>{x.aanbiederNaam ?? '—'}</TableCell>
                      <TableCell>
                        {formatDatum(x.begindatum ?? x.ingangsdatum)} – {formatDatum(x.einddatum)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      <section aria-labelledby="kop-aanvullend" className="wk-blok">
        <Heading2 id="kop-aanvullend">Aanvullende opdrachten</Heading2>
        {!aanvullend.data ? (
          <Laden />
        ) : aanvullend.data.items.length === 0 ? (
          <Paragraph>Er zijn geen aanvullende opdrachten.</Paragraph>
        ) : (
          <div
            className="wk-tabel-scroll"
            tabIndex={0}
            role="region"
            aria-labelledby="kop-aanvullend"
          >
            <Table>
              <TableCaption className="wk-visueel-verborgen">Aanvullende opdrachten</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Opdracht</TableHeaderCell>
                  <TableHeaderCell scope="col">Thema</TableHeaderCell>
                  <TableHeaderCell scope="col">Stand</TableHeaderCell>
                  <TableHeaderCell scope="col">Einddatum</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {aanvullend.data.items.map((a) => {
                  const x = a as unknown as Record<string, string | null>;
                  return (
                    <TableRow key={a.id} id={a.id}>
                      <TableCell>{x.titel ?? a.id}</TableCell>
                      <TableCell>{x.thema ?? '—'}</TableCell>
                      <TableCell>{x.status ?? '—'}</TableCell>
                      <TableCell>{formatDatum(x.einddatum)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
