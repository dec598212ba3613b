// Presence: edit the rule table (checked by the host as you type), see at once what a sample item maps to, and
// ask the host for the status of chosen mailboxes with those rules.
import { Button, Checkbox, Field, Input, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors.js';
import { errorInfoOf } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useProfiles } from '../../app/use-profiles.js';
import type { ViewProps } from '../../app/ViewSwitch.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { ProfilePicker } from '../../components/ProfilePicker.js';
import { formFromTable, tableFromForm, type Exclusions, type RuleTableForm } from '../../models/presence-rules-model.js';
import { PresencePreview } from './PresencePreview.js';
import { RuleTable } from './RuleTable.js';
import { StatusBoard } from './StatusBoard.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalXL, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

type Validation = { state: 'checking' } | { state: 'ok' } | { state: 'bad'; error: ErrorInfo };
const EXCLUSION_FLAGS = ['private', 'tentative', 'free', 'cancelled'] as const;

export function PresenceView({ profileId, onProfile }: ViewProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const { profiles } = useProfiles();
  const [form, setForm] = useState<RuleTableForm | undefined>();
  const [loadError, setLoadError] = useState<ErrorInfo | undefined>();
  const [validation, setValidation] = useState<Validation>({ state: 'ok' });
  const table = useMemo(() => (form ? tableFromForm(form) : {}), [form]);

  const loadDefaults = useCallback(() => {
    client['presence.defaultRules']({}).then(
      (r) => setForm(formFromTable(r.table)),
      (e: unknown) => setLoadError(errorInfoOf(e)),
    );
  }, [client]);
  useEffect(loadDefaults, [loadDefaults]);

  // Every edit is checked by the host (the same schema the CLI and the engine use), a moment after typing stops.
  useEffect(() => {
    if (!form) return;
    let live = true;
    setValidation({ state: 'checking' });
    const timer = setTimeout(() => {
      client['presence.validateRules']({ table }).then(
        (r) => live && setValidation(r.ok ? { state: 'ok' } : { state: 'bad', error: r.error }),
        (e: unknown) => live && setValidation({ state: 'bad', error: errorInfoOf(e) }),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, form, table]);

  const setExclusion = (patch: Partial<Exclusions>) => form && setForm({ ...form, exclusions: { ...form.exclusions, ...patch } });

  return (
    <div className={s.root}>
      <Text>{t('presence.intro')}</Text>
      {loadError ? <ErrorPanel error={loadError} testId="presence-load-error" /> : null}
      {form ? (
        <>
          <section className={s.panel}>
            <Subtitle2>{t('presence.rules.title')}</Subtitle2>
            <RuleTable form={form} onChange={setForm} />
            <div className={s.row}>
              <Field label={t('presence.idleStatus')}>
                <Input value={form.idleStatus} onChange={(_, d) => setForm({ ...form, idleStatus: d.value })} data-testid="presence-idle" />
              </Field>
              <Text>{t('presence.exclusions')}:</Text>
              {EXCLUSION_FLAGS.map((k) => (
                <Checkbox key={k} label={t(`presence.excl.${k}`)} checked={form.exclusions[k]} onChange={(_, d) => setExclusion({ [k]: !!d.checked })} data-testid={`presence-excl-${k}`} />
              ))}
              <Field label={t('presence.excl.marker')}>
                <Input value={form.exclusions.marker} onChange={(_, d) => setExclusion({ marker: d.value })} data-testid="presence-excl-marker" />
              </Field>
              <Button appearance="subtle" onClick={loadDefaults} data-testid="presence-reset">{t('presence.rules.reset')}</Button>
            </div>
            {validation.state === 'bad' ? <ErrorPanel error={validation.error} testId="presence-rules-error" /> : null}
            {validation.state === 'ok' ? (
              <Text data-testid="presence-rules-ok">✓ {t('presence.rules.valid')}</Text>
            ) : null}
            {validation.state === 'checking' ? <Text data-testid="presence-rules-checking">{t('presence.rules.checking')}</Text> : null}
          </section>
          <section className={s.panel}>
            <Subtitle2>{t('presence.preview.title')}</Subtitle2>
            <PresencePreview form={form} />
          </section>
          <section className={s.panel}>
            <Subtitle2>{t('presence.board.title')}</Subtitle2>
            <ProfilePicker profiles={profiles} value={profileId} onChange={onProfile} testId="presence-profile" />
            <StatusBoard profileId={profileId} table={table} />
          </section>
        </>
      ) : null}
    </div>
  );
}
