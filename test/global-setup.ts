// Builds dist/ once before the tests, so host tests exercise the shipped bundles the way each host loads them.

import { buildAll } from '../scripts/build';

export default async function setup(): Promise<void> {
  await buildAll();
}
