// Field widgets bound to the profile form. Each input gets data-testid="profile-<field>" and its error
// data-testid="profile-<field>-error", which the component and e2e tests use.
import { Badge, Field, Input, Select, Switch, Textarea, makeStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { FieldId, ProfileFormState, SecretField } from '../../models/profile-form-model.js';
import { useT } from '../../app/i18n-context.js';
import type { FormBinding } from './form-binding.js';
import { PathField } from '../../components/pickers/PathField.js';

// A select is as wide as its longest option unless told otherwise: here, as wide as its column and no wider.
const useSelectStyles = makeStyles({
  root: { width: '100%', minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

type StringField = { [K in FieldId]: ProfileFormState[K] extends string ? K : never }[FieldId];

interface Common {
  b: FormBinding;
  label: string;
  hint?: string;
  required?: boolean;
}

function errorNode(b: FormBinding, field: FieldId, t: ReturnType<typeof useT>): JSX.Element | undefined {
  const key = b.errorOf(field);
  return key ? <span data-testid={`profile-${field}-error`}>{t(key)}</span> : undefined;
}

export function TextField({
  b,
  field,
  label,
  hint,
  required,
  placeholder,
  multiline,
}: Common & { field: StringField; placeholder?: string; multiline?: boolean }) {
  const t = useT();
  const err = errorNode(b, field, t);
  const common = {
    value: b.form[field],
    placeholder,
    onBlur: () => b.touch(field),
    'data-testid': `profile-${field}`,
    name: field,
  };
  return (
    <Field label={label} hint={hint} required={required} validationState={err ? 'error' : 'none'} validationMessage={err}>
      {multiline ? (
        <Textarea {...common} resize="vertical" onChange={(_, d) => b.set(field, d.value)} />
      ) : (
        <Input {...common} onChange={(_, d) => b.set(field, d.value)} />
      )}
    </Field>
  );
}

/** A file on the host (a CA certificate): typed, or chosen with "Browse…" from the host's folders. */
export function FileField({
  b,
  field,
  label,
  hint,
  required,
  placeholder,
  extensions,
}: Common & { field: StringField; placeholder?: string; extensions: string[] }) {
  const t = useT();
  return (
    <PathField
      label={label}
      hint={hint}
      required={required}
      value={b.form[field]}
      onChange={(v) => b.set(field, v)}
      onBlur={() => b.touch(field)}
      mode="file"
      extensions={extensions}
      placeholder={placeholder}
      error={errorNode(b, field, t)}
      testId={`profile-${field}`}
    />
  );
}

export function SecretInput({ b, field, label, hint, multiline }: Common & { field: SecretField; multiline?: boolean }) {
  const t = useT();
  const stored = b.isStored(field);
  const err = errorNode(b, field, t);
  const labelNode = (
    <>
      {label}{' '}
      {stored ? (
        <Badge appearance="tint" color="success" size="small" data-testid={`profile-${field}-stored`}>
          {t('profile.secretStored')}
        </Badge>
      ) : null}
    </>
  );
  const common = {
    value: b.form[field],
    placeholder: stored ? t('profile.secretKeep') : undefined,
    onBlur: () => b.touch(field),
    'data-testid': `profile-${field}`,
    name: field,
    autoComplete: 'new-password',
  };
  return (
    <Field label={labelNode} hint={hint} required={!stored} validationState={err ? 'error' : 'none'} validationMessage={err}>
      {multiline ? (
        <Textarea {...common} resize="vertical" onChange={(_, d) => b.set(field, d.value)} />
      ) : (
        <Input {...common} type="password" onChange={(_, d) => b.set(field, d.value)} />
      )}
    </Field>
  );
}

export function SelectField<K extends FieldId>({
  b,
  field,
  label,
  hint,
  options,
}: Common & { field: K; options: ReadonlyArray<{ value: ProfileFormState[K] & string; label: string }> }) {
  const t = useT();
  const s = useSelectStyles();
  const err = errorNode(b, field, t);
  return (
    <Field label={label} hint={hint} validationState={err ? 'error' : 'none'} validationMessage={err}>
      <Select
        className={s.root}
        select={{ className: s.select }}
        value={b.form[field] as string}
        data-testid={`profile-${field}`}
        name={field}
        onChange={(_, d) => b.set(field, d.value as ProfileFormState[K])}
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

export function SwitchField({ b, field, label }: { b: FormBinding; field: 'legacyOnline'; label: string }) {
  return <Switch checked={b.form[field]} label={label} data-testid={`profile-${field}`} onChange={(_, d) => b.set(field, d.checked)} />;
}
