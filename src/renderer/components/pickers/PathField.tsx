// A path the host needs (an export folder, an SQLite file, a CA file): typed, or chosen with "Browse…" from the
// host's own folders.
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { useT } from '../../app/i18n-context.js';
import { HostPathDialog } from './HostPathDialog.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, minWidth: 0 },
  input: { flexGrow: 1, minWidth: 0 },
});

export function PathField({
  label,
  hint,
  value,
  onChange,
  onBlur,
  mode,
  extensions,
  placeholder,
  required,
  error,
  testId,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  mode: 'folder' | 'file';
  extensions?: string[];
  placeholder?: string;
  required?: boolean;
  error?: ReactElement;
  testId: string;
}) {
  const t = useT();
  const s = useStyles();
  const [browsing, setBrowsing] = useState(false);
  const start = mode === 'file' ? value.replace(/[\\/][^\\/]*$/, '') : value;
  return (
    <Field label={label} hint={hint} required={required} validationState={error ? 'error' : 'none'} validationMessage={error}>
      {(fieldProps) => (
        <div className={s.row}>
          <Input
            {...fieldProps}
            className={s.input}
            value={value}
            placeholder={placeholder}
            onChange={(_, d) => onChange(d.value)}
            onBlur={onBlur}
            data-testid={testId}
          />
          <Button onClick={() => setBrowsing(true)} data-testid={`${testId}-browse`}>
            {t('picker.path.browse')}
          </Button>
          <HostPathDialog
            open={browsing}
            mode={mode}
            start={start.trim() || undefined}
            extensions={extensions}
            onClose={() => setBrowsing(false)}
            onPick={(p) => {
              setBrowsing(false);
              onChange(p);
            }}
            testId={`${testId}-dialog`}
          />
        </div>
      )}
    </Field>
  );
}
