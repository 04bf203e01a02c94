import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormFieldTextarea,
  FormFieldTextbox,
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
  Textbox,
  Textarea,
} from '@utrecht/component-library-react';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { berekenKpiStatus, normVoorPeriode } from '../../../../libs/verantwoording/src/kpi-status';
import { api, etag, haal, ok, ProblemError, type Schemas } from '../api/client';
import { KpiTrend, Sparkline, type TrendPunt } from '../components/KpiTrend';
import { AppLink, Fout, Foutmelding, Laden, Melding, PaginaTitel } from '../components/Status';
import { StatusLabel } from '../components/StatusLabel';
import {
  alsInvoer,
  formatCenten,
  formatDatum,
  formatDatumTijd,
  formatEenheid,
  formatPeriode,
  leesGetal,
  STATUS_TEKST,
} from '../format';
import { heeftRol, isAanbieder, useActor } from '../sessie';

type Verantwoording = Schemas['KwartaalverantwoordingResponse'];
type Opmerking = Schemas['BeoordelingsopmerkingResponse'];
type Norm = {
  periode: string;
  streefwaarde: string;
  tolerantieLetOp: string;
  tolerantieUitKoers: string;
};

interface Rij {
  sleutel: string;
  kpiId: string;
  perceelId: string | null;
  perceelNaam: string;
  waardeId: string | null;
  waarde: string | null;
  toelichting: string | null;
}

interface KpiBlok {
  kpiId: string;
  code: string;
  naam: string;
  eenheid: string;
  richting: 'hoger-is-beter' | 'lager-is-beter';
  norm: Norm | null;
  rijen: Rij[];
}

/**
 * Shows the account as the API answered a change, and cancels a refetch still under way
 * (started by an earlier change), whose older answer would otherwise overwrite this one.
 */
async function toonNieuw(queryClient: QueryClient, nieuw: Verantwoording): Promise<void> {
  await queryClient.cancelQueries({ queryKey: ['verantwoording', nieuw.id] }, { revert: false });
  queryClient.setQueryData(['verantwoording', nieuw.id], nieuw);
}

const sleutel = (kpiId: string, perceelId: string | null | undefined) =>
  `${kpiId}|${perceelId ?? ''}`;

const EENHEID: Record<string, string> = {
  aantal: 'aantal',
  percentage: 'procent',
  euro: 'euro',
  dagen: 'dagen',
  score: 'score',
};

export function VerantwoordingPagina() {
  const { id = '' } = useParams();
  const actor = useActor();
  const verantwoording = useQuery({
    queryKey: ['verantwoording', id],
    queryFn: () => ok(api.GET('/kwartaalverantwoordingen/{id}', { params: { path: { id } } })),
  });
  if (verantwoording.error) return <Fout fout={verantwoording.error} />;
  if (!verantwoording.data) return <Laden tekst="De verantwoording wordt geladen" />;
  const v = verantwoording.data;
  // A returned account is reopened (concept) before it can be changed.
  const bewerkbaar = isAanbieder(actor) && v.status === 'concept' && v.laatsteRevisie;
  return (
    <>
      <PaginaTitel>{`Verantwoording ${formatPeriode(v.periode)}`}</PaginaTitel>
      <DataList className="wk-kenmerken">
        <DataListItem>
          <DataListKey>Aanbieder</DataListKey>
          <DataListValue>{v.aanbiederNaam}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Stand</DataListKey>
          <DataListValue>
            <StatusLabel status={v.status} />
            {v.revisie > 1 ? ` (revisie ${v.revisie})` : ''}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Indienen uiterlijk</DataListKey>
          <DataListValue>{formatDatum(v.deadline)}</DataListValue>
        </DataListItem>
        {v.ingediendOp && (
          <DataListItem>
            <DataListKey>Ingediend op</DataListKey>
            <DataListValue>{formatDatumTijd(v.ingediendOp)}</DataListValue>
          </DataListItem>
        )}
        {v.vastgesteldOp && (
          <DataListItem>
            <DataListKey>Vastgesteld op</DataListKey>
            <DataListValue>{formatDatumTijd(v.vastgesteldOp)}</DataListValue>
          </DataListItem>
        )}
      </DataList>
      {v.status === 'teruggezet' && isAanbieder(actor) && (
        <Melding type="warning">
          <Paragraph>
            De gemeente heeft deze verantwoording teruggezet. Beantwoord de vragen hieronder, neem
            de verantwoording opnieuw in bewerking, pas zo nodig aan en dien opnieuw in.
          </Paragraph>
        </Melding>
      )}
      <nav aria-label="Onderdelen van de verantwoording" className="wk-inhoudsopgave">
        <a className="utrecht-link" href="#cijfers">
          Cijfers
        </a>
        <a className="utrecht-link" href="#verhaal">
          Verhaal
        </a>
        <a className="utrecht-link" href="#verhalen">
          Casusverhalen
        </a>
        <a className="utrecht-link" href="#signalen">
          Signalen
        </a>
        <a className="utrecht-link" href="#vragen">
          Vragen
        </a>
        <a className="utrecht-link" href="#afronden">
          Afronden
        </a>
      </nav>
      <Cijfers v={v} bewerkbaar={bewerkbaar} />
      {bewerkbaar && <Import v={v} />}
      <Verhaal v={v} bewerkbaar={bewerkbaar} />
      <Casussen v={v} bewerkbaar={bewerkbaar} />
      <Signalen v={v} />
      <Vragen v={v} />
      <Afronden v={v} />
    </>
  );
}

