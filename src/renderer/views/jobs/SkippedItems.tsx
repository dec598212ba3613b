// The items a run left out on purpose (a meeting request in a calendar, a task among contacts, an event in an unknown
// time zone): how many, the first of them with mailbox, folder, subject or id and why — and once per kind of reason
// its catalogue entry with the fix.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ErrorInfo } from '../../../shared/errors.js';
import type { RunRecord } from '../../../shared/rpc.js';
import { useRenderError, useT } from '../../app/i18n-context.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  mailbox: { width: '28%' },
  folder: { width: '14%' },
});

type Skipped = NonNullable<RunRecord['skipped']>[number];

/** One catalogue entry per reason: fifty meeting requests in calendars need one fix, not fifty. */
export function skipReasons(run: Pick<RunRecord, 'skipped'>): ErrorInfo[] {
  const seen = new Map<string, ErrorInfo>();
  for (const s of run.skipped ?? []) if (!seen.has(s.reason.id)) seen.set(s.reason.id, s.reason);
  return [...seen.values()];
}

export function SkippedItems({ run }: { run: RunRecord }) {
  const t = useT();
  const s = useStyles();
  const renderError = useRenderError();
  const list = run.skipped ?? [];
  const total = Math.max(run.itemsSkipped ?? 0, list.length);
  if (total === 0) return null;
  return (
    <section className={s.root} aria-label={t('report.skippedList')} data-testid="run-report-skipped" data-total={total}>
      <Text weight="semibold">{t('report.skipped', { total })}</Text>
      {list.length > 0 && list.length < total ? <Text size={200}>{t('report.skippedFirst', { shown: list.length })}</Text> : null}
      {list.length > 0 ? (
        <DataTable<Skipped>
          label={t('report.skippedList')}
          rows={list}
          rowKey={(x, i) => `${x.mailbox}/${x.folder}/${x.item}/${i}`}
          rowTestId={() => 'run-report-skipped-item'}
          rowData={(x) => ({ 'data-item': x.item, 'data-reason': x.reason.id })}
          columns={[
            { id: 'mailbox', header: t('report.col.mailbox'), className: s.mailbox, cell: (x) => x.mailbox },
            { id: 'folder', header: t('report.col.folder'), className: s.folder, cell: (x) => x.folder },
            {
              id: 'item',
              header: t('report.col.item'),
              cell: (x) => (
                <>
                  {x.subject ? <Text block>{x.subject}</Text> : null}
                  <span className={s.id}>{x.item}</span>
                </>
              ),
            },
            { id: 'reason', header: t('report.col.reason'), cell: (x) => renderError(x.reason).title },
          ]}
        />
      ) : null}
      {skipReasons(run).map((e) => (
        <ErrorPanel key={e.id} error={e} testId="run-report-skip-reason" />
      ))}
    </section>
  );
}
