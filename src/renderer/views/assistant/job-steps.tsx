// The assistant's second half: which mailboxes and folders, where the files go (checked on the host as it is
// typed), and when — then the job is saved, run once at once, and its first result shown.
import { Badge, Button, Field, ProgressBar, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { errorInfoOf, type JobView, type RunRecord } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { useEvent } from '../../app/use-event.js';
import { useOperation } from '../../app/use-operation.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { FolderPicker } from '../../components/pickers/FolderPicker.js';
import { MailboxPicker } from '../../components/pickers/MailboxPicker.js';
import { PathField } from '../../components/pickers/PathField.js';
import { formatDateTime } from '../../models/format.js';
import { RunReport } from '../jobs/RunReport.js';
import { draftJob, jobNameFor, type AssistantState } from './assistant-model.js';
import type { StepProps } from './step-props.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  field: { maxWidth: '560px' },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function MailboxesStep({ state, patch }: StepProps) {
  const t = useT();
  return (
    <>
      <Text>{t('assistant.mailboxes.intro')}</Text>
      <MailboxPicker
        profileId={state.profile?.profile.id}
        value={state.mailboxes}
        onChange={(mailboxes) => patch({ mailboxes })}
        testId="assistant-mailboxes"
      />
    </>
  );
}

export function FoldersStep({ state, patch }: StepProps) {
  const t = useT();
  return (
    <>
      <Text>{t('assistant.folders.intro')}</Text>
      <FolderPicker
        profileId={state.profile?.profile.id}
        mailbox={state.mailboxes[0]}
        value={state.folders}
        onChange={(folders) => patch({ folders })}
        testId="assistant-folders"
      />
    </>
  );
}

type TargetCheck =
  { state: 'idle' | 'checking' } | { state: 'exists' | 'create'; where: string } | { state: 'bad'; error: ReturnType<typeof errorInfoOf> };

