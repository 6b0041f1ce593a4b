// Opening (and migrating) a PostgreSQL schema while other processes drop theirs — tests
// finishing in parallel, a seeker leaving the sample — must not fail: Kysely's migrator lists
// every schema's tables first, and a schema vanishing under that query is not our problem.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/index.js';
import { DIALECTS, PG_URL } from './test-databases.js';

describe.runIf(DIALECTS.includes('postgres'))(
  'opening PostgreSQL beside schemas being dropped',
  () => {
    it('every open succeeds while another client creates and drops schemas', async () => {
      const churn = new pg.Client({ connectionString: PG_URL });
      await churn.connect();
      let stop = false;
      const tag = `churn_${process.pid}`;
      const churning = (async () => {
        for (let n = 0; !stop; n += 1) {
          await churn.query(`create schema ${tag}_${n}`);
          await churn.query(`create table ${tag}_${n}.t (a int)`);
          await churn.query(`drop schema ${tag}_${n} cascade`);
        }
      })();
      const opened: string[] = [];
      try {
        for (let i = 0; i < 12; i += 1) {
          const schema = `t_open_${process.pid}_${i}`;
          const database = await openDatabase({ databaseUrl: PG_URL, schema });
          opened.push(schema);
          await database.close();
        }
      } finally {
        stop = true;
        await churning;
        for (const schema of opened) await churn.query(`drop schema if exists ${schema} cascade`);
        await churn.end();
      }
      expect(opened).toHaveLength(12);
    });
  },
);
