// Import: rows from a file, folder or URL become appointments in the chosen mailboxes. A dry run shows, per
// mailbox, what would be created, changed and removed, plus the rows that could not be read (with line numbers).
import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/index.js';
import type { ImportReportView, RpcEventPayload } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useRenderText, useT } from '../../app/i18n-context.js';
import { useEvent } from '../../app/use-event.js';
import { useOperation } from '../../app/use-operation.js';
import { useProfiles } from '../../app/use-profiles.js';
import type { ViewProps } from '../../app/view-props.js';
import { BusyBar } from '../../components/BusyBar.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { ProfilePicker } from '../../components/ProfilePicker.js';
import {
  IMPORT_SHOW_AS,
  emptyImportForm,
  importProblems,
  jobFromImportForm,
  reportRows,
  type ImportField,
  type ImportForm,
  type ImportProblem,
} from '../../models/import-form-model.js';
import { PathField } from '../../components/pickers/PathField.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1000px' },
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

const PROBLEM_KEY: Record<ImportProblem, MessageKey> = {
  required: 'validation.required',
  name: 'import.problem.name',
  url: 'import.problem.url',
  mailboxList: 'validation.mailboxList',
  minutes: 'import.problem.minutes',
};

export function ImportView({ profileId, onProfile }: ViewProps) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const { profiles } = useProfiles();
  const [form, setForm] = useState<ImportForm>(emptyImportForm);
  const [touched, setTouched] = useState(false);
  const [progress, setProgress] = useState<RpcEventPayload<'import.progress'> | undefined>();
  const op = useOperation((signal, pid: string, job: Record<string, unknown>, dryRun: boolean) =>
    dryRun ? client['import.plan']({ profileId: pid, job }, { signal }) : client['import.run']({ profileId: pid, job }, { signal }),
  );
  const [lastDry, setLastDry] = useState(true);
  useEvent('import.progress', (p) => op.running && setProgress(p));

  const problems = importProblems(form);
  const set = (patch: Partial<ImportForm>) => setForm((f) => ({ ...f, ...patch }));
  const problem = (f: ImportField) =>
    touched && problems[f] ? { validationMessage: t(PROBLEM_KEY[problems[f]]), validationState: 'error' as const } : {};
  const start = (dryRun: boolean) => {
    setTouched(true);
    if (!profileId || Object.keys(problems).length > 0) return;
    setProgress(undefined);
    setLastDry(dryRun);
    void op.run(profileId, jobFromImportForm(form), dryRun);
  };

  return (
    <div className={s.root}>
      <Text>{t('import.intro')}</Text>
      <div className={s.panel}>
        <ProfilePicker profiles={profiles} value={profileId} onChange={onProfile} testId="import-profile" />
        <div className={s.row}>
          <Field label={t('import.jobId')} {...problem('jobId')}>
            <Input value={form.jobId} onChange={(_, d) => set({ jobId: d.value })} data-testid="import-jobId" />
          </Field>
          <Field label={t('import.source')}>
            <RadioGroup
              layout="horizontal"
              value={form.sourceKind}
              onChange={(_, d) => set({ sourceKind: d.value as ImportForm['sourceKind'] })}
            >
              <Radio value="path" label={t('import.source.file')} data-testid="import-kind-path" />
              <Radio value="url" label={t('import.source.url')} data-testid="import-kind-url" />
            </RadioGroup>
          </Field>
          {form.sourceKind === 'path' ? (
            <PathField
              label={t('import.sourcePath')}
              hint={t('import.sourcePath.hint')}
              value={form.path}
              onChange={(path) => set({ path })}
              mode="file"
              extensions={['csv', 'ics', 'json', 'ndjson']}
              placeholder="C:\\HR\\absences.csv"
              error={touched && problems.path ? <span>{t(PROBLEM_KEY[problems.path])}</span> : undefined}
              testId="import-path"
            />
          ) : (
            <Field label={t('import.sourceUrl')} {...problem('url')}>
              <Input
                value={form.url}
                onChange={(_, d) => set({ url: d.value })}
                placeholder="https://hr.contoso.com/absences.csv"
                data-testid="import-url"
              />
            </Field>
          )}
        </div>
        <div className={s.row}>
          <Field label={t('import.mailboxes')} {...problem('mailboxes')}>
            <Textarea
              value={form.mailboxes}
              onChange={(_, d) => set({ mailboxes: d.value })}
              placeholder="alice.smith@contoso.com"
              data-testid="import-mailboxes"
            />
          </Field>
          <Field label={t('import.mailboxColumn')}>
            <Input
              value={form.mailboxColumn}
              onChange={(_, d) => set({ mailboxColumn: d.value })}
              placeholder="mailbox"
              data-testid="import-mailboxColumn"
            />
          </Field>
        </div>
        <div className={s.row}>
          <Field label={t('import.showAs')}>
            <Select value={form.showAs} onChange={(_, d) => set({ showAs: d.value as ImportForm['showAs'] })} data-testid="import-showAs">
              {IMPORT_SHOW_AS.map((v) => (
                <option key={v} value={v}>
                  {t(`showAs.${v}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox
            label={t('import.reminderOff')}
            checked={form.reminderOff}
            onChange={(_, d) => set({ reminderOff: !!d.checked })}
            data-testid="import-reminderOff"
          />
          {!form.reminderOff ? (
            <Field label={t('import.reminderMinutes')} {...problem('reminderMinutes')}>
              <Input
                value={form.reminderMinutes}
                onChange={(_, d) => set({ reminderMinutes: d.value })}
                data-testid="import-reminderMinutes"
              />
            </Field>
          ) : null}
          <Field label={t('import.category')}>
            <Input value={form.category} onChange={(_, d) => set({ category: d.value })} data-testid="import-category" />
          </Field>
          <Field label={t('import.defaultSubject')}>
            <Input value={form.defaultSubject} onChange={(_, d) => set({ defaultSubject: d.value })} data-testid="import-defaultSubject" />
          </Field>
        </div>
        <div className={s.row}>
          <Button disabled={!profileId || op.running} onClick={() => start(true)} data-testid="import-dryRun">
            {t('import.dryRun')}
          </Button>
          <Button appearance="primary" disabled={!profileId || op.running} onClick={() => start(false)} data-testid="import-run">
            {t('import.run')}
          </Button>
        </div>
      </div>
      {op.running ? (
        <BusyBar
          label={
            progress
              ? t('import.progress', { mailbox: progress.mailbox, items: progress.items })
              : t(lastDry ? 'import.planning' : 'import.running')
          }
          onCancel={op.cancel}
          testId="import-busy"
        />
      ) : null}
      {op.cancelled ? <Text>{t('common.cancelled')}</Text> : null}
      {op.error ? <ErrorPanel error={op.error} testId="import-error" /> : null}
      {op.result && !op.running ? <ImportReportPanel report={op.result} /> : null}
    </div>
  );
}

function ImportReportPanel({ report }: { report: ImportReportView }) {
  const t = useT();
  const renderText = useRenderText();
  const s = useStyles();
  const cols = ['creates', 'updates', 'deletes', 'unchanged', 'failed'] as const;
  return (
    <div className={s.panel} data-testid="import-report">
      <Subtitle2>{t(report.dryRun ? 'import.planned' : report.aborted ? 'import.aborted' : 'import.done')}</Subtitle2>
      <Text>{t('import.rows', { rows: report.rows, documents: report.documents.length })}</Text>
      {report.error ? <ErrorPanel error={report.error} testId="import-report-error" /> : null}
      <DataTable
        label={t('import.col.mailbox')}
        testId="import-mailboxes-table"
        rows={reportRows(report)}
        rowKey={(r) => (r.total ? '(total)' : r.mailbox)}
        rowTestId={(r) => (r.total ? 'import-total' : `import-row-${r.mailbox}`)}
        columns={[
          { id: 'mailbox', header: t('import.col.mailbox'), cell: (r) => (r.total ? 'Σ' : r.mailbox) },
          ...cols.map((c) => ({
            id: c,
            header: t(`import.col.${c}`),
            cell: (r: ReturnType<typeof reportRows>[number]) => r[c],
            cellTestId: (r: ReturnType<typeof reportRows>[number]) => (r.total ? `import-total-${c}` : `import-row-${r.mailbox}-${c}`),
          })),
        ]}
      />
      {report.mailboxes.flatMap((m) =>
        m.errors.map((e, i) => <ErrorPanel key={`${m.mailbox}-${i}`} error={e.error} testId={`import-mailbox-error-${m.mailbox}`} />),
      )}
      {report.rowErrors.length > 0 ? (
        <>
          <Subtitle2>{t('import.rowErrors')}</Subtitle2>
          <ul data-testid="import-row-errors">
            {report.rowErrors.map((e, i) => (
              <li key={i}>
                {t('import.rowError', {
                  file: e.file,
                  line: String(e.line),
                  problem: typeof e.problem === 'string' ? e.problem : renderText(e.problem),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
