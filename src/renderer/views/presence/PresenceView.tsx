// Presence: open a saved rule table, edit it (checked by the host as you type), save it (or save it under a new
// name, or go back to the built-in table), see at once what a sample item maps to, and ask the host for the
// status of chosen mailboxes with those rules. Presence jobs and `calpump presence` use the saved tables.
import { Button, Checkbox, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors.js';
import { errorInfoOf } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useProfiles } from '../../app/use-profiles.js';
import type { ViewProps } from '../../app/view-props.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { ProfilePicker } from '../../components/ProfilePicker.js';
import { tableFromForm, type Exclusions, type RuleTableForm } from '../../models/presence-rules-model.js';
import { PresencePreview } from './PresencePreview.js';
import { RuleTable } from './RuleTable.js';
import { StatusBoard } from './StatusBoard.js';
import { useSavedTables } from './use-saved-tables.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
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
  const [validation, setValidation] = useState<Validation>({ state: 'ok' });
  const [newName, setNewName] = useState('');
  const table = useMemo(() => (form ? tableFromForm(form) : {}), [form]);
  const saved = useSavedTables(setForm);
  const dirty = !!form && saved.baseline !== undefined && JSON.stringify(table) !== saved.baseline;
  const canSave = !!form && validation.state === 'ok' && !saved.busy;

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
      {saved.error ? <ErrorPanel error={saved.error} testId="presence-load-error" /> : null}
      {form ? (
        <>
          <section className={s.panel}>
            <Subtitle2>{t('presence.rules.title')}</Subtitle2>
            <div className={s.row}>
              <Field label={t('presence.tables.table')}>
                <Select value={saved.open?.name ?? 'default'} onChange={(_, d) => saved.load(d.value)} data-testid="presence-table">
                  {[...new Set([...saved.names, saved.open?.name ?? 'default'])].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button
                appearance="primary"
                disabled={!canSave || !dirty}
                onClick={() => form && saved.save(form)}
                data-testid="presence-save"
              >
                {t('presence.tables.save')}
              </Button>
              <Field label={t('presence.tables.newName')}>
                <Input value={newName} onChange={(_, d) => setNewName(d.value)} placeholder="door-signs" data-testid="presence-new-name" />
              </Field>
              <Button
                disabled={!canSave || !newName.trim()}
                onClick={() => form && saved.save(form, newName.trim())}
                data-testid="presence-save-as"
              >
                {t('presence.tables.saveAs')}
              </Button>
              <Text data-testid="presence-saved-state">
                {dirty
                  ? t('presence.tables.dirty')
                  : saved.justSaved
                    ? t('presence.tables.saved', { name: saved.justSaved })
                    : saved.open?.saved
                      ? ''
                      : t('presence.tables.builtIn')}
              </Text>
            </div>
            <RuleTable form={form} onChange={setForm} />
            <div className={s.row}>
              <Field label={t('presence.idleStatus')}>
                <Input value={form.idleStatus} onChange={(_, d) => setForm({ ...form, idleStatus: d.value })} data-testid="presence-idle" />
              </Field>
              <Text>{t('presence.exclusions')}:</Text>
              {EXCLUSION_FLAGS.map((k) => (
                <Checkbox
                  key={k}
                  label={t(`presence.excl.${k}`)}
                  checked={form.exclusions[k]}
                  onChange={(_, d) => setExclusion({ [k]: !!d.checked })}
                  data-testid={`presence-excl-${k}`}
                />
              ))}
              <Field label={t('presence.excl.marker')}>
                <Input
                  value={form.exclusions.marker}
                  onChange={(_, d) => setExclusion({ marker: d.value })}
                  data-testid="presence-excl-marker"
                />
              </Field>
              <Button appearance="subtle" disabled={saved.busy} onClick={saved.reset} data-testid="presence-reset">
                {t('presence.rules.reset')}
              </Button>
            </div>
            {validation.state === 'bad' ? <ErrorPanel error={validation.error} testId="presence-rules-error" /> : null}
            {validation.state === 'ok' ? <Text data-testid="presence-rules-ok">✓ {t('presence.rules.valid')}</Text> : null}
            {validation.state === 'checking' ? <Text data-testid="presence-rules-checking">{t('presence.rules.checking')}</Text> : null}
          </section>
          <section className={s.panel}>
            <Subtitle2>{t('presence.preview.title')}</Subtitle2>
            <PresencePreview form={form} />
          </section>
          <section className={s.panel}>
            <Subtitle2>{t('presence.board.title')}</Subtitle2>
            <ProfilePicker profiles={profiles} value={profileId} onChange={onProfile} testId="presence-profile" />
            <StatusBoard profileId={profileId} table={table} tableName={saved.open?.name} />
          </section>
        </>
      ) : null}
    </div>
  );
}
