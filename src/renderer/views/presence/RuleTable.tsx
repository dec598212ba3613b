// The ordered rule table (the first matching rule wins): one row per rule, its conditions in words, and the rule
// chosen from it edited below. The table is the shared DataTable — ONE Tab stop, arrow keys between rules, Enter or a
// click opens a rule — so twenty rules with nine fields each are not 180 Tab presses; show-as and sensitivity read as
// words from the message tables, never as the values the rule file stores (oof, workingElsewhere). Rule names and
// statuses are the administrator's own values (the status is the token the integration receives: "Busy" stays
// "Busy" in a German UI), so they are marked translate="no".
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useT } from '../../app/i18n-context.js';
import { DataTable } from '../../components/DataTable.js';
import { addRule, moveRule, removeRule, updateRule, type RuleRow, type RuleTableForm } from '../../models/presence-rules-model.js';
import { RuleEditor } from './RuleEditor.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  index: { width: '36px' },
  allDay: { width: '88px' },
  status: { width: '18%' },
  any: { color: tokens.colorNeutralForeground3 },
  value: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type Translate = ReturnType<typeof useT>;

/** A rule's conditions in words: "Subject *call*; Location Room*", or "any item" / "automatic replies on". */
export function ruleConditions(r: RuleRow, t: Translate): string {
  if (r.automaticReplies) return t('presence.rules.appliesToAutomaticReplies');
  const parts = [
    r.subject && `${t('presence.rules.subjectShort')} ${r.subject}`,
    r.location && `${t('presence.rules.locationShort')} ${r.location}`,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : t('presence.rules.anyItem');
}

/** Several values in words ("Away, Working elsewhere"); undefined for none (= any). */
const words = (values: readonly string[]) => (values.length ? values.join(', ') : undefined);

export function RuleTable({ form, onChange }: { form: RuleTableForm; onChange: (f: RuleTableForm) => void }) {
  const t = useT();
  const s = useStyles();
  const [open, setOpen] = useState(0);
  const at = Math.min(open, form.rules.length - 1);
  const any = (text: string | undefined) => text ?? <span className={s.any}>{t('presence.rules.any')}</span>;
  const allDay = (r: RuleRow) => (r.allDay === 'yes' ? t('presence.rules.yes') : r.allDay === 'no' ? t('presence.rules.no') : undefined);
  const move = (i: number, by: -1 | 1) => {
    onChange(moveRule(form, i, by));
    setOpen(i + by);
  };
  return (
    <div className={s.root}>
      {form.rules.length === 0 ? <Text>{t('presence.rules.empty')}</Text> : null}
      <DataTable
        label={t('presence.rules.title')}
        testId="rule-table"
        rows={form.rules}
        rowKey={(_, i) => String(i)}
        rowTestId={(_, i) => `rule-${i}`}
        onOpen={(r) => setOpen(form.rules.indexOf(r))}
        isSelected={(r) => form.rules.indexOf(r) === at}
        rowLabel={(r) =>
          t('presence.rules.rowLabel', {
            order: form.rules.indexOf(r) + 1,
            name: r.name,
            conditions: ruleConditions(r, t),
            status: r.status,
          })
        }
        columns={[
          { id: 'order', header: '#', className: s.index, cell: (_, i) => i + 1 },
          { id: 'name', header: t('presence.rules.name'), cell: (r) => <span translate="no">{r.name}</span> },
          { id: 'conditions', header: t('presence.rules.conditions'), cell: (r) => ruleConditions(r, t) },
          {
            id: 'showAs',
            header: t('presence.rules.showAs'),
            cell: (r) => (r.automaticReplies ? '' : any(words(r.showAs.map((v) => t(`showAs.${v}`))))),
            cellTestId: () => 'rule-showAs-cell',
          },
          {
            id: 'sensitivity',
            header: t('presence.rules.sensitivity'),
            cell: (r) => (r.automaticReplies ? '' : any(words(r.sensitivity.map((v) => t(`sensitivity.${v}`))))),
          },
          {
            id: 'allDay',
            header: t('presence.rules.allDay'),
            className: s.allDay,
            cell: (r) => (r.automaticReplies ? '' : any(allDay(r))),
          },
          {
            id: 'status',
            header: t('presence.rules.status'),
            className: s.status,
            cell: (r) => (
              <span translate="no" className={s.value}>
                {r.status}
              </span>
            ),
          },
        ]}
      />
      {at >= 0 ? (
        <RuleEditor
          index={at}
          count={form.rules.length}
          rule={form.rules[at]}
          onChange={(patch: Partial<RuleRow>) => onChange(updateRule(form, at, patch))}
          onMove={(by) => move(at, by)}
          onRemove={() => onChange(removeRule(form, at))}
        />
      ) : null}
      <div className={s.actions}>
        <Button
          onClick={() => {
            onChange(addRule(form));
            setOpen(form.rules.length);
          }}
          data-testid="rule-add"
        >
          {t('presence.rules.add')}
        </Button>
      </div>
    </div>
  );
}
