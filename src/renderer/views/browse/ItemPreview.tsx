// The contacts or tasks of a folder as an export reads them: a list that is one Tab stop (arrow keys move between
// rows); Enter or a click opens the item in full below it — every field the export writes, and the ids a support
// case needs.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, useRef, useState } from 'react';
import type { NormalisedContact, NormalisedItem, NormalisedTask } from '../../../shared/item-model.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { focusRow, useReveal } from '../../app/use-reveal.js';
import { DataTable } from '../../components/DataTable.js';
import { useDetailPaneStyles } from '../../components/detail-pane-styles.js';
import { formatDate, formatDateTime } from '../../models/format.js';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  mono: { margin: 0, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

type T = ReturnType<typeof useT>;
/** One line of the detail pane: its label, its text (empty lines are left out), and whether it is an id. */
type Fact = [label: string, value: string | undefined, mono?: boolean];

const titleOf = (item: NormalisedItem, t: T): string =>
  (item.kind === 'contact' ? item.displayName || [item.givenName, item.surname].filter(Boolean).join(' ') : item.subject) ||
  t('browse.items.noName');

/** The two columns after the name: e-mail and company for a contact, status and due date for a task. */
function columns(item: NormalisedItem, t: T, lang: string): [string, string] {
  if (item.kind === 'contact') return [item.emails[0]?.address ?? '', item.companyName];
  return [t(`task.status.${item.status}`), item.dueDate ? formatDate(item.dueDate, lang) : ''];
}

function contactFacts(c: NormalisedContact, t: T, lang: string): Fact[] {
  return [
    [t('contact.name'), [c.givenName, c.middleName, c.surname].filter(Boolean).join(' ')],
    [t('contact.nickname'), c.nickname],
    [t('contact.company'), [c.companyName, c.department].filter(Boolean).join(' · ')],
    [t('contact.jobTitle'), c.jobTitle],
    [t('contact.emails'), c.emails.map((e) => (e.name ? `${e.name} <${e.address}>` : e.address)).join('\n')],
    [t('contact.phones'), c.phones.map((p) => `${t(`contact.phone.${p.type}`)}: ${p.number}`).join('\n')],
    [
      t('contact.addresses'),
      c.addresses
        .map((a) =>
          [`${t(`contact.address.${a.type}`)}:`, a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.state, a.countryOrRegion]
            .filter(Boolean)
            .join(' '),
        )
        .join('\n'),
    ],
    [t('contact.birthday'), c.birthday ? formatDate(c.birthday, lang) : undefined],
  ];
}

function taskFacts(task: NormalisedTask, t: T, lang: string): Fact[] {
  const date = (d: string | undefined) => (d ? formatDate(d, lang) : undefined);
  return [
    [t('task.status'), t(`task.status.${task.status}`)],
    [t('task.importance'), t(`task.importance.${task.importance}`)],
    [t('task.startDate'), date(task.startDate)],
    [t('task.dueDate'), date(task.dueDate)],
    [t('task.completedDate'), date(task.completedDate)],
  ];
}

export function ItemDetail({ item, onClose }: { item: NormalisedItem; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const pane = useDetailPaneStyles();
  const reveal = useReveal<HTMLElement>(item.id);
  const facts: Fact[] = [
    ...(item.kind === 'contact' ? contactFacts(item, t, lang) : taskFacts(item, t, lang)),
    [t('event.categories'), item.categories.join(', ')],
    [t('event.lastModified'), formatDateTime(item.lastModified, lang)],
    [t('event.id'), item.id, true],
  ];
  return (
    <section ref={reveal} className={pane.root} aria-labelledby="item-detail-title" data-testid="item-detail">
      <div className={pane.head}>
        <Text as="h3" id="item-detail-title" weight="semibold" size={400} className={pane.title}>
          {titleOf(item, t)}
        </Text>
        <Button size="small" onClick={onClose} data-testid="item-detail-close">
          {t('common.close')}
        </Button>
      </div>
      <dl className={s.facts}>
        {facts
          .filter(([, value]) => !!value)
          .map(([label, value, mono]) => (
            <Fragment key={label}>
              <dt className={s.dt}>{label}</dt>
              <dd className={mono ? s.mono : s.dd}>{value}</dd>
            </Fragment>
          ))}
      </dl>
    </section>
  );
}

const HEADINGS: Record<NormalisedItem['kind'], [MessageKey, MessageKey, MessageKey]> = {
  contact: ['contact.name', 'contact.email', 'contact.company'],
  task: ['task.subject', 'task.status', 'task.dueDate'],
};

export function ItemPreview({ items, truncated, kind }: { items: NormalisedItem[]; truncated: boolean; kind: NormalisedItem['kind'] }) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState<string | undefined>();
  const box = useRef<HTMLDivElement>(null);
  const chosen = items.find((i) => i.id === open);
  const label = t(kind === 'contact' ? 'browse.items.contacts' : 'browse.items.tasks');
  const cells = (item: NormalisedItem) => [titleOf(item, t), ...columns(item, t, lang)];
  const close = () => {
    const at = items.findIndex((i) => i.id === open);
    setOpen(undefined);
    focusRow(box.current, at);
  };
  return (
    <div data-testid="browse-items" data-kind={kind} ref={box}>
      <DataTable
        label={label}
        rows={items}
        rowKey={(item) => item.id}
        rowTestId={() => 'browse-item'}
        onOpen={(item) => setOpen(item.id)}
        isSelected={(item) => item.id === open}
        rowLabel={(item) => t('browse.items.open', { name: titleOf(item, t) })}
        columns={HEADINGS[kind].map((h, i) => ({ id: h, header: t(h), cell: (item: NormalisedItem) => cells(item)[i] }))}
      />
      {truncated ? <Text size={200}>{t('browse.items.truncated', { count: items.length })}</Text> : null}
      {chosen ? <ItemDetail item={chosen} onClose={close} /> : null}
    </div>
  );
}
