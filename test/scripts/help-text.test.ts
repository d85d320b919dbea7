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
  it('empties every description and every returns, and keeps names, kinds, defaults and code', () => {
    const text = withoutHelpText(ENTRY);
    expect(text).not.toContain('What F does.');
    expect(text).toContain("name: 'F',\n  description: '',");
    expect(text).toContain("returns: ''");
    expect(text).toContain("{ name: 'a', kind: 'number', default: 2, description: '' }");
    expect(text).toContain("{ ...B, description: '' }");
    expect(text).toContain('run: ([a]) => [[a]]');
  });
});
