// The next events in a folder, so the administrator can see the export will contain what they expect. The
// table is one Tab stop (arrow keys move between rows); Enter or a click opens the event's details below it.
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { NormalisedEvent } from '../../../shared/model.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { formatEventTime, zoneName } from '../../models/format.js';
import { EventDetail } from './EventDetail.js';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  when: { width: '34%' },
  showAs: { width: '22%' },
  cell: { overflowWrap: 'anywhere', verticalAlign: 'top', paddingBlock: tokens.spacingVerticalXS },
  row: { cursor: 'pointer', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  badges: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS, flexWrap: 'wrap' },
});

const keyOf = (e: NormalisedEvent) => `${e.id}/${e.start}`;

export function EventPreview({ events, truncated }: { events: NormalisedEvent[]; truncated: boolean }) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const arrows = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const [open, setOpen] = useState<string | undefined>();
  const chosen = events.find((e) => keyOf(e) === open);
  return (
    <div data-testid="browse-preview">
      <Text size={200}>{t('browse.preview.zone', { zone: zoneName(lang) })}</Text>
      <Table size="small" className={s.table} aria-label={t('browse.preview')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.when}>{t('browse.preview.when')}</TableHeaderCell>
            <TableHeaderCell>{t('browse.preview.subject')}</TableHeaderCell>
            <TableHeaderCell className={s.showAs}>{t('browse.preview.showAs')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody {...arrows}>
          {events.map((e) => (
            <TableRow
              key={keyOf(e)}
              tabIndex={0}
              className={mergeClasses(s.row, open === keyOf(e) && s.selected)}
              aria-selected={open === keyOf(e)}
              aria-label={t('event.open', { subject: e.subject || t('browse.preview.noSubject') })}
              onClick={() => setOpen(keyOf(e))}
              onKeyDown={(k) => (k.key === 'Enter' || k.key === ' ') && (k.preventDefault(), setOpen(keyOf(e)))}
              data-testid="preview-event"
            >
              <TableCell className={s.cell}>{formatEventTime(e, lang, t('browse.preview.allDay'))}</TableCell>
              <TableCell className={s.cell}>
                {e.subject || t('browse.preview.noSubject')}
                {e.location ? (
                  <Text size={200} block>
                    {e.location}
                  </Text>
                ) : null}
                <span className={s.badges}>
                  {e.sensitivity === 'private' ? (
                    <Badge size="small" appearance="outline">
                      {t('browse.preview.private')}
                    </Badge>
                  ) : null}
                  {e.isCancelled ? (
                    <Badge size="small" appearance="outline" color="danger">
                      {t('browse.preview.cancelled')}
                    </Badge>
                  ) : null}
                </span>
              </TableCell>
              <TableCell className={s.cell}>{t(`showAs.${e.showAs}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {truncated ? <Text size={200}>{t('browse.preview.truncated', { count: events.length })}</Text> : null}
      {chosen ? <EventDetail event={chosen} onClose={() => setOpen(undefined)} /> : null}
    </div>
  );
}
