// Create or edit a job: which mailboxes and folders, the time window, filters, output and schedule.
import {
  Button,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { JobView, ProfileView } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import {
  fieldsApply,
  formatsFor,
  splitList,
  targetKindsFor,
  validateJobForm,
  withContent,
  type JobFieldErrors,
  type JobFieldId,
  type JobFormState,
  type JobSubmit,
} from '../../models/job-form-model.js';
import { ITEM_CONTENTS } from '../../../shared/item-model.js';
import { FieldGrid } from '../profiles/FieldGrid.js';
import { JobCheckbox, JobSelect, JobSwitch, JobText, type JobBinding } from './job-fields.js';
import { FieldChoice } from './FieldChoice.js';
import { useUnsavedChanges } from '../../app/unsaved-guard.js';
import { FolderPicker } from '../../components/pickers/FolderPicker.js';
import { MailboxPicker } from '../../components/pickers/MailboxPicker.js';
import { PathField } from '../../components/pickers/PathField.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  switches: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});

export interface JobEditorProps {
  initial: JobFormState;
  isNew: boolean;
  profiles: ProfileView[];
  onSaved: (v: JobView) => void;
  onClose: () => void;
  onRemoved: () => void;
  /** A jobs.json entry opened for repair: the field that is wrong (marked from the start) and the problem, in words. */
  broken?: { field?: JobFieldId; problem: string };
}

export function JobEditor({ initial, isNew, profiles, onSaved, onClose, onRemoved, broken }: JobEditorProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<JobFieldId>>(() => new Set(broken?.field ? [broken.field] : []));
  const [submitted, setSubmitted] = useState(false);
  const validation = useMemo(() => validateJobForm(form), [form]);
  const changed = useMemo(() => JSON.stringify(form) !== JSON.stringify(initial), [form, initial]);
  useUnsavedChanges(changed);
  // A job names its profile by id or name; one that no longer exists is shown as missing, never silently replaced.
  const profileRef = resolveProfileRef(profiles, form.profile);
  const profileMissing = !profileRef && form.jobType !== 'twoway';
  const allErrors: JobFieldErrors = validation.ok ? {} : validation.errors;
  const b: JobBinding = {
    form,
    set: (k, v) => setForm((f) => ({ ...f, [k]: v })),
    errorOf: (k) => (submitted || touched.has(k) ? allErrors[k] : undefined),
    touch: (k) => setTouched((p) => (p.has(k) ? p : new Set(p).add(k))),
  };
  const save = useOperation(async (_signal, { job, secrets }: JobSubmit) => {
    const v = isNew ? await client['jobs.create']({ job, secrets }) : await client['jobs.update']({ job, secrets });
    setForm((cur) => ({ ...cur, webhookSecret: '', postgresPassword: '' }));
    onSaved(v);
    return v;
  });
  const remove = useOperation(async () => {
    if (form.id) await client['jobs.remove']({ id: form.id });
    onRemoved();
  });
  const f = form;
  const tables = usePresenceTables(f.jobType === 'presence', f.presenceTable);
  const ruleIds = useTwoWayRules(f.jobType === 'twoway', f.twowayRuleId);
  const reads = f.jobType !== 'import' && f.jobType !== 'twoway';
  // A new two-way job starts on the first saved rule, as the picker shows it.
  const firstRule = f.jobType === 'twoway' && !f.twowayRuleId ? ruleIds[0] : undefined;
  useEffect(() => {
    if (firstRule) setForm((cur) => (cur.twowayRuleId ? cur : { ...cur, twowayRuleId: firstRule }));
  }, [firstRule]);
  const exportLike = f.jobType === 'export' || f.jobType === 'freebusy';
  // Contacts and tasks are read whole: no window, no calendar filters, no series.
  const calendar = f.jobType !== 'export' || f.content === 'calendar';
  const importMailboxes = Array.isArray(f.keep?.import?.mailboxes) ? f.keep.import.mailboxes.length : 0;

  return (
    <form
      className={s.root}
      data-testid="job-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (validation.ok && !profileMissing)
          void save.run({ ...validation.value, job: { ...validation.value.job, profile: profileRef ?? form.profile } });
      }}
    >
      <Text as="h2" size={600} weight="semibold" style={{ margin: 0 }}>
        {isNew ? t('jobs.new') : f.name}
      </Text>
      {broken ? (
        <MessageBar intent="error" layout="multiline" data-testid="job-broken" data-field={broken.field ?? ''}>
          <MessageBarBody>
            <MessageBarTitle>{t('jobs.broken.title')}</MessageBarTitle>
            {t('jobs.broken.problem', { problem: broken.problem })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <FieldGrid>
        <JobText b={b} field="name" label={t('jobs.name')} required />
        <JobSelect
          b={b}
          field="profile"
          label={t('common.profile')}
          value={profileRef ?? form.profile}
          error={profileMissing ? t('jobs.profileMissing', { profile: form.profile }) : undefined}
          options={[
            ...(profileMissing ? [{ value: form.profile, label: t('jobs.profileMissing.option', { profile: form.profile }) }] : []),
            ...profiles.map((p) => ({ value: p.profile.id, label: p.profile.name })),
          ]}
        />
        <JobSelect
          b={b}
          field="jobType"
          label={t('jobs.type')}
          options={(f.jobType === 'import' ? (['import'] as const) : (['export', 'freebusy', 'presence', 'twoway'] as const)).map((v) => ({
            value: v,
            label: t(`jobs.type.${v}`),
          }))}
        />
      </FieldGrid>
      <Divider alignContent="start">{t('jobs.section.what')}</Divider>
      {f.jobType === 'export' ? (
        <FieldGrid>
          <Field label={t('jobs.content')}>
            <Select
              value={f.content}
              onChange={(_, d) => setForm((cur) => withContent(cur, d.value as typeof cur.content))}
              data-testid="job-content"
              name="content"
            >
              {ITEM_CONTENTS.map((c) => (
                <option key={c} value={c}>
                  {t(`jobs.content.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
        </FieldGrid>
      ) : null}
      {f.jobType === 'twoway' ? (
        <FieldGrid>
          <JobSelect b={b} field="twowayRuleId" label={t('jobs.twoway.rule')} options={ruleIds.map((id) => ({ value: id, label: id }))} />
        </FieldGrid>
      ) : null}
      {f.jobType === 'twoway' ? (
        <Text data-testid="job-twoway-hint">{t(ruleIds.length ? 'jobs.twoway.hint' : 'jobs.twoway.noRules')}</Text>
      ) : null}
      {f.jobType !== 'import' ? null : (
        <Text data-testid="job-import-mailboxes">{t('jobs.import.mailboxesFromDocument', { count: importMailboxes })}</Text>
      )}
      {reads ? (
        <FieldGrid>
          <JobSelect
            b={b}
            field="mailboxMode"
            label={t('jobs.mailboxMode')}
            options={(['list', 'search', 'allRooms', 'group', 'roomList'] as const).map((v) => ({
              value: v,
              label: t(`jobs.mailboxMode.${v}`),
            }))}
          />

          {f.mailboxMode === 'search' ? (
            <JobText b={b} field="mailboxSearch" label={t('jobs.mailboxSearch')} hint={t('jobs.mailboxSearch.hint')} required />
          ) : null}
          {f.mailboxMode === 'group' || f.mailboxMode === 'roomList' ? (
            <JobText
              b={b}
              field="mailboxGroup"
              label={t(f.mailboxMode === 'group' ? 'jobs.mailboxGroup' : 'jobs.mailboxRoomList')}
              hint={t('jobs.mailboxGroup.hint')}
              placeholder={f.mailboxMode === 'group' ? 'sales@contoso.com' : 'roomlist.amsterdam@contoso.com'}
              required
            />
          ) : null}
          {f.jobType === 'export' ? (
            <JobSelect
              b={b}
              field="formerMembers"
              label={t('jobs.formerMembers')}
              options={(['keep', 'remove'] as const).map((v) => ({ value: v, label: t(`jobs.formerMembers.${v}`) }))}
            />
          ) : null}
          {exportLike && calendar ? <JobText b={b} field="daysBack" label={t('jobs.daysBack')} required /> : null}
          {exportLike && calendar ? <JobText b={b} field="daysAhead" label={t('jobs.daysAhead')} required /> : null}
          {f.jobType === 'export' && calendar ? (
            <JobSelect
              b={b}
              field="privateMode"
              label={t('jobs.private')}
              options={(['mask', 'skip', 'include'] as const).map((v) => ({ value: v, label: t(`jobs.private.${v}`) }))}
            />
          ) : null}
          {f.jobType === 'export' && calendar ? (
            <JobText
              b={b}
              field="exclusionMarker"
              label={t('jobs.exclusionMarker')}
              hint={t('jobs.exclusionMarker.hint')}
              placeholder="##"
            />
          ) : null}
          {f.jobType === 'presence' ? (
            <JobSelect b={b} field="presenceTable" label={t('jobs.presence.table')} options={tables.map((n) => ({ value: n, label: n }))} />
          ) : null}
          {f.jobType === 'presence' ? (
            <JobText b={b} field="presenceLookahead" label={t('jobs.presence.lookahead')} placeholder="24" />
          ) : null}
          <JobText b={b} field="concurrency" label={t('jobs.concurrency')} />
        </FieldGrid>
      ) : null}
      {reads && f.mailboxMode === 'list' ? (
        <Field
          label={t('jobs.mailboxList')}
          required
          validationState={b.errorOf('mailboxList') ? 'error' : 'none'}
          validationMessage={
            b.errorOf('mailboxList') ? <span data-testid="job-mailboxList-error">{t(b.errorOf('mailboxList')!)}</span> : undefined
          }
        >
          <MailboxPicker
            profileId={profileRef}
            value={splitList(f.mailboxList)}
            onChange={(list) => b.set('mailboxList', list.join('\n'))}
            testId="job-mailboxes"
          />
        </Field>
      ) : null}
      {reads ? (
        <Field
          label={t('jobs.folders')}
          hint={t('jobs.folders.hint')}
          validationState={b.errorOf('folders') ? 'error' : 'none'}
          validationMessage={b.errorOf('folders') ? t(b.errorOf('folders')!) : undefined}
        >
          <FolderPicker
            profileId={profileRef}
            mailbox={f.mailboxMode === 'list' ? splitList(f.mailboxList)[0] : undefined}
            content={f.jobType === 'export' ? f.content : 'calendar'}
            value={splitList(f.folders)}
            onChange={(ids) => b.set('folders', ids.join('\n'))}
            testId="job-folders"
          />
        </Field>
      ) : null}
      {f.jobType === 'presence' ? <Text data-testid="job-presence-hint">{t('jobs.presence.hint')}</Text> : null}
      {f.jobType === 'export' ? (
        <div className={s.switches}>
          <JobSwitch b={b} field="includeSubfolders" label={t('jobs.includeSubfolders')} />
          {calendar ? <JobSwitch b={b} field="includeCancelled" label={t('jobs.includeCancelled')} /> : null}
          <JobSwitch b={b} field="includeBody" label={t('jobs.includeBody')} />
          {calendar ? (
            <JobCheckbox b={b} field="includeAttendees" label={t('jobs.includeAttendees')} hint={t('jobs.includeAttendees.hint')} />
          ) : null}
        </div>
      ) : null}
      {fieldsApply(f) ? <FieldChoice b={b} /> : null}
      {reads ? <Divider alignContent="start">{t('jobs.section.where')}</Divider> : null}
      {reads ? (
        <FieldGrid>
          <JobSelect
            b={b}
            field="targetKind"
            label={t('jobs.target')}
            options={targetKindsFor(f).map((v) => ({ value: v, label: t(`jobs.target.${v}`) }))}
          />
          {f.targetKind === 'folder' && exportLike ? (
            <JobSelect
              b={b}
              field="format"
              label={t('jobs.format')}
              options={formatsFor(f).map((v) => ({ value: v, label: t(`jobs.format.${v}`) }))}
            />
          ) : null}
          {f.targetKind === 'folder' && exportLike && f.format === 'csv' ? (
            <JobCheckbox b={b} field="csvKeepFormulas" label={t('jobs.csvKeepFormulas')} hint={t('jobs.csvKeepFormulas.hint')} />
          ) : null}
          {f.targetKind === 'folder' && f.jobType === 'export' && calendar && f.format === 'ics' ? (
            <JobCheckbox b={b} field="icsSeries" label={t('jobs.icsSeries')} hint={t('jobs.icsSeries.hint')} />
          ) : null}
          {f.targetKind === 'postgres' ? (
            <>
              <JobText
                b={b}
                field="postgresUrl"
                label={t('jobs.postgresUrl')}
                hint={t('jobs.postgresUrl.hint')}
                placeholder="postgresql://calpump@db.contoso.com:5432/calendars"
                required
              />
              <JobText b={b} field="postgresSchema" label={t('jobs.postgresSchema')} placeholder="public" required />
              <JobSelect
                b={b}
                field="postgresTls"
                label={t('jobs.postgresTls')}
                options={(['verify', 'off'] as const).map((v) => ({ value: v, label: t(`jobs.postgresTls.${v}`) }))}
              />
              {f.postgresTls === 'verify' ? <JobText b={b} field="postgresCaFile" label={t('jobs.postgresCaFile')} /> : null}
              <JobText b={b} field="postgresPassword" label={t('jobs.postgresPassword')} hint={t('jobs.postgresPassword.hint')} secret />
            </>
          ) : f.targetKind === 'webhook' ? (
            <>
              <JobText b={b} field="targetUrl" label={t('jobs.targetUrl')} placeholder="https://hooks.contoso.com/calendar" required />
              <JobText b={b} field="webhookSecret" label={t('jobs.webhookSecret')} hint={t('jobs.webhookSecret.hint')} secret />
            </>
          ) : (
            <PathField
              label={t(f.targetKind === 'sqlite' ? 'jobs.targetFile' : 'jobs.targetPath')}
              value={f.targetPath}
              onChange={(v) => b.set('targetPath', v)}
              onBlur={() => b.touch('targetPath')}
              mode={f.targetKind === 'sqlite' ? 'file' : 'folder'}
              extensions={['db', 'sqlite', 'sqlite3']}
              placeholder={f.targetKind === 'sqlite' ? 'C:\\Calpump\\calendars.db' : 'C:\\Calpump\\export'}
              required
              error={b.errorOf('targetPath') ? <span data-testid="job-targetPath-error">{t(b.errorOf('targetPath')!)}</span> : undefined}
              testId="job-targetPath"
            />
          )}
        </FieldGrid>
      ) : null}
      <Divider alignContent="start">{t('jobs.section.when')}</Divider>
      <FieldGrid>
        <JobSelect
          b={b}
          field="scheduleKind"
          label={t('jobs.schedule')}
          options={(['manual', 'interval', 'cron'] as const).map((v) => ({ value: v, label: t(`jobs.scheduleKind.${v}`) }))}
        />
        {f.scheduleKind === 'interval' ? <JobText b={b} field="intervalMinutes" label={t('jobs.intervalMinutes')} required /> : null}
        {f.scheduleKind === 'cron' ? <JobText b={b} field="cron" label={t('jobs.cron')} hint={t('jobs.cron.hint')} required /> : null}
        {f.scheduleKind !== 'manual' ? <JobSwitch b={b} field="scheduleActive" label={t('jobs.scheduleActive')} /> : null}
      </FieldGrid>
      {save.error ? <ErrorPanel error={save.error} testId="job-save-error" /> : null}
      {remove.error ? <ErrorPanel error={remove.error} testId="job-remove-error" /> : null}
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={save.running} data-testid="job-save">
          {save.running ? t('common.saving') : t('common.save')}
        </Button>
        <Button onClick={onClose} data-testid="job-close">
          {t('common.close')}
        </Button>
        {!isNew ? (
          <Button onClick={() => void remove.run()} data-testid="job-remove">
            {t('common.remove')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The id of the profile a job names by id or by name (the CLI stores names); undefined when none matches. */
export function resolveProfileRef(profiles: ProfileView[], ref: string): string | undefined {
  const r = ref.trim();
  if (!r) return undefined;
  return (profiles.find((p) => p.profile.id === r) ?? profiles.find((p) => p.profile.name.toLowerCase() === r.toLowerCase()))?.profile.id;
}

/** Names of the saved presence rule tables for the presence job's selector (the current one always listed). */
function usePresenceTables(active: boolean, current: string): string[] {
  const client = useClient();
  const [names, setNames] = useState<string[]>(['default']);
  useEffect(() => {
    if (!active) return;
    let live = true;
    client['presence.tables.list']({}).then(
      (r) => live && setNames(r.tables.map((x) => x.name)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, active]);
  return names.includes(current) || !current ? names : [...names, current];
}

/** Ids of the saved two-way rules for the two-way job's rule picker (the current one always listed). */
function useTwoWayRules(active: boolean, current: string): string[] {
  const client = useClient();
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    if (!active) return;
    let live = true;
    client['twoway.rules.list']({}).then(
      (r) => live && setIds(r.rules.map((x) => String(x.id))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, active]);
  return ids.includes(current) || !current ? ids : [...ids, current];
}
