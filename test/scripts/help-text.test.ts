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
  it('empties every parameter description and every returns, and keeps names, kinds, defaults and code', () => {
    const text = withoutHelpText(ENTRY, true);
    expect(text).toContain("description: 'What F does.'");
    expect(text).toContain("returns: ''");
    expect(text).toContain("{ name: 'a', kind: 'number', default: 2, description: '' }");
    expect(text).toContain("{ ...B, description: '' }");
    expect(text).toContain('run: ([a]) => [[a]]');
  });

  it('empties the function descriptions too when they are not shown', () => {
    expect(withoutHelpText(ENTRY, false)).toContain("description: ''");
    expect(withoutHelpText(ENTRY, false)).not.toContain('What F does.');
  });
});
