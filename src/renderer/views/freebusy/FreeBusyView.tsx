// Free/busy: busy blocks per mailbox for a date range, shown as a table and offered as a CSV download.
import { Button, Checkbox, Field, Input, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FreeBusyReportView } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useHasMessage, useLang, useT } from '../../app/i18n-context.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { useOperation } from '../../app/use-operation.js';
import { useProfiles } from '../../app/use-profiles.js';
import type { ViewProps } from '../../app/view-props.js';
import { BusyBar } from '../../components/BusyBar.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { ProfilePicker } from '../../components/ProfilePicker.js';
import { saveTextFile } from '../../components/save-file.js';
import { splitMailboxes } from '../../models/import-form-model.js';
import { formatDateTime } from '../../models/format.js';

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

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Date fields (YYYY-MM-DD) as the UTC instants freebusy.blocks takes; `to` is inclusive of its whole day. */
export function freeBusyRange(from: string, to: string): { from: string; to: string } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return undefined;
  const a = new Date(`${from}T00:00:00.000Z`);
  const b = new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime()) || a >= b) return undefined;
  return { from: a.toISOString(), to: b.toISOString() };
}

export function freeBusyCsv(r: FreeBusyReportView): string {
  const lines = ['mailbox,start,end,showAs'];
  for (const m of r.mailboxes) for (const b of m.blocks) lines.push([m.mailbox, b.start, b.end, b.showAs].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function FreeBusyView({ profileId, onProfile }: ViewProps) {
  const t = useT();
  const hasMessage = useHasMessage();
  const lang = useLang();
  const s = useStyles();
  const client = useClient();
  const { profiles } = useProfiles();
  const [mailboxes, setMailboxes] = useState('');
  const [from, setFrom] = useState(day(0));
  const [to, setTo] = useState(day(6));
  const [includeFree, setIncludeFree] = useState(false);
  const [touched, setTouched] = useState(false);
  const op = useOperation((signal, pid: string, list: string[], range: { from: string; to: string }, free: boolean) =>
    client['freebusy.blocks']({ profileId: pid, mailboxes: list, ...range, includeFree: free }, { signal }),
  );
  const list = splitMailboxes(mailboxes);
  const badList = list.length === 0 || list.some((m) => !EMAIL.test(m));
  const range = freeBusyRange(from, to);
  const time = (iso: string) => formatDateTime(iso, lang);
  const go = () => {
    setTouched(true);
    if (profileId && !badList && range) void op.run(profileId, list, range, includeFree);
  };
  return (
    <div className={s.root}>
      <Text>{t('freebusy.intro')}</Text>
      <div className={s.panel}>
        <ProfilePicker profiles={profiles} value={profileId} onChange={onProfile} testId="freebusy-profile" />
        <div className={s.row}>
          <Field
            label={t('freebusy.mailboxes')}
            {...(touched && badList ? { validationState: 'error' as const, validationMessage: t('validation.mailboxList') } : {})}
          >
            <Textarea
              value={mailboxes}
              onChange={(_, d) => setMailboxes(d.value)}
              placeholder="room.amsterdam@contoso.com"
              data-testid="freebusy-mailboxes"
            />
          </Field>
          <Field label={t('freebusy.from')}>
            <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} data-testid="freebusy-from" />
          </Field>
          <Field
            label={t('freebusy.to')}
            {...(touched && !range ? { validationState: 'error' as const, validationMessage: t('validation.range') } : {})}
          >
            <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} data-testid="freebusy-to" />
          </Field>
          <Checkbox
            label={t('freebusy.includeFree')}
            checked={includeFree}
            onChange={(_, d) => setIncludeFree(!!d.checked)}
            data-testid="freebusy-includeFree"
          />
          <Button appearance="primary" disabled={!profileId || op.running} onClick={go} data-testid="freebusy-run">
            {t('freebusy.run')}
          </Button>
        </div>
      </div>
      {op.running ? <BusyBar label={t('freebusy.running')} onCancel={op.cancel} testId="freebusy-busy" /> : null}
      {op.cancelled ? <Text>{t('common.cancelled')}</Text> : null}
      {op.error ? <ErrorPanel error={op.error} testId="freebusy-error" /> : null}
      {op.result && !op.running ? (
        <div className={s.panel} data-testid="freebusy-report">
          <Button onClick={() => op.result && saveTextFile('freebusy.csv', freeBusyCsv(op.result), 'text/csv')} data-testid="freebusy-save">
            {t('freebusy.save')}
          </Button>
          {op.result.mailboxes.map((m) => (
            <section key={m.mailbox} data-testid={`freebusy-${m.mailbox}`}>
              <Subtitle2>{m.mailbox}</Subtitle2>
              {m.error ? <ErrorPanel error={m.error} testId={`freebusy-error-${m.mailbox}`} /> : null}
              {m.ok && m.blocks.length === 0 ? <Text>{t('freebusy.none')}</Text> : null}
              {m.blocks.length > 0 ? (
                <DataTable
                  label={m.mailbox}
                  rows={m.blocks}
                  rowKey={(b, i) => `${b.start}-${i}`}
                  columns={[
                    { id: 'start', header: t('freebusy.col.start'), cell: (b) => time(b.start) },
                    { id: 'end', header: t('freebusy.col.end'), cell: (b) => time(b.end) },
                    {
                      id: 'showAs',
                      header: t('freebusy.col.showAs'),
                      cell: (b) => (hasMessage(`showAs.${b.showAs}`) ? t(`showAs.${b.showAs}` as MessageKey) : b.showAs),
                    },
                  ]}
                />
              ) : null}
            </section>
          ))}
        </div>
      ) : null}
    </div>
  );
}
