// One event in full, as the export will see it: when (in the viewer's zone and in the event's own), organizer
// and attendees with their answers, recurrence, show-as, sensitivity, categories and the ids a support case needs.
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { NormalisedEvent } from '../../../shared/model.js';
import { windowsToIana } from '../../../shared/time-zones.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { formatDateTime, formatEventTime } from '../../models/format.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    minWidth: 0,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
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
  const zone = ownZone(e.timeZone);
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const person = (p: { name?: string; email?: string } | undefined) => [p?.name, p?.email && `<${p.email}>`].filter(Boolean).join(' ');
  const recurrence = e.originalStart
    ? t('event.recurrence.exception', { at: formatDateTime(e.originalStart, lang) })
    : e.seriesId
      ? t('event.recurrence.occurrence')
      : t('event.recurrence.single');
  return (
    <section className={s.root} aria-labelledby="event-detail-title" data-testid="event-detail">
      <div className={s.head}>
        <Text as="h3" id="event-detail-title" weight="semibold" size={400} className={s.title} style={{ margin: 0 }}>
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
      <dl className={s.facts}>
        <dt className={s.dt}>{t('browse.preview.when')}</dt>
        <dd className={s.dd} data-testid="event-detail-when">
          {formatEventTime(e, lang, t('browse.preview.allDay'))}
        </dd>
        {!e.isAllDay && zone && zone !== viewerZone ? (
          <>
            <dt className={s.dt}>{t('event.ownZone')}</dt>
            <dd className={s.dd}>{formatEventTime(e, lang, t('browse.preview.allDay'), zone)}</dd>
          </>
        ) : null}
        <dt className={s.dt}>{t('event.recurrence')}</dt>
        <dd className={s.dd}>{recurrence}</dd>
        {e.location ? (
          <>
            <dt className={s.dt}>{t('browse.preview.location')}</dt>
            <dd className={s.dd}>{e.location}</dd>
          </>
        ) : null}
        <dt className={s.dt}>{t('browse.preview.showAs')}</dt>
        <dd className={s.dd}>{t(`showAs.${e.showAs}`)}</dd>
        <dt className={s.dt}>{t('event.sensitivity')}</dt>
        <dd className={s.dd}>{t(`sensitivity.${e.sensitivity}`)}</dd>
        {e.organizer ? (
          <>
            <dt className={s.dt}>{t('event.organizer')}</dt>
            <dd className={s.dd}>{person(e.organizer)}</dd>
          </>
        ) : null}
        {e.attendees?.length ? (
          <>
            <dt className={s.dt}>{t('event.attendees', { count: e.attendees.length })}</dt>
            <dd className={s.dd}>
              <ul className={s.list}>
                {e.attendees.map((a, i) => (
                  <li key={`${a.email ?? a.name}-${i}`}>
                    {person(a)} · {t(`attendee.type.${a.type}`)} · {t(`attendee.response.${a.response}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {e.categories.length ? (
          <>
            <dt className={s.dt}>{t('event.categories')}</dt>
            <dd className={s.dd}>{e.categories.join(', ')}</dd>
          </>
        ) : null}
        <dt className={s.dt}>{t('event.lastModified')}</dt>
        <dd className={s.dd}>{formatDateTime(e.lastModified, lang)}</dd>
        <dt className={s.dt}>{t('event.uid')}</dt>
        <dd className={s.mono}>{e.iCalUId}</dd>
        <dt className={s.dt}>{t('event.id')}</dt>
        <dd className={s.mono}>{e.id}</dd>
        {e.seriesId ? (
          <>
            <dt className={s.dt}>{t('event.seriesId')}</dt>
            <dd className={s.mono}>{e.seriesId}</dd>
          </>
        ) : null}
      </dl>
      {e.body ? <div className={s.body}>{e.body}</div> : null}
    </section>
  );
}
