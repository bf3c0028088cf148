import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { keepOfflineShell } from './offline-shell';
import './styles.css';

// zod compiles parsers with `new Function` when it may; the CSP forbids eval, so say so up front
// instead of letting it try (and log a CSP violation) on every start.
z.config({ jitless: true });

keepOfflineShell();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
