// One rule of the presence table, edited: its name, what it applies to, the item conditions (empty = any; show-as and
// sensitivity as checkboxes in words), the status it sets, and its place in the order (the first match wins).
import { Button, Checkbox, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useT } from '../../app/i18n-context.js';
import { useDetailPaneStyles } from '../../components/detail-pane-styles.js';
import { SENSITIVITIES, SHOW_AS, type RuleRow } from '../../models/presence-rules-model.js';
import { FieldGrid } from '../profiles/FieldGrid.js';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  choices: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

interface Props {
  index: number;
  count: number;
  rule: RuleRow;
  onChange: (patch: Partial<RuleRow>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** Toggles one value of a multi-value condition, keeping the list in its canonical order. */
function toggle<V extends string>(all: readonly V[], list: readonly V[], v: V, on: boolean): V[] {
  return all.filter((x) => (x === v ? on : list.includes(x)));
}

export function RuleEditor({ index: i, count, rule: r, onChange, onMove, onRemove }: Props) {
  const t = useT();
  const s = useStyles();
  const pane = useDetailPaneStyles();
  const id = useId();
  const text = (key: 'name' | 'subject' | 'location' | 'status', value: string, disabled = false) => (
    <Field label={t(`presence.rules.${key}`)}>
      <Input
        value={value}
        disabled={disabled}
        placeholder={key === 'subject' || key === 'location' ? t('presence.rules.any') : undefined}
        onChange={(_, d) => onChange({ [key]: d.value })}
        data-testid={`rule-${i}-${key}`}
      />
    </Field>
  );
  // Several values of one condition: any of them matches; none ticked = any value.
  const choices = <V extends string>(
    key: 'showAs' | 'sensitivity',
    all: readonly V[],
    list: readonly V[],
    label: (v: V) => string,
    set: (l: V[]) => void,
  ) => (
    <div role="group" aria-labelledby={`${id}-${key}`} className={s.group}>
      <Text id={`${id}-${key}`} weight="semibold">
        {t(`presence.rules.${key}Any`)}
      </Text>
      <span className={s.choices}>
        {all.map((v) => (
          <Checkbox
            key={v}
            label={label(v)}
            disabled={r.automaticReplies}
            checked={list.includes(v)}
            onChange={(_, d) => set(toggle(all, list, v, !!d.checked))}
            data-testid={`rule-${i}-${key}-${v}`}
          />
        ))}
      </span>
    </div>
  );
  return (
    <section className={pane.root} aria-labelledby="rule-editor-title" data-testid="rule-editor">
      <div className={pane.head}>
        <Subtitle2 as="h3" id="rule-editor-title" className={pane.title}>
          {t('presence.rules.editing', { order: i + 1, name: r.name })}
        </Subtitle2>
        <Button size="small" disabled={i === 0} onClick={() => onMove(-1)} data-testid={`rule-${i}-up`}>
          {t('presence.rules.up')}
        </Button>
        <Button size="small" disabled={i === count - 1} onClick={() => onMove(1)} data-testid={`rule-${i}-down`}>
          {t('presence.rules.down')}
        </Button>
        <Button size="small" onClick={onRemove} data-testid={`rule-${i}-remove`}>
          {t('common.remove')}
        </Button>
      </div>
      <FieldGrid>
        {text('name', r.name)}
        <Field label={t('presence.rules.appliesTo')}>
          <Select
            value={r.automaticReplies ? 'automaticReplies' : 'item'}
            onChange={(_, d) => onChange({ automaticReplies: d.value === 'automaticReplies' })}
            data-testid={`rule-${i}-appliesTo`}
          >
            <option value="item">{t('presence.rules.appliesToItem')}</option>
            <option value="automaticReplies">{t('presence.rules.appliesToAutomaticReplies')}</option>
          </Select>
        </Field>
        {text('subject', r.subject, r.automaticReplies)}
        {text('location', r.location, r.automaticReplies)}
        <Field label={t('presence.rules.allDay')}>
          <Select
            disabled={r.automaticReplies}
            value={r.allDay}
            onChange={(_, d) => onChange({ allDay: d.value as RuleRow['allDay'] })}
            data-testid={`rule-${i}-allDay`}
          >
            <option value="">{t('presence.rules.any')}</option>
            <option value="yes">{t('presence.rules.yes')}</option>
            <option value="no">{t('presence.rules.no')}</option>
          </Select>
        </Field>
        {text('status', r.status)}
      </FieldGrid>
      {choices(
        'showAs',
        SHOW_AS,
        r.showAs,
        (v) => t(`showAs.${v}`),
        (showAs) => onChange({ showAs }),
      )}
      {choices(
        'sensitivity',
        SENSITIVITIES,
        r.sensitivity,
        (v) => t(`sensitivity.${v}`),
        (sensitivity) => onChange({ sensitivity }),
      )}
    </section>
  );
}
