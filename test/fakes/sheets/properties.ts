// A fake of PropertiesService's document properties: string values kept with the spreadsheet, null for a key
// never set.
//
// Properties reference — https://developers.google.com/apps-script/reference/properties/properties:
// getProperty(key) "Gets the value associated with the given key ... or null if not found"; setProperty(key, value).
// Quotas for Google Services — https://developers.google.com/apps-script/guides/services/quotas:
// "Properties value size: 9kB / val" (a larger value throws "Argument too large: value").

import type { SheetsHost } from './spreadsheet';

/** The largest value a property may hold, in characters (9 kB of UTF-16 text is taken as 9 × 1024 characters). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;

export function propertiesService(host: SheetsHost) {
  const store = {
    getProperty(key: string): string | null {
      host.record('Properties.getProperty');
      return host.documentProperties.get(String(key)) ?? null;
    },
    setProperty(key: string, value: unknown) {
      host.record('Properties.setProperty', { changes: true });
      if (typeof value !== 'string') throw new Error('fake Properties: values must be strings.');
      if (value.length > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
      host.documentProperties.set(String(key), value);
      return store;
    },
    deleteProperty(key: string) {
      host.record('Properties.deleteProperty', { changes: true });
      host.documentProperties.delete(String(key));
      return store;
    },
  };
  return {
    getDocumentProperties() {
      host.record('PropertiesService.getDocumentProperties');
      return store;
    },
  };
}
