// One job in the list: what it does, when it runs, and — while it runs — a progress bar for the job and one
// per mailbox that finished.
import { Button, Card, CardHeader, ProgressBar, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { JobView } from '../../../shared/rpc.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { RunStatusBadge } from '../../components/RunStatusBadge.js';
import { formatDateTime, formatTimeOfDay } from '../../models/format.js';
import { isFinished, type JobProgress, type ServerWaitNotice } from '../../models/job-progress-model.js';

const useStyles = makeStyles({
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  mailboxes: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, 1fr) 2fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    alignItems: 'center',
    fontSize: tokens.fontSizeBase200,
  },
});

export function JobCard({
  view,
  progress,
  selected,
  onSelect,
  onRun,
  onCancel,
  onEdit,
}: {
  view: JobView;
  progress?: JobProgress;
  selected: boolean;
  onSelect: () => void;
  onRun: () => void;
  onCancel: () => void;
  onEdit: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const j = view.job;
  const running = progress ? !isFinished(progress.status) : view.state === 'running' || view.state === 'queued';
  const status = progress?.status ?? (view.running ? 'running' : view.lastRun?.status);
  const percent = progress?.percent ?? view.running?.percent ?? (view.lastRun?.status === 'ok' ? 100 : undefined);
  return (
    <Card
      className={mergeClasses(selected && s.selected)}
      onClick={onSelect}
      data-testid="job-card"
      data-job-name={j.name}
      data-running={String(running)}
    >
      <CardHeader
        header={<Text weight="semibold">{j.name}</Text>}
        description={
          <Text size={200}>
            {t(`jobs.schedule.${j.schedule.kind}`, scheduleParams(j.schedule))}
            {j.type && j.type !== 'export' ? (
              <span data-testid="job-type">{` · ${t(`jobs.type.${j.type}`)}${j.type === 'twoway' && j.twoway ? ` (${j.twoway.ruleId})` : ''}`}</span>
            ) : null}
          </Text>
        }
        action={status ? <RunStatusBadge status={status} testId="job-status" /> : undefined}
      />
      <div className={s.body}>
        {percent !== undefined ? (
          <>
            <ProgressBar
              value={percent / 100}
              thickness="large"
              color={status === 'failed' ? 'error' : status === 'ok' ? 'success' : 'brand'}
              aria-label={t('jobs.progress.percent', { percent: Math.round(percent) })}
              data-testid="job-progress"
              data-percent={Math.round(percent)}
            />
            <Text size={200} data-testid="job-progress-text">
              {progress && progress.total > 0
                ? t('jobs.progress.mailboxes', { percent: Math.round(percent), done: progress.done, total: progress.total })
                : t('jobs.progress.percent', { percent: Math.round(percent) })}
            </Text>
          </>
        ) : null}
        {running && progress?.waiting ? <ServerWaitText notice={progress.waiting} /> : null}
        {progress && progress.mailboxes.length > 0 ? (
          <div className={s.mailboxes} data-testid="job-mailbox-progress">
            {progress.mailboxes.map((m) => (
              <MailboxRow key={m.mailbox} mailbox={m.mailbox} percent={m.percent} />
            ))}
          </div>
        ) : null}
        {view.nextRunAt ? <Text size={200}>{t('jobs.nextRun', { at: formatDateTime(view.nextRunAt, lang) })}</Text> : null}
        <div className={s.actions} onClick={(e) => e.stopPropagation()}>
          {running ? (
            <Button size="small" onClick={onCancel} data-testid="job-cancel">
              {t('common.cancel')}
            </Button>
          ) : (
            <Button size="small" appearance="primary" onClick={onRun} data-testid="job-run">
              {t('jobs.runNow')}
            </Button>
          )}
          <Button size="small" onClick={onEdit} data-testid="job-edit">
            {t('common.edit')}
          </Button>
        </div>
      </div>
    </Card>
  );
}

/** "Waiting 45 s: the server asked to back off (ErrorServerBusy) …", shown until the wait is over. */
function ServerWaitText({ notice }: { notice: ServerWaitNotice }) {
  const t = useT();
  const lang = useLang();
  const left = Date.parse(notice.until) - Date.now();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!(left > 0)) return;
    const timer = setTimeout(() => setTick((n) => n + 1), left + 50);
    return () => clearTimeout(timer);
  }, [notice.until, left]);
  if (!(left > 0)) return null;
  return (
    <Text size={200} data-testid="job-waiting">
      {t('jobs.progress.waiting', {
        seconds: Math.round(notice.ms / 1000),
        reason: notice.reason,
        hasMailbox: notice.mailbox ? 'yes' : 'no',
        mailbox: notice.mailbox ?? '',
        until: formatTimeOfDay(notice.until, lang),
      })}
    </Text>
  );
}

function MailboxRow({ mailbox, percent }: { mailbox: string; percent: number }) {
  return (
    <>
      <Text size={200} truncate wrap={false}>
        {mailbox}
      </Text>
      <ProgressBar value={percent / 100} color="success" aria-label={mailbox} data-testid="job-mailbox-bar" />
    </>
  );
}

export function scheduleParams(s: JobView['job']['schedule']): Record<string, string | number> {
  if (s.kind === 'interval') return { minutes: s.minutes };
  if (s.kind === 'cron') return { cron: s.cron };
  return {};
}
