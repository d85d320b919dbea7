// The part of the shared-runtime page that functions.js uses to load a family script on a first call
// (excel-addin/lazy-functions.ts): `document.createElement('script')` and `document.head.appendChild`. As in a
// browser, a script element added by code is fetched and run asynchronously ("dynamically inserted scripts are
// async by default"; the element fires `load` after the script has run, `error` when it could not be fetched:
// "HTMLScriptElement", https://developer.mozilla.org/docs/Web/API/HTMLScriptElement, *async* and *Events*).

import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

interface FakeScriptElement {
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  remove(): void;
}

export interface PageScripts {
  /** The `document` global of the page. */
  readonly document: object;
  /** Every `src` added to the page, in order. */
  readonly requested: string[];
}

/**
 * A page whose scripts are the files of `dir` (a `src` is relative to the page, as dist/excel/ is served beside
 * taskpane.html): `run` executes a fetched script in the page's scope; a `src` in `unreachable`, or not in `dir`,
 * fails to load.
 */
export function pageScripts(
  dir: string,
  run: (code: string) => void,
  unreachable: readonly string[] = [],
): PageScripts {
  const requested: string[] = [];
  const head = {
    appendChild(element: FakeScriptElement) {
      requested.push(element.src);
      const file = normalize(join(dir, element.src));
      setTimeout(() => {
        if (unreachable.includes(element.src) || !file.startsWith(dir) || !existsSync(file)) {
          element.onerror?.();
          return;
        }
        run(readFileSync(file, 'utf8'));
        element.onload?.();
      }, 0);
      return element;
    },
  };
  const document = {
    head,
    createElement(tag: string): FakeScriptElement {
      if (tag !== 'script') throw new Error(`the fake page creates <script> elements only, not <${tag}>`);
      return { src: '', onload: null, onerror: null, remove() {} };
    },
  };
  return { document, requested };
}
