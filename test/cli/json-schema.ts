// A checker for the subset of JSON Schema that INSPECT_JSON_SCHEMA uses (types, required, additional
// properties, patterns, bounds, enums, minItems), shared by the tests of `pmo inspect --json`.

type Schema = Readonly<Record<string, unknown>>;

/** The places where `value` breaks `schema` (the subset of JSON Schema INSPECT_JSON_SCHEMA uses). */
export function schemaErrors(value: unknown, schema: Schema, at = '$'): string[] {
  const errors: string[] = [];
  const type = schema.type;
  if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at}: not an object`];
    const record = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? [])
      if (!(key in record)) errors.push(`${at}: no ${key}`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, item] of Object.entries(record)) {
      const sub = properties[key] ?? schema.additionalProperties;
      if (sub === false) errors.push(`${at}: unexpected ${key}`);
      else if (typeof sub === 'object' && sub !== null)
        errors.push(...schemaErrors(item, sub as Schema, `${at}.${key}`));
    }
  } else if (type === 'array') {
    if (!Array.isArray(value)) return [`${at}: not an array`];
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      errors.push(`${at}: too few items`);
    value.forEach((item, i) => {
      errors.push(...schemaErrors(item, schema.items as Schema, `${at}[${i}]`));
    });
  } else if (type === 'string') {
    if (typeof value !== 'string') return [`${at}: not a string`];
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      errors.push(`${at}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') return [`${at}: not a boolean`];
  } else if (type === 'integer' || type === 'number') {
    if (typeof value !== 'number' || (type === 'integer' && !Number.isInteger(value)))
      return [`${at}: not an ${type}`];
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: above maximum`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${at}: ${JSON.stringify(value)} not one of ${schema.enum.join(', ')}`);
  return errors;
}
