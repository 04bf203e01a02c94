/// <reference lib="dom" />
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Where the browser tests keep their screenshots (gitignored). */
export const SCHERMAFDRUKKEN = resolve(__dirname, '..', 'output', 'web');

const WEB_BUILD = resolve(__dirname, '..', '..', 'dist', 'web', 'index.html');
const AXE = require.resolve('axe-core/axe.min.js');

export interface DemoGebruiker {
  email: string;
  rol: string;
  organisatie: string;
  password: string;
}

export interface WebOmgeving {
  url: string;
  browser: Browser;
  gebruikers: DemoGebruiker[];
  gebruiker(rol: string, organisatie?: string): DemoGebruiker;
  close(): Promise<void>;
}

function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function wachtOpGereed(url: string, proces: ChildProcess, uitvoer: () => string) {
  const tot = Date.now() + 200_000;
  while (Date.now() < tot) {
    if (proces.exitCode !== null)
      throw new Error(`Wijkkompas stopte (${proces.exitCode}):\n${uitvoer()}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Wijkkompas werd niet gereed:\n${uitvoer()}`);
}

/**
 * The platform as `npm start` runs it, in a process of its own: an embedded PostgreSQL in a
 * fresh data directory with the demo data, jobs in the process, the built web app at `/` —
 * and Debian's Chromium driving it (never a downloaded browser).
 */
export async function startWebOmgeving(): Promise<WebOmgeving> {
  if (!existsSync(WEB_BUILD))
    throw new Error(`${WEB_BUILD} ontbreekt: voer eerst \`npm run build:web\` uit.`);
  mkdirSync(SCHERMAFDRUKKEN, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'wijkkompas-web-'));
  const poort = await vrijePoort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(poort), DATA_DIR: dataDir };
  // Whatever the test run points at, this platform has its own embedded database.
  for (const naam of [
    'DATABASE_URL',
    'REDIS_URL',
    'JWT_SECRET',
    'QUEUE_PG_SCHEMA',
    'QUEUE_POLL_SECONDS',
    'QUEUE_PREFIX',
    'NODE_ENV',
  ])
    delete env[naam];
  env.LOG_LEVEL = 'warn';
  const root = resolve(__dirname, '..', '..');
  const proces = spawn(
    process.execPath,
    ['--require', './test/support/ts-register.js', 'apps/api/src/main.ts'],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let uitvoer = '';
  proces.stdout?.on('data', (d: Buffer) => (uitvoer = (uitvoer + d.toString()).slice(-20_000)));
  proces.stderr?.on('data', (d: Buffer) => (uitvoer = (uitvoer + d.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${poort}`;
  await wachtOpGereed(url, proces, () => uitvoer);
  const gebruikers = JSON.parse(
    readFileSync(join(dataDir, 'demo-gebruikers.json'), 'utf8'),
  ) as DemoGebruiker[];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url,
    browser,
    gebruikers,
    gebruiker(rol, organisatie) {
      const g = gebruikers.find(
        (x) => x.rol === rol && (!organisatie || x.organisatie === organisatie),
      );
      if (!g) throw new Error(`Geen demogebruiker met rol ${rol}`);
      return g;
    },
    async close() {
      await browser.close();
      const gestopt = new Promise((r) => proces.once('exit', r));
      proces.kill('SIGTERM');
      let wacht: NodeJS.Timeout | undefined;
      await Promise.race([gestopt, new Promise((r) => (wacht = setTimeout(r, 20_000)))]);
      clearTimeout(wacht);
      if (proces.exitCode === null) proces.kill('SIGKILL');
      proces.stdout?.destroy();
      proces.stderr?.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fails the test on script errors and on anything the CSP refused. */
export function bewaak(page: Page): string[] {
  const fouten: string[] = [];
  page.on('pageerror', (error) => fouten.push(`pageerror: ${error.message}`));
  page.on('console', (bericht) => {
    if (/Content Security Policy|Refused to/i.test(bericht.text()))
      fouten.push(`csp: ${bericht.text()}`);
  });
  return fouten;
}

export interface AxeBevinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core on the page as it is now (WCAG 2.0–2.2, A and AA), run through the DevTools
 * protocol so the page's CSP stays as strict as for a user. Returns serious and critical
 * violations.
 */
export async function axe(page: Page): Promise<AxeBevinding[]> {
  const geladen = await page.evaluate(() => Boolean((window as { axe?: unknown }).axe));
  if (!geladen) await page.evaluate(readFileSync(AXE, 'utf8'));
  const resultaat = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    // The dossier in its sandboxed frame is a document of its own, made elsewhere.
    const r = await axe.run(
      { exclude: [['iframe']] },
      {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'],
        },
        iframes: false,
      },
    );
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return resultaat.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function schermafdruk(page: Page, naam: string): Promise<void> {
  await page.screenshot({ path: join(SCHERMAFDRUKKEN, `${naam}.png`), fullPage: true });
}
