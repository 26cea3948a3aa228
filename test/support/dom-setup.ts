// Every DOM test gets a fresh in-memory IndexedDB and an emptied document.
import 'fake-indexeddb/auto';
// Staff screens are rendered on their own in tests; the app loads these texts with staff mode.
import '../../src/i18n/staff.ts';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeAll } from 'vitest';

// The settings store loads its schemas (and zod) with the first read; loaded here once, so a
// test's first read does not spend a busy machine's module-transform time inside its waitFor.
beforeAll(() => import('../../src/storage/setting-schemas.ts'));

afterEach(() => {
  cleanup();
});
