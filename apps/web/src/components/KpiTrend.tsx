import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { formatEenheid, formatPeriode } from '../format';

export interface TrendPunt {
  periode: string;
  waarde: number | null;
}

export interface TrendNorm {
  streefwaarde: string;
  tolerantieLetOp: string;
  tolerantieUitKoers: string;
}

/** The tolerance band of "op koers" next to the target, on the side where it may fall short. */
function band(norm: TrendNorm, richting: string): [number, number] {
  const streef = Number(norm.streefwaarde);
  const tol = Number(norm.tolerantieLetOp);
  return richting === 'lager-is-beter' ? [streef, streef + tol] : [streef - tol, streef];
}

/** A row's small trend: a line without axes; the numbers are in the text next to it. */
export function Sparkline({ punten }: { punten: TrendPunt[] }) {
  if (punten.filter((p) => p.waarde !== null).length < 2) return null;
  return (
    <span className="wk-sparkline" aria-hidden="true">
      <LineChart
        accessibilityLayer={false}
        width={88}
        height={26}
        data={punten}
        margin={{ top: 3, bottom: 3, left: 2, right: 2 }}
      >
        <YAxis hide domain={['auto', 'auto']} />
        <Line
          dataKey="waarde"
          stroke="currentColor"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </span>
  );
}

/** The KPI's course over the quarters with its norm band, and the same as a table. */
export function KpiTrend({
  titel,
  punten,
  norm,
  richting,
  eenheid,
}: {
  titel: string;
  punten: TrendPunt[];
  norm: TrendNorm | null;
  richting: string;
  eenheid: string;
}) {
  const data = punten.map((p) => ({ ...p, label: formatPeriode(p.periode) }));
  const [onder, boven] = norm ? band(norm, richting) : [0, 0];
  return (
    <div className="wk-trend">
      <figure className="wk-grafiek" aria-hidden="true">
        <ResponsiveContainer width="100%" height={200}>
          <LineChart
            accessibilityLayer={false}
            data={data}
            margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis width={48} domain={['auto', 'auto']} tick={{ fontSize: 12 }} />
            {norm && (
              <ReferenceArea
                y1={onder}
                y2={boven}
                fill="#2f7d32"
                fillOpacity={0.15}
                ifOverflow="extendDomain"
              />
            )}
            {norm && (
              <ReferenceLine
                y={Number(norm.streefwaarde)}
                stroke="#2f7d32"
                strokeDasharray="4 4"
                label={{ value: 'norm', position: 'insideTopRight', fontSize: 12 }}
                ifOverflow="extendDomain"
              />
            )}
            <Line
              dataKey="waarde"
              stroke="#00566b"
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <div
        className="wk-tabel-scroll"
        tabIndex={0}
        role="region"
        aria-label={`${titel}: verloop als tabel`}
      >
        <Table className="wk-compact">
          <TableCaption>
            {titel}: verloop per kwartaal
            {norm
              ? ` (norm ${formatEenheid(norm.streefwaarde, eenheid)}, ${richting === 'lager-is-beter' ? 'lager' : 'hoger'} is beter, let op bij meer dan ${formatEenheid(norm.tolerantieLetOp, eenheid)} afwijking)`
              : ' (geen norm)'}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Kwartaal</TableHeaderCell>
              <TableHeaderCell scope="col" className="wk-getal">
                Waarde
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.map((p) => (
              <TableRow key={p.periode}>
                <TableHeaderCell scope="row">{p.label}</TableHeaderCell>
                <TableCell className="wk-getal">{formatEenheid(p.waarde, eenheid)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
