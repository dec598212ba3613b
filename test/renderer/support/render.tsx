// Renders a component inside the providers the app gives it (theme, client, language).
import './dom-timeouts.js';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ClientProvider } from '../../../src/renderer/app/client-context.js';
import { I18nProvider } from '../../../src/renderer/app/i18n-context.js';
import { provideLocale } from '../../../src/renderer/app/locales.js';
import { catalogueTables } from '../../../src/shared/i18n/catalogue.js';
import { engineTextTables } from '../../../src/shared/i18n/engine-texts.js';
import { messages, UI_LANGS } from '../../../src/shared/i18n/index.js';
import type { RpcClient } from '../../../src/shared/rpc.js';
import type { UiLang } from '../../../src/shared/i18n/index.js';

// Every language at hand, as the app has the active one once it loaded it.
for (const lang of UI_LANGS) provideLocale(lang, { ui: messages[lang], catalogue: catalogueTables[lang], engine: engineTextTables[lang] });

export function renderWithApp(ui: ReactElement, client: RpcClient, lang: UiLang = 'en') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ClientProvider client={client}>
        <I18nProvider lang={lang}>{ui}</I18nProvider>
      </ClientProvider>
    </FluentProvider>,
  );
}
