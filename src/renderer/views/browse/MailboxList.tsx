// Browse's mailbox column: the shared search list, choosing one mailbox.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Mailbox } from '../../../shared/model.js';
import { useT } from '../../app/i18n-context.js';
import { MailboxSearchList } from '../../components/MailboxSearchList.js';
import type { MailboxListModel } from '../../models/mailbox-list-model.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0, height: '100%' },
});

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
  return (
    <div className={s.root}>
      <MailboxSearchList
        model={model}
        version={version}
        isSelected={(m) => selected === m.smtp}
        onPick={onSelect}
        label={t('browse.mailboxes')}
        countText={(shown, total, filtered) => (filtered ? t('browse.count.filtered', { shown, total }) : t('browse.count.all', { total }))}
        ids={{ prefix: 'browse', list: 'browse-mailboxes', row: 'mailbox-item' }}
      />
    </div>
  );
}
