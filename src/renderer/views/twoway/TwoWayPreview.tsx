// What a two-way rule would write, per side, before it writes anything (a dry run of the same engine), and the
// question before the first write: how many items go into which mailbox (for an overwrite rule, also that the master
// replaces the other side's copies and how many of them are deleted).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TwoWayReportView } from '../../../shared/rpc.js';
import { useT } from '../../app/i18n-context.js';
import { DataTable } from '../../components/DataTable.js';

const useStyles = makeStyles({
  sides: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalL },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  action: { width: '34%' },
});

type Planned = NonNullable<TwoWayReportView['planned']>;
/** An overwrite rule's sides: the master (A or B) replaces the Calpump copies in the target side's mailbox. */
export interface Overwrite {
  master: 'A' | 'B';
  target: 'A' | 'B';
  mailbox: string;
}

export function plannedCount(planned: Planned | undefined, side: 'a' | 'b'): number {
  return (planned ?? []).filter((p) => p.side === side).length;
}

export function TwoWayPreview({
  report,
  mailboxA,
  mailboxB,
  overwrite,
}: {
  report: TwoWayReportView;
  mailboxA: string;
  mailboxB: string;
  overwrite?: Overwrite;
}) {
  const t = useT();
  const s = useStyles();
  const planned = report.planned ?? [];
  const side = (name: 'a' | 'b', mailbox: string) => {
    const list = planned.filter((p) => p.side === name);
    return (
      <section
        className={s.side}
        aria-label={t('twoway.preview.side', { side: name.toUpperCase(), mailbox })}
        data-testid={`twoway-planned-${name}`}
      >
        <Subtitle2>{t('twoway.preview.side', { side: name.toUpperCase(), mailbox })}</Subtitle2>
        {list.length === 0 ? (
          <Text>{t('twoway.preview.nothing')}</Text>
        ) : (
          <DataTable
            label={t('twoway.preview.side', { side: name.toUpperCase(), mailbox })}
            rows={list}
            rowKey={(p, i) => `${p.key}-${i}`}
            rowTestId={() => `twoway-planned-${name}-row`}
            columns={[
              { id: 'action', header: t('twoway.preview.action'), className: s.action, cell: (p) => t(`twoway.preview.do.${p.action}`) },
              { id: 'subject', header: t('browse.preview.subject'), cell: (p) => p.subject || t('browse.preview.noSubject') },
            ]}
          />
        )}
      </section>
    );
  };
  return (
    <div data-testid="twoway-preview">
      {overwrite ? (
        <Text block weight="semibold" data-testid="twoway-preview-overwrite">
          {t('twoway.preview.overwrite', { ...overwrite })}
        </Text>
      ) : null}
      <Text block>
        {t('twoway.preview.summary', { a: plannedCount(planned, 'a'), b: plannedCount(planned, 'b'), unchanged: report.unchanged })}
      </Text>
      <div className={s.sides}>
        {side('a', mailboxA)}
        {side('b', mailboxB)}
      </div>
    </div>
  );
}

export function ConfirmWrites({
  open,
  a,
  b,
  mailboxA,
  mailboxB,
  overwrite,
  deletes = 0,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  a: number;
  b: number;
  mailboxA: string;
  mailboxB: string;
  overwrite?: Overwrite;
  /** Deletions among the planned writes (named in the question for an overwrite rule). */
  deletes?: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface data-testid="twoway-confirm-dialog">
        <DialogBody>
          <DialogTitle>{t('twoway.confirm.title')}</DialogTitle>
          <DialogContent>
            {t('twoway.confirm.message', { a, b, mailboxA, mailboxB })}
            {overwrite ? (
              <Text block weight="semibold" data-testid="twoway-confirm-overwrite">
                {t('twoway.confirm.overwrite', { ...overwrite, deletes })}
              </Text>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm} data-testid="twoway-confirm">
              {t('twoway.confirm.yes')}
            </Button>
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
