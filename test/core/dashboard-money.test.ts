// Money in the workbook's own currency (issue 15 item 5): which number formats show a currency, where its symbol
// stands, and the dashboard's money in words with it.

import { describe, expect, it } from 'vitest';
import { currencyOf, moneyOf, PLAIN_MONEY } from '../../core/dashboard/money';

describe('the currency a number format shows', () => {
  it.each([
    // Excel's built-in and Format Cells currency and accounting formats (en-US, de-DE, en-GB, ja-JP, sv-SE, de-CH).
    ['"$"#,##0_);\\("$"#,##0\\)', '$', true, false],
    ['_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)', '$', true, true],
    ['$#,##0.00', '$', true, false],
    ['#,##0.00 [$€-407]', '€', false, true],
    ['_-* #,##0.00\\ [$€-407]_-;\\-* #,##0.00\\ [$€-407]_-;_-* "-"??\\ [$€-407]_-;_-@_-', '€', false, true],
    ['[$€-2] #,##0', '€', true, true],
    ['£#,##0;[Red]\\-£#,##0', '£', true, false],
    ['[$¥-411]#,##0', '¥', true, false],
    ['#,##0 "kr"', 'kr', false, true],
    ['"CHF" #,##0.00', 'CHF', true, true],
    ['[$CHF] #,##0', 'CHF', true, true],
    ['\\€#,##0', '€', true, false],
    // Google Sheets' currency formats.
    ['[$$]#,##0.00', '$', true, false],
    ['#,##0.00\\ [$€]', '€', false, true],
  ])('%s shows %s', (code, symbol, before, spaced) => {
    expect(currencyOf(code)).toEqual({ symbol, before, spaced });
  });

  it.each([
    'General',
    '#,##0',
    '0.00',
    '0%',
    '@',
    'yyyy-mm-dd',
    '[$-409]d-mmm-yy',
    '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy',
    '"$"',
    '[h]:mm',
    '0.0"x"',
  ])('%s shows no currency', (code) => {
    expect(currencyOf(code)).toBeUndefined();
  });
});

describe('money in words', () => {
  it('writes whole units, thousands separated, with the currency where the format puts it', () => {
    expect(moneyOf('"$"#,##0.00').text(3_575_000.4)).toBe('$3,575,000');
    expect(moneyOf('#,##0.00 [$€-407]').text(12_000)).toBe('12,000 €');
    expect(moneyOf('#,##0 "kr"').text(-1_500)).toBe('-1,500 kr');
    expect(moneyOf('£#,##0').text(-0.4)).toBe('£0');
    expect(moneyOf('"CHF" #,##0').text(950)).toBe('CHF 950');
  });

  it('keeps the source format for the cells, and plain #,##0 where the format shows no currency', () => {
    expect(moneyOf('_("$"* #,##0_)').format).toBe('_("$"* #,##0_)');
    expect(moneyOf('#,##0.00')).toBe(PLAIN_MONEY);
    expect(moneyOf(undefined)).toBe(PLAIN_MONEY);
    expect(PLAIN_MONEY.text(3_575_000)).toBe('3,575,000');
  });
});
