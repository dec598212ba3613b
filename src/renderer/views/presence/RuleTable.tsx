// The ordered rule table: one row per rule with its conditions and status; add, remove and move (order matters,
// the first matching rule wins). Multiple show-as / sensitivity values are comma-separated; the host checks them.
// "Applies to" picks a calendar item or the mailbox's automatic replies; the latter has no item conditions.
import {
  Button,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../app/i18n-context.js';
import { addRule, moveRule, removeRule, updateRule, type RuleRow, type RuleTableForm } from '../../models/presence-rules-model.js';

const splitValues = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

// Fixed columns that never run into each other: the fields shrink to their cell, and below the table's minimum
// width (a 1024 px screen) the table scrolls sideways inside its own box instead of spilling out of the card.
const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { tableLayout: 'fixed', width: '100%', minWidth: '1100px' },
  appliesTo: { width: '160px' },
  index: { width: '32px' },
  allDay: { width: '104px' },
  actions: { width: '188px' },
  field: { width: '100%', minWidth: 0 },
  input: { minWidth: 0, width: '100%' },
  buttons: { display: 'flex', flexWrap: 'nowrap', gap: tokens.spacingHorizontalXXS },
});

export function RuleTable({ form, onChange }: { form: RuleTableForm; onChange: (f: RuleTableForm) => void }) {
  const t = useT();
  const s = useStyles();
  const set = (i: number, patch: Partial<RuleRow>) => onChange(updateRule(form, i, patch));
  const cell = (i: number, key: 'name' | 'subject' | 'location' | 'status', value: string) => (
    <Input
      size="small"
      className={s.field}
      input={{ className: s.input }}
      value={value}
      disabled={(key === 'subject' || key === 'location') && form.rules[i].automaticReplies}
      aria-label={t(`presence.rules.${key}`)}
      placeholder={key === 'subject' || key === 'location' ? t('presence.rules.any') : undefined}
      onChange={(_, d) => set(i, { [key]: d.value })}
      data-testid={`rule-${i}-${key}`}
    />
  );
  return (
    <div>
      {form.rules.length === 0 ? <Text>{t('presence.rules.empty')}</Text> : null}
      <div className={s.scroll}>
        <Table size="small" className={s.table} aria-label={t('presence.rules.title')} data-testid="rule-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.index}>#</TableHeaderCell>
              <TableHeaderCell>{t('presence.rules.name')}</TableHeaderCell>
              <TableHeaderCell className={s.appliesTo}>{t('presence.rules.appliesTo')}</TableHeaderCell>
              <TableHeaderCell>{t('presence.rules.subject')}</TableHeaderCell>
              <TableHeaderCell>{t('presence.rules.location')}</TableHeaderCell>
              <TableHeaderCell>{t('presence.rules.showAs')}</TableHeaderCell>
              <TableHeaderCell>{t('presence.rules.sensitivity')}</TableHeaderCell>
              <TableHeaderCell className={s.allDay}>{t('presence.rules.allDay')}</TableHeaderCell>
              <TableHeaderCell>{t('presence.rules.status')}</TableHeaderCell>
              <TableHeaderCell className={s.actions} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {form.rules.map((r, i) => (
              <TableRow key={i} data-testid={`rule-${i}`}>
                <TableCell>{i + 1}</TableCell>
                <TableCell>{cell(i, 'name', r.name)}</TableCell>
                <TableCell>
                  <Select
                    size="small"
                    className={s.field}
                    aria-label={t('presence.rules.appliesTo')}
                    value={r.automaticReplies ? 'automaticReplies' : 'item'}
                    onChange={(_, d) => set(i, { automaticReplies: d.value === 'automaticReplies' })}
                    data-testid={`rule-${i}-appliesTo`}
                  >
                    <option value="item">{t('presence.rules.appliesToItem')}</option>
                    <option value="automaticReplies">{t('presence.rules.appliesToAutomaticReplies')}</option>
                  </Select>
                </TableCell>
                <TableCell>{cell(i, 'subject', r.subject)}</TableCell>
                <TableCell>{cell(i, 'location', r.location)}</TableCell>
                <TableCell>
                  <Input
                    size="small"
                    className={s.field}
                    input={{ className: s.input }}
                    aria-label={t('presence.rules.showAs')}
                    disabled={r.automaticReplies}
                    placeholder={t('presence.rules.any')}
                    value={r.showAs.join(', ')}
                    onChange={(_, d) => set(i, { showAs: splitValues(d.value) as RuleRow['showAs'] })}
                    data-testid={`rule-${i}-showAs`}
                  />
                </TableCell>
                <TableCell>
                  <Input
                    size="small"
                    className={s.field}
                    input={{ className: s.input }}
                    aria-label={t('presence.rules.sensitivity')}
                    disabled={r.automaticReplies}
                    placeholder={t('presence.rules.any')}
                    value={r.sensitivity.join(', ')}
                    onChange={(_, d) => set(i, { sensitivity: splitValues(d.value) as RuleRow['sensitivity'] })}
                    data-testid={`rule-${i}-sensitivity`}
                  />
                </TableCell>
                <TableCell>
                  <Select
                    size="small"
                    className={s.field}
                    aria-label={t('presence.rules.allDay')}
                    disabled={r.automaticReplies}
                    value={r.allDay}
                    onChange={(_, d) => set(i, { allDay: d.value as RuleRow['allDay'] })}
                    data-testid={`rule-${i}-allDay`}
                  >
                    <option value="">{t('presence.rules.any')}</option>
                    <option value="yes">{t('presence.rules.yes')}</option>
                    <option value="no">{t('presence.rules.no')}</option>
                  </Select>
                </TableCell>
                <TableCell>{cell(i, 'status', r.status)}</TableCell>
                <TableCell>
                  <span className={s.buttons}>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={i === 0}
                      onClick={() => onChange(moveRule(form, i, -1))}
                      aria-label={t('presence.rules.up')}
                      data-testid={`rule-${i}-up`}
                    >
                      ↑
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={i === form.rules.length - 1}
                      onClick={() => onChange(moveRule(form, i, 1))}
                      aria-label={t('presence.rules.down')}
                      data-testid={`rule-${i}-down`}
                    >
                      ↓
                    </Button>
                    <Button size="small" appearance="subtle" onClick={() => onChange(removeRule(form, i))} data-testid={`rule-${i}-remove`}>
                      {t('common.remove')}
                    </Button>
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Button onClick={() => onChange(addRule(form))} data-testid="rule-add">
        {t('presence.rules.add')}
      </Button>
    </div>
  );
}
