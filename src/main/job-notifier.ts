// Native notifications on transitions only: the first failure of a job, and its first good run after failing.
// A job that keeps failing does not notify on every run; a restart does not re-announce a known failure.
import type { RpcEventPayload } from '../shared/rpc.js';
import type { ErrorInfo } from '../shared/errors.js';
import { renderError } from '../shared/i18n/catalogue.js';
import { desktopText, type DesktopLang } from './desktop-text.js';
import type { ElectronApi } from './electron-api.js';

export interface JobNotifier {
  onStatus(event: RpcEventPayload<'job.status'>): Promise<void>;
}

export function createJobNotifier(
  api: Pick<ElectronApi, 'createNotification' | 'notificationsSupported'>,
  opts: {
    jobName: (jobId: string) => Promise<string>;
    failingAtStart?: string[];
    lang?: () => DesktopLang;
    icon?: string;
    onClick?: () => void;
  },
): JobNotifier {
  const failing = new Set(opts.failingAtStart ?? []);
  const lang = opts.lang ?? (() => 'en' as const);
  const notify = (title: string, body: string) => {
    if (!api.notificationsSupported()) return;
    const n = api.createNotification({ title, body, icon: opts.icon });
    if (opts.onClick) n.on?.('click', opts.onClick);
    n.show();
  };
  return {
    async onStatus(e) {
      if (e.status === 'failed' || e.status === 'partial') {
        if (failing.has(e.jobId)) return;
        failing.add(e.jobId);
        const job = await opts.jobName(e.jobId).catch(() => e.jobId);
        notify(desktopText(lang(), 'notify.failed.title', { job }), e.error ? notice(e.error, lang()) : '');
      } else if (e.status === 'ok') {
        if (!failing.delete(e.jobId)) return;
        const job = await opts.jobName(e.jobId).catch(() => e.jobId);
        notify(desktopText(lang(), 'notify.recovered.title', { job }), desktopText(lang(), 'notify.recovered.body'));
      }
    },
  };
}

/** A failed run's first error as one notification line, in the tray's language. */
function notice(error: ErrorInfo, lang: DesktopLang): string {
  const r = renderError(error, lang);
  return `${r.title}: ${r.message}`;
}
