import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { connectToMain } from './api/client.ts';
import { ApiContext, createQueryClient } from './api/queries.ts';
import { App } from './app/App.tsx';
import { changeLanguage, initI18n } from './i18n/index.ts';
import { NoBridge } from './app/NoBridge.tsx';
import './styles.css';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const api = connectToMain();
  if (!api) {
    await initI18n('pt-BR');
    root.render(<NoBridge />);
    return;
  }
  const settings = await api.invoke('settings:get').catch(() => null);
  await initI18n(settings?.language ?? 'pt-BR');
  // Another window (or a later settings screen) may change the language.
  api.on('settings:changed', (next) => void changeLanguage(next.language));
  root.render(
    <StrictMode>
      <ApiContext value={api}>
        <QueryClientProvider client={createQueryClient()}>
          <HashRouter>
            <App />
          </HashRouter>
        </QueryClientProvider>
      </ApiContext>
    </StrictMode>,
  );
}

void boot();
