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
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api, ok, type Schemas } from '../api/client';
import { formatDatum, formatPeriode, STATUS_TEKST } from '../format';
import { AppLink, Fout, Laden } from './Status';
import { StatusLabel } from './StatusLabel';

type Samenvatting = Schemas['KwartaalverantwoordingSamenvattingResponse'];
type Periode = Schemas['RapportageperiodeResponse'];

export const MATRIX_STATUSSEN = ['concept', 'ingediend', 'teruggezet', 'vastgesteld', 'te-laat'];
const KLEUR: Record<string, string> = {
  concept: '#8a8a8a',
  ingediend: '#00689e',
  teruggezet: '#b86e00',
  vastgesteld: '#2f7d32',
  'te-laat': '#c0152f',
};

interface Cel {
  status: string;
  verantwoording?: Samenvatting;
  periode: Periode;
}

function vandaagIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** concept or teruggezet (or nothing yet) after the deadline is te laat. */
export function celStatus(periode: Periode, verantwoording: Samenvatting | undefined): string {
  const open =
    !verantwoording ||
    verantwoording.status === 'concept' ||
    verantwoording.status === 'teruggezet';
  if (open && periode.deadline < vandaagIso()) return 'te-laat';
  return verantwoording?.status ?? 'concept';
}

async function alles<T>(
  haalPagina: (page: number) => Promise<{ items: T[]; meta: { totalPages: number } }>,
): Promise<T[]> {
  const eerste = await haalPagina(1);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, eerste.meta.totalPages - 1) }, (_, i) => haalPagina(i + 2)),
  );
  return [...eerste.items, ...rest.flatMap((p) => p.items)];
}

export function StatusMatrix() {
  const data = useQuery({
    queryKey: ['status-matrix'],
    queryFn: async () => {
      const [periodes, verantwoordingen] = await Promise.all([
        alles((page) =>
          ok(api.GET('/rapportageperiodes', { params: { query: { page, pageSize: 100 } } })),
        ),
        alles((page) =>
          ok(api.GET('/kwartaalverantwoordingen', { params: { query: { page, pageSize: 100 } } })),
        ),
      ]);
      return { periodes, verantwoordingen };
    },
  });
  if (data.error) return <Fout fout={data.error} />;
  if (!data.data) return <Laden tekst="Het overzicht wordt geladen" />;

  const periodes = data.data.periodes.filter((p) => !p.aanvullendeOpdrachtId);
  const kwartalen = [...new Set(periodes.map((p) => p.periode))].sort().slice(-6);
  const aanbieders = [
    ...new Map(periodes.map((p) => [p.aanbiederId, p.aanbiederNaam])).entries(),
  ].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  const laatste = (periodeId: string) =>
    data.data.verantwoordingen
      .filter((v) => v.rapportageperiodeId === periodeId)
      .sort((a, b) => b.revisie - a.revisie)[0];
  const cellen = new Map<string, Cel>();
  for (const p of periodes) {
    if (!kwartalen.includes(p.periode)) continue;
    const verantwoording = laatste(p.id);
    cellen.set(`${p.aanbiederId}|${p.periode}`, {
      status: celStatus(p, verantwoording),
      verantwoording,
      periode: p,
    });
  }
  const telling = kwartalen.map((kwartaal) => {
    const rij: Record<string, string | number> = { kwartaal: formatPeriode(kwartaal) };
    for (const status of MATRIX_STATUSSEN) rij[status] = 0;
    for (const [sleutel, cel] of cellen)
      if (sleutel.endsWith(`|${kwartaal}`)) rij[cel.status] = (rij[cel.status] as number) + 1;
    return rij;
  });

  if (!aanbieders.length)
    return (
      <Paragraph>Er zijn nog geen rapportageperiodes geopend. Er is nog niets te zien.</Paragraph>
    );

  return (
    <>
      <section aria-labelledby="kop-matrix" className="wk-blok">
        <Heading2 id="kop-matrix">Stand per aanbieder en kwartaal</Heading2>
        <div className="wk-tabel-scroll" tabIndex={0} role="region" aria-labelledby="kop-matrix">
          <Table className="wk-matrix">
            <TableCaption className="wk-visueel-verborgen">
              Status van de kwartaalverantwoording per aanbieder (rijen) en kwartaal (kolommen)
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                {kwartalen.map((k) => (
                  <TableHeaderCell scope="col" key={k}>
                    {formatPeriode(k)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {aanbieders.map(([id, naam]) => (
                <TableRow key={id}>
                  <TableHeaderCell scope="row">{naam}</TableHeaderCell>
                  {kwartalen.map((k) => {
                    const cel = cellen.get(`${id}|${k}`);
                    return (
                      <TableCell key={k}>
                        {!cel ? (
                          <span className="wk-gedempt">
                            —<span className="wk-visueel-verborgen"> geen periode</span>
                          </span>
                        ) : cel.verantwoording ? (
                          <AppLink
                            to={`/verantwoordingen/${cel.verantwoording.id}`}
                            aria-label={`${naam}, ${formatPeriode(k)}: ${STATUS_TEKST[cel.status]}`}
                          >
                            <StatusLabel status={cel.status} />
                          </AppLink>
                        ) : (
                          <span title={`Deadline ${formatDatum(cel.periode.deadline)}`}>
                            <StatusLabel status={cel.status} />
                            <span className="wk-visueel-verborgen"> (nog niet begonnen)</span>
                          </span>
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="kop-telling" className="wk-blok">
        <Heading2 id="kop-telling">Aantallen per kwartaal</Heading2>
        <figure className="wk-grafiek" aria-hidden="true">
          <ResponsiveContainer width="100%" height={260}>
            <BarChart accessibilityLayer={false} data={telling}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="kwartaal" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} width={32} />
              <Tooltip />
              <Legend />
              {MATRIX_STATUSSEN.map((status) => (
                <Bar
                  key={status}
                  dataKey={status}
                  name={STATUS_TEKST[status]}
                  stackId="a"
                  fill={KLEUR[status]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <div
          className="wk-tabel-scroll"
          tabIndex={0}
          role="region"
          aria-label="Aantallen per kwartaal als tabel"
        >
          <Table className="wk-telling">
            <TableCaption>
              Aantal verantwoordingen per status en kwartaal (de grafiek als tabel)
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Kwartaal</TableHeaderCell>
                {MATRIX_STATUSSEN.map((s) => (
                  <TableHeaderCell scope="col" key={s} className="wk-getal">
                    {STATUS_TEKST[s]}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {telling.map((rij) => (
                <TableRow key={rij.kwartaal}>
                  <TableHeaderCell scope="row">{rij.kwartaal}</TableHeaderCell>
                  {MATRIX_STATUSSEN.map((s) => (
                    <TableCell key={s} className="wk-getal">
                      {rij[s]}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>
    </>
  );
}
