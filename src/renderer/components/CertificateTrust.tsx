// A certificate nobody vouches for yet: what it says about itself (subject, issuer, SHA-256 fingerprint, dates)
// and "Trust this certificate", which pins exactly this certificate to the profile — only after the user
// confirmed, with the fingerprint in front of them. Verification is never switched off.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CertificateFacts } from '../../shared/rpc.js';
import { useLang, useT } from '../app/i18n-context.js';
import { formatDateTime } from '../models/format.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** The certificate facts a TLS failure carries in its params, when it names a fingerprint. */
export function certificateFromParams(params: Record<string, string> | undefined): CertificateFacts | undefined {
  const fp = params?.fingerprint;
  if (!fp || !/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/.test(fp)) return undefined;
  const v = (k: string) => (params[k] && params[k] !== '?' ? params[k] : '?');
  return {
    subject: v('subject'),
    issuer: v('issuer'),
    fingerprint: fp,
    validFrom: v('validFrom'),
    validTo: v('validTo'),
    names: (params.names ?? '').split(/,\s*/).filter((n) => n && n !== '?'),
  };
}

export function CertificateTrust({
  certificate,
  onTrust,
  busy,
  testId = 'cert',
}: {
  certificate: CertificateFacts;
  onTrust: (fingerprint: string) => void;
  busy?: boolean;
  testId?: string;
}) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const [confirming, setConfirming] = useState(false);
  const date = (iso: string) => (iso === '?' ? '?' : formatDateTime(iso, lang));
  const facts = (
    <dl className={s.facts}>
      <dt className={s.dt}>{t('cert.subject')}</dt>
      <dd className={s.dd} data-testid={`${testId}-subject`}>
        {certificate.subject}
      </dd>
      <dt className={s.dt}>{t('cert.issuer')}</dt>
      <dd className={s.dd} data-testid={`${testId}-issuer`}>
        {certificate.issuer}
      </dd>
      <dt className={s.dt}>{t('cert.fingerprint')}</dt>
      <dd className={mergeClasses(s.dd, s.mono)} data-testid={`${testId}-fingerprint`}>
        {certificate.fingerprint}
      </dd>
      <dt className={s.dt}>{t('cert.valid')}</dt>
      <dd className={s.dd}>{t('cert.validRange', { from: date(certificate.validFrom), to: date(certificate.validTo) })}</dd>
      {certificate.names.length ? (
        <>
          <dt className={s.dt}>{t('cert.names')}</dt>
          <dd className={s.dd}>{certificate.names.join(', ')}</dd>
        </>
      ) : null}
    </dl>
  );
  return (
    <section className={s.root} aria-label={t('cert.title')} data-testid={testId}>
      <Text weight="semibold">{t('cert.title')}</Text>
      <Text>{t('cert.intro')}</Text>
      {facts}
      <span>
        <Button appearance="primary" disabled={busy} onClick={() => setConfirming(true)} data-testid={`${testId}-trust`}>
          {t('cert.trust')}
        </Button>
      </span>
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface data-testid={`${testId}-confirm-dialog`}>
          <DialogBody>
            <DialogTitle>{t('cert.confirm.title')}</DialogTitle>
            <DialogContent>
              <Text block>{t('cert.confirm.message')}</Text>
              {facts}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  onTrust(certificate.fingerprint);
                }}
                data-testid={`${testId}-confirm`}
              >
                {t('cert.confirm.yes')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
