// Result of a connection test or a doctor run: one row per step with pass/fail/skipped, timing, evidence and,
// for a failure, the catalogue entry with its fix.
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TestResult } from '../../shared/rpc.js';
import { useT } from '../app/i18n-context.js';
import { ErrorPanel } from './ErrorPanel.js';

type Step = TestResult['steps'][number];

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyleType: 'none', padding: 0, margin: 0 },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1 },
  evidence: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    wordBreak: 'break-all',
  },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  dt: { display: 'inline', fontWeight: tokens.fontWeightSemibold },
  dd: { display: 'inline', margin: 0 },
});

const COLOR = { pass: 'success', fail: 'danger', skipped: 'informative' } as const;

export function StepList({ result, testId = 'steps' }: { result: TestResult; testId?: string }) {
  const t = useT();
  const s = useStyles();
  return (
    <div data-testid={testId} data-ok={String(result.ok)}>
      <ul className={s.list}>
        {result.steps.map((step) => (
          <StepRow key={step.id} step={step} testId={testId} />
        ))}
      </ul>
      {Object.keys(result.details).length > 0 ? (
        <dl className={s.details} data-testid={`${testId}-details`}>
          {Object.entries(result.details).map(([k, v]) => (
            <div key={k}>
              <dt className={s.dt}>{k}: </dt>
              <dd className={s.dd}>{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <Text weight="semibold" data-testid={`${testId}-summary`}>
        {result.ok ? t('steps.allPassed') : t('steps.someFailed', { count: result.steps.filter((x) => x.status === 'fail').length })}
      </Text>
    </div>
  );
}

function StepRow({ step, testId }: { step: Step; testId: string }) {
  const t = useT();
  const s = useStyles();
  return (
    <li className={s.row} data-testid={`${testId}-step`} data-step-id={step.id} data-status={step.status}>
      <div className={s.head}>
        <Badge appearance="filled" color={COLOR[step.status]} data-testid={`${testId}-status`}>
          {t(`steps.status.${step.status}`)}
        </Badge>
        <Text className={s.title}>{step.title}</Text>
        <Text size={200}>{t('steps.duration', { ms: Math.round(step.durationMs) })}</Text>
      </div>
      {step.evidence ? <Text className={s.evidence}>{step.evidence}</Text> : null}
      {step.data && Object.keys(step.data).length ? (
        <Text className={s.evidence}>
          {Object.entries(step.data)
            .map(([k, v]) => `${k}: ${v}`)
            .join(' · ')}
        </Text>
      ) : null}
      {step.error ? (
        <ErrorPanel error={stepError(step, step.error)} testId={`${testId}-error`} />
      ) : step.status === 'fail' ? (
        <div data-testid={`${testId}-failure`}>
          {step.message ? <Text block>{step.message}</Text> : null}
          {step.causes?.length ? (
            <>
              <Text weight="semibold">{t('steps.causes')}</Text>
              <ul>
                {step.causes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          ) : null}
          {step.fix ? (
            <Text block>
              <strong>{t('error.fix')}</strong> {step.fix}
            </Text>
          ) : null}
          {step.delay ? (
            <Text block>
              <strong>{t('error.delay')}</strong> {step.delay}
            </Text>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The step's own rendered text was filled in by the connector with every value it knew; prefer it. */
function stepError(step: Step, error: NonNullable<Step['error']>): NonNullable<Step['error']> {
  return { ...error, message: step.message ?? error.message, fix: step.fix ?? error.fix, delay: step.delay ?? error.delay };
}
