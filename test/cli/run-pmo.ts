// Running the `pmo` command in-process for the CLI tests: its exit code and everything it wrote.

import { type CliIo, main } from '../../cli/pmo';

/** `pmo argv…` with no terminal and no environment: the exit code, stdout and stderr. */
export async function runPmo(
  argv: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  };
  return { code: await main(argv, io), stdout, stderr };
}
