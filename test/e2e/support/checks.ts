// Page checks the screen sweep runs on every screen: axe-core (serious and critical violations), layout measured
// in the page (no element sticks out of its card, no two controls overlap, no sideways scrolling), and texts
// (in German or Dutch, no English text from the UI table and no raw enum value).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { messages } from '../../../src/shared/i18n/index.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core's serious and critical violations on the page as it is now (injected over CDP: the CSP allows no inline
 * script). A contrast finding is measured again once the page is still: a control enabled by data that arrived
 * while axe ran is caught in its first frame, still in its disabled colours (a contrast no one sees; seen under load
 * on a button enabled when the profiles arrive). A real contrast problem is there both times.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const first = await axeRun(page);
  if (!first.some((f) => f.id === 'color-contrast')) return first;
  await settled(page);
  return axeRun(page);
}

function axeRun(page: Page): Promise<AxeFinding[]> {
  return page.evaluate(async () => {
    type AxeResult = {
      violations: Array<{
        id: string;
        impact: string;
        help: string;
        nodes: Array<{ target: string[]; html: string; failureSummary?: string }>;
      }>;
    };
    const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<AxeResult> } }).axe;
    // Tabster's focus sentinels (Fluent's arrow-key groups and dialogs): hidden <i tabindex=0> that hand focus on at
    // once; axe's aria-hidden-focus would count each of them.
    const r = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        // Where, and what: the element's opening markup and axe's summary (contrast ratio, missing name…).
        targets: v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`),
      }));
  });
}

export interface LayoutProblem {
  kind: 'outside-card' | 'overlap' | 'page-scrolls-sideways';
  what: string;
}

/**
 * Measures the page: every visible element inside a card (data-card, a Fluent Card, or a panel with a shadow)
 * lies within it (content that scrolls inside a scroll box is that box's business), no two controls overlap,
 * and the page does not scroll sideways.
 */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const out: Array<{ kind: 'outside-card' | 'overlap' | 'page-scrolls-sideways'; what: string }> = [];
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${text}"`;
    };
    const visible = (el: Element) => {
      if (el.hasAttribute('data-tabster-dummy')) return false;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return false;
      const st = getComputedStyle(el);
      return st.visibility !== 'hidden' && st.display !== 'none' && st.opacity !== '0';
    };
    const clips = (el: Element) => {
      const st = getComputedStyle(el);
      return /(auto|scroll|hidden|clip)/.test(st.overflowX + st.overflow);
    };
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) {
      out.push({
        kind: 'page-scrolls-sideways',
        what: `${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}`,
      });
    }
    const main = document.querySelector('main');
    if (!main) return out;
    const cards = [
      main,
      ...Array.from(main.querySelectorAll('*')).filter(
        (el) =>
          el.hasAttribute('data-card') ||
          el.classList.contains('fui-Card') ||
          (getComputedStyle(el).boxShadow !== 'none' &&
            el.getBoundingClientRect().width >= 200 &&
            !el.matches('button, input, select, textarea, [role=button]')),
      ),
    ].filter(visible);
    for (const card of cards) {
      const box = card.getBoundingClientRect();
      const walk = (el: Element) => {
        for (const child of Array.from(el.children)) {
          if (!visible(child)) continue;
          const r = child.getBoundingClientRect();
          if (r.right > box.right + 1 || r.left < box.left - 1) {
            out.push({
              kind: 'outside-card',
              what: `${name(child)} [${Math.round(r.left)}–${Math.round(r.right)}] outside ${name(card)} [${Math.round(box.left)}–${Math.round(box.right)}]`,
            });
            continue;
          }
          if (!clips(child)) walk(child);
        }
      };
      walk(card);
    }
    // Controls that overlap each other (a button drawn over a field, columns running into each other).
    const controls = Array.from(
      main.querySelectorAll('button, input, select, textarea, [role=checkbox], [role=radio], [role=combobox]'),
    ).filter((el) => visible(el) && !(el as HTMLInputElement).type?.match?.(/^(checkbox|radio)$/));
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i];
        const b = controls[j];
        if (a.contains(b) || b.contains(a)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 2 && h > 2) out.push({ kind: 'overlap', what: `${name(a)} overlaps ${name(b)}` });
      }
    }
    return out;
  });
}

