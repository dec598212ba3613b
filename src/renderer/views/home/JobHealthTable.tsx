// Job health, one row per job: status of its last run, when it ran and runs next, what it wrote, and — when it
// failed — the catalogue fix one click away. The whole list is one Tab stop; arrow keys move inside it.
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors.js';
import type { JobView } from '../../../shared/rpc.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { ArrowKeysAfterPaint } from '../../components/ArrowKeysAfterPaint.js';
import { ErrorPanelLazy as ErrorPanel } from '../../components/ErrorPanelLazy.js';
import { RunStatusBadge } from '../../components/RunStatusBadge.js';
import { formatDateTime } from '../../models/format.js';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyleType: 'none', margin: 0, padding: 0 },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 1.4fr) repeat(4, minmax(110px, 1fr))',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  failing: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  cell: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: { color: tokens.colorNeutralForeground3 },
  name: { justifyContent: 'flex-start', minWidth: 0, maxWidth: '100%', paddingInline: 0, textAlign: 'start' },
  nameText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fixes: { gridColumn: '1 / -1', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function JobHealthTable({
  jobs,
  onOpen,
  onOpenProfile,
}: {
  jobs: JobView[];
  onOpen: (jobId: string) => void;
  /** Where most fixes are made: the failing job's profile (sign-in, certificate, proxy). */
  onOpenProfile: (profileId: string) => void;
}) {
  const t = useT();
  const s = useStyles();
  const list = useRef<HTMLUListElement>(null);
  return (
    <ul ref={list} className={s.list} aria-label={t('home.jobs')} data-testid="home-jobs">
      <ArrowKeysAfterPaint target={list} axis="grid-linear" memorizeCurrent />
      {jobs.map((j) => (
        <JobHealthRow key={j.job.id} view={j} onOpen={() => onOpen(j.job.id)} onOpenProfile={() => onOpenProfile(j.job.profile)} />
      ))}
    </ul>
  );
}

function JobHealthRow({ view, onOpen, onOpenProfile }: { view: JobView; onOpen: () => void; onOpenProfile: () => void }) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const [showFix, setShowFix] = useState(false);
  const last = view.lastRun;
  const failed = !!last && last.status !== 'ok';
  const running = view.state === 'running' || view.state === 'queued' || !!view.running;
  const status = running ? 'running' : last ? last.status : undefined;
  // A run that only left items out is partial too: its fix is the reason they were left out.
  const errors = uniqueErrors([...(last?.errors.map((e) => e.error) ?? []), ...(last?.skipped?.map((x) => x.reason) ?? [])]);
  return (
    <li
      className={mergeClasses(s.row, failed && s.failing)}
      data-testid="home-job"
      data-job-name={view.job.name}
      data-status={status ?? 'never'}
      data-card
    >
      <div className={s.cell}>
        <Button appearance="transparent" className={s.name} onClick={onOpen} data-testid="home-job-open">
          <Text weight="semibold" className={s.nameText}>
            {view.job.name}
          </Text>
        </Button>
        <Text size={200} className={s.label}>
          {t(`jobs.type.${view.job.type ?? 'export'}`)}
        </Text>
      </div>
      <div className={s.cell}>
        <Text size={200} className={s.label}>
          {t('home.col.health')}
        </Text>
        <span>{status ? <RunStatusBadge status={status} /> : <Badge appearance="outline">{t('home.neverRun')}</Badge>}</span>
      </div>
      <div className={s.cell}>
        <Text size={200} className={s.label}>
          {t('home.col.lastRun')}
        </Text>
        <Text size={200}>{last ? formatDateTime(last.finishedAt, lang) : '—'}</Text>
      </div>
      <div className={s.cell}>
        <Text size={200} className={s.label}>
          {t('home.col.nextRun')}
        </Text>
        <Text size={200}>{view.nextRunAt ? formatDateTime(view.nextRunAt, lang) : t(`home.next.${nextKind(view)}`)}</Text>
      </div>
      <div className={s.cell}>
        <Text size={200} className={s.label}>
          {t('home.col.result')}
        </Text>
        {last ? (
          <Text size={200} data-testid="home-job-items">
            {t('home.items', { items: last.items, written: last.itemsWritten, failed: last.mailboxesFailed })}
          </Text>
        ) : (
          <Text size={200}>—</Text>
        )}
        {failed && errors.length ? (
          <Button size="small" appearance="subtle" onClick={() => setShowFix((v) => !v)} aria-expanded={showFix} data-testid="home-job-fix">
            {showFix ? t('home.hideFix') : t('home.showFix')}
          </Button>
        ) : null}
      </div>
      {showFix ? (
        <div className={s.fixes} data-testid="home-job-fixes">
          {errors.map((e) => (
            <ErrorPanel key={e.id} error={e} testId="home-job-error" />
          ))}
          <span className={s.actions}>
            <Button size="small" onClick={onOpenProfile} data-testid="home-job-open-profile">
              {t('home.openProfile')}
            </Button>
            <Button size="small" onClick={onOpen}>
              {t('home.openReport')}
            </Button>
          </span>
        </div>
      ) : null}
    </li>
  );
}

function nextKind(v: JobView): 'manual' | 'paused' | 'inactive' {
  if (v.job.schedule.kind === 'manual') return 'manual';
  if (v.state === 'paused') return 'paused';
  return 'inactive';
}

/** One panel per kind of failure: ten mailboxes failing with the same 401 need one fix, not ten. */
function uniqueErrors(list: ErrorInfo[]): ErrorInfo[] {
  const seen = new Map<string, ErrorInfo>();
  for (const e of list) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()].slice(0, 5);
}
