// Inputs bound to the job form; data-testid="job-<field>", errors "job-<field>-error".
import { Checkbox, Field, Input, Select, Switch, Textarea } from '@fluentui/react-components';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { useT } from '../../app/i18n-context.js';
import type { JobFieldId, JobFormState } from '../../models/job-form-model.js';

export interface JobBinding {
  form: JobFormState;
  set: <K extends keyof JobFormState>(k: K, v: JobFormState[K]) => void;
  errorOf: (k: JobFieldId) => MessageKey | undefined;
  touch: (k: JobFieldId) => void;
}

type StringField = { [K in JobFieldId]: JobFormState[K] extends string ? K : never }[JobFieldId];

function useError(b: JobBinding, field: JobFieldId) {
  const t = useT();
  const key = b.errorOf(field);
  return key ? <span data-testid={`job-${field}-error`}>{t(key)}</span> : undefined;
}

export function JobText({
  b,
  field,
  label,
  hint,
  placeholder,
  multiline,
  required,
  secret,
}: {
  b: JobBinding;
  field: StringField;
  label: string;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  required?: boolean;
  secret?: boolean;
}) {
  const err = useError(b, field);
  const common = {
    value: b.form[field],
    placeholder,
    autoComplete: secret ? 'new-password' : undefined,
    onBlur: () => b.touch(field),
    'data-testid': `job-${field}`,
    name: field,
  };
  return (
    <Field label={label} hint={hint} required={required} validationState={err ? 'error' : 'none'} validationMessage={err}>
      {multiline ? (
        <Textarea {...common} rows={3} resize="vertical" onChange={(_, d) => b.set(field, d.value)} />
      ) : (
        <Input {...common} type={secret ? 'password' : 'text'} onChange={(_, d) => b.set(field, d.value)} />
      )}
    </Field>
  );
}

export function JobSelect<K extends StringField>({
  b,
  field,
  label,
  options,
  value,
  error,
}: {
  b: JobBinding;
  field: K;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Shown value when it differs from the form's (a profile named by name shows as its id). */
  value?: string;
  error?: string;
}) {
  const formErr = useError(b, field);
  const err = error ? <span data-testid={`job-${field}-error`}>{error}</span> : formErr;
  return (
    <Field label={label} validationState={err ? 'error' : 'none'} validationMessage={err}>
      <Select
        value={value ?? b.form[field]}
        onChange={(_, d) => b.set(field, d.value as JobFormState[K])}
        data-testid={`job-${field}`}
        name={field}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

type BoolField = { [K in JobFieldId]: JobFormState[K] extends boolean ? K : never }[JobFieldId];

export function JobSwitch({ b, field, label }: { b: JobBinding; field: BoolField; label: string }) {
  return <Switch checked={b.form[field]} label={label} onChange={(_, d) => b.set(field, d.checked)} data-testid={`job-${field}`} />;
}

/** A checkbox with a one-line hint under it (what turning it off buys). */
export function JobCheckbox({ b, field, label, hint }: { b: JobBinding; field: BoolField; label: string; hint: string }) {
  return (
    <Field hint={hint}>
      <Checkbox checked={b.form[field]} label={label} onChange={(_, d) => b.set(field, d.checked === true)} data-testid={`job-${field}`} />
    </Field>
  );
}
