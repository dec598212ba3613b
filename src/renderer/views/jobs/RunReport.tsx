// What one run did: per mailbox its items and any error (with the fix), the files it wrote (path, size) with
// "copy path" and — in the desktop app — "open folder", and the read-only feed URL of each mailbox where the
// host serves feeds. Errors are catalogue entries rendered in the UI language.
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { targetOf, type Job } from '../../../shared/job.js';
import type { RunRecord } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useLang, useRenderError, useT } from '../../app/i18n-context.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { formatBytes, formatDateTime, formatDuration } from '../../models/format.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  path: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  table: { tableLayout: 'fixed', width: '100%' },
  cell: { overflowWrap: 'anywhere' },
});

function useFeeds(): { baseUrl?: string; token?: string } {
  const client = useClient();
  const [feeds, setFeeds] = useState<{ baseUrl?: string; token?: string }>({});
  useEffect(() => {
    client['feeds.info']().then(setFeeds, () => undefined);
  }, [client]);
  return feeds;
}

function useCanOpenFolders(): boolean {
  const client = useClient();
  const [can, setCan] = useState(false);
  useEffect(() => {
    client['app.version']().then(
      (v) => setCan(v.features.openExternal),
      () => undefined,
    );
  }, [client]);
  return can;
}

/** A feed URL: the host's feed base, the path the run recorded (or /<job>/<mailbox>.<ext>), and the feed token. */
export function feedUrl(base: { baseUrl?: string; token?: string }, path: string): string | undefined {
  if (!base.baseUrl || !base.token) return undefined;
  const root = base.baseUrl.replace(/\/feeds\/?$/, '');
  const full = path.startsWith('/feeds/') ? `${root}${path}` : `${root}/feeds/${path.replace(/^\/+/, '')}`;
  return `${full}?token=${encodeURIComponent(base.token)}`;
}

export function RunReport({ run, job }: { run: RunRecord; job?: Job }) {
  const t = useT();
  const ids = useId();
  const lang = useLang();
  const renderError = useRenderError();
  const s = useStyles();
  const client = useClient();
  const feedsBase = useFeeds();
  const canOpen = useCanOpenFolders();
  const [copied, setCopied] = useState<string | undefined>();
  const r = run;
  const target = job ? targetOf(job) : undefined;
  const folder = target?.kind === 'folder' ? target.path : undefined;
  const took = formatDuration(Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt)), lang);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(text);
    } catch {
      setCopied(undefined);
    }
  };
  const feeds = r.feeds;
  return (
    <div className={s.root} data-testid="run-report" data-status={run.status}>
      <dl className={s.facts}>
        <dt className={s.dt}>{t('report.started')}</dt>
        <dd className={s.dd}>{formatDateTime(run.startedAt, lang)}</dd>
        <dt className={s.dt}>{t('report.took')}</dt>
        <dd className={s.dd}>{took}</dd>
        <dt className={s.dt}>{t('report.trigger')}</dt>
        <dd className={s.dd}>{t(`jobs.history.trigger.${run.trigger}`)}</dd>
        <dt className={s.dt}>{t('report.result')}</dt>
        <dd className={s.dd} data-testid="run-report-counts">
          {t('report.counts', { ok: run.mailboxesOk, failed: run.mailboxesFailed, items: run.items, written: run.itemsWritten })}
        </dd>
        {folder ? (
          <>
            <dt className={s.dt}>{t('report.folder')}</dt>
            <dd className={s.dd}>
              <span className={s.path} data-testid="run-report-folder">
                {folder}
              </span>{' '}
              <span className={s.actions}>
                <Button size="small" onClick={() => void copy(folder)} data-testid="run-report-copy-folder">
                  {copied === folder ? t('report.copied') : t('report.copyPath')}
                </Button>
                {canOpen ? (
                  <Button size="small" onClick={() => void client['app.openPath']({ path: folder }).catch(() => undefined)}>
                    {t('report.openFolder')}
                  </Button>
                ) : null}
              </span>
            </dd>
          </>
        ) : null}
      </dl>
      {r.mailboxes?.length ? (
        <Table size="small" className={s.table} aria-label={t('report.mailboxes')} data-testid="run-report-mailboxes">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('report.col.mailbox')}</TableHeaderCell>
              <TableHeaderCell>{t('report.col.items')}</TableHeaderCell>
              <TableHeaderCell>{t('report.col.written')}</TableHeaderCell>
              <TableHeaderCell>{t('report.col.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.mailboxes.map((m) => (
              <TableRow key={m.mailbox} data-testid="run-report-mailbox" data-ok={String(m.ok)}>
                <TableCell className={s.cell}>{m.mailbox}</TableCell>
                <TableCell>{m.items.toLocaleString(lang)}</TableCell>
                <TableCell>{m.itemsWritten.toLocaleString(lang)}</TableCell>
                <TableCell>
                  {m.ok ? t('jobs.status.ok') : t('jobs.status.failed')}
                  {m.error ? ` · ${renderError(m.error).title}` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {r.outputs?.length ? (
        <Table size="small" className={s.table} aria-label={t('report.files')} data-testid="run-report-files">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('report.col.file')}</TableHeaderCell>
              <TableHeaderCell style={{ width: '120px' }}>{t('report.col.size')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.outputs.map((o, i) => (
              <TableRow key={o.path} data-testid="run-report-file">
                <TableCell className={s.cell}>
                  <span className={s.path} id={`${ids}-file-${i}`}>
                    {o.path}
                  </span>{' '}
                  {/* Named by its visible text; the path it copies describes it. */}
                  <Button size="small" onClick={() => void copy(o.path)} aria-describedby={`${ids}-file-${i}`}>
                    {copied === o.path ? t('report.copied') : t('report.copyPath')}
                  </Button>
                </TableCell>
                <TableCell>{formatBytes(o.bytes, lang)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {feeds.length && feedUrl(feedsBase, feeds[0].path) ? (
        <div data-testid="run-report-feeds">
          <Text weight="semibold">{t('report.feeds')}</Text>
          <ul>
            {feeds.map((f, i) => {
              const url = feedUrl(feedsBase, f.path)!;
              return (
                <li key={f.mailbox} className={s.cell}>
                  <span id={`${ids}-feed-${i}`}>{f.mailbox}</span>:{' '}
                  <span className={s.path} data-testid="run-report-feed">
                    {url}
                  </span>{' '}
                  <Button size="small" onClick={() => void copy(url)} aria-describedby={`${ids}-feed-${i}`}>
                    {copied === url ? t('report.copied') : t('report.copyFeed')}
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {run.errors.length ? (
        <div>
          <Text weight="semibold">{t('report.errors')}</Text>
          {run.errors.map((e, i) => (
            <div key={i} data-testid="history-error-item">
              {e.mailbox ? (
                <Text weight="semibold">{t('jobs.history.errorsIn', { mailbox: e.mailbox, folder: e.folder ?? '' })}</Text>
              ) : null}
              <ErrorPanel error={e.error} testId="history-run-error" />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
