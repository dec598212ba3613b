// Past runs of a job, newest first. A run with failures expands to show each failed mailbox's catalogue entry.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { JobRun } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { formatDateTime, formatDuration } from '../../models/format.js';

const useStyles = makeStyles({
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', width: '100%' },
  mailbox: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS },
  file: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
});

const COLOR = { queued: 'informative', running: 'brand', ok: 'success', partial: 'warning', failed: 'danger', cancelled: 'subtle' } as const;

export function RunHistory({ jobId, refreshKey }: { jobId: string; refreshKey: number }) {
  const t = useT();
  const client = useClient();
  const history = useOperation(() => client['jobs.history']({ id: jobId, limit: 50 }));
  const { run } = history;
  useEffect(() => {
    void run();
  }, [run, jobId, refreshKey]);

  if (history.error) return <ErrorPanel error={history.error} testId="history-error" />;
  if (!history.result) return history.running ? <Spinner size="small" label={t('common.loading')} /> : null;
  const runs = [...history.result.runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  if (runs.length === 0) return <EmptyState testId="history-empty" title={t('jobs.history.empty.title')} hint={t('jobs.history.empty.hint')} />;
  return (
    <div data-testid="job-history">
      <Button size="small" appearance="subtle" onClick={() => void run()}>
        {t('common.refresh')}
      </Button>
      <Accordion multiple collapsible>
        {runs.map((r) => (
          <RunItem key={r.id} run={r} />
        ))}
      </Accordion>
    </div>
  );
}

function RunItem({ run }: { run: JobRun }) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const failed = run.mailboxes.filter((m) => !m.ok).length;
  const items = run.mailboxes.reduce((n, m) => n + m.items, 0);
  const took = run.finishedAt ? formatDuration(Date.parse(run.finishedAt) - Date.parse(run.startedAt), lang) : '';
  return (
    <AccordionItem value={run.id} data-testid="history-run" data-status={run.status}>
      <AccordionHeader>
        <span className={s.head}>
          <Badge appearance="filled" color={COLOR[run.status]}>
            {t(`jobs.status.${run.status}`)}
          </Badge>
          <Text>{formatDateTime(run.startedAt, lang)}</Text>
          <Text size={200}>{t('jobs.history.summary', { mailboxes: run.mailboxes.length, items, failed })}</Text>
          {took ? <Text size={200}>{took}</Text> : null}
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {run.error ? <ErrorPanel error={run.error} testId="history-run-error" /> : null}
        {run.mailboxes.map((m) => (
          <div key={`${m.mailbox}/${m.folder}`} className={s.mailbox} data-testid="history-mailbox" data-ok={String(m.ok)}>
            <Text weight="semibold">
              {m.mailbox} · {m.folder} · {t('jobs.history.items', { count: m.items })}
            </Text>
            {m.file ? <Text className={s.file} data-testid="history-file">{m.file}</Text> : null}
            {m.error ? <ErrorPanel error={m.error} testId="history-mailbox-error" /> : null}
          </div>
        ))}
      </AccordionPanel>
    </AccordionItem>
  );
}
