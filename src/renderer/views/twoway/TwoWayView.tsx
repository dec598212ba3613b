// Two-way: edit a rule between two mailboxes (which side wins, what flows each way, or overwrite: the master
// replaces the other side's copies), save it for the CLI and
// later runs, run it once, and read its conflict log (both versions of each conflict).
import { Button, Checkbox, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { TwoWayConflictView } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useLang, useT, type TFunction } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { useProfiles } from '../../app/use-profiles.js';
import type { ViewProps } from '../../app/view-props.js';
import { BusyBar } from '../../components/BusyBar.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { ProfilePicker } from '../../components/ProfilePicker.js';
import {
  emptyTwoWayForm,
  FLOWS,
  profileOfSideA,
  ruleFromTwoWayForm,
  setFlow,
  twoWayFormFromRule,
  twoWayFormReady,
  type Direction,
  type TwoWayForm,
} from '../../models/twoway-rule-model.js';
import { formatDate, formatDateTime } from '../../models/format.js';
import { SavedRules } from './SavedRules.js';
import { ConfirmWrites, plannedCount, TwoWayPreview, type Overwrite } from './TwoWayPreview.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
});

/**
 * One side's version as a line: subject and start (an all-day item's date, never a time that shifts west of
 * Greenwich), or "(deleted)" when that side had removed it.
 */
export function versionText(v: Record<string, unknown> | null, t: TFunction, lang = 'en'): string {
  if (!v) return t('twoway.deleted');
  const start =
    typeof v.start === 'string' && v.start
      ? v.isAllDay === true
        ? `${formatDate(v.start, lang)} (${t('browse.preview.allDay')})`
        : formatDateTime(v.start, lang)
      : '';
  return [v.subject, start].filter((x) => typeof x === 'string' && x).join(' · ');
}

/** For an overwrite rule: which side is the master and which one it overwrites. */
function overwriteOf(f: TwoWayForm): Overwrite | undefined {
  if (f.mode !== 'overwrite') return undefined;
  return f.master === 'a' ? { master: 'A', target: 'B', mailbox: f.mailboxB } : { master: 'B', target: 'A', mailbox: f.mailboxA };
}

