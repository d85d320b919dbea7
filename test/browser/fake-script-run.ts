// A fake of google.script.run for the sidebar page (bundled by esbuild and added with page.addInitScript, so it
// exists before the sidebar's script runs, as Google's client does). Like the real one: handlers are chained
// with withSuccessHandler / withFailureHandler, a server function is called by name and answers later,
// arguments and results travel as JSON, and a server exception reaches the failure handler as an Error.
// The call itself goes to Node through the page binding `pmoScriptServer`, where the real Code.js runs.

type Handler = (value: unknown) => void;

declare const pmoScriptServer: (
  name: string,
  argsJson: string,
) => Promise<{ ok: true; json: string } | { ok: false; message: string }>;

function runner(
  success: Handler | undefined,
  failure: Handler | undefined,
  names: readonly string[],
): Record<string, unknown> {
  const target: Record<string, unknown> = {
    withSuccessHandler: (handler: Handler) => runner(handler, failure, names),
    withFailureHandler: (handler: Handler) => runner(success, handler, names),
  };
  for (const name of names)
    target[name] = (...args: unknown[]) => {
      pmoScriptServer(name, JSON.stringify(args)).then(
        (answer) => {
          if (answer.ok) success?.(answer.json === undefined ? undefined : JSON.parse(answer.json));
          else failure?.(new Error(answer.message));
        },
        (error: unknown) => failure?.(error instanceof Error ? error : new Error(String(error))),
      );
    };
  return target;
}

/** Installs google.script.run with the top-level server function names of Code.js. */
export function installScriptRun(names: readonly string[]): void {
  Object.assign(globalThis, { google: { script: { run: runner(undefined, undefined, names) } } });
}

Object.assign(globalThis, { pmoInstallScriptRun: installScriptRun });
