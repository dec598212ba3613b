// Home: every job's health at a glance — the state the tray icon shows, then per job its last run, next run,
// items and failures, with the fix one click away. An empty configuration starts here with the assistant.
import { Badge, Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLang, useT } from '../../app/i18n-context.js';
import { useJobList } from '../../app/use-job-list.js';
import { useProfiles } from '../../app/use-profiles.js';
import type { ViewProps } from '../../app/view-props.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorPanelLazy as ErrorPanel } from '../../components/ErrorPanelLazy.js';
import { formatDateTime } from '../../models/format.js';
import { REPAIR } from '../jobs/repair-route.js';
import { BrokenJobs } from './BrokenJobs.js';
import { JobHealthTable } from './JobHealthTable.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  grow: { flexGrow: 1 },
});

const TRAY_COLOR = { idle: 'success', syncing: 'brand', error: 'danger', paused: 'warning' } as const;

export function HomeView({ onNavigate }: ViewProps) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const { profiles, loading: profilesLoading } = useProfiles();
  const { jobs, broken, state, error } = useJobList({ withState: true });

  if (error) return <ErrorPanel error={error} testId="home-error" />;
  if (!jobs || profilesLoading) return <Spinner size="small" label={t('common.loading')} />;

  if (profiles.length === 0 && jobs.length === 0 && broken.length === 0) {
    return (
      <EmptyState
        testId="home-welcome"
        title={t('home.welcome.title')}
        hint={t('home.welcome.hint')}
        action={
          <Button appearance="primary" size="large" onClick={() => onNavigate('assistant')} data-testid="home-start-assistant">
            {t('home.welcome.start')}
          </Button>
        }
      />
    );
  }

  const failing = jobs.filter((j) => j.lastRun && j.lastRun.status !== 'ok').length;
  return (
    <div className={s.root} data-testid="home">
      <section className={s.summary} aria-label={t('home.summary')} data-card>
        {state ? (
          <Badge appearance="filled" size="large" color={TRAY_COLOR[state.tray]} data-testid="home-state">
            {t(`app.state.${state.tray}`)}
          </Badge>
        ) : null}
        <Text className={s.grow} data-testid="home-counts">
          {t('home.counts', {
            jobs: jobs.length + broken.length,
            failing: failing + broken.length,
            running: state?.runningJobs.length ?? 0,
          })}
          {state?.lastSyncAt ? ` · ${t('home.lastSync', { at: formatDateTime(state.lastSyncAt, lang) })}` : ''}
        </Text>
        <Button onClick={() => onNavigate('assistant')} data-testid="home-new">
          {t('home.newExport')}
        </Button>
        <Button onClick={() => onNavigate('jobs')}>{t('home.allJobs')}</Button>
      </section>
      <BrokenJobs broken={broken} onOpen={(ref) => onNavigate('jobs', `${REPAIR}${ref}`)} />
      {jobs.length === 0 ? (
        broken.length > 0 ? null : (
          <EmptyState testId="home-no-jobs" title={t('jobs.empty.title')} hint={t('home.noJobs.hint')} />
        )
      ) : (
        <JobHealthTable jobs={jobs} onOpen={(id) => onNavigate('jobs', id)} onOpenProfile={(id) => onNavigate('profiles', id)} />
      )}
    </div>
  );
}
