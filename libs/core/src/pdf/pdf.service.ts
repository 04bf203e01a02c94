import { existsSync } from 'node:fs';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Browser, Page } from 'puppeteer-core';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../errors/domain-error';

/** Flags for headless Chromium as root in a closed network (no sandbox, no phoning home). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
];

export class PdfNietBeschikbaarError extends DomainError {
  constructor(pad: string) {
    super(
      'unavailable',
      'pdf-niet-beschikbaar',
      'PDF-weergave is niet beschikbaar',
      `Chromium is niet gevonden op ${pad}. Installeer het pakket 'chromium' of zet CHROMIUM_PATH; ` +
        'de HTML-weergave is wel beschikbaar.',
    );
  }
}

export interface PdfOpties {
  /** Shown left in the footer of every page, e.g. the document's title. */
  voettekst?: string;
}

/**
 * Renders a self-contained HTML document to PDF with a real browser engine: Debian's
 * Chromium driven by puppeteer-core, so the PDF is exactly the printable HTML. One browser
 * is started on first use and shared; each rendering gets its own page.
 */
@Injectable()
export class PdfService implements OnModuleDestroy {
  private readonly logger = new Logger(PdfService.name);
  private browser?: Promise<Browser>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  beschikbaar(): boolean {
    return existsSync(this.config.chromiumPath);
  }

  async render(html: string, opties: PdfOpties = {}): Promise<Buffer> {
    return this.metPagina(html, async (page) => {
      const pdf = await page.pdf({
        // A4, unless the document's CSS says otherwise (the dossier is A4 landscape).
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;display:flex;justify-content:space-between;font-family:sans-serif;color:#444">
          <span>${escapeHtml(opties.voettekst ?? 'Wijkkompas')}</span>
          <span>Pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`,
      });
      return Buffer.from(pdf);
    });
  }

  /**
   * Opens a self-contained document in a fresh page of the shared browser and runs `fn` on
   * it, e.g. to measure what the browser really rendered. An SVG document is opened as
   * image/svg+xml (so an XML error shows as the browser's parsererror), anything else as
   * HTML. As for the PDF, nothing may be fetched.
   */
  async metPagina<T>(
    document: string,
    fn: (page: Page) => Promise<T>,
    opties: { type?: 'text/html' | 'image/svg+xml' } = {},
  ): Promise<T> {
    const browser = await this.start();
    const page = await browser.newPage();
    try {
      // Self-contained documents only: nothing may be fetched while rendering.
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.url().startsWith('data:')) void request.continue();
        else void request.abort();
      });
      if (opties.type === 'image/svg+xml')
        await page.goto(
          `data:image/svg+xml;base64,${Buffer.from(document, 'utf8').toString('base64')}`,
          { waitUntil: 'load' },
        );
      else await page.setContent(document, { waitUntil: 'load' });
      return await fn(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => undefined);
  }

  private start(): Promise<Browser> {
    if (!this.beschikbaar()) throw new PdfNietBeschikbaarError(this.config.chromiumPath);
    if (!this.browser) {
      this.browser = import('puppeteer-core').then(({ default: puppeteer }) =>
        puppeteer.launch({
          executablePath: this.config.chromiumPath,
          args: CHROMIUM_ARGS,
          // No profile of our own: puppeteer makes a fresh temporary user-data-dir per launch.
          userDataDir: undefined,
        }),
      );
      const gestart = this.browser;
      gestart.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.browser === gestart) {
              this.logger.warn('Chromium is gestopt; de volgende PDF start een nieuwe.');
              this.browser = undefined;
            }
          }),
        (error: unknown) => {
          this.logger.error({ err: error }, 'Chromium kon niet starten');
          this.browser = undefined;
        },
      );
    }
    return this.browser;
  }
}

function escapeHtml(tekst: string): string {
  return tekst.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
