// A family of custom functions loaded on its first call, in a real headless Chromium: the built taskpane.html (real
// Office.js from its CDN URL, the built functions.js and taskpane.js), functions.js associating its functions through
// Office.js's own CustomFunctions.associate. The first RISK_SCORE call adds <script src="risk-functions.js">
// to the page under its content security policy and answers when it has run; a later call answers at once.

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, EXCEL_ORIGIN, expectCleanPage, openPage, usePanelBrowser } from './harness';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} not found`);

/**
 * The part of the CustomFunctions global that Excel's custom-functions runtime adds (Error and ErrorCode). Office.js,
 * loaded outside Excel, adds `associate` to this same object (`CustomFunctions || (CustomFunctions = {})`) and
 * keeps each association in `CustomFunctions._association.mappings`, by upper-case id: the test calls them there.
 */
const CUSTOM_FUNCTIONS = `
window.CustomFunctions = {
  Error: class { constructor(code, message) { this.code = code; this.message = message; } },
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
};`;

/** Office.js's own association of ids with implementations (office.js, `OfficeExt.Association`). */
interface PageGlobals {
  CustomFunctions: {
    _association: { mappings: Record<string, ((...args: unknown[]) => unknown) | undefined> };
  };
}

/** =PMO.RISK_SCORE(probability, impact) as Excel calls it: two ranges, null for the omitted method, the Invocation. */
const CALL: unknown[] = [[['Probability'], [2], [5]], [['Impact'], [3], [4]], null, {}];
/** Probability × impact on 1–5 ratings. */
const SCORES = [['Score'], [6], [20]];

describe.skipIf(!hasChromium)('a function family loaded on its first call (headless Chromium)', () => {
  const chrome = usePanelBrowser();

  it('loads risk-functions.js beside functions.js on the first RISK_SCORE call, then answers at once', async () => {
    const { context, page, watch } = await openPage(chrome.browser, chrome.built, [
      chrome.fakeExcel,
      `pmoFakeExcel.setup(${JSON.stringify({ sheets: [{ name: 'Sheet1', values: [[]] }], active: 'Sheet1' })});`,
      CUSTOM_FUNCTIONS,
    ]);
    try {
      await page.goto(`${EXCEL_ORIGIN}taskpane.html`);
      await page.waitForFunction(
        () => (globalThis as unknown as PageGlobals).CustomFunctions?._association?.mappings?.RISK_SCORE,
      );
      const riskScript = `${EXCEL_ORIGIN}risk-functions.js`;
      expect(watch.served).not.toContain(riskScript);
      const first = await page.evaluate(async (args) => {
        const returned = (
          globalThis as unknown as PageGlobals
        ).CustomFunctions._association.mappings.RISK_SCORE?.(...args);
        const promise = typeof (returned as Promise<unknown> | undefined)?.then === 'function';
        return { promise, value: await returned };
      }, CALL);
      expect(first).toEqual({ promise: true, value: SCORES });
      expect(watch.served.filter((url) => url === riskScript)).toHaveLength(1);
      const later = await page.evaluate(
        (args) =>
          (globalThis as unknown as PageGlobals).CustomFunctions._association.mappings.RISK_SCORE?.(...args),
        CALL,
      );
      expect(later).toEqual(SCORES);
      expect(watch.served.filter((url) => url === riskScript)).toHaveLength(1);
      expectCleanPage(watch, 'excel');
    } finally {
      await context.close();
    }
  });
});
