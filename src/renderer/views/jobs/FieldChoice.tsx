// The job editor's field choice: one checkbox per exported field, all ticked by default (every field, as a job
// without a selection). Shown for calendar exports to a folder or a webhook; databases keep their fixed columns.
import { Checkbox, Label, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { EVENT_FIELDS, normaliseFields, type EventField } from '../../../shared/event-fields.js';
import { useT } from '../../app/i18n-context.js';
import type { JobBinding } from './job-fields.js';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  boxes: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function toggled(fields: readonly EventField[], name: EventField, on: boolean): EventField[] {
  return normaliseFields(on ? [...fields, name] : fields.filter((f) => f !== name));
}

export function FieldChoice({ b }: { b: JobBinding }) {
  const t = useT();
  const s = useStyles();
  const labelId = useId();
  const hintId = useId();
  const error = b.errorOf('fields');
  return (
    <div role="group" aria-labelledby={labelId} aria-describedby={hintId} className={s.group} data-testid="job-fields">
      <Label id={labelId}>{t('jobs.fields')}</Label>
      <Text id={hintId} size={200}>
        {t('jobs.fields.hint')}
      </Text>
      <div className={s.boxes}>
        {EVENT_FIELDS.map((name) => (
          <Checkbox
            key={name}
            checked={b.form.fields.includes(name)}
            label={t(`jobs.field.${name}`)}
            onChange={(_, d) => {
              b.set('fields', toggled(b.form.fields, name, d.checked === true));
              b.touch('fields');
            }}
            data-testid={`job-field-${name}`}
          />
        ))}
      </div>
      {error ? (
        <Text role="alert" className={s.error} data-testid="job-fields-error">
          {t(error)}
        </Text>
      ) : null}
    </div>
  );
}