/** Earlier quarters of the same account (same aanbieder, same opdracht), oldest first. */
function useGeschiedenis(v: Verantwoording) {
  return useQuery({
    queryKey: ['geschiedenis', v.aanbiederId, v.aanvullendeOpdrachtId, v.periode],
    queryFn: async () => {
      const lijst = await ok(
        api.GET('/kwartaalverantwoordingen', {
          params: { query: { aanbiederId: v.aanbiederId, pageSize: 100 } },
        }),
      );
      const eerder = lijst.items
        .filter(
          (x) =>
            x.periode < v.periode &&
            (x.aanvullendeOpdrachtId ?? null) === (v.aanvullendeOpdrachtId ?? null),
        )
        .sort((a, b) => a.periode.localeCompare(b.periode) || a.revisie - b.revisie);
      const perPeriode = new Map(eerder.map((x) => [x.periode, x]));
      const laatste = [...perPeriode.values()].slice(-4);
      const volledig = await Promise.all(
        laatste.map((x) =>
          ok(api.GET('/kwartaalverantwoordingen/{id}', { params: { path: { id: x.id } } })),
        ),
      );
      const waarden = new Map<string, Map<string, number>>();
      for (const x of volledig)
        for (const kpi of x.waarden) {
          const rijen = kpi.perPerceel
            ? kpi.percelen.map((p) => [p.perceelId, p.waarde] as const)
            : [[null, kpi.totaal.waarde] as const];
          for (const [perceelId, waarde] of rijen) {
            if (waarde === null) continue;
            const k = sleutel(kpi.kpiId, perceelId);
            if (!waarden.has(k)) waarden.set(k, new Map());
            waarden.get(k)!.set(x.periode, Number(waarde));
          }
        }
      return { periodes: volledig.map((x) => x.periode), waarden };
    },
  });
}

/** KPI definitions and norms for what has no figure yet (the account only describes filled ones). */
function useOntbrekendeKpis(v: Verantwoording) {
  const kpiIds = [...new Set(v.ontbrekend.map((o) => o.kpiId))].filter(
    (kpiId) => !v.waarden.some((w) => w.kpiId === kpiId),
  );
  return useQuery({
    queryKey: ['kpi-definities', kpiIds],
    enabled: kpiIds.length > 0,
    queryFn: async () => {
      const resultaat = await Promise.all(
        kpiIds.map(async (kpiId) => {
          const [kpi, normen] = await Promise.all([
            ok(api.GET('/kpis/{id}', { params: { path: { id: kpiId } } })),
            ok(api.GET('/kpis/{id}/normen', { params: { path: { id: kpiId } } })),
          ]);
          const lijst = ((normen as { items?: Norm[] }).items ?? []) as Norm[];
          return [kpiId, { kpi, norm: normVoorPeriode(lijst, v.periode) }] as const;
        }),
      );
      return new Map(resultaat);
    },
  });
}

function bouwBlokken(
  v: Verantwoording,
  ontbrekend: Map<string, { kpi: Schemas['KpiResponse']; norm: Norm | null }> | undefined,
): KpiBlok[] {
  const blokken = new Map<string, KpiBlok>();
  for (const kpi of v.waarden) {
    const rijen: Rij[] = kpi.perPerceel
      ? kpi.percelen.map((p) => ({
          sleutel: sleutel(kpi.kpiId, p.perceelId),
          kpiId: kpi.kpiId,
          perceelId: p.perceelId,
          perceelNaam: p.perceelNaam,
          waardeId: p.id,
          waarde: p.waarde,
          toelichting: p.toelichting,
        }))
      : [
          {
            sleutel: sleutel(kpi.kpiId, null),
            kpiId: kpi.kpiId,
            perceelId: null,
            perceelNaam: 'Hele aanbieder',
            waardeId: kpi.totaal.id,
            waarde: kpi.totaal.waarde,
            toelichting: kpi.totaal.toelichting,
          },
        ];
    blokken.set(kpi.kpiId, {
      kpiId: kpi.kpiId,
      code: kpi.code,
      naam: kpi.naam,
      eenheid: kpi.eenheid,
      richting: kpi.richting,
      norm: kpi.norm ?? null,
      rijen,
    });
  }
  for (const o of v.ontbrekend) {
    let blok = blokken.get(o.kpiId);
    if (!blok) {
      const definitie = ontbrekend?.get(o.kpiId);
      blok = {
        kpiId: o.kpiId,
        code: o.code,
        naam: o.naam,
        eenheid: definitie?.kpi.eenheid ?? 'aantal',
        richting: definitie?.kpi.richting ?? 'hoger-is-beter',
        norm: definitie?.norm ?? null,
        rijen: [],
      };
      blokken.set(o.kpiId, blok);
    }
    if (!blok.rijen.some((r) => r.sleutel === sleutel(o.kpiId, o.perceelId)))
      blok.rijen.push({
        sleutel: sleutel(o.kpiId, o.perceelId),
        kpiId: o.kpiId,
        perceelId: o.perceelId,
        perceelNaam: o.perceelNaam ?? 'Hele aanbieder',
        waardeId: null,
        waarde: null,
        toelichting: null,
      });
  }
  for (const blok of blokken.values())
    blok.rijen.sort((a, b) => a.perceelNaam.localeCompare(b.perceelNaam, 'nl'));
  return [...blokken.values()].sort((a, b) => a.code.localeCompare(b.code, 'nl'));
}

