import { Rol } from '@wijkkompas/core';
import {
  MAX_TITEL,
  normaliseer,
  NotificatieInvoer,
  OngeldigeNotificatieError,
} from './notificatie.regels';

const basis: NotificatieInvoer = {
  gemeenteId: '00000000-0000-4000-8000-000000000001',
  gebruikerIds: ['00000000-0000-4000-8000-000000000002'],
  soort: 'herinnering',
  titel: 'Herinnering: verantwoording 3e kwartaal 2026',
  tekst: 'Nog 10 dagen.',
  link: '/api/v1/kwartaalverantwoordingen/x',
  entiteit: { type: 'kwartaalverantwoording', id: '00000000-0000-4000-8000-000000000003' },
  sleutel: 'herinnering:x:10',
};

describe('normaliseer', () => {
  it('keeps a valid notification for named users, without duplicate ids', () => {
    expect(
      normaliseer({ ...basis, gebruikerIds: [basis.gebruikerIds![0], basis.gebruikerIds![0]] }),
    ).toEqual({
      gemeenteId: basis.gemeenteId,
      soort: 'herinnering',
      titel: basis.titel,
      tekst: 'Nog 10 dagen.',
      link: '/api/v1/kwartaalverantwoordingen/x',
      entiteitType: 'kwartaalverantwoording',
      entiteitId: '00000000-0000-4000-8000-000000000003',
      sleutel: 'herinnering:x:10',
      gebruikerIds: [basis.gebruikerIds![0]],
      rollen: null,
      organisatieId: null,
    });
  });

  it('addresses roles, optionally of one organisation', () => {
    const { gebruikerIds: _weg, ...zonder } = basis;
    const perRol = normaliseer({ ...zonder, rollen: [Rol.Directeur], organisatieId: 'org' });
    expect(perRol).toMatchObject({
      gebruikerIds: null,
      rollen: [Rol.Directeur],
      organisatieId: 'org',
    });
    expect(normaliseer({ ...zonder, rollen: [Rol.Contractmanager] }).organisatieId).toBeNull();
  });

  it('wants either users or roles, not both and not neither', () => {
    const { gebruikerIds: _weg, ...zonder } = basis;
    expect(() => normaliseer(zonder as NotificatieInvoer)).toThrow(OngeldigeNotificatieError);
    expect(() =>
      normaliseer({ ...basis, rollen: [Rol.Directeur] } as unknown as NotificatieInvoer),
    ).toThrow(/gebruikerIds óf rollen/);
  });

  it('puts the title on one line and cuts a long one with an ellipsis', () => {
    expect(normaliseer({ ...basis, titel: '  Twee\nregels  ' }).titel).toBe('Twee regels');
    const lang = normaliseer({ ...basis, titel: 'x'.repeat(400) }).titel;
    expect(lang).toHaveLength(MAX_TITEL);
    expect(lang.endsWith('…')).toBe(true);
  });

  it.each([
    ['an empty title', { titel: ' ' }],
    ['an empty text', { tekst: '\n' }],
    ['a soort that is not kebab-case', { soort: 'Herinnering' }],
    ['a soort with spaces', { soort: 'periode geopend' }],
    ['a full URL as link', { link: 'https://elders.example/x' }],
    ['a protocol-relative link', { link: '//elders.example/x' }],
    ['a link without a leading slash', { link: 'api/v1/x' }],
    ['an empty sleutel', { sleutel: '' }],
    ['a sleutel over 300 characters', { sleutel: 'k'.repeat(301) }],
    ['an entity without id', { entiteit: { type: 'signaal', id: '' } }],
    ['an entity type that is not kebab-case', { entiteit: { type: 'Signaal', id: 'x' } }],
    ['no gemeente', { gemeenteId: '' }],
  ])('refuses %s', (_naam, wijziging) => {
    expect(() => normaliseer({ ...basis, ...wijziging } as NotificatieInvoer)).toThrow(
      OngeldigeNotificatieError,
    );
  });

  it('accepts no link and no entity', () => {
    expect(normaliseer({ ...basis, link: undefined, entiteit: undefined })).toMatchObject({
      link: null,
      entiteitType: null,
      entiteitId: null,
    });
  });
});
