// The door's questions after a tap: asked one after another, each answered, skipped or timed
// out; every answer counted once on its own question's counter with no hour, never in a key
// with another answer or an hour; a new tap ends the previous visitor's questions.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../../src/domain/presets/index.ts';
import { createTranslator } from '../../../src/i18n/index.ts';
import type { SiteConfig } from '../../../src/shared/site-config.ts';
import type { KioskStorage } from '../../../src/state/index.ts';
import * as afterPaint from '../../../src/ui/door/after-paint.ts';
import { CheckInPanel } from '../../../src/ui/door/CheckInPanel.tsx';
import { StoreContext } from '../../../src/ui/store-context.ts';
import { toCounts } from '../../../src/storage/index.ts';
import { NO_HOUR } from '../../../src/storage/rows.ts';
import { testKiosk, totalsOf } from '../../support/kiosk.ts';

const MONDAY = '2026-11-23';
const QUESTION_MS = 200;
const THREE: SiteConfig = {
  ...hjerteromAlta,
  questions: {
    own: {
      id: 'jeg-er',
      text: { nb: 'Jeg er …' },
      options: [
        { id: 'deltaker', label: { nb: 'Deltaker' } },
        { id: 'tidgiver', label: { nb: 'Tidgiver' }, countsAs: 'middag' },
      ],
    },
    ready: ['aldersgruppe', 'kjonn'],
  },
};
/** Each question's legend and the answer a visitor gives when they answer it. */
const ASKED = [
  { counter: 'jeg-er', legend: 'Jeg er …', answer: 'Deltaker', option: 'deltaker' },
  { counter: 'aldersgruppe', legend: 'Hvor gammel er du?', answer: '26–66', option: '26-66' },
  { counter: 'kjonn', legend: 'Kjønn', answer: 'Kvinne', option: 'kvinne' },
] as const;
const QUESTION_COUNTERS: readonly string[] = ASKED.map(({ counter }) => counter);

/** The panel on a fresh kiosk: short time-outs and no double-tap guard unless given. */
function renderPanel({ doubleTapMs = 0 } = {}) {
  const config = THREE;
  const kiosk = testKiosk({ config });
  const { unmount } = render(
    <StoreContext.Provider value={kiosk.store}>
      <CheckInPanel
        config={config}
        translator={createTranslator('nb')}
        afterClosing={false}
        onWelcomeDone={() => undefined}
        questionMs={QUESTION_MS}
        doubleTapMs={doubleTapMs}
        afterPaint={afterPaint}
      />
    </StoreContext.Provider>,
  );
  return { ...kiosk, unmount };
}

const tap = () => fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
const question = (legend: string) => screen.findByRole('group', { name: legend });

/** The day's roll-up, its stored keys (tally rows) and its raw events. */
async function recorded(storage: KioskStorage) {
  const totals = await totalsOf(storage, MONDAY);
  const keys = (await storage.db.tally.where('day').equals(MONDAY).toArray()).map(toCounts);
  const events = await storage.db.events.where('day').equals(MONDAY).toArray();
  return { totals, keys, events };
}

/**
 * No stored key joins an answer to an hour or to a visit, and no event links an answer to the
 * tap or its hour; each question's answers (no-answer included) sum to `visitors`.
 */
async function expectEachAnsweredOnce(storage: KioskStorage, visitors: number) {
  const { totals, keys, events } = await recorded(storage);
  for (const key of keys) {
    if (QUESTION_COUNTERS.includes(key.counter)) {
      expect(key.hour, key.counter).toBeUndefined();
      expect(key.option, key.counter).toBeDefined();
    }
    // A visit's key never carries an answer.
    if (key.counter === 'visit') expect(key.option).toBeUndefined();
  }
  for (const counter of QUESTION_COUNTERS) {
    const answers = totals.filter((t) => t.counter === counter && t.option !== undefined);
    expect(
      answers.reduce((n, t) => n + t.net, 0),
      counter,
    ).toBe(visitors);
    expect(totals.some((t) => t.counter === counter && t.hour !== undefined)).toBe(false);
  }
  for (const event of events.filter((e) => QUESTION_COUNTERS.includes(e.counter))) {
    expect(event.hour).toBe(NO_HOUR);
    expect(event).not.toHaveProperty('refines');
    expect(event.at % 86_400_000).toBe(0);
  }
  const visitsAt12 = totals.find((t) => t.counter === 'visit' && t.hour === 12);
  expect(visitsAt12?.net).toBe(visitors);
  return totals;
}

const net = (
  totals: Array<{ counter: string; option?: string; hour?: number; net: number }>,
  counter: string,
  option: string,
) =>
  totals.find((t) => t.counter === counter && t.option === option && t.hour === undefined)?.net ??
  0;

type Way = 'answer' | 'skip' | 'time-out';
const WAYS: Way[] = ['answer', 'skip', 'time-out'];
const COMBINATIONS = WAYS.flatMap((a) => WAYS.flatMap((b) => WAYS.map((c) => [a, b, c] as const)));