function normTekst(norm: Norm | null, eenheid: string, richting: string): string {
  if (!norm) return 'Geen norm';
  return `${richting === 'lager-is-beter' ? 'hoogstens' : 'minstens'} ${formatEenheid(norm.streefwaarde, eenheid)}; let op bij ${formatEenheid(norm.tolerantieLetOp, eenheid)} afwijking, uit koers bij ${formatEenheid(norm.tolerantieUitKoers, eenheid)}`;
}

function Cijfers({ v, bewerkbaar }: { v: Verantwoording; bewerkbaar: boolean }) {
  const queryClient = useQueryClient();
  const actor = useActor();
  const ontbrekend = useOntbrekendeKpis(v);
  const geschiedenis = useGeschiedenis(v);
  const blokken = useMemo(() => bouwBlokken(v, ontbrekend.data), [v, ontbrekend.data]);
  const [invoer, setInvoer] = useState<Record<string, { waarde: string; toelichting: string }>>({});
  const [veldFouten, setVeldFouten] = useState<Record<string, string>>({});
  const [opgeslagen, setOpgeslagen] = useState(false);
  const [trendOpen, setTrendOpen] = useState<string | null>(null);
  const [opmerkingBij, setOpmerkingBij] = useState<string | null>(null);

  const rijInvoer = (rij: Rij) =>
    invoer[rij.sleutel] ?? { waarde: alsInvoer(rij.waarde), toelichting: rij.toelichting ?? '' };
  const gewijzigd = blokken
    .flatMap((b) => b.rijen)
    .filter((rij) => {
      const nu = invoer[rij.sleutel];
      return (
        nu &&
        (nu.waarde !== alsInvoer(rij.waarde) || nu.toelichting !== (rij.toelichting ?? '')) &&
        nu.waarde.trim() !== ''
      );
    });

  const opslaan = useMutation({
    mutationFn: async () => {
      const fouten: Record<string, string> = {};
      const waarden = gewijzigd.map((rij) => {
        const nu = rijInvoer(rij);
        const waarde = leesGetal(nu.waarde);
        if (waarde === undefined)
          fouten[`${rij.sleutel}|waarde`] = 'Vul een getal in, bijvoorbeeld 80 of 2,5.';
        return {
          kpiId: rij.kpiId,
          perceelId: rij.perceelId,
          waarde: waarde ?? nu.waarde,
          toelichting: nu.toelichting.trim() || null,
        };
      });
      setVeldFouten(fouten);
      if (Object.keys(fouten).length) throw new Error('invoer');
      try {
        return await ok(
          api.PUT('/kwartaalverantwoordingen/{id}/waarden', {
            params: { path: { id: v.id }, header: { 'If-Match': etag(v.version) } },
            body: { waarden } as never,
          }),
        );
      } catch (error) {
        if (error instanceof ProblemError) {
          const perVeld: Record<string, string> = {};
          for (const p of error.invalidParams) {
            const m = /^waarden[.[](\d+)\]?\.(\w+)$/.exec(p.name);
            if (m && gewijzigd[Number(m[1])])
              perVeld[
                `${gewijzigd[Number(m[1])].sleutel}|${m[2] === 'toelichting' ? 'toelichting' : 'waarde'}`
              ] = p.reason;
          }
          setVeldFouten(perVeld);
        }
        throw error;
      }
    },
    onSuccess: (nieuw) => {
      void toonNieuw(queryClient, nieuw);
      setInvoer({});
      setOpgeslagen(true);
    },
  });

  return (
    <section aria-labelledby="cijfers" className="wk-blok">
      <Heading2 id="cijfers" tabIndex={-1}>
        Cijfers per KPI en perceel
      </Heading2>
      {bewerkbaar && (
        <Paragraph>
          Vul de realisatie in. De status rekent mee terwijl u typt, met dezelfde regel als bij de
          beoordeling. Getallen mag u met een komma schrijven (80,5).
        </Paragraph>
      )}
      {opslaan.error && !(opslaan.error instanceof Error && opslaan.error.message === 'invoer') && (
        <Foutmelding fout={opslaan.error} />
      )}
      {opgeslagen && !opslaan.error && gewijzigd.length === 0 && (
        <Melding type="ok">
          <Paragraph>De cijfers zijn opgeslagen.</Paragraph>
        </Melding>
      )}
      {blokken.length === 0 && (
        <Paragraph>Voor deze verantwoording zijn geen KPI’s vastgelegd.</Paragraph>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setOpgeslagen(false);
          opslaan.mutate();
        }}
      >
        <div className="wk-tabel-scroll" tabIndex={0} role="region" aria-label="Tabel met cijfers">
          <Table className="wk-cijfers">
            <TableCaption className="wk-visueel-verborgen">
              Cijfers per KPI en perceel met norm, vorig kwartaal en status
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Perceel</TableHeaderCell>
                <TableHeaderCell scope="col">Waarde</TableHeaderCell>
                <TableHeaderCell scope="col">Vorig kwartaal</TableHeaderCell>
                <TableHeaderCell scope="col">Verloop</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Toelichting</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {blokken.map((blok) => (
                <Fragment key={blok.kpiId}>
                  <TableRow className="wk-kpi-kop">
                    <TableHeaderCell scope="colgroup" colSpan={4} id={`kpi-${blok.kpiId}`}>
                      <span className="wk-kpi-naam">
                        {blok.naam} <span className="wk-gedempt">({blok.code})</span>
                      </span>
                      <span className="wk-kpi-norm">
                        Eenheid: {EENHEID[blok.eenheid] ?? blok.eenheid}. Norm:{' '}
                        {normTekst(blok.norm, blok.eenheid, blok.richting)}.
                      </span>
                    </TableHeaderCell>
                    <TableCell colSpan={2} className="wk-kpi-actie">
                      <Button
                        appearance="subtle-button"
                        type="button"
                        aria-expanded={trendOpen === blok.kpiId}
                        onClick={() => setTrendOpen(trendOpen === blok.kpiId ? null : blok.kpiId)}
                      >
                        {trendOpen === blok.kpiId ? 'Verloop verbergen' : 'Verloop bekijken'}
                        <span className="wk-visueel-verborgen">: {blok.naam}</span>
                      </Button>
                    </TableCell>
                  </TableRow>
                  {trendOpen === blok.kpiId && (
                    <TableRow>
                      <TableCell colSpan={6}>
                        {blok.rijen.map((rij) => (
                          <KpiTrend
                            key={rij.sleutel}
                            titel={`${blok.naam}, ${rij.perceelNaam}`}
                            punten={trendPunten(
                              geschiedenis.data,
                              rij,
                              v.periode,
                              rijInvoer(rij).waarde,
                            )}
                            norm={blok.norm}
                            richting={blok.richting}
                            eenheid={blok.eenheid}
                          />
                        ))}
                      </TableCell>
                    </TableRow>
                  )}
                  {blok.rijen.map((rij) => {
                    const nu = rijInvoer(rij);
                    const getal = leesGetal(nu.waarde);
                    const status = berekenKpiStatus({
                      waarde: getal ?? null,
                      norm: blok.norm,
                      richting: blok.richting,
                      eenheid: blok.eenheid as never,
                    });
                    const punten = trendPunten(geschiedenis.data, rij, v.periode, nu.waarde);
                    const vorig = punten.length > 1 ? punten[punten.length - 2] : undefined;
                    const waardeFout = veldFouten[`${rij.sleutel}|waarde`];
                    const toelichtingFout = veldFouten[`${rij.sleutel}|toelichting`];
                    const label = `${blok.naam}, ${rij.perceelNaam}`;
                    return (
                      <TableRow key={rij.sleutel}>
                        <TableHeaderCell scope="row" headers={`kpi-${blok.kpiId}`}>
                          {rij.perceelNaam}
                        </TableHeaderCell>
                        <TableCell>
                          {bewerkbaar ? (
                            <>
                              <Textbox
                                className="wk-invoer-getal"
                                aria-label={`Waarde ${label} (${EENHEID[blok.eenheid] ?? blok.eenheid})`}
                                inputMode="decimal"
                                value={nu.waarde}
                                invalid={Boolean(waardeFout)}
                                aria-describedby={waardeFout ? `fout-${rij.sleutel}` : undefined}
                                onChange={(e) =>
                                  setInvoer({
                                    ...invoer,
                                    [rij.sleutel]: { ...nu, waarde: e.target.value },
                                  })
                                }
                              />
                              {waardeFout && (
                                <span className="wk-veldfout" id={`fout-${rij.sleutel}`}>
                                  {waardeFout}
                                </span>
                              )}
                            </>
                          ) : (
                            formatEenheid(rij.waarde, blok.eenheid)
                          )}
                        </TableCell>
                        <TableCell>
                          {vorig?.waarde !== undefined && vorig?.waarde !== null
                            ? formatEenheid(vorig.waarde, blok.eenheid)
                            : '—'}
                        </TableCell>
                        <TableCell>
                          <Sparkline punten={punten} />
                          <span className="wk-visueel-verborgen">
                            {punten
                              .map(
                                (p) =>
                                  `${formatPeriode(p.periode)}: ${formatEenheid(p.waarde, blok.eenheid)}`,
                              )
                              .join('; ')}
                          </span>
                        </TableCell>
                        <TableCell>
                          <span aria-live="polite" data-testid={`status-${rij.sleutel}`}>
                            <StatusLabel status={status.status} />
                          </span>
                          <span className="wk-visueel-verborgen"> {status.toelichting}</span>
                        </TableCell>
                        <TableCell>
                          {bewerkbaar ? (
                            <>
                              <Textarea
                                className="wk-invoer-toelichting"
                                rows={1}
                                aria-label={`Toelichting ${label}`}
                                value={nu.toelichting}
                                invalid={Boolean(toelichtingFout)}
                                aria-describedby={
                                  toelichtingFout ? `tfout-${rij.sleutel}` : undefined
                                }
                                onChange={(e) =>
                                  setInvoer({
                                    ...invoer,
                                    [rij.sleutel]: { ...nu, toelichting: e.target.value },
                                  })
                                }
                              />
                              {toelichtingFout && (
                                <span className="wk-veldfout" id={`tfout-${rij.sleutel}`}>
                                  {toelichtingFout}
                                </span>
                              )}
                            </>
                          ) : (
                            (rij.toelichting ?? '')
                          )}
                          {heeftRol(actor, 'contractmanager') &&
                            rij.waardeId &&
                            v.status === 'ingediend' && (
                              <Button
                                appearance="subtle-button"
                                type="button"
                                onClick={() =>
                                  setOpmerkingBij(
                                    opmerkingBij === rij.waardeId ? null : rij.waardeId,
                                  )
                                }
                              >
                                Opmerking<span className="wk-visueel-verborgen"> bij {label}</span>
                              </Button>
                            )}
                          {opmerkingBij === rij.waardeId && rij.waardeId && (
                            <OpmerkingFormulier
                              v={v}
                              onderdeel="kpi-waarde"
                              onderdeelId={rij.waardeId}
                              label={`Opmerking bij ${label}`}
                              klaar={() => setOpmerkingBij(null)}
                            />
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </div>
        {bewerkbaar && blokken.length > 0 && (
          <ButtonGroup>
            <Button
              type="submit"
              appearance="primary-action-button"
              disabled={opslaan.isPending || gewijzigd.length === 0}
            >
              {opslaan.isPending ? 'Bezig met opslaan…' : 'Cijfers opslaan'}
            </Button>
          </ButtonGroup>
        )}
      </form>
    </section>
  );
}

function trendPunten(
  geschiedenis: { periodes: string[]; waarden: Map<string, Map<string, number>> } | undefined,
  rij: Rij,
  periode: string,
  huidig: string,
): TrendPunt[] {
  const eerder = geschiedenis?.waarden.get(rij.sleutel);
  const punten: TrendPunt[] = (geschiedenis?.periodes ?? []).map((p) => ({
    periode: p,
    waarde: eerder?.get(p) ?? null,
  }));
  const nu = leesGetal(huidig);
  punten.push({ periode, waarde: nu === undefined ? null : Number(nu) });
  return punten;
}

function Import({ v }: { v: Verantwoording }) {
  const queryClient = useQueryClient();
  const [bestand, setBestand] = useState<File | null>(null);
  const importeer = useMutation({
    mutationFn: async () => {
      const form = new FormData();
      form.append('bestand', bestand!);
      const response = await haal(`/kwartaalverantwoordingen/${v.id}/imports`, {
        method: 'POST',
        headers: { 'If-Match': etag(v.version) },
        body: form,
      });
      return (await response.json()) as Schemas['ImportResultaatResponse'];
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['verantwoording', v.id] }),
  });
  const fout = importeer.error instanceof ProblemError ? importeer.error : undefined;
  const rijFouten =
    (fout?.extra.fouten as { rij: number; kolom: string | null; melding: string }[] | undefined) ??
    [];
  return (
    <section aria-labelledby="kop-import" className="wk-blok">
      <Heading3 id="kop-import">Cijfers importeren uit een bestand</Heading3>
      <Paragraph>
        Een CSV- of Excelbestand (.xlsx) met de kolommen <code>kpi-code</code>, <code>perceel</code>{' '}
        en <code>waarde</code>, en eventueel <code>toelichting</code> en <code>bron</code>. Een
        bestand met een fout wordt helemaal niet ingelezen.
      </Paragraph>
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (bestand) importeer.mutate();
        }}
        className="wk-import"
      >
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="importbestand">
            Bestand
          </label>
          <input
            id="importbestand"
            className="utrecht-textbox wk-bestand"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setBestand(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button
          type="submit"
          appearance="secondary-action-button"
          disabled={!bestand || importeer.isPending}
        >
          {importeer.isPending ? 'Bezig met importeren…' : 'Importeren'}
        </Button>
      </form>
      {importeer.data && (
        <Melding type="ok">
          <Paragraph>
            {importeer.data.aantalRijen} rijen ingelezen: {importeer.data.toegevoegd} toegevoegd,{' '}
            {importeer.data.bijgewerkt} bijgewerkt.
          </Paragraph>
        </Melding>
      )}
      {fout && (
        <>
          <Melding type="error">
            <Paragraph>
              <strong>{fout.title}</strong>: {fout.detail}
            </Paragraph>
          </Melding>
          {rijFouten.length > 0 && (
            <div
              className="wk-tabel-scroll"
              tabIndex={0}
              role="region"
              aria-label="Fouten in het bestand, als tabel"
            >
              <Table className="wk-importfouten">
                <TableCaption>Fouten in het bestand</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Rij</TableHeaderCell>
                    <TableHeaderCell scope="col">Kolom</TableHeaderCell>
                    <TableHeaderCell scope="col">Wat er mis is</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rijFouten.map((f, i) => (
                    <TableRow key={i}>
                      <TableCell>{f.rij}</TableCell>
                      <TableCell>{f.kolom ?? '—'}</TableCell>
                      <TableCell>{f.melding}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

const VERHAAL_VELDEN = [
  ['hoogtepunten', 'Hoogtepunten', 'Wat ging er goed dit kwartaal?'],
  ['knelpunten', 'Knelpunten', 'Waar liep het team tegenaan?'],
  ['vooruitblik', 'Vooruitblik', 'Wat komt er het volgende kwartaal?'],
] as const;

function Verhaal({ v, bewerkbaar }: { v: Verantwoording; bewerkbaar: boolean }) {
  const queryClient = useQueryClient();
  const [tekst, setTekst] = useState<Record<string, string>>({});
  const waarde = (veld: (typeof VERHAAL_VELDEN)[number][0]) => tekst[veld] ?? v[veld] ?? '';
  const opslaan = useMutation({
    mutationFn: () =>
      ok(
        api.PATCH('/kwartaalverantwoordingen/{id}', {
          params: { path: { id: v.id }, header: { 'If-Match': etag(v.version) } },
          body: Object.fromEntries(VERHAAL_VELDEN.map(([veld]) => [veld, waarde(veld) || null])),
        }),
      ),
    onSuccess: (nieuw) => {
      void toonNieuw(queryClient, nieuw);
      setTekst({});
    },
  });
  const fout = opslaan.error instanceof ProblemError ? opslaan.error : undefined;
  return (
    <section aria-labelledby="verhaal" className="wk-blok">
      <Heading2 id="verhaal" tabIndex={-1}>
        Verhaal bij de cijfers
      </Heading2>
      {bewerkbaar ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            opslaan.mutate();
          }}
        >
          {fout && !VERHAAL_VELDEN.some(([veld]) => fout.voorVeld(veld)) && (
            <Foutmelding fout={fout} />
          )}
          {VERHAAL_VELDEN.map(([veld, label, omschrijving]) => (
            <FormFieldTextarea
              key={veld}
              label={label}
              description={omschrijving}
              name={veld}
              rows={4}
              value={waarde(veld)}
              invalid={Boolean(fout?.voorVeld(veld))}
              errorMessage={fout?.voorVeld(veld)}
              onChange={(e) => setTekst({ ...tekst, [veld]: e.target.value })}
            />
          ))}
          {opslaan.isSuccess && Object.keys(tekst).length === 0 && (
            <Melding type="ok">
              <Paragraph>Het verhaal is opgeslagen.</Paragraph>
            </Melding>
          )}
          <Button type="submit" appearance="secondary-action-button" disabled={opslaan.isPending}>
            Verhaal opslaan
          </Button>
        </form>
      ) : (
        VERHAAL_VELDEN.map(([veld, label]) => (
          <Fragment key={veld}>
            <Heading3>{label}</Heading3>
            <Paragraph>{v[veld] || '—'}</Paragraph>
          </Fragment>
        ))
      )}
      <Heading3>Budget en formatie</Heading3>
      <DataList>
        <DataListItem>
          <DataListKey>Begroot</DataListKey>
          <DataListValue>{formatCenten(v.budget.begrootCenten)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Gerealiseerd</DataListKey>
          <DataListValue>{formatCenten(v.budget.gerealiseerdCenten)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Formatie</DataListKey>
          <DataListValue>
            {v.formatie.formatieFte ? `${formatEenheid(v.formatie.formatieFte)} fte` : '—'}
          </DataListValue>
        </DataListItem>
      </DataList>
    </section>
  );
}

function Casussen({ v, bewerkbaar }: { v: Verantwoording; bewerkbaar: boolean }) {
  const queryClient = useQueryClient();
  const [titel, setTitel] = useState('');
  const [situatie, setSituatie] = useState('');
  const [aanpak, setAanpak] = useState('');
  const schrijf = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/casussen', {
          body: { periode: v.periode, titel, situatie, aanpak: aanpak || null },
        }),
      ),
    onSuccess: () => {
      setTitel('');
      setSituatie('');
      setAanpak('');
      void queryClient.invalidateQueries({ queryKey: ['verantwoording', v.id] });
    },
  });
  const fout = schrijf.error instanceof ProblemError ? schrijf.error : undefined;
  const veldFout = (veld: string) => fout?.voorVeld(veld);
  return (
    <section aria-labelledby="verhalen" className="wk-blok">
      <Heading2 id="verhalen" tabIndex={-1}>
        Casusverhalen
      </Heading2>
      {v.casussen.length ? (
        v.casussen.map((c) => (
          <article key={c.id} className="wk-kaart">
            <Heading3>{c.titel}</Heading3>
            <Paragraph>{c.situatie}</Paragraph>
            {c.aanpak && <Paragraph>Aanpak: {c.aanpak}</Paragraph>}
          </article>
        ))
      ) : (
        <Paragraph>Nog geen casusverhalen over dit kwartaal.</Paragraph>
      )}
      {bewerkbaar && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            schrijf.mutate();
          }}
          className="wk-formulier"
        >
          <Heading3>Casusverhaal schrijven</Heading3>
          <Paragraph appearance="small">
            Schrijf zonder namen, BSN’s, adressen of telefoonnummers: verhalen worden
            gepseudonimiseerd opgeslagen.
          </Paragraph>
          {fout && !veldFout('titel') && !veldFout('situatie') && !veldFout('aanpak') && (
            <Foutmelding fout={fout} />
          )}
          <FormFieldTextbox
            label="Titel"
            name="titel"
            value={titel}
            required
            invalid={Boolean(veldFout('titel'))}
            errorMessage={veldFout('titel')}
            onChange={(e) => setTitel((e.target as HTMLInputElement).value)}
          />
          <FormFieldTextarea
            label="Situatie"
            name="situatie"
            description="De feiten zoals samen met de inwoner en partners vastgesteld."
            rows={4}
            value={situatie}
            required
            invalid={Boolean(veldFout('situatie'))}
            errorMessage={veldFout('situatie')}
            onChange={(e) => setSituatie(e.target.value)}
          />
          <FormFieldTextarea
            label="Aanpak (niet verplicht)"
            name="aanpak"
            rows={3}
            value={aanpak}
            invalid={Boolean(veldFout('aanpak'))}
            errorMessage={veldFout('aanpak')}
            onChange={(e) => setAanpak(e.target.value)}
          />
          <Button type="submit" appearance="secondary-action-button" disabled={schrijf.isPending}>
            Verhaal opslaan
          </Button>
          {schrijf.isSuccess && (
            <Melding type="ok">
              <Paragraph>Het casusverhaal is opgeslagen.</Paragraph>
            </Melding>
          )}
        </form>
      )}
    </section>
  );
}

function Signalen({ v }: { v: Verantwoording }) {
  return (
    <section aria-labelledby="signalen" className="wk-blok">
      <Heading2 id="signalen" tabIndex={-1}>
        Signalen
      </Heading2>
      {v.signalen.length ? (
        v.signalen.map((s) => (
          <article key={s.id} className="wk-kaart">
            <Heading3>{s.titel}</Heading3>
            <Paragraph>{s.waarneming}</Paragraph>
            <Paragraph appearance="small">Stand: {s.status}</Paragraph>
            {s.antwoord && <Paragraph>Antwoord van de gemeente: {s.antwoord}</Paragraph>}
          </article>
        ))
      ) : (
        <Paragraph>Geen signalen bij dit kwartaal.</Paragraph>
      )}
    </section>
  );
}

function OpmerkingFormulier({
  v,
  onderdeel,
  onderdeelId,
  label,
  klaar,
}: {
  v: Verantwoording;
  onderdeel: Schemas['BeoordelingOnderdeel'];
  onderdeelId?: string;
  label: string;
  klaar?: () => void;
}) {
  const queryClient = useQueryClient();
  const [tekst, setTekst] = useState('');
  const plaats = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/kwartaalverantwoordingen/{id}/beoordelingsopmerkingen', {
          params: { path: { id: v.id } },
          body: { onderdeel, onderdeelId, tekst },
        }),
      ),
    onSuccess: () => {
      setTekst('');
      void queryClient.invalidateQueries({ queryKey: ['opmerkingen', v.id] });
      void queryClient.invalidateQueries({ queryKey: ['verantwoording', v.id] });
      klaar?.();
    },
  });
  const fout = plaats.error instanceof ProblemError ? plaats.error : undefined;
  return (
    <div className="wk-formulier">
      <FormFieldTextarea
        label={label}
        rows={2}
        value={tekst}
        invalid={Boolean(fout?.voorVeld('tekst'))}
        errorMessage={fout?.voorVeld('tekst')}
        onChange={(e) => setTekst(e.target.value)}
      />
      {fout && !fout.voorVeld('tekst') && <Foutmelding fout={fout} />}
      <Button
        type="button"
        appearance="secondary-action-button"
        disabled={!tekst.trim() || plaats.isPending}
        onClick={() => plaats.mutate()}
      >
        Opmerking plaatsen
      </Button>
    </div>
  );
}

function Vragen({ v }: { v: Verantwoording }) {
  const actor = useActor();
  const opmerkingen = useQuery({
    queryKey: ['opmerkingen', v.id],
    queryFn: () =>
      ok(
        api.GET('/kwartaalverantwoordingen/{id}/beoordelingsopmerkingen', {
          params: { path: { id: v.id } },
        }),
      ),
  });
  return (
    <section aria-labelledby="vragen" className="wk-blok">
      <Heading2 id="vragen" tabIndex={-1}>
        Vragen en opmerkingen van de gemeente
      </Heading2>
      {!opmerkingen.data ? (
        <Laden />
      ) : opmerkingen.data.items.length === 0 ? (
        <Paragraph>Er zijn geen vragen of opmerkingen.</Paragraph>
      ) : (
        opmerkingen.data.items.map((o) => <Vraag key={o.id} v={v} o={o} />)
      )}
      {heeftRol(actor, 'contractmanager') && v.status === 'ingediend' && (
        <OpmerkingFormulier v={v} onderdeel="algemeen" label="Algemene opmerking of vraag" />
      )}
    </section>
  );
}

function Vraag({ v, o }: { v: Verantwoording; o: Opmerking }) {
  const actor = useActor();
  const queryClient = useQueryClient();
  const [reactie, setReactie] = useState('');
  const beantwoord = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/kwartaalverantwoordingen/{id}/beoordelingsopmerkingen/{opmerkingId}/reactie', {
          params: { path: { id: v.id, opmerkingId: o.id } },
          body: { reactie },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['opmerkingen', v.id] });
      void queryClient.invalidateQueries({ queryKey: ['verantwoording', v.id] });
    },
  });
  const fout = beantwoord.error instanceof ProblemError ? beantwoord.error : undefined;
  const kanAntwoorden =
    isAanbieder(actor) &&
    o.open &&
    (v.status === 'teruggezet' || v.status === 'concept' || v.status === 'ingediend');
  return (
    <article className="wk-kaart" aria-label={`Vraag van ${o.auteurNaam ?? 'de gemeente'}`}>
      <Paragraph>
        <strong>{o.auteurNaam ?? 'Gemeente'}</strong>{' '}
        <span className="wk-gedempt">
          ({formatDatumTijd(o.createdAt)}, {o.onderdeel === 'algemeen' ? 'algemeen' : o.onderdeel})
        </span>
      </Paragraph>
      <Paragraph>{o.tekst}</Paragraph>
      {o.reactie ? (
        <Paragraph className="wk-reactie">
          <strong>Antwoord van {o.reactieDoorNaam ?? 'de aanbieder'}:</strong> {o.reactie}
        </Paragraph>
      ) : kanAntwoorden ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            beantwoord.mutate();
          }}
        >
          <FormFieldTextarea
            label="Uw antwoord"
            rows={3}
            value={reactie}
            invalid={Boolean(fout?.voorVeld('reactie'))}
            errorMessage={fout?.voorVeld('reactie')}
            onChange={(e) => setReactie(e.target.value)}
          />
          {fout && !fout.voorVeld('reactie') && <Foutmelding fout={fout} />}
          <Button
            type="submit"
            appearance="secondary-action-button"
            disabled={!reactie.trim() || beantwoord.isPending}
          >
            Antwoord versturen
          </Button>
        </form>
      ) : (
        <Paragraph appearance="small">Nog niet beantwoord.</Paragraph>
      )}
    </article>
  );
}

