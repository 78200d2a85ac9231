// Entry point: theme before first paint, i18n, then the application.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { applyTheme, startingTheme } from './lib/theme';
import { App } from './app/App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/peers.css';
import './styles/phone.css';

applyTheme(startingTheme());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
