// The first-run assistant: e-mail address → the server behind it → sign-in → connection test → mailboxes →
// folders → target → schedule, each step checked before "Next", ending in a saved job that has run once and
// runs on its schedule from then on. Everything it stores goes through the same RPC calls as the other screens.
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useT } from '../../app/i18n-context.js';
import { useUnsavedChanges } from '../../app/unsaved-guard.js';
import type { ViewProps } from '../../app/view-props.js';
import { ASSISTANT_STEPS, canContinue, initialAssistant, nextStep, previousStep, type AssistantState } from './assistant-model.js';
import { AddressStep, ServerStep, SignInStep, TestStep } from './connect-steps.js';
import { FinishedPanel, FoldersStep, MailboxesStep, ScheduleStep, TargetStep } from './job-steps.js';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(170px, 220px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  steps: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  stepItem: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', color: tokens.colorNeutralForeground3 },
  done: { color: tokens.colorNeutralForeground1 },
  current: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  num: {
    width: '22px',
    height: '22px',
    flexShrink: 0,
    borderRadius: '50%',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase200,
    border: `1px solid currentColor`,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    minWidth: 0,
    maxWidth: '860px',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
});

import type { StepProps } from './step-props.js';

export type { StepProps };

export function AssistantView({ onNavigate }: ViewProps) {
  const t = useT();
  const s = useStyles();
  const [state, setState] = useState<AssistantState>(initialAssistant);
  const patch = (p: Partial<AssistantState>) => setState((cur) => ({ ...cur, ...p }));
  const index = ASSISTANT_STEPS.indexOf(state.step);
  const go = (step: AssistantState['step'] | undefined) => step && patch({ step });
  // Leaving half-way drops what was typed: ask first (nothing is half-stored: the profile is saved after its test).
  useUnsavedChanges(!state.job && (state.email.trim() !== '' || !!state.profile));
  const props: StepProps = { state, patch, next: () => go(nextStep(state.step)), onNavigate };
  const ready = canContinue(state);

  if (state.job) {
    return (
      <div className={s.card} data-card data-testid="assistant-finished">
        <FinishedPanel state={state} onHome={() => onNavigate('home')} onJob={(id) => onNavigate('jobs', id)} />
      </div>
    );
  }
  return (
    <div className={s.root} data-testid="assistant" data-step={state.step}>
      <nav aria-label={t('assistant.progress')}>
        <ol className={s.steps}>
          {ASSISTANT_STEPS.map((step, i) => (
            <li
              key={step}
              className={mergeClasses(s.stepItem, i < index && s.done, i === index && s.current)}
              aria-current={i === index ? 'step' : undefined}
            >
              <span className={s.num} aria-hidden>
                {i < index ? '✓' : i + 1}
              </span>
              <Text className={i === index ? s.current : undefined}>{t(`assistant.step.${step}`)}</Text>
            </li>
          ))}
        </ol>
      </nav>
      <section className={s.card} aria-labelledby="assistant-step-title" data-card>
        <Text as="h2" id="assistant-step-title" size={500} weight="semibold" style={{ margin: 0 }}>
          {t('assistant.stepOf', { n: index + 1, total: ASSISTANT_STEPS.length, title: t(`assistant.step.${state.step}`) })}
        </Text>
        {state.step === 'address' ? <AddressStep {...props} /> : null}
        {state.step === 'server' ? <ServerStep {...props} /> : null}
        {state.step === 'signin' ? <SignInStep {...props} /> : null}
        {state.step === 'test' ? <TestStep {...props} /> : null}
        {state.step === 'mailboxes' ? <MailboxesStep {...props} /> : null}
        {state.step === 'folders' ? <FoldersStep {...props} /> : null}
        {state.step === 'target' ? <TargetStep {...props} /> : null}
        {state.step === 'schedule' ? <ScheduleStep {...props} /> : null}
        <div className={s.actions}>
          {index > 0 ? (
            <Button onClick={() => go(previousStep(state.step))} data-testid="assistant-back">
              {t('assistant.back')}
            </Button>
          ) : null}
          {/* The test step saves the profile and the schedule step saves the job: they bring their own buttons. */}
          {state.step !== 'test' && state.step !== 'schedule' ? (
            <Button appearance="primary" disabled={!ready} onClick={props.next} data-testid="assistant-next">
              {t('assistant.next')}
            </Button>
          ) : null}
        </div>
      </section>
    </div>
  );
}
