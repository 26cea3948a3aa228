// Every DOM test gets a fresh in-memory IndexedDB and an emptied document.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
