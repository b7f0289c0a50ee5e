import { afterAll, describe } from 'vitest';
import { serverForTests } from '../helpers/db.js';
import { seedLoadSuite } from './load-suite.js';

// A real MariaDB server in a temporary folder (test/helpers/db.ts); under CI=true it must start.
const server = await serverForTests('mysql');
afterAll(async () => {
  await server?.stop();
});

describe.runIf(server !== undefined)('MariaDB', () => {
  seedLoadSuite('mysql', server);
});
