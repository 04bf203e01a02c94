import { assembleerDossier } from '../assembleer';
import { SECTIE_HTML } from '../render/secties.html';
import { DOSSIER_SECTIES } from '../sections';
import { maakDossierSnapshot } from '../testing/fixture';
import { DossierBijdrageRegistry, DossierSectieBijdrage } from './dossier-bijdragen';

function bijdrage(
  sleutel: string,
  sectieSleutel = sleutel,
): DossierSectieBijdrage<{ aantal: number }> {
  return {
    sleutel,
    laad: async () => ({ aantal: 3 }),
    sectie: {
      sleutel: sectieSleutel,
      titel: 'Verandertheorie',
      volgorde: 45,
      bouw: (snapshot) => snapshot.bijdragen?.[sleutel] ?? null,
    },
    html: (inhoud) => `<p>${(inhoud as { aantal: number }).aantal} veronderstellingen</p>`,
  };
}

describe('DossierBijdrageRegistry: sections other capabilities add', () => {
  it('without contributions: the built-in sections and renderers', () => {
    const registry = new DossierBijdrageRegistry();
    expect(registry.secties()).toEqual(DOSSIER_SECTIES);
    expect(registry.renderers()).toEqual(SECTIE_HTML);
    expect(registry.bijdragen()).toEqual([]);
  });

  it('a contribution adds its section and renderer; its section reads its own data', () => {
    const registry = new DossierBijdrageRegistry();
    registry.registreer(bijdrage('verandertheorieen'));
    expect(registry.secties().map((s) => s.sleutel)).toEqual([
      ...DOSSIER_SECTIES.map((s) => s.sleutel),
      'verandertheorieen',
    ]);
    expect(Object.keys(registry.renderers())).toContain('verandertheorieen');
    const doc = assembleerDossier(
      { ...maakDossierSnapshot(), bijdragen: { verandertheorieen: { aantal: 3 } } },
      registry.secties(),
    );
    const sectie = doc.secties.find((s) => s.sleutel === 'verandertheorieen')!;
    expect(sectie.inhoud).toEqual({ aantal: 3 });
    // Ordered by volgorde between the stories (40) and the opdrachten (50).
    const volgorde = doc.secties.map((s) => s.sleutel);
    expect(volgorde.indexOf('verandertheorieen')).toBe(volgorde.indexOf('verhalen') + 1);
  });

  it('refuses a key that is taken, by a built-in section or another contribution', () => {
    const registry = new DossierBijdrageRegistry();
    registry.registreer(bijdrage('verandertheorieen'));
    expect(() => registry.registreer(bijdrage('verandertheorieen'))).toThrow(/al geregistreerd/);
    expect(() => registry.registreer(bijdrage('besluiten', 'kpis'))).toThrow(/al geregistreerd/);
    expect(() => registry.registreer(bijdrage('kpis', 'andere'))).toThrow(/al geregistreerd/);
  });
});
