// The next events in a folder, so the administrator can see the export will contain what they expect. The
// table is one Tab stop (arrow keys move between rows); Enter or a click opens the event's details below it. A row's
// accessible name is its subject, time and show-as, so a screen reader hears what a sighted user reads in the row.
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { NormalisedEvent } from '../../../shared/model.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { focusRow } from '../../app/use-reveal.js';
import { DataTable } from '../../components/DataTable.js';
import { formatEventTime, zoneName } from '../../models/format.js';
import { EventDetail } from './EventDetail.js';

const useStyles = makeStyles({
  when: { width: '34%' },
  showAs: { width: '22%' },
  badges: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS, flexWrap: 'wrap', marginInlineStart: tokens.spacingHorizontalXS },
});

const keyOf = (e: NormalisedEvent) => `${e.id}/${e.start}`;

export function EventPreview({ events, truncated }: { events: NormalisedEvent[]; truncated: boolean }) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const [open, setOpen] = useState<string | undefined>();
  const box = useRef<HTMLDivElement>(null);
  const chosen = events.find((e) => keyOf(e) === open);
  const close = () => {
    const at = events.findIndex((e) => keyOf(e) === open);
    setOpen(undefined);
    focusRow(box.current, at);
  };
  return (
    <div data-testid="browse-preview" ref={box}>
      <Text size={200}>{t('browse.preview.zone', { zone: zoneName(lang) })}</Text>
      <DataTable
        label={t('browse.preview')}
        rows={events}
        rowKey={keyOf}
        rowTestId={() => 'preview-event'}
        onOpen={(e) => setOpen(keyOf(e))}
        isSelected={(e) => open === keyOf(e)}
        rowLabel={(e) =>
          t('event.open', {
            subject: e.subject || t('browse.preview.noSubject'),
            when: formatEventTime(e, lang, t('browse.preview.allDay')),
            showAs: t(`showAs.${e.showAs}`),
          })
        }
        columns={[
          {
            id: 'when',
            header: t('browse.preview.when'),
            className: s.when,
            cell: (e) => formatEventTime(e, lang, t('browse.preview.allDay')),
          },
          {
            id: 'subject',
            header: t('browse.preview.subject'),
            cell: (e) => (
              <>
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
              </>
            ),
          },
          { id: 'showAs', header: t('browse.preview.showAs'), className: s.showAs, cell: (e) => t(`showAs.${e.showAs}`) },
        ]}
      />
      {truncated ? <Text size={200}>{t('browse.preview.truncated', { count: events.length })}</Text> : null}
      {chosen ? <EventDetail event={chosen} onClose={close} /> : null}
    </div>
  );
}
