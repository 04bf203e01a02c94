import {
  Button,
  FormFieldTextbox,
  Heading2,
  PageContent,
  PageHeader,
  Paragraph,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { meldAan, ProblemError } from '../api/client';
import { Foutmelding, Melding, PaginaTitel } from '../components/Status';

interface Gemeente {
  id: string;
  naam: string;
}

export function AanmeldenPagina() {
  const [email, setEmail] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [gemeenten, setGemeenten] = useState<Gemeente[]>([]);
  const [gemeenteId, setGemeenteId] = useState<string>('');
  const [fout, setFout] = useState<unknown>();
  const [bezig, setBezig] = useState(false);
  const navigate = useNavigate();
  const [zoek] = useSearchParams();

  const verstuur = async (event: FormEvent) => {
    event.preventDefault();
    setBezig(true);
    setFout(undefined);
    try {
      await meldAan({ email, password: wachtwoord, gemeenteId: gemeenteId || undefined });
      const terug = zoek.get('terug');
      navigate(terug && terug.startsWith('/') && !terug.startsWith('//') ? terug : '/', {
        replace: true,
      });
    } catch (error) {
      const keuze =
        error instanceof ProblemError
          ? (error.extra.gemeenten as Gemeente[] | undefined)
          : undefined;
      if (keuze?.length) {
        setGemeenten(keuze);
        setGemeenteId('');
      } else setFout(error);
    } finally {
      setBezig(false);
    }
  };

  const foutmelding =
    fout instanceof ProblemError && fout.status === 401
      ? 'Het e-mailadres of het wachtwoord klopt niet.'
      : undefined;

  return (
    <div className="wk-pagina">
      <PageHeader className="wk-kop">
        <div className="utrecht-page-header__content wk-kop__binnen">
          <span className="wk-logo">
            <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" width="36" height="36">
              <circle cx="16" cy="16" r="15" fill="currentColor" />
              <path d="M16 5l4 11-4 11-4-11z" fill="#fff" />
            </svg>
            <span className="wk-logo__naam">Wijkkompas</span>
          </span>
        </div>
      </PageHeader>
      <PageContent className="wk-inhoud">
        <main id="inhoud" className="wk-smal">
          <PaginaTitel>Aanmelden</PaginaTitel>
          <Paragraph appearance="lead">
            Voor contractmanagers van de gemeente en de directeuren en medewerkers van de aanbieders
            van sociale wijkteams.
          </Paragraph>
          {foutmelding ? (
            <Melding type="error">
              <Paragraph>{foutmelding}</Paragraph>
            </Melding>
          ) : (
            <Foutmelding fout={fout} />
          )}
          <form onSubmit={(e) => void verstuur(e)} noValidate>
            <FormFieldTextbox
              label="E-mailadres"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail((e.target as HTMLInputElement).value)}
            />
            <FormFieldTextbox
              label="Wachtwoord"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={wachtwoord}
              onChange={(e) => setWachtwoord((e.target as HTMLInputElement).value)}
            />
            {gemeenten.length > 0 && (
              <Fieldset>
                <FieldsetLegend>Voor welke gemeente meldt u zich aan?</FieldsetLegend>
                <Paragraph appearance="small">
                  U werkt voor meerdere gemeenten. Kies er één.
                </Paragraph>
                {gemeenten.map((g) => (
                  <FormField type="radio" key={g.id}>
                    <Paragraph className="utrecht-form-field__input">
                      <RadioButton
                        id={`gemeente-${g.id}`}
                        name="gemeente"
                        value={g.id}
                        checked={gemeenteId === g.id}
                        onChange={() => setGemeenteId(g.id)}
                      />
                    </Paragraph>
                    <Paragraph className="utrecht-form-field__label">
                      <FormLabel htmlFor={`gemeente-${g.id}`} type="radio">
                        {g.naam}
                      </FormLabel>
                    </Paragraph>
                  </FormField>
                ))}
              </Fieldset>
            )}
            <Button
              type="submit"
              appearance="primary-action-button"
              disabled={bezig || (gemeenten.length > 0 && !gemeenteId)}
            >
              {bezig ? 'Bezig met aanmelden…' : 'Aanmelden'}
            </Button>
          </form>
          <Heading2 className="wk-klein-kopje">Wachtwoord kwijt?</Heading2>
          <Paragraph appearance="small">
            Vraag de beheerder van uw gemeente om een nieuw wachtwoord.
          </Paragraph>
        </main>
      </PageContent>
    </div>
  );
}
