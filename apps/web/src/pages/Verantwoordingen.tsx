import {
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
import { AppLink, Fout, Laden, PaginaTitel } from '../components/Status';
import { StatusLabel } from '../components/StatusLabel';
import { formatDatum, formatPeriode } from '../format';

export function VerantwoordingenPagina() {
  const lijst = useQuery({
    queryKey: ['kwartaalverantwoordingen', 'lijst'],
    queryFn: () =>
      ok(api.GET('/kwartaalverantwoordingen', { params: { query: { pageSize: 100 } } })),
  });
  if (lijst.error) return <Fout fout={lijst.error} />;
  if (!lijst.data) return <Laden />;
  const items = [...lijst.data.items].sort(
    (a, b) =>
      b.periode.localeCompare(a.periode) || a.aanbiederNaam.localeCompare(b.aanbiederNaam, 'nl'),
  );
  return (
    <>
      <PaginaTitel>Kwartaalverantwoordingen</PaginaTitel>
      {items.length === 0 ? (
        <Paragraph>Er zijn nog geen kwartaalverantwoordingen.</Paragraph>
      ) : (
        <div
          className="wk-tabel-scroll"
          tabIndex={0}
          role="region"
          aria-label="Kwartaalverantwoordingen"
        >
          <Table>
            <TableCaption className="wk-visueel-verborgen">
              Alle kwartaalverantwoordingen
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Kwartaal</TableHeaderCell>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                <TableHeaderCell scope="col">Stand</TableHeaderCell>
                <TableHeaderCell scope="col">Deadline</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((v) => (
                <TableRow key={v.id}>
                  <TableCell>
                    <AppLink to={`/verantwoordingen/${v.id}`}>
                      {formatPeriode(v.periode)}
                      {v.revisie > 1 ? ` (revisie ${v.revisie})` : ''}
                    </AppLink>
                  </TableCell>
                  <TableCell>
                    {v.aanbiederNaam}
                    {v.aanvullendeOpdrachtId ? ' — aanvullende opdracht' : ''}
                  </TableCell>
                  <TableCell>
                    <StatusLabel status={v.status} />
                  </TableCell>
                  <TableCell>{formatDatum(v.deadline)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
