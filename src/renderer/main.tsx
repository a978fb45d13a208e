import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { connectHostBridge } from './bridge/connectHostBridge.js';

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App bridge={connectHostBridge()} />
    </StrictMode>,
  );
}
