import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, createTheme } from '@mantine/core';
import '@mantine/core/styles.css';
import './app.css';
import { I18nProvider } from './i18n/i18n';
import { AppShellLayout } from './features/shell/AppShellLayout';

const theme = createTheme({ primaryColor: 'blue', defaultRadius: 'sm', fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif' });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <I18nProvider>
        <AppShellLayout />
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
