// Entry of the Sheets sidebar's script (inlined into dist/gsheets/Sidebar.html by the build): mounts the
// scoring panel with the google.script.run bridge once the page has parsed.

import { mountPanel } from '../../panel/app';
import { createGoogleScriptBridge } from './google-script-bridge';

function start(): void {
  const root = document.getElementById('pmo-scoring-panel');
  if (root) mountPanel(root, createGoogleScriptBridge());
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