function Afronden({ v }: { v: Verantwoording }) {
  const actor = useActor();
  const queryClient = useQueryClient();
  const [vraag, setVraag] = useState('');
  const wijzig = useMutation({
    mutationFn: (status: 'concept' | 'ingediend' | 'teruggezet' | 'vastgesteld') =>
      ok(
        api.POST('/kwartaalverantwoordingen/{id}/statuswijzigingen', {
          params: { path: { id: v.id }, header: { 'If-Match': etag(v.version) } },
          body: status === 'teruggezet' ? { status, toelichting: vraag } : { status },
        }),
      ),
    onSuccess: (nieuw) => {
      void toonNieuw(queryClient, nieuw);
      void queryClient.invalidateQueries({ queryKey: ['opmerkingen', v.id] });
      void queryClient.invalidateQueries({ queryKey: ['status-matrix'] });
      setVraag('');
    },
  });
  const kan = (status: string) => v.volgendeStatussen.includes(status as never);
  const aanbieder = isAanbieder(actor);
  const fout = wijzig.error instanceof ProblemError ? wijzig.error : undefined;
  return (
    <section aria-labelledby="afronden" className="wk-blok">
      <Heading2 id="afronden" tabIndex={-1}>
        Afronden
      </Heading2>
      {wijzig.isSuccess && (
        <Melding type="ok">
          <Paragraph>De verantwoording is nu {STATUS_TEKST[v.status]?.toLowerCase()}.</Paragraph>
        </Melding>
      )}
      {fout && (
        <Melding type="error">
          <Paragraph>
            <strong>{fout.title}</strong>: {fout.detail}
          </Paragraph>
          {fout.invalidParams.length > 0 && (
            <ul className="utrecht-unordered-list">
              {fout.invalidParams.map((p) => (
                <li className="utrecht-unordered-list__item" key={`${p.name}${p.reason}`}>
                  {p.reason}
                </li>
              ))}
            </ul>
          )}
        </Melding>
      )}
      {aanbieder && kan('concept') && (
        <>
          <Paragraph>
            Heeft u de vragen beantwoord? Neem de verantwoording opnieuw in bewerking om cijfers en
            verhaal aan te passen en opnieuw in te dienen.
          </Paragraph>
          <Button
            appearance="primary-action-button"
            onClick={() => wijzig.mutate('concept')}
            disabled={wijzig.isPending}
          >
            Opnieuw in bewerking nemen
          </Button>
        </>
      )}
      {aanbieder && kan('ingediend') && (
        <>
          <Paragraph>
            {heeftRol(actor, 'directeur')
              ? 'Zijn de cijfers, het verhaal en de antwoorden compleet? Dien de verantwoording dan in bij de gemeente.'
              : 'Alleen de directeur kan de verantwoording indienen.'}
          </Paragraph>
          {heeftRol(actor, 'directeur') && (
            <Button
              appearance="primary-action-button"
              onClick={() => wijzig.mutate('ingediend')}
              disabled={wijzig.isPending}
            >
              Verantwoording indienen
            </Button>
          )}
        </>
      )}
      {!aanbieder && heeftRol(actor, 'contractmanager') && v.status === 'ingediend' && (
        <>
          <FormFieldTextarea
            label="Vraag aan de aanbieder (bij terugzetten)"
            description="Wat moet de aanbieder aanvullen of verbeteren? De vraag komt bij de verantwoording te staan."
            rows={3}
            value={vraag}
            invalid={Boolean(fout?.voorVeld('toelichting'))}
            errorMessage={fout?.voorVeld('toelichting')}
            onChange={(e) => setVraag(e.target.value)}
          />
          <ButtonGroup>
            {kan('teruggezet') && (
              <Button
                appearance="secondary-action-button"
                onClick={() => wijzig.mutate('teruggezet')}
                disabled={wijzig.isPending}
              >
                Terugzetten met vraag
              </Button>
            )}
            {kan('vastgesteld') && (
              <Button
                appearance="primary-action-button"
                onClick={() => wijzig.mutate('vastgesteld')}
                disabled={wijzig.isPending}
              >
                Vaststellen
              </Button>
            )}
          </ButtonGroup>
        </>
      )}
      {v.status === 'vastgesteld' && (
        <Paragraph>
          Deze verantwoording is vastgesteld.{' '}
          {!aanbieder && <AppLink to="/dossiers">Naar de dossiers</AppLink>}
        </Paragraph>
      )}
      {v.status === 'ingediend' && aanbieder && (
        <Paragraph>
          De verantwoording is ingediend en wacht op de beoordeling door de gemeente.
        </Paragraph>
      )}
    </section>
  );
}
