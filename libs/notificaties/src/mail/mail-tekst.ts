/**
 * The Dutch e-mails of notifications, as pure functions of what they say: one mail per
 * notification, or one daily digest. Plain text and simple HTML with the same content; every
 * mail says why the reader gets it and how to change that.
 */

import { webLink } from '../web-link';

export interface MailNotificatie {
  titel: string;
  tekst: string;
  /** A path on PUBLIC_URL, or null. */
  link: string | null;
  gemeenteNaam: string;
  createdAt: Date;
}

export interface MailOpmaak {
  /** Base URL of the product, without a trailing slash. */
  publicUrl: string;
  tijdzone: string;
}

export interface MailBericht {
  onderwerp: string;
  tekst: string;
  html: string;
}

const ONDERWERP_PREFIX = '[Wijkkompas]';
const WIJZIGEN =
  'U kunt dit wijzigen bij uw meldingsvoorkeur in Wijkkompas: direct een e-mail per melding, één overzicht per dag, of geen e-mail.';

export function escapeHtml(tekst: string): string {
  return tekst.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The full address of the web app page a notification's link is about; anything but a path
 * on our own site is dropped.
 */
export function volledigeLink(publicUrl: string, link: string | null): string | null {
  const pagina = webLink(link);
  return pagina ? `${publicUrl}${pagina}` : null;
}

export function datumTijd(moment: Date, tijdzone: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: tijdzone,
  }).format(moment);
}

export function datum(moment: Date, tijdzone: string): string {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: tijdzone }).format(moment);
}

/** Header values stay on one line, whatever a title contains. */
function enkeleRegel(tekst: string): string {
  return tekst.replace(/\s+/g, ' ').trim();
}

function gemeenten(notificaties: MailNotificatie[]): string {
  const namen = [...new Set(notificaties.map((n) => n.gemeenteNaam))];
  return namen.length === 1 ? namen[0] : namen.join(', ');
}

function voettekst(soort: 'direct' | 'dagelijks', gemeenteNamen: string, opmaak: MailOpmaak) {
  const waarom =
    soort === 'direct'
      ? `U ontvangt deze e-mail omdat u een account heeft in Wijkkompas (${gemeenteNamen}) en meldingen direct per e-mail ontvangt.`
      : `U ontvangt dit overzicht omdat u een account heeft in Wijkkompas (${gemeenteNamen}) en heeft gekozen voor één e-mail per dag.`;
  return { waarom, wijzigen: `${WIJZIGEN} ${opmaak.publicUrl}` };
}

function htmlPagina(
  onderwerp: string,
  naam: string,
  kern: string,
  voet: { waarom: string; wijzigen: string },
): string {
  return (
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(onderwerp)}</title></head>` +
    `<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em">` +
    `<p>Beste ${escapeHtml(naam)},</p>${kern}` +
    `<hr style="border:0;border-top:1px solid #ccc">` +
    `<p style="color:#555;font-size:13px">${escapeHtml(voet.waarom)}<br>${escapeHtml(voet.wijzigen)}</p>` +
    `</body></html>`
  );
}

/** One mail for one notification (preference 'direct'). */
export function directeMail(naam: string, n: MailNotificatie, opmaak: MailOpmaak): MailBericht {
  const onderwerp = `${ONDERWERP_PREFIX} ${enkeleRegel(n.titel)}`;
  const link = volledigeLink(opmaak.publicUrl, n.link);
  const wanneer = `${n.gemeenteNaam}, ${datumTijd(n.createdAt, opmaak.tijdzone)}`;
  const voet = voettekst('direct', n.gemeenteNaam, opmaak);
  const tekst = [
    `Beste ${naam},`,
    '',
    n.titel,
    '',
    n.tekst,
    ...(link ? ['', `Bekijk het in Wijkkompas: ${link}`] : []),
    '',
    wanneer,
    '',
    '-- ',
    voet.waarom,
    voet.wijzigen,
    '',
  ].join('\n');
  const kern =
    `<h1 style="font-size:18px">${escapeHtml(n.titel)}</h1>` +
    `<p>${escapeHtml(n.tekst).replace(/\n/g, '<br>')}</p>` +
    (link ? `<p><a href="${escapeHtml(link)}">Bekijk het in Wijkkompas</a></p>` : '') +
    `<p style="color:#555">${escapeHtml(wanneer)}</p>`;
  return { onderwerp, tekst, html: htmlPagina(onderwerp, naam, kern, voet) };
}

/**
 * The daily digest (preference 'dagelijks'): every notification since the previous one,
 * oldest first, grouped by gemeente for people who work for more than one.
 */
export function digestMail(
  naam: string,
  notificaties: MailNotificatie[],
  opmaak: MailOpmaak,
  moment: Date,
): MailBericht {
  if (notificaties.length === 0)
    throw new Error('Een overzicht zonder meldingen wordt niet verstuurd');
  const aantal = notificaties.length;
  const meldingen = aantal === 1 ? '1 melding' : `${aantal} meldingen`;
  const onderwerp = `${ONDERWERP_PREFIX} Uw overzicht van ${datum(moment, opmaak.tijdzone)}: ${meldingen}`;
  const gesorteerd = [...notificaties].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const perGemeente = new Map<string, MailNotificatie[]>();
  for (const n of gesorteerd)
    perGemeente.set(n.gemeenteNaam, [...(perGemeente.get(n.gemeenteNaam) ?? []), n]);
  const voet = voettekst('dagelijks', gemeenten(notificaties), opmaak);
  const inleiding = `Sinds het vorige overzicht ${aantal === 1 ? 'is er 1 nieuwe melding' : `zijn er ${aantal} nieuwe meldingen`} voor u in Wijkkompas.`;

  const tekstRegels: string[] = [];
  let html = '';
  for (const [gemeente, lijst] of perGemeente) {
    tekstRegels.push(gemeente, '='.repeat(gemeente.length), '');
    html += `<h2 style="font-size:16px">${escapeHtml(gemeente)}</h2><ul>`;
    for (const n of lijst) {
      const link = volledigeLink(opmaak.publicUrl, n.link);
      const wanneer = datumTijd(n.createdAt, opmaak.tijdzone);
      tekstRegels.push(
        `* ${n.titel} (${wanneer})`,
        ...n.tekst.split('\n').map((regel) => `  ${regel}`),
        ...(link ? [`  ${link}`] : []),
        '',
      );
      html +=
        `<li style="margin-bottom:12px"><strong>${escapeHtml(n.titel)}</strong> ` +
        `<span style="color:#555">(${escapeHtml(wanneer)})</span><br>${escapeHtml(n.tekst).replace(/\n/g, '<br>')}` +
        (link ? `<br><a href="${escapeHtml(link)}">Bekijk het in Wijkkompas</a>` : '') +
        `</li>`;
    }
    html += '</ul>';
  }
  const tekst = [
    `Beste ${naam},`,
    '',
    inleiding,
    '',
    ...tekstRegels,
    '-- ',
    voet.waarom,
    voet.wijzigen,
    '',
  ].join('\n');
  return {
    onderwerp,
    tekst,
    html: htmlPagina(onderwerp, naam, `<p>${escapeHtml(inleiding)}</p>${html}`, voet),
  };
}
