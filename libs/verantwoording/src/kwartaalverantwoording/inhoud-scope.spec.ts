import { filterInhoudOpScope } from './inhoud-scope';

const inhoud = {
  id: 'v1',
  hoogtepunten: 'Goed kwartaal',
  waarden: [
    { kpiId: 'k-jeugd', ketenIds: ['jeugd'] },
    { kpiId: 'k-armoede', ketenIds: ['armoede', 'wmo'] },
    { kpiId: 'k-los', ketenIds: [] },
  ],
  ontbrekend: [
    { kpiId: 'k-jeugd2', ketenIds: ['jeugd'] },
    { kpiId: 'k-los2', ketenIds: [] },
  ],
  casussen: [
    { id: 'c1', ketenIds: ['jeugd'] },
    { id: 'c2', ketenIds: ['veiligheid'] },
  ],
  signalen: [{ id: 's1', ketenIds: ['armoede'] }],
  openOpmerkingen: [
    { onderdeel: 'algemeen', onderdeelId: null },
    { onderdeel: 'budget', onderdeelId: null },
    { onderdeel: 'kpi-waarde', onderdeelId: 'k-jeugd' },
    { onderdeel: 'kpi-waarde', onderdeelId: 'k-armoede' },
    { onderdeel: 'kpi-waarde', onderdeelId: null },
    { onderdeel: 'casus', onderdeelId: 'c2' },
    { onderdeel: 'signaal', onderdeelId: 's1' },
  ],
};

describe('filterInhoudOpScope', () => {
  it('leaves the account whole for gemeente-wide readers and providers', () => {
    expect(filterInhoudOpScope(inhoud, { gemeenteId: 'g' })).toBe(inhoud);
    expect(filterInhoudOpScope(inhoud, { gemeenteId: 'g', aanbiederId: 'a' })).toBe(inhoud);
  });

  it('shows a ketenregisseur only what is linked to their ketens, and the account itself', () => {
    const gefilterd = filterInhoudOpScope(inhoud, { gemeenteId: 'g', ketenIds: ['armoede'] });
    expect(gefilterd.hoogtepunten).toBe('Goed kwartaal');
    expect(gefilterd.waarden.map((w) => w.kpiId)).toEqual(['k-armoede']);
    expect(gefilterd.ontbrekend).toEqual([]);
    expect(gefilterd.casussen).toEqual([]);
    expect(gefilterd.signalen.map((s) => s.id)).toEqual(['s1']);
    expect(gefilterd.openOpmerkingen).toEqual([
      { onderdeel: 'algemeen', onderdeelId: null },
      { onderdeel: 'budget', onderdeelId: null },
      { onderdeel: 'kpi-waarde', onderdeelId: 'k-armoede' },
      { onderdeel: 'kpi-waarde', onderdeelId: null },
      { onderdeel: 'signaal', onderdeelId: 's1' },
    ]);
  });

  it('shows no figures to a ketenregisseur without ketens', () => {
    const gefilterd = filterInhoudOpScope(inhoud, { gemeenteId: 'g', ketenIds: [] });
    expect(gefilterd.waarden).toEqual([]);
    expect(gefilterd.casussen).toEqual([]);
    expect(gefilterd.signalen).toEqual([]);
  });
});
