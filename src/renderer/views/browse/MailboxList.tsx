// Search-as-you-type over all loaded mailboxes. Only the rows in view are in the DOM (tanstack virtual), so a
// list of 50,000 scrolls and filters as smoothly as one of 50.
import { Badge, Input, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { Mailbox } from '../../../shared/model.js';
import { useT } from '../../app/i18n-context.js';
import type { MailboxKindFilter, MailboxListModel } from '../../models/mailbox-list-model.js';

const ROW_HEIGHT = 52;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0, height: '100%' },
  filters: { display: 'flex', gap: tokens.spacingHorizontalS },
  search: { flexGrow: 1 },
  scroller: {
    flexGrow: 1,
    overflowY: 'auto',
    minHeight: '240px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingInline: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

const KIND_COLOR = { user: 'informative', room: 'success', equipment: 'warning' } as const;

export function MailboxList({
  model,
  version,
  selected,
  onSelect,
}: {
  model: MailboxListModel;
  version: number;
  selected?: string;
  onSelect: (m: Mailbox) => void;
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
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: view.items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <div className={s.root}>
      <div className={s.filters}>
        <Input
          className={s.search}
          type="search"
          value={query}
          placeholder={t('browse.search.placeholder')}
          aria-label={t('browse.search.placeholder')}
          onChange={(_, d) => setQuery(d.value)}
          data-testid="browse-search"
        />
        <Select
          value={kind}
          onChange={(_, d) => setKind(d.value as MailboxKindFilter)}
          aria-label={t('browse.kind')}
          data-testid="browse-kind"
        >
          {(['all', 'user', 'room', 'equipment'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`browse.kind.${k}`)}
            </option>
          ))}
        </Select>
      </div>
      <Text size={200} data-testid="browse-count">
        {query ? t('browse.count.filtered', { shown: view.items.length, total: view.total }) : t('browse.count.all', { total: view.total })}
      </Text>
      <div ref={scroller} className={s.scroller} data-testid="browse-mailboxes" role="listbox" aria-label={t('browse.mailboxes')}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((row) => {
            const m = view.items[row.index];
            return (
              <div
                key={m.id}
                role="option"
                aria-selected={selected === m.smtp}
                className={mergeClasses(s.row, selected === m.smtp && s.selected)}
                style={{ top: row.start, height: ROW_HEIGHT }}
                tabIndex={0}
                onClick={() => onSelect(m)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') onSelect(m);
                }}
                data-testid="mailbox-item"
                data-smtp={m.smtp}
              >
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
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
