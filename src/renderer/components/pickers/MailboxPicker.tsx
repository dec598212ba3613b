// Mailboxes from the directory instead of typed addresses: search as you type over every mailbox, users and
// rooms apart, tick any number (or all that a search or the rooms filter shows), or paste a list that is
// checked against the directory at once — an address the directory does not know is named, not saved.
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Mailbox } from '../../../shared/model.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { useMailboxLoader } from '../../views/browse/use-mailbox-loader.js';
import { ErrorPanel } from '../ErrorPanel.js';
import { MailboxSearchList } from '../MailboxSearchList.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { height: '260px', flexGrow: 0 },
  chosen: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyleType: 'none', margin: 0, padding: 0 },
  chip: { maxWidth: '100%' },
  paste: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  pasteField: { flexGrow: 1, minWidth: '200px' },
});

/** Addresses from a pasted text: one per line, or separated by commas, semicolons or spaces (Outlook's "Name <a@b>" too). */
export function parseAddressList(text: string): string[] {
  const found = text
    .split(/[\n,;]+/)
    .map((part) => (/<([^>]+)>/.exec(part)?.[1] ?? part).trim())
    .flatMap((part) => part.split(/\s+/))
    .filter(Boolean);
  const seen = new Set<string>();
  return found.filter((a) => !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}

export function MailboxPicker({
  profileId,
  value,
  onChange,
  testId = 'mailbox-picker',
}: {
  profileId: string | undefined;
  /** Chosen SMTP addresses. */
  value: string[];
  onChange: (addresses: string[]) => void;
  testId?: string;
}) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const loader = useMailboxLoader(profileId);
  const [pasted, setPasted] = useState('');
  const chosen = useMemo(() => new Set(value.map((v) => v.toLowerCase())), [value]);

  const toggle = (m: Mailbox) =>
    onChange(chosen.has(m.smtp.toLowerCase()) ? value.filter((v) => v.toLowerCase() !== m.smtp.toLowerCase()) : [...value, m.smtp]);
  const addAll = (list: readonly Mailbox[]) => onChange([...value, ...list.map((m) => m.smtp).filter((a) => !chosen.has(a.toLowerCase()))]);
  const check = useOperation(async (signal, addresses: string[]) => {
    const r = await client['mailboxes.resolve']({ profileId: profileId ?? '', addresses }, { signal });
    const found = r.results.flatMap((x) => (x.mailbox ? [x.mailbox] : []));
    addAll(found);
    setPasted(
      r.results
        .filter((x) => !x.mailbox)
        .map((x) => x.input)
        .join('\n'),
    );
    return r;
  });
  const unknown = check.result?.results.filter((x) => x.problem) ?? [];

  return (
    <div className={s.root} data-testid={testId}>
      <MailboxSearchList
        model={loader.model}
        version={loader.version}
        isSelected={(m) => chosen.has(m.smtp.toLowerCase())}
        onPick={toggle}
        label={t('picker.mailboxes.label')}
        multiselect
        listClassName={s.list}
        countText={(shown, total) =>
          loader.loading ? t('browse.loading', { count: loader.loaded }) : t('browse.count.filtered', { shown, total })
        }
        actions={(shown) => (
          <Button size="small" disabled={shown.length === 0} onClick={() => addAll(shown)} data-testid={`${testId}-all`}>
            {t('picker.mailboxes.addShown', { count: shown.length })}
          </Button>
        )}
        ids={{ prefix: testId, list: `${testId}-list`, row: `${testId}-item` }}
      />
      {loader.error ? <ErrorPanel error={loader.error} testId={`${testId}-error`} /> : null}
      <Text weight="semibold" data-testid={`${testId}-chosen-count`}>
        {t('picker.mailboxes.chosen', { count: value.length })}
      </Text>
      {value.length ? (
        <ul className={s.chosen} aria-label={t('picker.mailboxes.chosenLabel')} data-testid={`${testId}-chosen`}>
          {value.map((a) => (
            <li key={a.toLowerCase()} className={s.chip}>
              <Button
                size="small"
                appearance="outline"
                onClick={() => onChange(value.filter((v) => v !== a))}
                aria-label={t('picker.mailboxes.remove', { mailbox: a })}
                data-testid={`${testId}-chip`}
              >
                {a} ×
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className={s.paste}>
        <Field className={s.pasteField} label={t('picker.mailboxes.paste')} hint={t('picker.mailboxes.paste.hint')}>
          <Textarea value={pasted} rows={2} resize="vertical" onChange={(_, d) => setPasted(d.value)} data-testid={`${testId}-paste`} />
        </Field>
        <Button
          disabled={!profileId || check.running || parseAddressList(pasted).length === 0}
          onClick={() => void check.run(parseAddressList(pasted).slice(0, 500))}
          data-testid={`${testId}-paste-check`}
        >
          {check.running ? t('picker.mailboxes.checking') : t('picker.mailboxes.check')}
        </Button>
      </div>
      {check.error ? <ErrorPanel error={check.error} testId={`${testId}-paste-error`} /> : null}
      {check.result ? (
        <Text data-testid={`${testId}-paste-result`} role="status">
          {t('picker.mailboxes.checked', { found: check.result.results.length - unknown.length, unknown: unknown.length })}
          {unknown.length ? ` ${unknown.map((u) => `${u.input} (${t(`picker.mailboxes.problem.${u.problem!}`)})`).join(', ')}` : ''}
        </Text>
      ) : null}
    </div>
  );
}
