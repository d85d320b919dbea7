// google.script.run inside the sidebar page (bundled by esbuild and added with page.addInitScript, so it exists
// before the sidebar's script runs, as Google's client does). The call goes to Node through the page binding
// `pmoScriptServer`, where apps-script.ts runs the real Code.js.
//
// "Class google.script.run (Client-side API)" — https://developers.google.com/apps-script/guides/html/reference/run:
// withSuccessHandler(function), withFailureHandler(function) and withUserObject(object) return a new runner;
// "any server-side function" is called by name and answers asynchronously; the success handler gets the return
// value (and the user object), the failure handler the exception as an Error (and the user object).
// "HTML Service: Communicate with Server Functions" — https://developers.google.com/apps-script/guides/html/communication:
// "Legal parameters ... are JavaScript primitives like a Number, Boolean, String, or null, as well as JavaScript
// objects and arrays that are composed of primitives, objects and arrays ... Requests fail if you attempt to pass
// a Date, Function, DOM element besides a form, or other prohibited type, including prohibited types inside
// objects or arrays." The failure handler then gets "Failed due to illegal value in property: <path>".

type Handler = (value: unknown, userObject?: unknown) => void;

declare const pmoScriptServer: (
  name: string,
  argsJson: string,
) => Promise<{ ok: true; json: string | undefined } | { ok: false; message: string }>;

/** The path of the first value google.script.run refuses in `value`, or undefined when all are legal. */
function illegalPath(value: unknown, path: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return undefined;
  if (typeof value !== 'object') return path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = illegalPath(item, `${path}.${i}`.replace(/^\./, ''));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return path;
  for (const [key, item] of Object.entries(value)) {
    const found = illegalPath(item, `${path}.${key}`.replace(/^\./, ''));
    if (found !== undefined) return found;
  }
  return undefined;
}

function runner(
  success: Handler | undefined,
  failure: Handler | undefined,
  userObject: unknown,
  names: readonly string[],
): Record<string, unknown> {
  const target: Record<string, unknown> = {
    withSuccessHandler: (handler: Handler) => runner(handler, failure, userObject, names),
    withFailureHandler: (handler: Handler) => runner(success, handler, userObject, names),
    withUserObject: (object: unknown) => runner(success, failure, object, names),
  };
  for (const name of names)
    target[name] = (...args: unknown[]) => {
      const illegal = args.map((arg, i) => illegalPath(arg, String(i))).find((path) => path !== undefined);
      if (illegal !== undefined) {
        setTimeout(() =>
          failure?.(new Error(`Failed due to illegal value in property: ${illegal}`), userObject),
        );
        return;
      }
      pmoScriptServer(name, JSON.stringify(args)).then(
        (answer) => {
          if (answer.ok)
            success?.(answer.json === undefined ? undefined : JSON.parse(answer.json), userObject);
          else failure?.(new Error(answer.message), userObject);
        },
        (error: unknown) => failure?.(error instanceof Error ? error : new Error(String(error)), userObject),
      );
    };
  return target;
}

/** Installs google.script.run with the server functions Code.js offers. */
export function installScriptRun(names: readonly string[]): void {
  Object.assign(globalThis, { google: { script: { run: runner(undefined, undefined, undefined, names) } } });
}

Object.assign(globalThis, { pmoInstallScriptRun: installScriptRun });
