/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { BrowserContext, Page } from 'playwright-core';
import {
  axe,
  AxeBevinding,
  bewaak,
  DemoGebruiker,
  schermafdruk,
  startWebOmgeving,
  WebOmgeving,
} from './support/browser';

/**
 * The web app in Debian's Chromium against the real API on its own embedded database with the
 * demo data, as `npm start` serves it: sessions and CSP, then the directeur's and the
 * contractmanager's journeys through one quarterly account. axe-core checks every page the
 * journeys visit; screenshots land in test/output/web.
 */
jest.setTimeout(240_000);

describe('Webapp in de browser', () => {
  let w: WebOmgeving;
  const bevindingen: { pagina: string; fouten: AxeBevinding[] }[] = [];

  beforeAll(async () => {
    w = await startWebOmgeving();
  }, 240_000);
  afterAll(async () => {
    await w?.close();
  });

  async function nieuweSessie(): Promise<{
    context: BrowserContext;
    page: Page;
    fouten: string[];
  }> {
    const context = await w.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return { context, page, fouten: bewaak(page) };
  }

  async function meldAan(page: Page, gebruiker: DemoGebruiker): Promise<void> {
    await page.goto(`${w.url}/`);
    await page.getByLabel('E-mailadres').fill(gebruiker.email);
    await page.getByLabel('Wachtwoord').fill(gebruiker.password);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();
  }

  /** axe on the page as it is; serious and critical findings are collected per page. */
  async function toets(page: Page, pagina: string): Promise<void> {
    // Pages that poll (dossier progress, notifications) may never be quite idle.
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    const fouten = await axe(page);
    if (fouten.length) bevindingen.push({ pagina, fouten });
    await schermafdruk(page, pagina);
  }

  afterAll(() => {
    // Reported together so one run shows every page's problems.
    expect(bevindingen).toEqual([]);
  });

  it('serves the app at / with a CSP without inline scripts; the API and health stay themselves', async () => {
    const antwoord = await fetch(`${w.url}/`);
    expect(antwoord.status).toBe(200);
    const csp = antwoord.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(await antwoord.text()).toContain('<div id="app">');
    // A page of the app survives a reload; an unknown API path is still problem+json.
    expect((await fetch(`${w.url}/verantwoordingen/iets`)).status).toBe(200);
    const api = await fetch(`${w.url}/api/v1/bestaat-niet`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${w.url}/health`)).status).toBe(200);
  });

  it('keeps no token where a script can read it: refresh in an HttpOnly cookie, access token in memory; reload and logout', async () => {
    const { context, page, fouten } = await nieuweSessie();
    await page.goto(`${w.url}/`);
    await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
    await toets(page, '00-aanmelden');
    // A wrong password: a plain Dutch message, no session.
    await page.getByLabel('E-mailadres').fill(w.gebruiker('directeur').email);
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();

    await meldAan(page, w.gebruiker('directeur', 'Wijkteams Noord'));
    const opslag = await page.evaluate(() => ({
      cookie: document.cookie,
      local: Object.keys(localStorage).length,
      session: Object.keys(sessionStorage).length,
    }));
    expect(opslag).toEqual({ cookie: '', local: 0, session: 0 });
    const cookies = await context.cookies();
    expect(cookies).toEqual([
      expect.objectContaining({
        name: 'wk_verversing',
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api/v1/auth',
        secure: false,
      }),
    ]);

    // A reload keeps the session through the cookie (silent refresh), and rotates it.
    await page.reload();
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();
    expect((await context.cookies())[0].value).not.toBe(cookies[0].value);

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
    expect(await context.cookies()).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();

    // Not found is a Dutch page of the app.
    await meldAan(page, w.gebruiker('directeur', 'Wijkteams Noord'));
    await page.goto(`${w.url}/bestaat-niet`);
    await page.getByRole('heading', { name: 'Pagina niet gevonden' }).waitFor();
    await toets(page, '01-niet-gevonden');
    expect(fouten).toEqual([]);
    await context.close();
  });

  it('walks the quarterly account: the directeur enters, imports and submits; the contractmanager returns it, the directeur answers, the contractmanager adopts and opens the dossier', async () => {
    const directeur = await nieuweSessie();
    const d = directeur.page;
    await meldAan(d, w.gebruiker('directeur', 'Wijkteams Noord'));
    await d.getByRole('heading', { name: 'Open kwartaal' }).waitFor();
    await toets(d, '10-directeur-start');

    await d.getByRole('link', { name: /^Verantwoording .* openen$/ }).click();
    await d.getByRole('heading', { name: 'Cijfers per KPI en perceel' }).waitFor();
    const url = d.url();
    const verantwoordingId = url.split('/').pop()!;

    // Status as you type: the same rule as the API (minstens 1.200, let op bij 100, uit koers bij 250).
    const invoer = d.getByLabel(
      'Waarde Aantal inwoners bereikt via de sociale basis, Perceel Centrum (aantal)',
    );
    const status = d.getByTestId(/^status-.*/).first();
    await invoer.fill('1250');
    await status.getByText('Op koers', { exact: true }).waitFor();
    await invoer.fill('1.050');
    await status.getByText('Let op', { exact: true }).waitFor();
    await invoer.fill('900');
    await status.getByText('Uit koers', { exact: true }).waitFor();
    await invoer.fill('1210');
    await d.getByRole('button', { name: 'Cijfers opslaan' }).click();
    await d.getByText('De cijfers zijn opgeslagen.').waitFor();
    await toets(d, '11-directeur-verantwoording');

    // A case story with a valid BSN is refused; the message stands at the field, without the number.
    await d.getByLabel('Titel', { exact: true }).fill('Gezin met schulden vindt rust');
    await d
      .getByLabel('Situatie', { exact: true })
      .fill('Moeder (BSN 123456782) kwam met drie aanmaningen bij het spreekuur.');
    await d.getByRole('button', { name: 'Verhaal opslaan' }).last().click();
    const situatieFout = d
      .locator('.utrecht-form-field', { has: d.getByLabel('Situatie', { exact: true }) })
      .locator('.utrecht-form-field-error-message');
    await situatieFout.waitFor();
    expect(await situatieFout.innerText()).toMatch(/BSN|burgerservicenummer/i);
    expect(await situatieFout.innerText()).not.toContain('123456782');
    await toets(d, '12-directeur-verhaal-geweigerd');
    await d
      .getByLabel('Situatie', { exact: true })
      .fill('Moeder kwam met drie aanmaningen bij het spreekuur.');
    await d.getByRole('button', { name: 'Verhaal opslaan' }).last().click();
    await d.getByText('Het casusverhaal is opgeslagen.').waitFor();

    // Import with one bad row: nothing saved, the row error in a table.
    await d.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'cijfers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'kpi-code;perceel;waarde\nNRD-01;Perceel Centrum;1220\nNRD-01;Perceel Noord;veel\n',
      ),
    });
    await d.getByRole('button', { name: 'Importeren' }).click();
    const importFouten = d.getByRole('table', { name: 'Fouten in het bestand' });
    await importFouten.waitFor();
    // One bad row, one error: row 3 (after the header and the good row), column waarde.
    const rijen = importFouten.locator('tbody tr');
    expect(await rijen.count()).toBe(1);
    expect(await rijen.first().locator('td').first().innerText()).toBe('3');
    expect(await rijen.first().innerText()).toContain('waarde');
    await toets(d, '13-directeur-import-fout');

    // The story behind the figures, then submit.
    await d.getByLabel('Knelpunten').fill('Twee vacatures wijkcoach staan nog open.');
    await d.getByLabel('Vooruitblik').fill('In januari starten twee nieuwe wijkcoaches.');
    await d.getByRole('button', { name: 'Verhaal opslaan' }).first().click();
    await d.getByText('Het verhaal is opgeslagen.').waitFor();
    await d.getByRole('button', { name: 'Verantwoording indienen' }).click();
    await d
      .getByText('De verantwoording is ingediend en wacht op de beoordeling door de gemeente.')
      .waitFor();
    await toets(d, '14-directeur-ingediend');

    // The contractmanager: the matrix, the account, a return with a question.
    const cm = await nieuweSessie();
    const c = cm.page;
    await meldAan(c, w.gebruiker('contractmanager'));
    await c.getByRole('heading', { name: 'Stand per aanbieder en kwartaal' }).waitFor();
    await toets(c, '20-contractmanager-matrix');
    await c.goto(`${w.url}/verantwoordingen/${verantwoordingId}`);
    await c.getByRole('heading', { name: 'Cijfers per KPI en perceel' }).waitFor();
    await c
      .getByRole('button', { name: /^Verloop bekijken/ })
      .first()
      .click();
    await c
      .getByRole('table', { name: /verloop per kwartaal/ })
      .first()
      .waitFor();
    await toets(c, '21-contractmanager-beoordelen');
    await c
      .getByLabel('Vraag aan de aanbieder (bij terugzetten)')
      .fill('Waarom bleef het bereik in Perceel Noord achter?');
    await c.getByRole('button', { name: 'Terugzetten met vraag' }).click();
    await c.getByText('Teruggezet', { exact: true }).first().waitFor();

    // The directeur answers and submits again.
    await d.goto(`${w.url}/`);
    await d.getByText('Waarom bleef het bereik in Perceel Noord achter?').waitFor();
    await toets(d, '15-directeur-teruggezet');
    await d.goto(url);
    await d
      .getByLabel('Uw antwoord')
      .fill('Het buurthuis in Noord was twee maanden dicht voor verbouwing.');
    await d.getByRole('button', { name: 'Antwoord versturen' }).click();
    await d.getByText(/Antwoord van .*: Het buurthuis in Noord/).waitFor();
    await d.getByRole('button', { name: 'Opnieuw in bewerking nemen' }).click();
    await d.getByRole('button', { name: 'Verantwoording indienen' }).click();
    await d
      .getByText('De verantwoording is ingediend en wacht op de beoordeling door de gemeente.')
      .waitFor();

    // The contractmanager adopts and opens the dossier with its PDF.
    await c.reload();
    await c.getByRole('button', { name: 'Vaststellen' }).click();
    await c.getByText('Deze verantwoording is vastgesteld.').waitFor();
    await c.getByRole('link', { name: 'Dossiers' }).first().click();
    await c.getByRole('heading', { name: 'Dossier aanvragen' }).waitFor();
    await c.getByLabel('Aanbieder').selectOption({ label: 'Wijkteams Noord' });
    await c.getByRole('button', { name: 'Dossier aanvragen' }).click();
    await c.getByRole('heading', { name: /^Dossier Wijkteams Noord/ }).waitFor();
    await c.getByRole('button', { name: 'PDF downloaden' }).waitFor({ timeout: 90_000 });
    const frame = c.frameLocator('iframe.wk-dossier-frame');
    await frame.locator('body').waitFor();
    expect(await frame.locator('body').innerText()).toContain('Wijkteams Noord');
    await toets(c, '22-contractmanager-dossier');
    const [download] = await Promise.all([
      c.waitForEvent('download', { timeout: 60_000 }),
      c.getByRole('button', { name: 'PDF downloaden' }).click(),
    ]);
    const pad = await download.path();
    expect(readFileSync(pad).subarray(0, 5).toString()).toBe('%PDF-');

    // The directeur's notifications (the return, the adoption) open pages of the app.
    await d.goto(`${w.url}/meldingen`);
    await d.getByRole('heading', { name: 'Meldingen' }).waitFor();
    await toets(d, '16-directeur-meldingen');
    await d.getByRole('link', { name: /^Bekijken\W+Verantwoording .* vastgesteld$/ }).click();
    await d.waitForURL(url);
    await d.getByRole('heading', { name: 'Cijfers per KPI en perceel' }).waitFor();

    expect(directeur.fouten).toEqual([]);
    expect(cm.fouten).toEqual([]);
    await directeur.context.close();
    await cm.context.close();
  });

  it('works at 320 pixels wide: nothing but the tables scrolls sideways', async () => {
    const { context, page, fouten } = await nieuweSessie();
    await page.setViewportSize({ width: 320, height: 800 });
    await meldAan(page, w.gebruiker('contractmanager'));
    await page.getByRole('heading', { name: 'Stand per aanbieder en kwartaal' }).waitFor();
    // The matrix has rendered (the app keeps polling notifications, so no 'networkidle').
    await page.locator('.wk-tabel-scroll').first().waitFor();
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    const teBreed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter(
          (e) =>
            e.getBoundingClientRect().right > 321 && !e.parentElement?.closest('.wk-tabel-scroll'),
        )
        .map((e) => `${e.tagName}.${String(e.className)}`),
    );
    expect(teBreed).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await toets(page, '30-smal-320');
    expect(fouten).toEqual([]);
    await context.close();
  });
});
