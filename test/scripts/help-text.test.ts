// The build leaves the catalog's help text out of the bundles that never show it (scripts/help-text.ts).

import { describe, expect, it } from 'vitest';
import { withoutHelpText } from '../../scripts/help-text';

const ENTRY = `export const F = defineFunction({
  name: 'F',
  description: 'What F does.',
  returns: \`One \${'row'}.\`,
  params: [{ name: 'a', kind: 'number', default: 2, description: 'The a.' }, { ...B, description: 'The b.' }],
  run: ([a]) => [[a]],
});`;

describe('withoutHelpText', () => {
  it('takes out every description and every returns, and keeps names, kinds, defaults and code', () => {
    const text = withoutHelpText(ENTRY);
    expect(text).not.toMatch(/description|returns|What F does|The a\.|The b\./);
    expect(text).toMatch(/name: 'F',\s*params: \[/);
    expect(text).toMatch(/\{ name: 'a', kind: 'number', default: 2,\s*\}/);
    expect(text).toMatch(/\{ \.\.\.B,\s*\}/);
    expect(text).toContain('run: ([a]) => [[a]]');
  });
});
