// Every DOM test gets a fresh in-memory IndexedDB and an emptied document.
import 'fake-indexeddb/auto';
// Staff screens are rendered on their own in tests; the app loads these texts with staff mode.
import '../../src/i18n/staff.ts';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeAll, expect } from 'vitest';
import { settleKiosks } from './kiosk.ts';

// The settings store loads its schemas (and zod) with the first read; loaded here once, so a
// test's first read does not spend a busy machine's module-transform time inside its waitFor.
beforeAll(() => import('../../src/storage/setting-schemas.ts'));

afterEach(async () => {
  cleanup();
  await settleKiosks();
});

/** Why an element is not seen by a person, or undefined when it is. */
export function whyHidden(element: Element): string | undefined {
  if (!element.isConnected) return 'it is not in the document';
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    const style = getComputedStyle(node);
    const name = node === element ? 'it' : `its ancestor <${node.tagName.toLowerCase()}>`;
    if (node.hasAttribute('hidden')) return `${name} has the hidden attribute`;
    if (style.display === 'none') return `${name} has display: none`;
    if (style.visibility === 'hidden' || style.visibility === 'collapse') {
      return `${name} has visibility: ${style.visibility}`;
    }
    if (style.opacity === '0') return `${name} has opacity: 0`;
    const details = node.parentElement;
    if (
      details?.tagName === 'DETAILS' &&
      !details.hasAttribute('open') &&
      node.tagName !== 'SUMMARY'
    ) {
      return `${name} is inside a closed <details>`;
    }
  }
  return undefined;
}

// @testing-library/jest-dom is not installed: its one matcher the tests need, written here.
expect.extend({
  toBeVisible(received: unknown) {
    if (!(received instanceof Element)) {
      return { pass: false, message: () => `expected an element, received ${String(received)}` };
    }
    const why = whyHidden(received);
    return {
      pass: why === undefined,
      message: () =>
        why === undefined
          ? `expected <${received.tagName.toLowerCase()}> not to be visible`
          : `expected <${received.tagName.toLowerCase()}> to be visible, but ${why}`,
    };
  },
});

declare module 'vitest' {
  // `any`: the type parameter must match vitest's own declaration of Matchers.
  interface Matchers<T = any> {
    /** The element is in the document and neither it nor an ancestor is hidden. */
    toBeVisible(): T;
  }
}
