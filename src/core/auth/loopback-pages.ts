// What the browser shows after it returns to Calpump's loopback listener. Plain HTML, no scripts, no external
// resources; error pages carry the catalogue entry so the admin sees the fix right where they are.
import type { ErrorInfo } from '../../shared/errors.js';
import { renderError, type Lang } from '../../shared/i18n/catalogue.js';
import { renderEngineText, text, type EngineTextKey } from '../../shared/i18n/engine-texts.js';

/** A text of the pages in the host's language (src/shared/locales/<lang>/engine.json, loopback.*). */
export const loopbackText = (key: EngineTextKey & `loopback.${string}`, lang: Lang) => renderEngineText(text(key), lang);

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function page(lang: Lang, title: string, body: string, ok: boolean): string {
  const colour = ok ? '#107c10' : '#a4262c';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Calpump — ${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:Segoe UI,Arial,sans-serif;max-width:40em;margin:3em auto;line-height:1.5">
<h1 style="color:${colour}">${escapeHtml(title)}</h1>${body}</body></html>`;
}

export function successPage(lang: Lang): string {
  return page(
    lang,
    loopbackText('loopback.signedIn.title', lang),
    `<p>${escapeHtml(loopbackText('loopback.signedIn.text', lang))}</p>`,
    true,
  );
}

export function errorPage(lang: Lang, error: ErrorInfo): string {
  const info = renderError(error, lang);
  const body =
    `<p>${escapeHtml(info.message)}</p><h2>${escapeHtml(loopbackText('loopback.fixHeading', lang))}</h2><p>${escapeHtml(info.fix)}</p>` +
    (info.delay ? `<p><em>${escapeHtml(info.delay)}</em></p>` : '') +
    `<p style="color:#605e5c;font-size:smaller">${escapeHtml(info.id)}</p>`;
  return page(lang, info.title, body, false);
}
