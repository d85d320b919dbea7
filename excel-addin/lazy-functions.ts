// Functions that functions.js registers without carrying them. A family of the catalog whose code would not fit
// functions.js's budget (DESIGN §9) lives in a script of its own beside it (lazy-global.ts); functions.js
// associates each of its ids with a stand-in that adds `<script src="…">` to the shared-runtime page on the first
// call, waits for it, and from then on calls the family's catalog entry directly.
//
// Excel waits for a custom function that returns a Promise and shows its value when it settles (the custom
// function of "Batch custom function calls for a remote service" returns the Promise of its batched request,
// https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-batching): only the first call, while the
// script loads, is asynchronous.

import type { FunctionSpec } from '../core/functions/types';
import { type CustomFunctionsApi, callForExcel } from './excel-values';
import { LAZY_FUNCTIONS_GLOBAL, type LazyFamily } from './lazy-global';

/** Adds `<script src>` to the page; settles when the script has run (or could not be loaded). */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (typeof document === 'undefined') {
      reject(new Error('there is no page to load it into'));
      return;
    }
    const script = document.createElement('script');
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error('could not be loaded'));
    };
    script.src = src;
    document.head.appendChild(script);
  });
}

/** The catalog entries a family script has published, once it has run. */
function published(script: string): readonly FunctionSpec[] | undefined {
  const scope = globalThis as unknown as Record<string, Record<string, readonly FunctionSpec[]> | undefined>;
  return scope[LAZY_FUNCTIONS_GLOBAL]?.[script];
}

/**
 * Associates every function of `families` with a stand-in: it calls the family's catalog entry when its script has
 * run, else loads the script once (concurrent first calls share the load; a failed load is tried again on the next
 * call) and answers when it has. A load that fails answers #N/A with a message naming the script.
 */
export function registerLazyFunctions(api: CustomFunctionsApi, families: readonly LazyFamily[]): void {
  for (const { script, names } of families) {
    let loading: Promise<void> | undefined;
    for (const name of names) {
      const call = (args: unknown[]): unknown[][] => {
        const spec = published(script)?.find((candidate) => candidate.name === name);
        if (spec) return callForExcel(api, spec, args);
        const missing = `PMO.${name} is not in ${script}: reload the add-in.`;
        return [[new api.Error(api.ErrorCode.notAvailable as never, missing)]];
      };
      api.associate(name, (...args: unknown[]) => {
        if (published(script)) return call(args);
        loading ??= loadScript(script).catch((reason: unknown) => {
          loading = undefined;
          throw reason;
        });
        return loading.then(
          () => call(args),
          (reason: unknown) => [
            [
              new api.Error(
                api.ErrorCode.notAvailable as never,
                `PMO.${name} needs ${script}, which ${reason instanceof Error ? reason.message : String(reason)}: check the connection, then recalculate.`,
              ),
            ],
          ],
        );
      });
    }
  }
}
