// Builds every shipped artefact: dist/excel (custom functions, shared-runtime page, metadata, assets),
// dist/gsheets (one-file Code.js with generated stubs, appsscript.json) and dist/cli (the pmo command).

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CATALOG } from '../core/functions/catalog';
import { appsScriptStubs, excelFunctionsJson, GENERATED_NOTICE } from './host-metadata';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BUNDLE_GLOBAL = 'PMO';

/** Builds everything into dist/; returns the sizes of the shipped scripts in bytes. */
export async function buildAll(): Promise<Record<string, number>> {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(join(dist, 'excel'), { recursive: true });
  mkdirSync(join(dist, 'gsheets'), { recursive: true });
  const common = { bundle: true, target: 'es2020', legalComments: 'none', logLevel: 'warning' } as const;

  await build({
    ...common,
    entryPoints: [join(root, 'excel-addin/functions.ts')],
    outfile: join(dist, 'excel/functions.js'),
    format: 'iife',
    minify: true,
    banner: { js: `// ${GENERATED_NOTICE}` },
  });
  if (existsSync(join(root, 'excel-addin/taskpane.ts'))) {
    await build({
      ...common,
      entryPoints: [join(root, 'excel-addin/taskpane.ts')],
      outfile: join(dist, 'excel/taskpane.js'),
      format: 'iife',
      minify: true,
    });
  }
  for (const file of ['taskpane.html', 'taskpane.css']) {
    if (existsSync(join(root, 'excel-addin', file)))
      cpSync(join(root, 'excel-addin', file), join(dist, 'excel', file));
  }
  if (existsSync(join(root, 'assets')))
    cpSync(join(root, 'assets'), join(dist, 'excel/assets'), { recursive: true });
  writeFileSync(
    join(dist, 'excel/functions.json'),
    `${JSON.stringify(excelFunctionsJson(CATALOG), null, 2)}\n`,
  );

  const sheetsBundle = await build({
    ...common,
    entryPoints: [join(root, 'gsheets/main.ts')],
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    write: false,
    minify: false,
  });
  const bundleText = sheetsBundle.outputFiles[0]?.text ?? '';
  writeFileSync(
    join(dist, 'gsheets/Code.js'),
    `// ${GENERATED_NOTICE}\n// Google Sheets custom functions PMO_*: paste into the Apps Script editor or push with clasp.\n\n${bundleText}\n${appsScriptStubs(CATALOG, BUNDLE_GLOBAL)}\n`,
  );
  cpSync(join(root, 'appsscript.json'), join(dist, 'gsheets/appsscript.json'));
  if (existsSync(join(root, 'gsheets/Sidebar.html')))
    cpSync(join(root, 'gsheets/Sidebar.html'), join(dist, 'gsheets/Sidebar.html'));

  if (existsSync(join(root, 'cli/pmo.ts')))
    await build({
      ...common,
      entryPoints: [join(root, 'cli/pmo.ts')],
      outfile: join(dist, 'cli/pmo.js'),
      platform: 'node',
      format: 'esm',
      target: 'node20',
      banner: {
        js: "#!/usr/bin/env node\nimport { createRequire as __pmoCreateRequire } from 'node:module';\nconst require = __pmoCreateRequire(import.meta.url);",
      },
    });

  const sizes: Record<string, number> = {};
  for (const file of ['excel/functions.js', 'excel/taskpane.js', 'gsheets/Code.js', 'cli/pmo.js']) {
    if (existsSync(join(dist, file))) sizes[file] = readFileSync(join(dist, file)).length;
  }
  return sizes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = await buildAll();
  for (const [file, bytes] of Object.entries(sizes))
    console.log(`dist/${file}  ${(bytes / 1024).toFixed(1)} KiB`);
}
