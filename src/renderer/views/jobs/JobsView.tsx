// Jobs: the list with live progress on the left; the editor or the selected job's history on the right.
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { errorInfoOf } from '../../../shared/rpc.js';
import type { ErrorInfo } from '../../../shared/errors.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useJobList } from '../../app/use-job-list.js';
import { useProfiles } from '../../app/use-profiles.js';
import { useGuarded } from '../../app/unsaved-guard.js';
import type { ViewProps } from '../../app/view-props.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { emptyJobForm, jobFormFromJob } from '../../models/job-form-model.js';
import { JobCard } from './JobCard.js';
import { JobEditor } from './JobEditor.js';
import { RepairEditor } from './RepairEditor.js';
import { REPAIR } from './repair-route.js';
import { RunHistory } from './RunHistory.js';
import { useJobProgress } from './use-job-progress.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(280px, 380px) 1fr', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  list: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalM },
  add: { alignSelf: 'flex-start' },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

type Panel =
  | { kind: 'edit'; id?: string; nonce: number }
  | { kind: 'history'; id: string }
  | { kind: 'repair'; ref: string; id?: undefined }
  | undefined;

export function JobsView({ item, onNavigate }: ViewProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const { profiles, loading: profilesLoading } = useProfiles();
  const { jobs, broken, error, reload } = useJobList();
  const guarded = useGuarded();
  // #/jobs/<id> opens that job's runs (the home screen's "open" and "show the fix" land here).
  const [panel, setPanelNow] = useState<Panel>(
    item?.startsWith(REPAIR) ? { kind: 'repair', ref: item.slice(REPAIR.length) } : item ? { kind: 'history', id: item } : undefined,
  );
  const setPanel = (next: Panel) => guarded(() => setPanelNow(next));
  const [finishedCount, setFinishedCount] = useState(0);

  const progress = useJobProgress(() => {
    setFinishedCount((n) => n + 1);
    void reload();
  });

  const [actionError, setActionError] = useState<ErrorInfo | undefined>();
  const act = async (fn: () => Promise<unknown>) => {
    try {
      setActionError(undefined);
      await fn();
    } catch (e) {
      setActionError(errorInfoOf(e));
    }
  };

  const editing = panel?.kind === 'edit' ? panel : undefined;
  const existing = panel?.id ? jobs?.find((j) => j.job.id === panel.id) : undefined;
  const repairing = panel?.kind === 'repair' ? broken.find((b) => b.ref === panel.ref && b.entry) : undefined;

  if (!profilesLoading && profiles.length === 0) {
    return (
      <EmptyState
        testId="jobs-no-profiles"
        title={t('jobs.noProfiles.title')}
        hint={t('jobs.noProfiles.hint')}
        action={
          <Button appearance="primary" onClick={() => onNavigate('profiles')}>
            {t('browse.noProfiles.action')}
          </Button>
        }
      />
    );
  }

  return (
    <div className={s.root}>
      <div className={s.list}>
        <Button className={s.add} appearance="primary" onClick={() => setPanel({ kind: 'edit', nonce: Date.now() })} data-testid="jobs-add">
          {t('jobs.add')}
        </Button>
        {error ? <ErrorPanel error={error} testId="jobs-error" /> : null}
        {actionError ? <ErrorPanel error={actionError} testId="jobs-action-error" /> : null}
        {!jobs && !error ? <Spinner size="small" label={t('common.loading')} /> : null}
        {jobs && jobs.length === 0 ? <EmptyState testId="jobs-empty" title={t('jobs.empty.title')} hint={t('jobs.empty.hint')} /> : null}
        {jobs?.map((j) => (
          <JobCard
            key={j.job.id}
            view={j}
            progress={progress.model.get(j.job.id)}
            selected={panel?.id === j.job.id}
            onSelect={() => setPanel({ kind: 'history', id: j.job.id })}
            onRun={() => {
              setPanel({ kind: 'history', id: j.job.id });
              void act(() => client['jobs.runNow']({ id: j.job.id }));
            }}
            onCancel={() => void act(() => client['jobs.cancel']({ id: j.job.id }))}
            onEdit={() => setPanel({ kind: 'edit', id: j.job.id, nonce: Date.now() })}
          />
        ))}
      </div>
      <div className={s.panel}>
        {repairing?.entry ? (
          <RepairEditor
            key={repairing.ref}
            broken={repairing}
            profiles={profiles}
            onSaved={(v) => {
              void reload();
              setPanelNow({ kind: 'history', id: v.job.id });
            }}
            onClose={() => setPanel(undefined)}
            onRemoved={() => {
              setPanelNow(undefined);
              void reload();
            }}
          />
        ) : panel?.kind === 'repair' && jobs ? (
          <EmptyState testId="jobs-repair-gone" title={t('jobs.pick.title')} hint={t('jobs.broken.gone')} />
        ) : editing ? (
          <JobEditor
            key={`${editing.id ?? 'new'}-${editing.nonce}`}
            initial={existing ? jobFormFromJob(existing.job) : emptyJobForm(profiles[0]?.profile.id ?? '')}
            isNew={!existing}
            profiles={profiles}
            onSaved={(v) => {
              void reload();
              setPanelNow({ kind: 'history', id: v.job.id });
            }}
            onClose={() => setPanel(existing ? { kind: 'history', id: existing.job.id } : undefined)}
            onRemoved={() => {
              setPanelNow(undefined);
              void reload();
            }}
          />
        ) : existing ? (
          <>
            <Text as="h2" size={600} weight="semibold" style={{ margin: 0 }}>
              {t('jobs.historyOf', { job: existing.job.name })}
            </Text>
            <RunHistory jobId={existing.job.id} job={existing.job} refreshKey={finishedCount} />
          </>
        ) : (
          <EmptyState testId="jobs-pick" title={t('jobs.pick.title')} hint={t('jobs.pick.hint')} />
        )}
      </div>
    </div>
  );
}
