import { describe, expect, it } from 'vitest';
import { createGuard, pendingMigrations } from '../../../src/server/store/common.ts';
import { StoreConflictError, StoreUnavailableError } from '../../../src/server/store/index.ts';

describe('the stores’ shared guard', () => {
  const constraint = Object.assign(new Error('UNIQUE constraint failed'), { code: 'C' });
  const guard = createGuard((error) => (error as { code?: string }).code === 'C');

  it('passes a result through, whether the driver answers at once or later', async () => {
    await expect(guard(() => 7)).resolves.toBe(7);
    await expect(guard(async () => 8)).resolves.toBe(8);
  });

  it('turns a broken constraint into a conflict where the operation names one', async () => {
    const conflict = guard(() => {
      throw constraint;
    }, 'the site x already exists');
    await expect(conflict).rejects.toThrow(StoreConflictError);
    await expect(conflict).rejects.toThrow('the site x already exists');
  });

  it('turns every other failure, and a constraint without a conflict message, into a 503', async () => {
    const failures = [
      guard(() => {
        throw constraint;
      }),
      guard(async () => {
        throw new Error('connection refused');
      }, 'the site x already exists'),
    ];
    for (const failure of failures) await expect(failure).rejects.toThrow(StoreUnavailableError);
    await expect(failures[1]).rejects.toThrow('the database failed: connection refused');
  });

  it('lets a conflict raised inside the work through as it is', async () => {
    const inner = new StoreConflictError('already redeemed');
    await expect(
      guard(async () => {
        throw inner;
      }),
    ).rejects.toBe(inner);
  });
});

describe('pending migrations', () => {
  const migrations = ['CREATE TABLE a (x)', 'CREATE TABLE b (y)'];

  it('are those after the database’s version', () => {
    expect(pendingMigrations(0, migrations)).toEqual(migrations);
    expect(pendingMigrations(1, migrations)).toEqual(['CREATE TABLE b (y)']);
    expect(pendingMigrations(2, migrations)).toEqual([]);
  });

  it('refuse a database newer than the endpoint knows', () => {
    expect(() => pendingMigrations(3, migrations)).toThrow(
      'the database has schema 3, newer than this endpoint knows',
    );
  });
});
