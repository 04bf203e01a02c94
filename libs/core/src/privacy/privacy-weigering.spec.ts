import { DirectIdentificerendeGegevensError, weigerIdentificatoren } from './privacy-weigering';
import { toProblem } from '../errors/problem.filter';

function weigering(velden: Record<string, string | null | undefined>) {
  try {
    weigerIdentificatoren('Verhaal', velden, { situatie: 'Situatie', les: 'Les' });
  } catch (error) {
    return error as DirectIdentificerendeGegevensError;
  }
  return undefined;
}

describe('weigerIdentificatoren', () => {
  it('lets clean text, null and absent fields through', () => {
    expect(
      weigering({
        situatie: 'Mevrouw D. (81) woont alleen in Noorderpark; nummer 123456789 is geen BSN.',
        vraag: null,
        les: undefined,
      }),
    ).toBeUndefined();
  });

  it('refuses with a 422 naming field and kind per finding, never the identifier', () => {
    const error = weigering({
      situatie: 'BSN 111222333, bereikbaar via j.jansen@example.nl',
      les: 'Rekening NL91 ABNA 0417 1643 00 geblokkeerd.',
    });
    expect(error).toBeInstanceOf(DirectIdentificerendeGegevensError);
    const { problem } = toProblem(error, '/api/v1/casussen');
    expect(problem).toMatchObject({
      status: 422,
      code: 'direct-identificerende-gegevens',
      title: 'Verhaal bevat direct identificerende gegevens',
      invalidParams: [
        { name: 'situatie', code: 'bsn', reason: expect.stringContaining("'Situatie'") },
        { name: 'situatie', code: 'e-mailadres', reason: expect.any(String) },
        { name: 'les', code: 'iban', reason: expect.stringContaining("'Les'") },
      ],
    });
    const tekst = JSON.stringify(problem);
    for (const geheim of ['111222333', 'j.jansen', 'example.nl', '0417', 'ABNA'])
      expect(tekst).not.toContain(geheim);
  });

  it('names the subject in the title for a signal', () => {
    expect(() => weigerIdentificatoren('Signaal', { waarneming: 'Bel 06-12345678' }, {})).toThrow(
      'Signalen worden gepseudonimiseerd vastgelegd',
    );
    try {
      weigerIdentificatoren('Signaal', { waarneming: 'Bel 06-12345678' }, {});
    } catch (error) {
      expect((error as DirectIdentificerendeGegevensError).title).toBe(
        'Signaal bevat direct identificerende gegevens',
      );
    }
  });

  it.each([
    ['Kwartaalverantwoording', 'knelpunten', 'Het verhaal, de toelichtingen en de cijfers'],
    ['KPI-waarde', 'waarden.0.toelichting', 'Toelichtingen bij KPI-waarden'],
    ['Beoordelingsopmerking', 'reactie', 'Beoordelingsopmerkingen en reacties'],
  ] as const)('explains the refusal for a %s in its own words', (onderwerp, veld, detail) => {
    let error: DirectIdentificerendeGegevensError | undefined;
    try {
      weigerIdentificatoren(onderwerp, { [veld]: 'mail naar a.b@voorbeeld.nl' });
    } catch (e) {
      error = e as DirectIdentificerendeGegevensError;
    }
    const { problem } = toProblem(error, '/api/v1/kwartaalverantwoordingen');
    expect(problem).toMatchObject({
      status: 422,
      title: `${onderwerp} bevat direct identificerende gegevens`,
      detail: expect.stringContaining(detail),
      invalidParams: [{ name: veld, code: 'e-mailadres' }],
    });
    expect(problem.invalidParams?.[0]?.reason).not.toContain('Verhalen');
    expect(JSON.stringify(problem)).not.toContain('voorbeeld.nl');
  });
});
