import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Made independently of this code (by the product's owner, from the official calendar), and
// copied into the repository unchanged so that a clone tests against it on its own.
const FIXTURE = path.resolve(__dirname, '../fixtures/holidays-no-2024-2030.json');

/** The independent holiday fixture: each year's twelve days with their English weekday. */
export interface HolidayFixture {
  years: Record<string, Array<{ date: string; weekday: string; name: string }>>;
}

/** Reads the fixture, failing with where it was expected when it is missing. */
export function readHolidayFixture(): HolidayFixture {
  if (!existsSync(FIXTURE)) {
    throw new Error(
      `The holiday fixture is missing: expected at ${FIXTURE} (test/fixtures/ in the repository).`,
    );
  }
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as HolidayFixture;
}
