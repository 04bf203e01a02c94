import {
  Button,
  Heading2,
  Heading3,
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
import { type ReactNode, useState } from 'react';
import { api, ok } from '../api/client';
import { Fout, Laden, PaginaTitel } from '../components/Status';
import { formatCenten, formatDatum } from '../format';

function ScrollTabel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="wk-tabel-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

const STATUS: Record<string, string> = {
  verzoek: 'Verzoek',
  getoetst: 'Getoetst',
  actief: 'Actief',
  afgerond: 'Afgerond',
  afgewezen: 'Afgewezen',
  ingetrokken: 'Ingetrokken',
  verlengd: 'Verlengd',
};

export function OpdrachtenPagina() {
  const jaar = new Date().getFullYear();
  const hoofd = useQuery({
    queryKey: ['hoofdopdrachten'],
    queryFn: () => ok(api.GET('/hoofdopdrachten', { params: { query: { pageSize: 100 } } })),
  });
  const aanvullend = useQuery({
    queryKey: ['aanvullende-opdrachten'],
    queryFn: () => ok(api.GET('/aanvullende-opdrachten', { params: { query: { pageSize: 100 } } })),
  });
  const budgetten = useQuery({
    queryKey: ['budgetten', jaar],
    queryFn: () =>
      ok(
        api.GET('/overzichten/budgetten', { params: { query: { vanJaar: jaar, totJaar: jaar } } }),
      ),
  });
  const themas = useQuery({
    queryKey: ['themas'],
    queryFn: () => ok(api.GET('/overzichten/themas', { params: { query: {} } })),
  });
  const [check, setCheck] = useState<string | null>(null);
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
          <ScrollTabel label="Hoofdopdrachten">
            <Table>
              <TableCaption className="wk-visueel-verborgen">Hoofdopdrachten</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Opdracht</TableHeaderCell>
                  <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                  <TableHeaderCell scope="col">Looptijd</TableHeaderCell>
                  <TableHeaderCell scope="col">Versies</TableHeaderCell>
                  <TableHeaderCell scope="col">KPI-set</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {hoofd.data.items.map((h) => (
                  <TableRow key={h.id}>
                    <TableHeaderCell scope="row">{h.titel}</TableHeaderCell>
                    <TableCell>{h.aanbiederNaam}</TableCell>
                    <TableCell>
                      {formatDatum(h.startdatum)} tot en met {formatDatum(h.einddatum)}
                    </TableCell>
                    <TableCell>{h.aantalVersies}</TableCell>
                    <TableCell>
                      <Button
                        appearance="subtle-button"
                        aria-expanded={check === h.id}
                        onClick={() => setCheck(check === h.id ? null : h.id)}
                      >
                        KPI-set controleren<span className="wk-visueel-verborgen">: {h.titel}</span>
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollTabel>
        )}
        {check && <KpiSetCheck hoofdopdrachtId={check} />}
      </section>

      <section aria-labelledby="kop-aanvullend" className="wk-blok">
        <Heading2 id="kop-aanvullend">Aanvullende opdrachten</Heading2>
        {!aanvullend.data ? (
          <Laden />
        ) : aanvullend.data.items.length === 0 ? (
          <Paragraph>Er zijn geen aanvullende opdrachten.</Paragraph>
        ) : (
          <ScrollTabel label="Aanvullende opdrachten">
            <Table>
              <TableCaption className="wk-visueel-verborgen">Aanvullende opdrachten</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Opdracht</TableHeaderCell>
                  <TableHeaderCell scope="col">Thema</TableHeaderCell>
                  <TableHeaderCell scope="col">Stand</TableHeaderCell>
                  <TableHeaderCell scope="col">Einddatum</TableHeaderCell>
                  <TableHeaderCell scope="col" className="wk-getal">
                    Budget
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {aanvullend.data.items.map((a) => (
                  <TableRow key={a.id} id={a.id}>
                    <TableHeaderCell scope="row">
                      {a.titel}
                      <span className="wk-kpi-norm">
                        {a.aanbieders.map((x) => x.aanbiederNaam).join(', ')}
                      </span>
                    </TableHeaderCell>
                    <TableCell>{a.thema}</TableCell>
                    <TableCell>{STATUS[String(a.status)] ?? String(a.status)}</TableCell>
                    <TableCell>{formatDatum(a.einddatum)}</TableCell>
                    <TableCell className="wk-getal">{formatCenten(a.budgetCenten)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollTabel>
        )}
      </section>

      <section aria-labelledby="kop-themas" className="wk-blok">
        <Heading2 id="kop-themas">Budget per thema</Heading2>
        {!themas.data ? (
          <Laden />
        ) : (
          <ScrollTabel label="Budget per thema">
            <Table>
              <TableCaption className="wk-visueel-verborgen">
                Aanvullende opdrachten gebundeld per thema
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Thema</TableHeaderCell>
                  <TableHeaderCell scope="col" className="wk-getal">
                    Opdrachten
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="wk-getal">
                    Budget
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {themas.data.themas.map((t) => (
                  <TableRow key={t.thema}>
                    <TableHeaderCell scope="row">{t.thema}</TableHeaderCell>
                    <TableCell className="wk-getal">{t.aantal}</TableCell>
                    <TableCell className="wk-getal">{formatCenten(t.budgetCenten)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollTabel>
        )}
      </section>

      <section aria-labelledby="kop-budget" className="wk-blok">
        <Heading2 id="kop-budget">Budget {jaar} per aanbieder</Heading2>
        {!budgetten.data ? (
          <Laden />
        ) : (
          <ScrollTabel label={`Budget ${jaar} per aanbieder`}>
            <Table>
              <TableCaption className="wk-visueel-verborgen">Budget per aanbieder</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                  <TableHeaderCell scope="col" className="wk-getal">
                    Structureel
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="wk-getal">
                    Incidenteel
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="wk-getal">
                    Totaal
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {budgetten.data.regels.map((r) => (
                  <TableRow key={`${r.aanbiederId}-${r.jaar}`}>
                    <TableHeaderCell scope="row">{r.aanbiederNaam}</TableHeaderCell>
                    <TableCell className="wk-getal">{formatCenten(r.structureelCenten)}</TableCell>
                    <TableCell className="wk-getal">{formatCenten(r.incidenteelCenten)}</TableCell>
                    <TableCell className="wk-getal">{formatCenten(r.totaalCenten)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableHeaderCell scope="row">Totaal</TableHeaderCell>
                  <TableCell className="wk-getal">
                    {formatCenten(budgetten.data.structureelCenten)}
                  </TableCell>
                  <TableCell className="wk-getal">
                    {formatCenten(budgetten.data.incidenteelCenten)}
                  </TableCell>
                  <TableCell className="wk-getal">
                    {formatCenten(budgetten.data.totaalCenten)}
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </ScrollTabel>
        )}
      </section>
    </>
  );
}

const ERNST: Record<string, string> = {
  fout: 'Fout',
  waarschuwing: 'Waarschuwing',
  info: 'Ter info',
};

function KpiSetCheck({ hoofdopdrachtId }: { hoofdopdrachtId: string }) {
  const check = useQuery({
    queryKey: ['kpi-check', hoofdopdrachtId],
    queryFn: () =>
      ok(
        api.GET('/hoofdopdrachten/{id}/kpi-check', {
          params: { path: { id: hoofdopdrachtId }, query: {} },
        }),
      ),
  });
  if (check.error) return <Fout fout={check.error} />;
  if (!check.data) return <Laden tekst="De KPI-set wordt gecontroleerd" />;
  const c = check.data;
  return (
    <div className="wk-kaart" role="region" aria-label={`KPI-set-check ${c.opdrachtTitel}`}>
      <Heading3>KPI-set van {c.opdrachtTitel}</Heading3>
      <Paragraph>
        {c.aantalKpis} KPI’s. {c.bevindingen.length === 0 ? 'Geen bevindingen.' : ''}
      </Paragraph>
      {c.bevindingen.length > 0 && (
        <UnorderedList>
          {c.bevindingen.map((b, i) => (
            <UnorderedListItem key={`${b.code}-${i}`}>
              <strong>{ERNST[String(b.ernst)] ?? String(b.ernst)}:</strong> {b.melding}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </div>
  );
}
