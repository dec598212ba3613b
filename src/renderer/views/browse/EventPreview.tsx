// The next events in a folder, so the administrator can see the export will contain what they expect.
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { NormalisedEvent } from '../../../shared/model.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { formatEventTime } from '../../models/format.js';

export function EventPreview({ events, truncated }: { events: NormalisedEvent[]; truncated: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <div data-testid="browse-preview">
      <Table size="small" aria-label={t('browse.preview')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('browse.preview.when')}</TableHeaderCell>
            <TableHeaderCell>{t('browse.preview.subject')}</TableHeaderCell>
            <TableHeaderCell>{t('browse.preview.location')}</TableHeaderCell>
            <TableHeaderCell>{t('browse.preview.showAs')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((e) => (
            <TableRow key={`${e.id}/${e.start}`} data-testid="preview-event">
              <TableCell>{formatEventTime(e, lang, t('browse.preview.allDay'))}</TableCell>
              <TableCell>
                {e.subject || t('browse.preview.noSubject')}{' '}
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
              </TableCell>
              <TableCell>{e.location}</TableCell>
              <TableCell>{t(`showAs.${e.showAs}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {truncated ? <Text size={200}>{t('browse.preview.truncated', { count: events.length })}</Text> : null}
    </div>
  );
}
