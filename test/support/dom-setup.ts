// Every DOM test gets a fresh in-memory IndexedDB and an emptied document.
import 'fake-indexeddb/auto';
// Staff screens are rendered on their own in tests; the app loads these texts with staff mode.
import '../../src/i18n/staff.ts';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