export function TwoWayView({ profileId, onProfile }: ViewProps) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const client = useClient();
  const { profiles } = useProfiles();
  const [form, setForm] = useState<TwoWayForm>(emptyTwoWayForm);
  const patch = (p: Partial<TwoWayForm>) => setForm((f) => ({ ...f, ...p }));
  const run = useOperation((signal, pid: string, rule: Record<string, unknown>) =>
    client['twoway.run']({ profileId: pid, rule }, { signal }),
  );
  // Nothing is written before the user saw what would be written, per side, and agreed.
  const preview = useOperation((signal, pid: string, rule: Record<string, unknown>) =>
    client['twoway.run']({ profileId: pid, rule, dryRun: true }, { signal }),
  );
  const [confirming, setConfirming] = useState(false);
  const [previewedRule, setPreviewedRule] = useState<string | undefined>();
  const conflicts = useOperation((signal, id: string) => client['twoway.conflicts']({ ruleId: id }, { signal }));
  const id = form.id.trim();
  const ready = !!profileId && twoWayFormReady(form);
  const rule = () => ruleFromTwoWayForm(form, profileId);
  const openRule = (doc: Record<string, unknown> | undefined) => {
    setForm(doc ? twoWayFormFromRule(doc) : emptyTwoWayForm());
    // Side A's profile becomes the screen's (the picker falls back to the first profile if it no longer exists).
    const a = doc && profileOfSideA(doc);
    if (a) onProfile(a);
  };
  const flows = (dir: Direction) => (
    <Field label={t(dir === 'aToB' ? 'twoway.aToB' : 'twoway.bToA')}>
      <div>
        {FLOWS.map((flow) => (
          <Checkbox
            key={flow}
            label={t(`twoway.flow.${flow}`)}
            checked={form.propagate[dir][flow]}
            onChange={(_, d) => setForm((f) => setFlow(f, dir, flow, d.checked === true))}
            data-testid={`twoway-${dir}-${flow}`}
          />
        ))}
      </div>
    </Field>
  );
  const r = run.result;
  // A preview of another rule than the form shows now (edited since) is not offered for writing.
  const previewed = preview.result && !preview.running && ready && previewedRule === JSON.stringify(rule()) ? preview.result : undefined;
  const list: TwoWayConflictView[] = conflicts.result?.conflicts ?? [];
  return (
    <div className={s.root}>
      <Text>{t('twoway.intro')}</Text>
      <div className={s.panel}>
        <SavedRules current={ready ? rule() : undefined} onOpen={openRule} />
        <ProfilePicker profiles={profiles} value={profileId} onChange={onProfile} testId="twoway-profile" />
        <div className={s.row}>
          <Field label={t('twoway.ruleId')}>
            <Input value={form.id} onChange={(_, d) => patch({ id: d.value })} data-testid="twoway-ruleId" />
          </Field>
          <Field label={t('twoway.mailboxA')}>
            <Input value={form.mailboxA} onChange={(_, d) => patch({ mailboxA: d.value })} data-testid="twoway-mailboxA" />
          </Field>
          <Field label={t('twoway.mailboxB')}>
            <Input value={form.mailboxB} onChange={(_, d) => patch({ mailboxB: d.value })} data-testid="twoway-mailboxB" />
          </Field>
          <Field label={t('twoway.profileB')}>
            <Select value={form.profileB} onChange={(_, d) => patch({ profileB: d.value })} data-testid="twoway-profileB">
              <option value="">{t('twoway.sameProfile')}</option>
              {profiles.map(({ profile }) => (
                <option key={profile.id} value={profile.id}>
                  {profile.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('twoway.master')}>
            <Select value={form.master} onChange={(_, d) => patch({ master: d.value === 'b' ? 'b' : 'a' })} data-testid="twoway-master">
              <option value="a">A</option>
              <option value="b">B</option>
            </Select>
          </Field>
          <Field label={t('twoway.mode')}>
            <Select
              value={form.mode}
              onChange={(_, d) => patch({ mode: d.value === 'overwrite' ? 'overwrite' : 'sync' })}
              data-testid="twoway-mode"
            >
              <option value="sync">{t('twoway.mode.sync')}</option>
              <option value="overwrite">{t('twoway.mode.overwrite')}</option>
            </Select>
          </Field>
          {form.mode === 'overwrite' ? (
            <Text size={200} data-testid="twoway-overwrite-hint">
              {t('twoway.mode.overwriteHint', { master: form.master.toUpperCase(), target: form.master === 'a' ? 'B' : 'A' })}
            </Text>
          ) : (
            <>
              {flows('aToB')}
              {flows('bToA')}
              <Text size={200}>{t('twoway.flows.hint')}</Text>
            </>
          )}
          <Button
            appearance="primary"
            disabled={!ready || preview.running || run.running}
            onClick={() => {
              run.reset();
              setPreviewedRule(JSON.stringify(rule()));
              if (profileId) void preview.run(profileId, rule());
            }}
            data-testid="twoway-preview-run"
          >
            {t('twoway.preview')}
          </Button>
          <Button disabled={!id || conflicts.running} onClick={() => void conflicts.run(id)} data-testid="twoway-loadConflicts">
            {t('twoway.loadConflicts')}
          </Button>
        </div>
      </div>
      {preview.running ? <BusyBar label={t('twoway.previewing')} onCancel={preview.cancel} testId="twoway-preview-busy" /> : null}
      {preview.error ? <ErrorPanel error={preview.error} testId="twoway-preview-error" /> : null}
      {previewed && !r ? (
        <div className={s.panel} data-card>
          <TwoWayPreview report={previewed} mailboxA={form.mailboxA} mailboxB={form.mailboxB} overwrite={overwriteOf(form)} />
          <span>
            <Button appearance="primary" disabled={run.running} onClick={() => setConfirming(true)} data-testid="twoway-run">
              {t('twoway.writeNow')}
            </Button>
          </span>
          <ConfirmWrites
            open={confirming}
            a={plannedCount(previewed.planned, 'a')}
            b={plannedCount(previewed.planned, 'b')}
            mailboxA={form.mailboxA}
            mailboxB={form.mailboxB}
            overwrite={overwriteOf(form)}
            deletes={previewed.planned?.filter((p) => p.action === 'delete').length ?? 0}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              if (profileId) void run.run(profileId, rule());
            }}
          />
        </div>
      ) : null}
      {run.running ? <BusyBar label={t('twoway.running')} onCancel={run.cancel} testId="twoway-busy" /> : null}
      {run.error ? <ErrorPanel error={run.error} testId="twoway-error" /> : null}
      {r && !run.running ? (
        <Text data-testid="twoway-result">
          {t('twoway.result', {
            ca: r.created.a,
            cb: r.created.b,
            ua: r.updated.a,
            ub: r.updated.b,
            da: r.deleted.a,
            db: r.deleted.b,
            unchanged: r.unchanged,
          })}
        </Text>
      ) : null}
      {r && !run.running ? r.errors.map((e, i) => <ErrorPanel key={i} error={e.error} testId={`twoway-item-error-${i}`} />) : null}
      {conflicts.error ? <ErrorPanel error={conflicts.error} testId="twoway-conflicts-error" /> : null}
      {conflicts.result ? (
        <div className={s.panel} data-testid="twoway-conflicts">
          <Subtitle2>{t('twoway.conflicts')}</Subtitle2>
          {list.length === 0 ? (
            <Text>{t('twoway.noConflicts')}</Text>
          ) : (
            <DataTable
              label={t('twoway.conflicts')}
              rows={list}
              rowKey={(c, i) => `${c.key}-${i}`}
              rowTestId={(_, i) => `twoway-conflict-${i}`}
              columns={[
                { id: 'time', header: t('twoway.col.time'), cell: (c) => formatDateTime(c.time, lang) },
                { id: 'winner', header: t('twoway.col.winner'), cell: (c) => c.winner.toUpperCase() },
                { id: 'a', header: t('twoway.col.a'), cell: (c) => versionText(c.a, t, lang) },
                { id: 'b', header: t('twoway.col.b'), cell: (c) => versionText(c.b, t, lang) },
              ]}
            />
          )}
        </div>
      ) : null}
    </div>
  );
}