/** Raw values of the engine's enums; in German or Dutch, one of these standing alone on screen was not translated. */
export const RAW_ENUM_VALUES = [
  'free',
  'tentative',
  'busy',
  'oof',
  'workingElsewhere',
  'unknown',
  'normal',
  'personal',
  'private',
  'confidential',
  'ok',
  'partial',
  'failed',
  'interrupted',
  'cancelled',
  'queued',
  'running',
  'idle',
  'syncing',
  'paused',
  'pass',
  'fail',
  'skipped',
  'user',
  'room',
  'equipment',
  'schedule',
  'manual',
  'cli',
  'impersonation',
  'delegate',
  'ntlm',
  'basic',
  'export',
  'freebusy',
  'presence',
  'twoway',
  'allRooms',
  'mask',
  'skip',
  'include',
  'interval',
  'cron',
  'folder',
  'webhook',
  'sqlite',
  'accepted',
  'declined',
  'organizer',
  'required',
  'optional',
  'resource',
  // A log line's level.
  'info',
  'warn',
  'debug',
];

export interface TextProblem {
  kind: 'english' | 'raw-enum';
  text: string;
}

/** Texts on the page (text nodes, accessible names, titles) that are English UI strings or raw enum values. */
export async function untranslated(page: Page, lang: 'de' | 'nl'): Promise<TextProblem[]> {
  const en = messages.en as Record<string, string>;
  const local = messages[lang] as Record<string, string>;
  // English strings without parameters that the language translates differently — and that are not words of
  // the language's own table as well (German "Start" and "Import" are German too).
  const localWords = new Set(Object.values(local).map((v) => v.trim()));
  const english = [
    ...new Set(
      Object.keys(en)
        .filter((k) => !/[{}]/.test(en[k]) && local[k] !== en[k] && !localWords.has(en[k].trim()))
        .map((k) => en[k].trim()),
    ),
  ];
  const texts = await page.evaluate(() => {
    const seen: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // translate="no" marks the user's own values (a presence status token, a rule name): data, not UI text.
      if (!el || el.closest('script, style, [aria-hidden=true], [translate=no]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      const t = (n.textContent ?? '').trim();
      if (t) seen.push(t);
    }
    // A drop-down's choices: the closed list has no box, but every option is a text the user reads when it opens.
    for (const select of Array.from(document.querySelectorAll('select'))) {
      if (select.getBoundingClientRect().width < 1 || select.closest('[aria-hidden=true]')) continue;
      for (const o of Array.from(select.options)) if (o.text.trim()) seen.push(o.text.trim());
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a)?.trim();
        if (v) seen.push(v);
      }
    }
    return seen;
  });
  const problems: TextProblem[] = [];
  const englishSet = new Set(english);
  const longEnglish = english.filter((e) => e.split(/\s+/).length >= 3);
  const enums = new Set(RAW_ENUM_VALUES);
  for (const t of new Set(texts)) {
    if (englishSet.has(t) || longEnglish.some((e) => t.includes(e))) problems.push({ kind: 'english', text: t });
    if (enums.has(t) || /\bworkingElsewhere\b/.test(t)) problems.push({ kind: 'raw-enum', text: t });
  }
  return problems;
}

/**
 * How many Tab presses a list takes: focus goes to the first focusable element inside `selector` (or the element
 * itself), then Tab until focus leaves it. A list that is one Tab stop answers 1 however many rows it has.
 */
export async function tabStopsIn(page: Page, selector: string, limit = 20): Promise<number> {
  const list = page.locator(selector).first();
  await list.evaluate((el) => {
    const first = el.matches('[tabindex], button, input, select, textarea, a[href]')
      ? el
      : el.querySelector<HTMLElement>(
          '[tabindex]:not([tabindex="-1"]):not([data-tabster-dummy]), button, input, select, textarea, a[href]',
        );
    (first as HTMLElement | null)?.focus();
  });
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press('Tab');
    const inside = await list.evaluate(
      (el) => el.contains(document.activeElement) && !document.activeElement?.hasAttribute('data-tabster-dummy'),
    );
    if (!inside) return n;
  }
  return limit + 1;
}

/**
 * Waits until the page is still: no CSS transition or finite animation running (a button that was just enabled
 * fades from its disabled colours for a moment; axe measuring it then would report a contrast that no one sees).
 */
export async function settled(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity).length ===
      0,
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Navigation labels whose text does not start where the first one's does (a ragged left edge), as "label: x". */
export async function raggedNav(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const starts = Array.from(document.querySelectorAll('nav [role=tab] .fui-Tab__content:not(.fui-Tab__content--reserved-space)')).map(
      (el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return { label: (el.textContent ?? '').trim(), x: Math.round(range.getBoundingClientRect().left) };
      },
    );
    return starts.filter((s) => Math.abs(s.x - starts[0].x) > 1).map((s) => `${s.label}: ${s.x} (first: ${starts[0].x})`);
  });
}
