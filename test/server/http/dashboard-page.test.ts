// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// A path, not a URL: happy-dom replaces the URL class.
const page = readFileSync(
  join(import.meta.dirname, '../../../src/server/http/dashboard/page.html'),
  'utf8',
);

/** The days the stubbed endpoint answers with, set per test. */
let days: Array<{ date: string; replicas: number; closed: boolean; totals: unknown[] }> = [];
const day = (date: string, net: number) => ({
  date,
  replicas: 1,
  closed: true,
  totals: [{ counter: 'visit', net }],
});

async function show(wanted: typeof days): Promise<string> {
  days = wanted;
  document.getElementById('range')!.dispatchEvent(new Event('submit', { cancelable: true }));
  const status = document.getElementById('status')!;
  await expect.poll(() => status.textContent).toMatch(/med tall/);
  return status.textContent ?? '';
}

beforeAll(async () => {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(page)![1]!;
  sessionStorage.setItem('terskel-admin-token', 'test-token');
  globalThis.fetch = (async (input: string) => {
    const body = input.startsWith('/api/v1/admin/sites')
      ? { sites: [{ slug: 'hjerterom-alta', name: 'Hjerterom Alta', devices: [] }] }
      : { days };
    return new Response(JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
  // Through a variable: the script is plain checked JavaScript, with no declarations to import.
  const script = '../../../src/server/http/dashboard/app.js';
  await import(/* @vite-ignore */ script);
  document.dispatchEvent(new Event('DOMContentLoaded'));
  // expect.poll works only inside a test: wait for the sites by hand.
  for (let tries = 0; document.getElementById('site')!.textContent === ''; tries++) {
    if (tries > 100) throw new Error('the dashboard never listed the sites');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
});

describe("the coordinator's dashboard", () => {
  it('says "1 dag" and "2 dager" in plain Norwegian', async () => {
    expect(await show([day('2026-12-03', 12)])).toBe('1 dag med tall.');
    expect(await show([day('2026-12-03', 12), day('2026-12-04', 20)])).toBe('2 dager med tall.');
    expect(await show([])).toBe('Ingen dager med tall i denne perioden.');
  });

  it('labels each bar with a short Norwegian date at its own size, never stretched', async () => {
    await show([day('2026-11-30', 3), day('2026-12-01', 5)]);
    const svg = document.querySelector('#chart svg')!;
    expect(svg.getAttribute('preserveAspectRatio')).toBeNull();
    expect(svg.getAttribute('width')).toBe(svg.getAttribute('viewBox')!.split(' ')[2]);
    const labels = [...svg.querySelectorAll('text')].map((label) => label.textContent);
    expect(labels).toEqual(['30.11.', '1.12.']);
    expect(document.getElementById('counter')!.textContent).toBe('Besøk');
  });

  it('thins the labels of a long range to every seventh day', async () => {
    const long = Array.from({ length: 60 }, (_, i) =>
      day(new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10), i),
    );
    await show(long);
    const labels = [...document.querySelectorAll('#chart svg text')].map((l) => l.textContent);
    expect(labels).toHaveLength(9);
    expect(labels.slice(0, 2)).toEqual(['1.10.', '8.10.']);
  });
});
