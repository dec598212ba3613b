// Past runs of a job, newest first. A run with errors expands to show each failure's catalogue entry and
// where it happened (mailbox, folder).
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Job, RunRecord } from '../../../shared/rpc.js';
import { RunReport } from './RunReport.js';
import { useClient } from '../../app/client-context.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { RunStatusBadge } from '../../components/RunStatusBadge.js';
import { formatDateTime, formatDuration } from '../../models/format.js';

const useStyles = makeStyles({
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', width: '100%' },
  error: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS },
});

export function RunHistory({ jobId, job, refreshKey }: { jobId: string; job?: Job; refreshKey: number }) {
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
  if (runs.length === 0)
    return <EmptyState testId="history-empty" title={t('jobs.history.empty.title')} hint={t('jobs.history.empty.hint')} />;
  return (
    <div data-testid="job-history">
      <Button size="small" appearance="subtle" onClick={() => void run()}>
        {t('common.refresh')}
      </Button>
      <Accordion multiple collapsible defaultOpenItems={runs[0] ? [runs[0].runId] : []}>
        {runs.map((r) => (
          <RunItem key={r.runId} run={r} job={job} />
        ))}
      </Accordion>
    </div>
  );
}

function RunItem({ run, job }: { run: RunRecord; job?: Job }) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const took = formatDuration(Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt)), lang);
  return (
    <AccordionItem value={run.runId} data-testid="history-run" data-status={run.status}>
      <AccordionHeader>
        <span className={s.head}>
          <RunStatusBadge status={run.status} />
          <Text>{formatDateTime(run.startedAt, lang)}</Text>
          <Text size={200} data-testid="history-summary">
            {t('jobs.history.summary', { mailboxes: run.mailboxesOk + run.mailboxesFailed, items: run.items, failed: run.mailboxesFailed })}
          </Text>
          <Text size={200}>{took}</Text>
          <Text size={200}>{t(`jobs.history.trigger.${run.trigger}`)}</Text>
          {run.dryRun ? <Badge appearance="outline">{t('jobs.history.dryRun')}</Badge> : null}
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <RunReport run={run} job={job} />
      </AccordionPanel>
    </AccordionItem>
  );
}
