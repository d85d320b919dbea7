/**
 * Script of the shared-runtime page (taskpane.html), bundled by the build to dist/excel/taskpane.js.
 * For now it only reports whether Office.js is connected to Excel. It writes text with textContent,
 * never innerHTML (DESIGN.md §8).
 */

function statusMessage(host: Office.HostType | null | undefined): string {
  if (host === Office.HostType.Excel) {
    return 'Connected to Excel. The PMO functions are ready.';
  }
  // Outside Office (for example a browser tab), Office.onReady resolves with a null host.
  return 'Not connected to Excel: open PMO Toolkit from the PMO group on the Home tab.';
}

Office.onReady((info) => {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = statusMessage(info.host);
  }
});

// A module, not a global script: nothing here leaks into the runtime that functions.js shares.
export {};
