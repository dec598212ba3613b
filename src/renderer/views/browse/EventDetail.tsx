// One event in full, as the export will see it: when (in the viewer's zone and in the event's own), organizer
// and attendees with their answers, recurrence, show-as, sensitivity, categories and the ids a support case needs.
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { NormalisedEvent } from '../../../shared/model.js';
import { windowsToIana } from '../../../shared/time-zones.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { useReveal } from '../../app/use-reveal.js';
import { useDetailPaneStyles } from '../../components/detail-pane-styles.js';
import { Facts } from '../../components/Facts.js';
import { formatDateTime, formatEventTime } from '../../models/format.js';
import { recurrenceText } from '../../models/recurrence-text.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  body: { whiteSpace: 'pre-wrap', maxHeight: '160px', overflowY: 'auto', fontSize: tokens.fontSizeBase200 },
});

/** The event's own zone when it is a real one (an IANA id, or a Windows id we know). */
function ownZone(tz: string): string | undefined {
  const iana = windowsToIana(tz);
  try {
    new Intl.DateTimeFormat('en', { timeZone: iana });
    return iana;
  } catch {
    return undefined;
  }
}

export function EventDetail({ event: e, onClose }: { event: NormalisedEvent; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const pane = useDetailPaneStyles();
  const reveal = useReveal<HTMLElement>(e.id);
  const zone = ownZone(e.timeZone);
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const person = (p: { name?: string; email?: string } | undefined) => [p?.name, p?.email && `<${p.email}>`].filter(Boolean).join(' ');
  // An occurrence carries its original start too; only a changed one is an exception to the series' pattern.
  const recurrence = e.isException
    ? t('event.recurrence.exception', { at: formatDateTime(e.originalStart, lang) })
    : e.seriesId || e.originalStart
      ? t('event.recurrence.occurrence')
      : t('event.recurrence.single');
  return (
    <section ref={reveal} className={pane.root} aria-labelledby="event-detail-title" data-testid="event-detail">
      <div className={pane.head}>
        <Text as="h3" id="event-detail-title" weight="semibold" size={400} className={pane.title}>
          {e.subject || t('browse.preview.noSubject')}
        </Text>
        {e.isCancelled ? (
          <Badge appearance="outline" color="danger">
            {t('browse.preview.cancelled')}
          </Badge>
        ) : null}
        <Button size="small" onClick={onClose} data-testid="event-detail-close">
          {t('common.close')}
        </Button>
      </div>
      <Facts
        facts={[
          { label: t('browse.preview.when'), value: formatEventTime(e, lang, t('browse.preview.allDay')), testId: 'event-detail-when' },
          !e.isAllDay && zone && zone !== viewerZone
            ? { label: t('event.ownZone'), value: formatEventTime(e, lang, t('browse.preview.allDay'), zone) }
            : undefined,
          { label: t('event.recurrence'), value: recurrence, testId: 'event-detail-recurrence' },
          !!e.recurrence && {
            label: t('event.recurrence.pattern'),
            value: recurrenceText(e.recurrence, lang, t),
            testId: 'event-detail-pattern',
          },
          !!e.location && { label: t('browse.preview.location'), value: e.location },
          { label: t('browse.preview.showAs'), value: t(`showAs.${e.showAs}`) },
          { label: t('event.sensitivity'), value: t(`sensitivity.${e.sensitivity}`) },
          !!e.organizer && { label: t('event.organizer'), value: person(e.organizer) },
          !!e.attendees?.length && {
            label: t('event.attendees', { count: e.attendees.length }),
            value: (
              <ul className={s.list}>
                {e.attendees.map((a, i) => (
                  <li key={`${a.email ?? a.name}-${i}`}>
                    {person(a)} · {t(`attendee.type.${a.type}`)} · {t(`attendee.response.${a.response}`)}
                  </li>
                ))}
              </ul>
            ),
          },
          e.categories.length > 0 && { label: t('event.categories'), value: e.categories.join(', ') },
          { label: t('event.lastModified'), value: formatDateTime(e.lastModified, lang) },
          { label: t('event.uid'), value: e.iCalUId, mono: true },
          { label: t('event.id'), value: e.id, mono: true },
          !!e.seriesId && { label: t('event.seriesId'), value: e.seriesId, mono: true },
        ]}
      />
      {e.body ? <div className={s.body}>{e.body}</div> : null}
    </section>
  );
}
