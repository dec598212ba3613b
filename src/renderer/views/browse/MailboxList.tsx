// Search-as-you-type over all loaded mailboxes. Only the rows in view are in the DOM (tanstack virtual), so a
// list of 50,000 scrolls and filters as smoothly as one of 50.
import { Badge, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { VirtualListbox } from '../../components/VirtualListbox.js';
import { useMemo, useState } from 'react';
import type { Mailbox } from '../../../shared/model.js';
import { useT } from '../../app/i18n-context.js';
import type { MailboxKindFilter, MailboxListModel } from '../../models/mailbox-list-model.js';

const ROW_HEIGHT = 52;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0, height: '100%' },
  filters: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  search: { flexGrow: 1, minWidth: '140px' },
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
      <VirtualListbox
        items={view.items}
        keyOf={(m) => m.id}
        isSelected={(m) => selected === m.smtp}
        onPick={onSelect}
        label={t('browse.mailboxes')}
        rowHeight={ROW_HEIGHT}
        testId="browse-mailboxes"
        rowTestId="mailbox-item"
        rowData={(m) => ({ 'data-smtp': m.smtp })}
        renderRow={(m) => (
          <>
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
        )}
      />
    </div>
  );
}
