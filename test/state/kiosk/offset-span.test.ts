// The zone offset a cold start's first tap is placed by: checked ahead once started, and
// every 12 hours after.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createOffsetSpanStore,
  OFFSET_SPAN_EVERY_MS,
} from '../../../src/state/kiosk/offset-span.ts';

const KEY = 'terskel:offset-span';
const MONDAY_1250 = Date.UTC(2026, 10, 23, 11, 50);

afterEach(() => {
  vi.useRealTimers();
  localStorage.removeItem(KEY);
});

describe('the offset span store', () => {
  it('writes nothing until started; then the span ahead, and again every 12 hours', () => {
    vi.useFakeTimers();
    let now = MONDAY_1250;
    const span = createOffsetSpanStore({ now: () => now, timeZone: () => 'Europe/Oslo' });
    expect(localStorage.getItem(KEY)).toBeNull();
    span.start();
    span.start();
    expect(JSON.parse(localStorage.getItem(KEY) ?? 'null')).toMatchObject({
      timeZone: 'Europe/Oslo',
      offsetMs: 3_600_000,
      from: MONDAY_1250,
    });
    now += OFFSET_SPAN_EVERY_MS;
    vi.advanceTimersByTime(OFFSET_SPAN_EVERY_MS);
    expect(JSON.parse(localStorage.getItem(KEY) ?? 'null')).toMatchObject({ from: now });
    span.dispose();
    now += OFFSET_SPAN_EVERY_MS;
    vi.advanceTimersByTime(OFFSET_SPAN_EVERY_MS);
    expect(JSON.parse(localStorage.getItem(KEY) ?? 'null')).toMatchObject({
      from: now - OFFSET_SPAN_EVERY_MS,
    });
  });

  it('a store disposed before it started never starts', () => {
    const span = createOffsetSpanStore({ now: () => MONDAY_1250, timeZone: () => 'Europe/Oslo' });
    span.dispose();
    span.start();
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});
