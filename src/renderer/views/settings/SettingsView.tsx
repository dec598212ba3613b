// App settings. Each change is saved at once; the language switches the whole UI (and the language the host
// uses for catalogue messages). "Start at login" appears only where the host can do it (the desktop app).
import { Field, Select, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RpcOutput, Settings } from '../../../shared/rpc.js';
import { errorInfoOf } from '../../../shared/rpc.js';
import type { ErrorInfo } from '../../../shared/errors.js';
import { UI_LANGS } from '../../../shared/i18n/langs.js';
import { useClient } from '../../app/client-context.js';
import { useT } from '../../app/i18n-context.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { LOG_LEVELS } from '../../models/profile-form-model.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '520px',
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
});

const LANG_NAMES = { en: 'English', de: 'Deutsch', nl: 'Nederlands' } as const;

export function SettingsView({ onSettings: onSaved }: { onSettings: (s: Settings) => void }) {
  const t = useT();
  const s = useStyles();
  const client = useClient();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [version, setVersion] = useState<RpcOutput<'app.version'> | undefined>();
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    client['app.getSettings']().then(setSettings, (e) => setError(errorInfoOf(e)));
    client['app.version']().then(setVersion, () => undefined);
  }, [client]);

  const change = async (patch: Partial<Settings>) => {
    setSaved(false);
    try {
      const next = await client['app.setSettings'](patch);
      setSettings(next);
      setError(undefined);
      setSaved(true);
      onSaved(next);
    } catch (e) {
      setError(errorInfoOf(e));
    }
  };

  if (!settings) return error ? <ErrorPanel error={error} testId="settings-error" /> : <Spinner size="small" label={t('common.loading')} />;
  return (
    <div className={s.root} data-testid="settings">
      <Field label={t('settings.language')}>
        <Select
          value={settings.language}
          onChange={(_, d) => void change({ language: d.value as Settings['language'] })}
          data-testid="settings-language"
        >
          {UI_LANGS.map((l) => (
            <option key={l} value={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('settings.logLevel')} hint={t('settings.logLevel.hint')}>
        <Select
          value={settings.logLevel}
          onChange={(_, d) => void change({ logLevel: d.value as Settings['logLevel'] })}
          data-testid="settings-logLevel"
        >
          {LOG_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`logLevel.${l}`)}
            </option>
          ))}
        </Select>
      </Field>
      {version?.features.startAtLogin ? (
        <Switch
          checked={settings.startAtLogin}
          label={t('settings.startAtLogin')}
          onChange={(_, d) => void change({ startAtLogin: d.checked })}
          data-testid="settings-startAtLogin"
        />
      ) : (
        <Text size={200} data-testid="settings-startAtLogin-unavailable">
          {t('settings.startAtLogin.unavailable')}
        </Text>
      )}
      {saved ? <Text data-testid="settings-saved">{t('settings.saved')}</Text> : null}
      {error ? <ErrorPanel error={error} testId="settings-error" /> : null}
      {version ? <Text size={200}>{t('settings.version', { version: version.version })}</Text> : null}
    </div>
  );
}
