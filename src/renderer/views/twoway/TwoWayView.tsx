// Two-way: run a rule between two mailboxes once, and read its conflict log (both versions of each conflict).
import { Button, Field, Input, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { TwoWayConflictView } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useLang, useT, type TFunction } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { useProfiles } from '../../app/use-profiles.js';
import type { ViewProps } from '../../app/ViewSwitch.js';
import { BusyBar } from '../../components/BusyBar.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { ProfilePicker } from '../../components/ProfilePicker.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalXL, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4 },
});

/** One side's version as a line: subject and start, or "(deleted)" when that side had removed it. */
export function versionText(v: Record<string, unknown> | null, t: TFunction): string {
  if (!v) return t('twoway.deleted');
  return [v.subject, v.start].filter((x) => typeof x === 'string' && x).join(' · ');
}

export function TwoWayView({ profileId, onProfile }: ViewProps) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const client = useClient();
  const { profiles } = useProfiles();
  const [ruleId, setRuleId] = useState('');
  const [mailboxA, setMailboxA] = useState('');
  const [mailboxB, setMailboxB] = useState('');
  const [profileB, setProfileB] = useState('');
  const [master, setMaster] = useState<'a' | 'b'>('a');
  const run = useOperation((signal, pid: string, rule: Record<string, unknown>) => client['twoway.run']({ profileId: pid, rule }, { signal }));
  const conflicts = useOperation((signal, id: string) => client['twoway.conflicts']({ ruleId: id }, { signal }));
  const id = ruleId.trim();
  const ready = !!profileId && !!id && mailboxA.trim().length > 2 && mailboxB.trim().length > 2;
  const rule = () => ({ id, a: { mailbox: mailboxA.trim() }, b: { mailbox: mailboxB.trim(), ...(profileB ? { profile: profileB } : {}) }, master });
  const r = run.result;
  const list: TwoWayConflictView[] = conflicts.result?.conflicts ?? [];
  return (
    <div className={s.root}>
      <Text>{t('twoway.intro')}</Text>
      <div className={s.panel}>
        <ProfilePicker profiles={profiles} value={profileId} onChange={onProfile} testId="twoway-profile" />
        <div className={s.row}>
          <Field label={t('twoway.ruleId')}>
            <Input value={ruleId} onChange={(_, d) => setRuleId(d.value)} data-testid="twoway-ruleId" />
          </Field>
          <Field label={t('twoway.mailboxA')}>
            <Input value={mailboxA} onChange={(_, d) => setMailboxA(d.value)} data-testid="twoway-mailboxA" />
          </Field>
          <Field label={t('twoway.mailboxB')}>
            <Input value={mailboxB} onChange={(_, d) => setMailboxB(d.value)} data-testid="twoway-mailboxB" />
          </Field>
          <Field label={t('twoway.profileB')}>
            <Select value={profileB} onChange={(_, d) => setProfileB(d.value)} data-testid="twoway-profileB">
              <option value="">{t('twoway.sameProfile')}</option>
              {profiles.map(({ profile }) => <option key={profile.id} value={profile.id}>{profile.name}</option>)}
            </Select>
          </Field>
          <Field label={t('twoway.master')}>
            <Select value={master} onChange={(_, d) => setMaster(d.value as 'a' | 'b')} data-testid="twoway-master">
              <option value="a">A</option>
              <option value="b">B</option>
            </Select>
          </Field>
          <Button appearance="primary" disabled={!ready || run.running} onClick={() => profileId && void run.run(profileId, rule())} data-testid="twoway-run">{t('twoway.run')}</Button>
          <Button disabled={!id || conflicts.running} onClick={() => void conflicts.run(id)} data-testid="twoway-loadConflicts">{t('twoway.loadConflicts')}</Button>
        </div>
      </div>
      {run.running ? <BusyBar label={t('twoway.running')} onCancel={run.cancel} testId="twoway-busy" /> : null}
      {run.error ? <ErrorPanel error={run.error} testId="twoway-error" /> : null}
      {r && !run.running ? (
        <Text data-testid="twoway-result">
          {t('twoway.result', { ca: r.created.a, cb: r.created.b, ua: r.updated.a, ub: r.updated.b, da: r.deleted.a, db: r.deleted.b, unchanged: r.unchanged })}
        </Text>
      ) : null}
      {r && !run.running ? r.errors.map((e, i) => <ErrorPanel key={i} error={e.error} testId={`twoway-item-error-${i}`} />) : null}
      {conflicts.error ? <ErrorPanel error={conflicts.error} testId="twoway-conflicts-error" /> : null}
      {conflicts.result ? (
        <div className={s.panel} data-testid="twoway-conflicts">
          <Subtitle2>{t('twoway.conflicts')}</Subtitle2>
          {list.length === 0 ? <Text>{t('twoway.noConflicts')}</Text> : (
            <Table size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('twoway.col.time')}</TableHeaderCell>
                  <TableHeaderCell>{t('twoway.col.winner')}</TableHeaderCell>
                  <TableHeaderCell>{t('twoway.col.a')}</TableHeaderCell>
                  <TableHeaderCell>{t('twoway.col.b')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((c, i) => (
                  <TableRow key={`${c.key}-${i}`} data-testid={`twoway-conflict-${i}`}>
                    <TableCell>{new Date(c.time).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' })}</TableCell>
                    <TableCell>{c.winner.toUpperCase()}</TableCell>
                    <TableCell>{versionText(c.a, t)}</TableCell>
                    <TableCell>{versionText(c.b, t)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
      ) : null}
    </div>
  );
}