describe('three questions after a tap', () => {
  it.each(COMBINATIONS)(
    '%s, %s, %s: each answer counted once, never with an hour or another answer',
    async (...ways) => {
      const kiosk = renderPanel();
      tap();
      for (const [i, way] of ways.entries()) {
        const { legend, answer } = ASKED[i]!;
        await question(legend);
        if (way === 'answer') fireEvent.click(screen.getByRole('button', { name: answer }));
        if (way === 'skip') fireEvent.click(screen.getByRole('button', { name: 'Hopp over' }));
        // A time-out: nobody touches it, and the next question (or the end) follows.
        await waitFor(() => expect(screen.queryByRole('group', { name: legend })).toBeNull(), {
          timeout: QUESTION_MS * 3,
        });
      }
      const storage = await kiosk.storage;
      await waitFor(async () => {
        const totals = await expectEachAnsweredOnce(storage, 1);
        for (const [i, way] of ways.entries()) {
          const { counter, option } = ASKED[i]!;
          expect(net(totals, counter, way === 'answer' ? option : 'no-answer'), counter).toBe(1);
        }
      });
    },
  );

  it('a touch restarts the time-out; left alone, the question counts no-answer', async () => {
    const kiosk = renderPanel();
    tap();
    const first = await question('Jeg er …');
    for (let i = 0; i < 3; i++) {
      await act(() => new Promise((done) => setTimeout(done, QUESTION_MS * 0.6)));
      fireEvent.pointerDown(first);
    }
    // 1.8 × the time-out has passed with touches: still the first question.
    expect(screen.getByRole('group', { name: 'Jeg er …' })).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Jeg er …' })).toBeNull(), {
      timeout: QUESTION_MS * 3,
    });
    await question('Hvor gammel er du?');
    await waitFor(async () =>
      expect(net((await recorded(await kiosk.storage)).totals, 'jeg-er', 'no-answer')).toBe(1),
    );
  });

  it("Sjekk inn stays reachable; a new tap ends the previous visitor's questions as no-answer", async () => {
    const kiosk = renderPanel();
    tap();
    await question('Jeg er …');
    fireEvent.click(screen.getByRole('button', { name: 'Deltaker' }));
    await question('Hvor gammel er du?');
    // The next visitor taps while the first one's second question is showing.
    tap();
    await waitFor(async () => {
      const { totals } = await recorded(await kiosk.storage);
      expect(net(totals, 'aldersgruppe', 'no-answer')).toBe(1);
      expect(net(totals, 'kjonn', 'no-answer')).toBe(1);
    });
    // The new visitor is asked from the start.
    await question('Jeg er …');
    fireEvent.click(screen.getByRole('button', { name: 'Deltaker' }));
    fireEvent.click(await screen.findByRole('button', { name: '18–25' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mann' }));
    const storage = await kiosk.storage;
    await waitFor(async () => {
      const totals = await expectEachAnsweredOnce(storage, 2);
      expect(net(totals, 'jeg-er', 'deltaker')).toBe(2);
      expect(net(totals, 'aldersgruppe', '18-25')).toBe(1);
      expect(net(totals, 'kjonn', 'mann')).toBe(1);
    });
  });

  it('the door leaving (staff mode opens) ends the questions: the rest count no-answer', async () => {
    const kiosk = renderPanel();
    tap();
    await question('Jeg er …');
    fireEvent.click(screen.getByRole('button', { name: 'Deltaker' }));
    await question('Hvor gammel er du?');
    kiosk.unmount();
    const storage = await kiosk.storage;
    await waitFor(async () => {
      const totals = await expectEachAnsweredOnce(storage, 1);
      expect(net(totals, 'jeg-er', 'deltaker')).toBe(1);
      expect(net(totals, 'aldersgruppe', 'no-answer')).toBe(1);
      expect(net(totals, 'kjonn', 'no-answer')).toBe(1);
    });
  });

  it('an answer that counts elsewhere (a tidgiver) moves the tap and ends the questions', async () => {
    const kiosk = renderPanel();
    tap();
    await question('Jeg er …');
    fireEvent.click(screen.getByRole('button', { name: 'Tidgiver' }));
    await waitFor(() => expect(screen.queryByRole('group')).toBeNull());
    // Not asked again, not timed out into a no-answer later.
    await act(() => new Promise((done) => setTimeout(done, QUESTION_MS * 2)));
    const { totals } = await recorded(await kiosk.storage);
    expect(totals.filter((t) => QUESTION_COUNTERS.includes(t.counter))).toEqual([]);
    expect(totals.find((t) => t.counter === 'visit' && t.hour === 12)?.net ?? 0).toBe(0);
    expect(totals.find((t) => t.counter === 'middag' && t.hour === undefined)?.net).toBe(1);
  });

  it('a double tap on Sjekk inn while the questions show counts one visitor', async () => {
    // The door's own guard: a second Sjekk inn within a second is the same finger.
    const kiosk = renderPanel({ doubleTapMs: 1000 });
    tap();
    await question('Jeg er …');
    tap();
    await act(() => new Promise((done) => setTimeout(done, 50)));
    const { totals } = await recorded(await kiosk.storage);
    expect(totals.find((t) => t.counter === 'visit' && t.hour === 12)?.net).toBe(1);
    expect(screen.getByRole('group', { name: 'Jeg er …' })).toBeVisible();
  });
});
