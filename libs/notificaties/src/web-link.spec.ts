import { webLink } from './web-link';

describe('webLink', () => {
  it.each([
    ['/api/v1/kwartaalverantwoordingen/3f1c2a9e', '/verantwoordingen/3f1c2a9e'],
    ['/api/v1/dossiers/abc-1', '/dossiers/abc-1'],
    ['/api/v1/rapportageperiodes/p1', '/'],
    ['/api/v1/aanvullende-opdrachten/o1', '/opdrachten'],
    ['/api/v1/signalen/s1', '/'],
    ['/api/v1/iets-anders/1', '/meldingen'],
    ['/verantwoordingen/1', '/verantwoordingen/1'],
  ])('opens %s at %s in the web app', (link, pagina) => {
    expect(webLink(link)).toBe(pagina);
  });

  it.each([null, '', 'https://elders.example/x', '//elders.example/x', 'api/v1/x'])(
    'drops %p: only paths on our own site',
    (link) => {
      expect(webLink(link)).toBeNull();
    },
  );
});
