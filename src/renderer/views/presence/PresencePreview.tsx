// "What would this item map to": a sample item's fields and, as they change, the status the edited rules give it.
import { Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useT } from '../../app/i18n-context.js';
import { SENSITIVITIES, SHOW_AS, previewStatus, type RuleTableForm, type SampleEvent } from '../../models/presence-rules-model.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  result: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
});

export function PresencePreview({ form }: { form: RuleTableForm }) {
  const t = useT();
  const s = useStyles();
  const [sample, setSample] = useState<SampleEvent>({
    subject: 'Weekly call',
    location: '',
    showAs: 'busy',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: false,
  });
  const set = (patch: Partial<SampleEvent>) => setSample((v) => ({ ...v, ...patch }));
  const p = previewStatus(form, sample);
  const text =
    p.kind === 'excluded'
      ? t('presence.preview.excluded', { reason: t(`presence.excl.${p.reason}`) })
      : p.kind === 'idle'
        ? t('presence.preview.idle', { status: p.status })
        : t('presence.preview.rule', { status: p.status, rule: p.rule, order: String(p.order + 1) });
  return (
    <div>
      <div className={s.row}>
        <Field label={t('presence.preview.subject')}>
          <Input value={sample.subject} onChange={(_, d) => set({ subject: d.value })} data-testid="preview-subject" />
        </Field>
        <Field label={t('presence.preview.location')}>
          <Input value={sample.location} onChange={(_, d) => set({ location: d.value })} data-testid="preview-location" />
        </Field>
        <Field label={t('presence.rules.showAs')}>
          <Select value={sample.showAs} onChange={(_, d) => set({ showAs: d.value as SampleEvent['showAs'] })} data-testid="preview-showAs">
            {SHOW_AS.map((v) => (
              <option key={v} value={v}>
                {t(`showAs.${v}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('presence.rules.sensitivity')}>
          <Select
            value={sample.sensitivity}
            onChange={(_, d) => set({ sensitivity: d.value as SampleEvent['sensitivity'] })}
            data-testid="preview-sensitivity"
          >
            {SENSITIVITIES.map((v) => (
              <option key={v} value={v}>
                {t(`sensitivity.${v}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label={t('presence.rules.allDay')}
          checked={sample.isAllDay}
          onChange={(_, d) => set({ isAllDay: !!d.checked })}
          data-testid="preview-allDay"
        />
        <Checkbox
          label={t('presence.preview.cancelled')}
          checked={sample.isCancelled}
          onChange={(_, d) => set({ isCancelled: !!d.checked })}
          data-testid="preview-cancelled"
        />
      </div>
      <Text className={s.result} data-testid="preview-result" data-status={p.kind === 'excluded' ? '' : p.status}>
        {text}
      </Text>
    </div>
  );
}
