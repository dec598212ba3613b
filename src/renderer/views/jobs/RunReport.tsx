// What one run did: per mailbox its items and any error (with the fix), the files it wrote (path, size) with
// "copy path" and — in the desktop app — "open folder", and the read-only feed URL of each mailbox where the
// host serves feeds. Errors are catalogue entries rendered in the UI language.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { targetOf, type Job } from '../../../shared/job.js';
import type { RunRecord } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useLang, useRenderError, useT } from '../../app/i18n-context.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { Facts } from '../../components/Facts.js';
import { SkippedItems } from './SkippedItems.js';
import { formatBytes, formatDateTime, formatDuration } from '../../models/format.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  path: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  size: { width: '120px' },
  mailbox: { width: '30%' },
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
      <Facts
        facts={[
          { label: t('report.started'), value: formatDateTime(run.startedAt, lang) },
          { label: t('report.took'), value: took },
          { label: t('report.trigger'), value: t(`jobs.history.trigger.${run.trigger}`) },
          {
            label: t('report.result'),
            testId: 'run-report-counts',
            value: t('report.counts', { ok: run.mailboxesOk, failed: run.mailboxesFailed, items: run.items, written: run.itemsWritten }),
          },
          folder
            ? {
                label: t('report.folder'),
                value: (
                  <>
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
                  </>
                ),
              }
            : undefined,
        ]}
      />
      {r.mailboxes?.length ? (
        <DataTable
          label={t('report.mailboxes')}
          testId="run-report-mailboxes"
          rows={r.mailboxes}
          rowKey={(m) => m.mailbox}
          rowTestId={() => 'run-report-mailbox'}
          rowData={(m) => ({ 'data-ok': String(m.ok) })}
          columns={[
            { id: 'mailbox', header: t('report.col.mailbox'), cell: (m) => m.mailbox },
            { id: 'items', header: t('report.col.items'), cell: (m) => m.items.toLocaleString(lang) },
            { id: 'written', header: t('report.col.written'), cell: (m) => m.itemsWritten.toLocaleString(lang) },
            {
              id: 'status',
              header: t('report.col.status'),
              cell: (m) => `${m.ok ? t('jobs.status.ok') : t('jobs.status.failed')}${m.error ? ` · ${renderError(m.error).title}` : ''}`,
            },
          ]}
        />
      ) : null}
      {r.outputs?.length ? (
        <DataTable
          label={t('report.files')}
          testId="run-report-files"
          rows={r.outputs}
          rowKey={(o) => o.path}
          rowTestId={() => 'run-report-file'}
          columns={[
            {
              id: 'file',
              header: t('report.col.file'),
              cell: (o, i) => (
                <>
                  <span className={s.path} id={`${ids}-file-${i}`}>
                    {o.path}
                  </span>{' '}
                  {/* Named by its visible text; the path it copies describes it. */}
                  <Button size="small" onClick={() => void copy(o.path)} aria-describedby={`${ids}-file-${i}`}>
                    {copied === o.path ? t('report.copied') : t('report.copyPath')}
                  </Button>
                </>
              ),
            },
            { id: 'size', header: t('report.col.size'), className: s.size, cell: (o) => formatBytes(o.bytes, lang) },
          ]}
        />
      ) : null}
      {feeds.length && feedUrl(feedsBase, feeds[0].path) ? (
        <div data-testid="run-report-feeds">
          <Text weight="semibold">{t('report.feeds')}</Text>
          <DataTable
            label={t('report.feeds')}
            testId="run-report-feed-table"
            rows={feeds}
            rowKey={(f) => f.mailbox}
            rowTestId={() => 'run-report-feed-row'}
            columns={[
              {
                id: 'mailbox',
                header: t('report.col.mailbox'),
                className: s.mailbox,
                cell: (f, i) => <span id={`${ids}-feed-${i}`}>{f.mailbox}</span>,
              },
              {
                id: 'url',
                header: t('report.col.feed'),
                cell: (f, i) => {
                  const url = feedUrl(feedsBase, f.path)!;
                  return (
                    <>
                      <span className={s.path} data-testid="run-report-feed">
                        {url}
                      </span>{' '}
                      <Button size="small" onClick={() => void copy(url)} aria-describedby={`${ids}-feed-${i}`}>
                        {copied === url ? t('report.copied') : t('report.copyFeed')}
                      </Button>
                    </>
                  );
                },
              },
            ]}
          />
        </div>
      ) : null}
      <SkippedItems run={run} />
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
