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
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CertificateFacts } from '../../shared/rpc.js';
import { useLang, useT } from '../app/i18n-context.js';
import { formatDateTime } from '../models/format.js';
import { Facts } from './Facts.js';

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
    <Facts
      facts={[
        { label: t('cert.subject'), value: certificate.subject, testId: `${testId}-subject` },
        { label: t('cert.issuer'), value: certificate.issuer, testId: `${testId}-issuer` },
        { label: t('cert.fingerprint'), value: certificate.fingerprint, testId: `${testId}-fingerprint`, mono: true },
        { label: t('cert.valid'), value: t('cert.validRange', { from: date(certificate.validFrom), to: date(certificate.validTo) }) },
        certificate.names.length > 0 && { label: t('cert.names'), value: certificate.names.join(', ') },
      ]}
    />
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
