// Renders a catalogue entry the way the CLI does: what happened, what it means, the likely causes, what to do
// next, and how long the fix takes to apply — from the error's id and params, in the UI language (so an error
// stored in the run history follows the language too). Evidence (server answer, status) is tucked away but
// copyable.
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ErrorInfo } from '../../shared/errors.js';
import { useRenderError, useT } from '../app/i18n-context.js';

const useStyles = makeStyles({
  // A fingerprint, URL or id in the message is one long word: it wraps anywhere rather than widen the screen.
  bar: { minWidth: 0, overflowWrap: 'anywhere' },
  barBody: { minWidth: 0 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS },
  evidence: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', wordBreak: 'break-all' },
  causes: { marginBlock: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function ErrorPanel({ error, testId = 'error-panel' }: { error: ErrorInfo; testId?: string }) {
  const t = useT();
  const s = useStyles();
  const e = useRenderError()(error);
  return (
    <MessageBar intent="error" layout="multiline" className={s.bar} data-testid={testId} data-error-id={e.id}>
      <MessageBarBody className={s.barBody}>
        <MessageBarTitle data-testid={`${testId}-title`}>{e.title}</MessageBarTitle>
        <div className={s.body}>
          <Text data-testid={`${testId}-message`}>{e.message}</Text>
          {e.causes.length ? (
            <div data-testid={`${testId}-causes`}>
              <Text weight="semibold">{t('steps.causes')}</Text>
              <ul className={s.causes}>
                {e.causes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <Text data-testid={`${testId}-fix`}>
            <strong>{t('error.fix')}</strong> {e.fix}
          </Text>
          {e.delay ? (
            <Text data-testid={`${testId}-delay`}>
              <strong>{t('error.delay')}</strong> {e.delay}
            </Text>
          ) : null}
          {e.evidence ? (
            <details>
              <summary>{t('error.evidence')}</summary>
              <div className={s.evidence}>{e.evidence}</div>
            </details>
          ) : null}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
