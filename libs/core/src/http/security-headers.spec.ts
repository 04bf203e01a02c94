import { soortVanPad } from './security-headers';

describe('soortVanPad: which header set a path gets', () => {
  const dashboard = '/beheer/wachtrijen';
  it.each([
    ['/api/v1/auth/login', 'api'],
    ['/api/v1/dossiers/0b9d1f3c-0000-4000-8000-000000000000/pdf', 'api'],
    ['/api/v1/dossiers/0b9d1f3c-0000-4000-8000-000000000000/html', 'dossier-html'],
    ['/api/v1/dossiers/0b9d1f3c-0000-4000-8000-000000000000/html/extra', 'api'],
    [
      '/api/v1/overleggen/0b9d1f3c-0000-4000-8000-000000000000/agendaversies/2/html',
      'dossier-html',
    ],
    ['/api/v1/overleggen/0b9d1f3c-0000-4000-8000-000000000000/verslag/html', 'dossier-html'],
    ['/api/v1/overleggen/0b9d1f3c-0000-4000-8000-000000000000/verslag/pdf', 'api'],
    ['/api/v1/verandertheorieen/x/diagram', 'api'],
    ['/health/ready', 'api'],
    ['/api/v1/docs', 'swagger'],
    ['/api/v1/docs/swagger-ui-bundle.js', 'swagger'],
    ['/api/v1/openapi.json', 'api'],
    ['/beheer/wachtrijen', 'dashboard'],
    ['/beheer/wachtrijen/static/js/main.js', 'dashboard'],
    ['/', 'webapp'],
    ['/kwartaalverantwoordingen/123', 'webapp'],
  ])('%s → %s', (pad, soort) => {
    expect(soortVanPad(pad, dashboard)).toBe(soort);
  });
});
