// A connection test or doctor run, step by step: each step appears the moment the host reports it (test.step
// events), the one still running shows how long it has taken, and a failure shows its catalogue entry with the
// fix — plus, below the list, "trust this certificate" when the failure is a certificate nobody vouches for yet.
// The list is ONE Tab stop: arrow keys (Home/End) move from step to step, so twenty steps are not twenty Tab presses.
import { Badge, Spinner, Text, makeStyles, mergeClasses, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../shared/i18n/index.js';
import type { TestResult } from '../../shared/rpc.js';
import type { ErrorParam, TextRef } from '../../shared/errors.js';
import { useHasMessage, useLang, useRenderStep, useRenderText, useT, type TFunction } from '../app/i18n-context.js';
import { formatDuration } from '../models/format.js';
import { CertificateTrust, certificateFromParams } from './CertificateTrust.js';
import { ErrorPanel } from './ErrorPanel.js';
import { Facts } from './Facts.js';

export type Step = TestResult['steps'][number];

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyleType: 'none', padding: 0, margin: 0 },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
  },
  focusable: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  evidence: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, marginBlock: tokens.spacingVerticalS },
});

const COLOR = { pass: 'success', fail: 'danger', skipped: 'informative' } as const;

/** A fact's value: an engine text in the UI language, an access or flow id as its label, anything else as sent. */
function detailValue(
  key: string,
  value: string | TextRef,
  t: TFunction,
  hasMessage: (k: string) => boolean,
  text: (ref: TextRef) => string = (ref) => ref.key,
): string {
  if (typeof value !== 'string') return text(value);
  const k = key === 'access' ? `profile.access.${value}` : key === 'flow' ? `profile.flow.${value}` : '';
  return k && hasMessage(k) ? t(k as MessageKey) : value;
}

/** A label for a fact the host reported (ewsUrl, subject…); unknown keys stay as sent. */
function detailLabel(key: string, t: TFunction, hasMessage: (k: string) => boolean): string {
  const k = `detail.${key}`;
  return hasMessage(k) ? t(k as MessageKey) : key;
}

export interface StepListProps {
  /** The finished run. */
  result?: TestResult;
  /** Steps reported so far while the run goes on. */
  live?: Step[];
  running?: boolean;
  /** Offered on a certificate failure: pin this fingerprint to the profile. */
  onTrustCertificate?: (fingerprint: string) => void;
  trustBusy?: boolean;
  testId?: string;
}

export function StepList({ result, live, running, onTrustCertificate, trustBusy, testId = 'steps' }: StepListProps) {
  const t = useT();
  const s = useStyles();
  const hasMessage = useHasMessage();
  const renderText = useRenderText();
  const arrows = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const steps = running ? (live ?? []) : (result?.steps ?? live ?? []);
  if (!running && !result) return null;
  // The first failure that names a certificate nobody vouches for yet: offered after the list, as its own Tab stop.
  const certificate = onTrustCertificate
    ? steps.map((x) => (x.status === 'fail' ? certificateFromParams(plainParams(x.error?.params)) : undefined)).find(Boolean)
    : undefined;
  return (
    <div data-testid={testId} data-ok={running ? undefined : String(result?.ok)} data-running={String(!!running)}>
      <ul className={s.list} aria-label={t('steps.label')} aria-live="polite" data-testid={`${testId}-list`} {...arrows}>
        {steps.map((step) => (
          <StepRow key={step.id} step={step} all={steps} testId={testId} />
        ))}
        {running ? <RunningRow n={steps.length + 1} testId={testId} /> : null}
      </ul>
      {certificate && onTrustCertificate ? (
        <CertificateTrust certificate={certificate} onTrust={onTrustCertificate} busy={trustBusy} testId={`${testId}-cert`} />
      ) : null}
      {!running && result && Object.keys(result.details).length > 0 ? (
        <Facts
          className={s.details}
          label={t('steps.details')}
          testId={`${testId}-details`}
          facts={Object.entries(result.details).map(([k, v]) => ({
            id: k,
            label: detailLabel(k, t, hasMessage),
            value: detailValue(k, v, t, hasMessage, renderText),
          }))}
        />
      ) : null}
      {!running && result ? (
        <Text weight="semibold" data-testid={`${testId}-summary`}>
          {result.ok ? t('steps.allPassed') : t('steps.someFailed', { count: result.steps.filter((x) => x.status === 'fail').length })}
        </Text>
      ) : null}
    </div>
  );
}

function RunningRow({ n, testId }: { n: number; testId: string }) {
  const t = useT();
  const s = useStyles();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [n]);
  return (
    <li className={mergeClasses(s.row, s.focusable)} tabIndex={0} data-testid={`${testId}-running`}>
      <div className={s.head}>
        <Spinner size="extra-tiny" aria-hidden />
        <Text className={s.title}>{t('steps.running', { n })}</Text>
        {seconds > 0 ? <Text size={200}>{t('steps.elapsed', { seconds })}</Text> : null}
      </div>
    </li>
  );
}

function StepRow({ step, all, testId }: { step: Step; all: readonly Step[]; testId: string }) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const { title, detail } = useRenderStep()(step, all);
  const hasMessage = useHasMessage();
  return (
    <li
      className={mergeClasses(s.row, s.focusable)}
      tabIndex={0}
      data-testid={`${testId}-step`}
      data-step-id={step.id}
      data-status={step.status}
    >
      <div className={s.head}>
        <Badge appearance="filled" color={COLOR[step.status]} data-testid={`${testId}-status`}>
          {t(`steps.status.${step.status}`)}
        </Badge>
        <Text className={s.title}>{title}</Text>
        {step.status !== 'skipped' ? <Text size={200}>{formatDuration(step.durationMs, lang)}</Text> : null}
      </div>
      {detail ? <Text data-testid={`${testId}-detail`}>{detail}</Text> : null}
      {step.evidence && step.status !== 'fail' ? <Text className={s.evidence}>{step.evidence}</Text> : null}
      {step.data && Object.keys(step.data).length ? (
        <Text className={s.evidence}>
          {Object.entries(step.data)
            .map(([k, v]) => `${detailLabel(k, t, hasMessage)}: ${detailValue(k, v, t, hasMessage)}`)
            .join(' · ')}
        </Text>
      ) : null}
      {step.error ? <ErrorPanel error={step.error} testId={`${testId}-error`} /> : null}
    </li>
  );
}

/** The plain values among a failure's params (a certificate's subject, fingerprint…). */
function plainParams(params: Record<string, ErrorParam> | undefined): Record<string, string> | undefined {
  if (!params) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v !== 'object') out[k] = String(v);
  return out;
}
