import { bestandsnaamDeel } from './dossier-weergave.service';

describe('bestandsnaamDeel: an organisation name in a file name', () => {
  it.each([
    ['Wijkteams Noord', 'wijkteams-noord'],
    ['Stichting Sámen Zuid & Co.', 'stichting-samen-zuid-co'],
    ['  Sociaal   Collectief-Oost  ', 'sociaal-collectief-oost'],
    ['Zorg/Welzijn "Het Anker"', 'zorg-welzijn-het-anker'],
    ['!!!', 'aanbieder'],
  ])('%s → %s', (naam, verwacht) => {
    expect(bestandsnaamDeel(naam)).toBe(verwacht);
  });

  it('stays short', () => {
    expect(bestandsnaamDeel('a'.repeat(200)).length).toBe(60);
  });
});
