// Search-as-you-type over all loaded mailboxes, users and rooms apart — one component for Browse (choose one) and the
// mailbox picker (tick many). Only the rows in view are in the DOM (tanstack virtual), so a list of 50,000 scrolls
// and filters as smoothly as one of 50.
import { Badge, Input, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import type { Mailbox } from '../../shared/model.js';
import { useT } from '../app/i18n-context.js';
import type { MailboxKindFilter, MailboxListModel } from '../models/mailbox-list-model.js';
import { VirtualListbox } from './VirtualListbox.js';

const ROW_HEIGHT = 52;
const KIND_COLOR = { user: 'informative', room: 'success', equipment: 'warning' } as const;

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  search: { flexGrow: 1, minWidth: '140px' },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  tick: {
    width: '16px',
    height: '16px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStrokeAccessible}`,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: '12px',
    lineHeight: 1,
  },
  ticked: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: 'none' },
});

/** Test ids of the parts: `<prefix>-search`, `-kind`, `-count` and the list's and rows' own. */
export interface MailboxSearchIds {
  prefix: string;
  list: string;
  row: string;
}

export function MailboxSearchList({
  model,
  version,
  isSelected,
  onPick,
  label,
  multiselect,
  listClassName,
  countText,
  actions,
  ids,
}: {
  model: MailboxListModel;
  /** Bumped when a page of mailboxes arrived (the model changed underneath). */
  version: number;
  isSelected: (m: Mailbox) => boolean;
  onPick: (m: Mailbox) => void;
  label: string;
  /** Rows carry a tick and picking toggles it. */
  multiselect?: boolean;
  listClassName?: string;
  /** The line under the filters, given what the search shows and how many there are in all. */
  countText: (shown: number, total: number, filtered: boolean) => string;
  /** Buttons beside the filters that act on the rows shown ("add all shown"). */
  actions?: (shown: readonly Mailbox[]) => ReactNode;
  ids: MailboxSearchIds;
}) {
  const t = useT();
  const s = useStyles();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<MailboxKindFilter>('all');
  const view = useMemo(() => {
    model.setKind(kind);
    return model.setQuery(query);
    // `version` is a dependency on purpose: the model changed underneath when a page arrived.
  }, [model, query, kind, version]);

  return (
    <>
      <div className={s.filters}>
        <Input
          className={s.search}
          type="search"
          value={query}
          placeholder={t('browse.search.placeholder')}
          aria-label={t('browse.search.placeholder')}
          onChange={(_, d) => setQuery(d.value)}
          data-testid={`${ids.prefix}-search`}
        />
        <Select
          value={kind}
          onChange={(_, d) => setKind(d.value as MailboxKindFilter)}
          aria-label={t('browse.kind')}
          data-testid={`${ids.prefix}-kind`}
        >
          {(['all', 'user', 'room', 'equipment'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`browse.kind.${k}`)}
            </option>
          ))}
        </Select>
        {actions?.(view.items)}
      </div>
      <Text size={200} aria-live="polite" data-testid={`${ids.prefix}-count`}>
        {countText(view.items.length, view.total, query !== '')}
      </Text>
      <VirtualListbox
        items={view.items}
        keyOf={(m) => m.id}
        isSelected={isSelected}
        onPick={onPick}
        label={label}
        multiselect={multiselect}
        className={listClassName}
        rowHeight={ROW_HEIGHT}
        testId={ids.list}
        rowTestId={ids.row}
        rowData={(m) => ({ 'data-smtp': m.smtp })}
        renderRow={(m) => {
          const on = multiselect && isSelected(m);
          return (
            <>
              {multiselect ? (
                <span className={mergeClasses(s.tick, on && s.ticked)} aria-hidden>
                  {on ? '✓' : ''}
                </span>
              ) : null}
              <div className={s.text}>
                <Text weight="semibold" className={s.ellipsis}>
                  {m.displayName}
                </Text>
                <Text size={200} className={s.ellipsis}>
                  {m.upn && m.upn.toLowerCase() !== m.smtp.toLowerCase() ? `${m.smtp} · ${m.upn}` : m.smtp}
                </Text>
              </div>
              <Badge appearance="tint" color={KIND_COLOR[m.kind]} size="small">
                {t(`browse.kind.${m.kind}`)}
              </Badge>
            </>
          );
        }}
      />
    </>
  );
}
