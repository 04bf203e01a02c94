import { OverlegSoort } from '../overleg/overleg.regels';
import { besluitOnderwerp, toetsBesluit } from './verslag.regels';

describe('besluiten in the right meeting', () => {
  it.each([
    ['Extra budget van € 50.000 voor de buurtkamer', 'budget'],
    ['We verlengen de opdracht Zomerschool met een jaar', 'contract'],
    ['De ketens maken één aanpak voor gezinnen met schulden', 'inhoud'],
  ])('reads the subject of “%s” as %s', (tekst, onderwerp) => {
    expect(besluitOnderwerp(tekst)).toBe(onderwerp);
  });

  it('flags a budget decision in an ontwikkeloverleg with the reason', () => {
    const toets = toetsBesluit(OverlegSoort.Ontwikkeloverleg, 'budget');
    expect(toets.hoortBij).toBe(OverlegSoort.Stuurgroep);
    expect(toets.signalering).toContain('geen besluitvormend overleg');
  });

  it('accepts budget in the stuurgroep and verantwoordingsgesprek, and content anywhere', () => {
    expect(toetsBesluit(OverlegSoort.Stuurgroep, 'budget').hoortBij).toBeNull();
    expect(toetsBesluit(OverlegSoort.Verantwoordingsgesprek, 'contract').hoortBij).toBeNull();
    expect(toetsBesluit(OverlegSoort.Ontwikkeloverleg, 'inhoud').hoortBij).toBeNull();
    expect(toetsBesluit(OverlegSoort.Ketenoverleg, 'contract').signalering).toContain(
      'ketenoverleg',
    );
  });
});
