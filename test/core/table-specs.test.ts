import { describe, expect, it } from 'vitest';
import { INITIATIVES_TABLE } from '../../core/initiatives/table';
import { RISK_REGISTER_TABLE } from '../../core/risk/register';
import { normalizeHeader, type TableSpec } from '../../core/table';
import { ASSIGNMENTS_TABLE, RESOURCES_TABLE, TIME_OFF_TABLE } from '../../core/utilization';

const SPECS: readonly TableSpec[] = [
  RESOURCES_TABLE,
  ASSIGNMENTS_TABLE,
  TIME_OFF_TABLE,
  INITIATIVES_TABLE,
  RISK_REGISTER_TABLE,
];

describe('table specs', () => {
  it.each(SPECS.map((spec) => [spec.name, spec] as const))(
    '%s gives every header text to one column only',
    (_name, spec) => {
      const owner = new Map<string, string>();
      const collisions: string[] = [];
      for (const column of spec.columns) {
        for (const synonym of [column.label, ...column.synonyms]) {
          const key = normalizeHeader(synonym);
          const first = owner.get(key);
          if (first !== undefined && first !== column.key)
            collisions.push(`"${synonym}" means both ${first} and ${column.key}`);
          else owner.set(key, column.key);
        }
      }
      expect(collisions).toEqual([]);
    },
  );
});