/** Checks a target folder on the host: it exists, or its parent does (the job creates it on its first run). */
function useTargetCheck(path: string): TargetCheck {
  const client = useClient();
  const [check, setCheck] = useState<TargetCheck>({ state: 'idle' });
  useEffect(() => {
    const p = path.trim();
    if (!p) return setCheck({ state: 'idle' });
    let live = true;
    setCheck({ state: 'checking' });
    const timer = setTimeout(() => {
      client['fs.list']({ path: p }).then(
        (r) => live && setCheck({ state: 'exists', where: r.path }),
        () => {
          const parent = p.replace(/[\\/]+$/, '').replace(/[\\/][^\\/]*$/, '') || p;
          client['fs.list']({ path: parent }).then(
            (r) => live && setCheck({ state: 'create', where: r.path }),
            (e: unknown) => live && setCheck({ state: 'bad', error: errorInfoOf(e) }),
          );
        },
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, path]);
  return check;
}

export function TargetStep({ state, patch }: StepProps) {
  const t = useT();
  const s = useStyles();
  const check = useTargetCheck(state.targetPath);
  return (
    <>
      <Text>{t('assistant.target.intro')}</Text>
      <div className={s.field}>
        <PathField
          label={t('jobs.targetPath')}
          value={state.targetPath}
          onChange={(targetPath) => patch({ targetPath })}
          mode="folder"
          placeholder="C:\\Calpump\\export"
          required
          testId="assistant-target"
        />
      </div>
      <Text data-testid="assistant-target-check" data-state={check.state} role="status">
        {check.state === 'exists' ? t('assistant.target.exists') : null}
        {check.state === 'create' ? t('assistant.target.create', { parent: check.where }) : null}
        {check.state === 'checking' ? t('assistant.target.checking') : null}
      </Text>
      {check.state === 'bad' ? <ErrorPanel error={check.error} testId="assistant-target-error" /> : null}
      <Field label={t('jobs.format')} className={s.field}>
        <Select
          value={state.format}
          onChange={(_, d) => patch({ format: d.value as AssistantState['format'] })}
          data-testid="assistant-format"
        >
          {(['ics', 'json', 'csv'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`jobs.format.${f}`)}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

const INTERVALS = [15, 30, 60, 240, 1440];
const FINAL = new Set(['ok', 'partial', 'failed', 'cancelled']);

export function ScheduleStep({ state, patch }: StepProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const [jobs, setJobs] = useState<JobView[]>([]);
  useEffect(() => {
    client['jobs.list']().then(
      (r) => setJobs(r.jobs),
      () => undefined,
    );
  }, [client]);
  const name = jobNameFor(
    state.email,
    jobs.map((j) => j.job.name),
  );
  const [running, setRunning] = useState<{ jobId: string; percent: number } | undefined>();
  useEvent('job.progress', (p) => running && p.jobId === running.jobId && setRunning({ ...running, percent: p.percent }));
  useEvent('job.status', (e) => {
    if (!running || e.jobId !== running.jobId || !FINAL.has(e.status)) return;
    void client['jobs.get']({ id: running.jobId }).then((view) => patch({ job: view }));
  });
  const create = useOperation(async () => {
    const view = await client['jobs.create']({ job: draftJob(state, name, state.profile!.profile.id) as never, secrets: {} });
    setRunning({ jobId: view.job.id, percent: 0 });
    await client['jobs.runNow']({ id: view.job.id });
    return view;
  });
  return (
    <>
      <Text>{t('assistant.schedule.intro')}</Text>
      <RadioGroup
        value={state.schedule}
        onChange={(_, d) => patch({ schedule: d.value as AssistantState['schedule'] })}
        aria-label={t('jobs.schedule')}
      >
        <Radio value="interval" label={t('assistant.schedule.interval')} data-testid="assistant-schedule-interval" />
        <Radio value="manual" label={t('assistant.schedule.manual')} data-testid="assistant-schedule-manual" />
      </RadioGroup>
      {state.schedule === 'interval' ? (
        <Field label={t('jobs.intervalMinutes')} className={s.field}>
          <Select
            value={String(state.intervalMinutes)}
            onChange={(_, d) => patch({ intervalMinutes: Number(d.value) })}
            data-testid="assistant-interval"
          >
            {INTERVALS.map((m) => (
              <option key={m} value={m}>
                {t('assistant.schedule.every', { minutes: m })}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Text data-testid="assistant-job-name">
        {t('assistant.schedule.name', { name, mailboxes: state.mailboxes.length, path: state.targetPath })}
      </Text>
      {create.error ? <ErrorPanel error={create.error} testId="assistant-job-error" /> : null}
      {running ? (
        <div role="status">
          <Text>{t('assistant.schedule.running')}</Text>
          <ProgressBar
            value={running.percent / 100}
            thickness="large"
            aria-label={t('assistant.schedule.running')}
            data-testid="assistant-run-progress"
          />
        </div>
      ) : (
        <span>
          <Button appearance="primary" disabled={create.running} onClick={() => void create.run()} data-testid="assistant-create-job">
            {t('assistant.schedule.create')}
          </Button>
        </span>
      )}
    </>
  );
}

export function FinishedPanel({ state, onHome, onJob }: { state: AssistantState; onHome: () => void; onJob: (id: string) => void }) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const view = state.job!;
  const run: RunRecord | undefined = view.lastRun;
  return (
    <div className={s.summary}>
      <Text as="h2" size={500} weight="semibold" style={{ margin: 0 }}>
        {t('assistant.done.title', { name: view.job.name })}
      </Text>
      {run ? (
        <Text data-testid="assistant-done-status" data-status={run.status}>
          <Badge appearance="filled" color={run.status === 'ok' ? 'success' : run.status === 'partial' ? 'warning' : 'danger'}>
            {t(`jobs.status.${run.status}`)}
          </Badge>{' '}
          {t('assistant.done.firstRun')}
        </Text>
      ) : null}
      {view.nextRunAt ? (
        <Text data-testid="assistant-next-run">{t('jobs.nextRun', { at: formatDateTime(view.nextRunAt, lang) })}</Text>
      ) : null}
      {run ? <RunReport run={run} /> : null}
      <div className={s.row}>
        <Button appearance="primary" onClick={onHome} data-testid="assistant-home">
          {t('assistant.done.home')}
        </Button>
        <Button onClick={() => onJob(view.job.id)}>{t('assistant.done.job')}</Button>
      </div>
    </div>
  );
}
