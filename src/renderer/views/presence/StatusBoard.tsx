// The status of chosen mailboxes now (and what comes next), computed by the host with the rules being edited or
// the saved table that is open.
import { Button, Checkbox, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useClient } from '../../app/client-context.js';
import { useLang, useRenderError, useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { BusyBar } from '../../components/BusyBar.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { formatDateTime } from '../../models/format.js';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' } });
export const splitLines = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((v) => v.trim())
    .filter(Boolean);

export function StatusBoard({ profileId, table, tableName }: { profileId?: string; table: Record<string, unknown>; tableName?: string }) {
  const t = useT();
  const lang = useLang();
  const renderError = useRenderError();
  const s = useStyles();
  const client = useClient();
  const [mailboxes, setMailboxes] = useState('');
  const [useEdited, setUseEdited] = useState(true);
  const status = useOperation((signal, pid: string, list: string[], rules?: Record<string, unknown>) =>
    client['presence.status'](
      { profileId: pid, mailboxes: list, ...(rules ? { rules } : tableName ? { table: tableName } : {}) },
      { signal },
    ),
  );
  const time = (iso: string) => formatDateTime(iso, lang);
  const list = splitLines(mailboxes);
  return (
    <div>
      <div className={s.row}>
        <Field label={t('presence.board.mailboxes')}>
          <Textarea
            value={mailboxes}
            onChange={(_, d) => setMailboxes(d.value)}
            placeholder="alice.smith@contoso.com"
            data-testid="board-mailboxes"
          />
        </Field>
        <Checkbox
          label={t('presence.board.useEdited')}
          checked={useEdited}
          onChange={(_, d) => setUseEdited(!!d.checked)}
          data-testid="board-useEdited"
        />
        <Button
          appearance="primary"
          disabled={!profileId || list.length === 0 || status.running}
          onClick={() => profileId && void status.run(profileId, list, useEdited ? table : undefined)}
          data-testid="board-check"
        >
          {t('presence.board.check')}
        </Button>
      </div>
      {status.running ? <BusyBar label={t('presence.board.running')} onCancel={status.cancel} testId="board-busy" /> : null}
      {status.error ? <ErrorPanel error={status.error} testId="board-error" /> : null}
      {status.result && !status.running ? (
        <DataTable
          label={t('presence.board.title')}
          testId="board-table"
          rows={status.result.mailboxes}
          rowKey={(m) => m.mailbox}
          rowTestId={(m) => `board-${m.mailbox}`}
          columns={[
            { id: 'mailbox', header: t('presence.board.mailbox'), cell: (m) => m.mailbox },
            {
              id: 'current',
              header: t('presence.board.current'),
              cell: (m) =>
                m.ok && m.current
                  ? `${m.current.status} · ${t('presence.board.until', { time: time(m.current.end) })}`
                  : m.error
                    ? renderError(m.error).title
                    : '',
            },
            {
              id: 'next',
              header: t('presence.board.next'),
              cell: (m) =>
                (m.upcoming ?? [])
                  .slice(0, 3)
                  .map((u) => `${time(u.start)} ${u.status}`)
                  .join(' · '),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
