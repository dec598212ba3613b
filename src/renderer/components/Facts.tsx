// Label–value pairs as one description list in two columns (a run's start and result, an event's details, a
// certificate's subject and fingerprint, what a connection test found). Entries that are false or undefined are
// left out, so callers list optional facts inline.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export interface Fact {
  /** React key when the label is not a unique string. */
  id?: string;
  label: ReactNode;
  value: ReactNode;
  /** Ids, fingerprints, paths: in the monospace font. */
  mono?: boolean;
  testId?: string;
}

export function Facts({
  facts,
  label,
  testId,
  className,
}: {
  facts: ReadonlyArray<Fact | false | null | undefined>;
  label?: string;
  testId?: string;
  className?: string;
}) {
  const s = useStyles();
  return (
    <dl className={mergeClasses(s.facts, className)} aria-label={label} data-testid={testId}>
      {facts
        .filter((f): f is Fact => !!f)
        .map((f, i) => (
          <div key={f.id ?? (typeof f.label === 'string' ? f.label : i)} style={{ display: 'contents' }}>
            <dt className={s.dt}>{f.label}</dt>
            <dd className={mergeClasses(s.dd, f.mono && s.mono)} data-testid={f.testId}>
              {f.value}
            </dd>
          </div>
        ))}
    </dl>
  );
}
