// Past runs of a job, newest first: one table (one Tab stop, arrow keys between runs, Enter opens one) and below
// it the report of the run picked — the newest until another is opened — with each failure's catalogue entry and
// where it happened (mailbox, folder).
import { Badge, Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Job, RunRecord } from '../../../shared/rpc.js';
import { RunReport } from './RunReport.js';
import { useClient } from '../../app/client-context.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { RunStatusBadge } from '../../components/RunStatusBadge.js';
import { formatDateTime, formatDuration } from '../../models/format.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  status: { width: '130px' },
  took: { width: '90px' },
  report: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function RunHistory({ jobId, job, refreshKey }: { jobId: string; job?: Job; refreshKey: number }) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const client = useClient();
  const history = useOperation(() => client['jobs.history']({ id: jobId, limit: 50 }));
  const { run } = history;
  const [picked, setPicked] = useState<string | undefined>();
  useEffect(() => {
    void run();
  }, [run, jobId, refreshKey]);
  useEffect(() => setPicked(undefined), [jobId]);

  if (history.error) return <ErrorPanel error={history.error} testId="history-error" />;
  if (!history.result) return history.running ? <Spinner size="small" label={t('common.loading')} /> : null;
  const runs = [...history.result.runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  if (runs.length === 0)
    return <EmptyState testId="history-empty" title={t('jobs.history.empty.title')} hint={t('jobs.history.empty.hint')} />;
  const shown = runs.find((r) => r.runId === picked) ?? runs[0];
  const took = (r: RunRecord) => formatDuration(Math.max(0, Date.parse(r.finishedAt) - Date.parse(r.startedAt)), lang);
  return (
    <div className={s.root} data-testid="job-history">
      <span>
        <Button size="small" appearance="subtle" onClick={() => void run()}>
          {t('common.refresh')}
        </Button>
      </span>
      <DataTable
        label={t('jobs.history.label', { job: job?.name ?? jobId })}
        testId="history-runs"
        rows={runs}
        rowKey={(r) => r.runId}
        rowTestId={() => 'history-run'}
        rowData={(r) => ({ 'data-status': r.status, 'data-run-id': r.runId })}
        onOpen={(r) => setPicked(r.runId)}
        isSelected={(r) => r.runId === shown.runId}
        columns={[
          { id: 'status', header: t('report.result'), className: s.status, cell: (r) => <RunStatusBadge status={r.status} /> },
          { id: 'started', header: t('report.started'), cell: (r) => formatDateTime(r.startedAt, lang) },
          {
            id: 'summary',
            header: t('jobs.history.col.summary'),
            cellTestId: () => 'history-summary',
            cell: (r) => (
              <>
                {t('jobs.history.summary', { mailboxes: r.mailboxesOk + r.mailboxesFailed, items: r.items, failed: r.mailboxesFailed })}
                {r.dryRun ? (
                  <>
                    {' '}
                    <Badge appearance="outline">{t('jobs.history.dryRun')}</Badge>
                  </>
                ) : null}
              </>
            ),
          },
          { id: 'took', header: t('report.took'), className: s.took, cell: (r) => took(r) },
          { id: 'trigger', header: t('report.trigger'), cell: (r) => t(`jobs.history.trigger.${r.trigger}`) },
        ]}
      />
      <section className={s.report} aria-label={t('jobs.history.report', { time: formatDateTime(shown.startedAt, lang) })}>
        <Text as="h3" weight="semibold" size={400} data-testid="history-report-title">
          {t('jobs.history.report', { time: formatDateTime(shown.startedAt, lang) })}
        </Text>
        <RunReport key={shown.runId} run={shown} job={job} />
      </section>
    </div>
  );
}
