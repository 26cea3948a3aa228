import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App.tsx';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { TAP_STORED_MARK } from '../../src/ui/door/CheckInPanel.tsx';
import {
  MONDAY_1250,
  THURSDAY_1200,
  net,
  testKiosk,
  testStorage,
  totalsOf,
} from '../support/kiosk.ts';
import type { KioskStorage } from '../../src/state/index.ts';
import { SHELL_GLOBALS } from '../../src/state/cold-start/index.ts';

const MONDAY = '2026-11-23';

function renderDoor(kiosk = testKiosk()) {
  render(<App store={kiosk.store} />);
  return kiosk;
}

describe('the door', () => {
  it('shows the site name, the date and a large Sjekk inn button', () => {
    renderDoor();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Blå Kors Hjerterom Alta' }),
    ).toBeVisible();
    expect(screen.getByText('mandag 23. november')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sjekk inn' })).toBeVisible();
  });

  it('a tap is stored, then Velkommen is announced', async () => {
    const kiosk = renderDoor();
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Velkommen!'));
    const totals = await totalsOf(await kiosk.storage, MONDAY);
    expect(net(totals, 'visit')).toBe(1);
  });

  it('the write starts with the tap itself; Velkommen waits until the pressed button has painted', async () => {
    const frames: FrameRequestCallback[] = [];
    const realFrame = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => frames.push(callback);
    try {
      const kiosk = renderDoor();
      performance.clearMarks(TAP_STORED_MARK);
      const button = screen.getByRole('button', { name: 'Sjekk inn' });
      fireEvent.click(button);
      expect(button.getAttribute('data-state')).toBe('saving');
      // No frame has painted yet, and the tap is already committed (and marked for the bench).
      await waitFor(() => expect(performance.getEntriesByName(TAP_STORED_MARK)).toHaveLength(1));
      expect(net(await totalsOf(await kiosk.storage, MONDAY), 'visit')).toBe(1);
      expect(screen.getByRole('status').textContent).toBe('');
      act(() => frames.splice(0).forEach((frame) => frame(performance.now())));
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Velkommen!'));
    } finally {
      window.requestAnimationFrame = realFrame;
    }
  });

  it('a tap on the HTML shell before the app was live is counted once the app starts', async () => {
    // The shell (cold-start/shell.ts) keeps its taps here; the door takes them from the store.
    Object.assign(window, { [SHELL_GLOBALS.taps]: [12.5, 80] });
    try {
      const kiosk = testKiosk();
      render(<App store={kiosk.store} />);
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Velkommen!'));
      // Two taps on the shell are one visitor.
      expect(net(await totalsOf(await kiosk.storage, MONDAY), 'visit')).toBe(1);

      // Staff mode and back: the door mounts again, and nobody tapped.
      await act(async () => {
        location.hash = '#/staff';
        dispatchEvent(new HashChangeEvent('hashchange'));
      });
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Sjekk inn' })).toBeNull());
      await act(async () => {
        location.hash = '#/';
        dispatchEvent(new HashChangeEvent('hashchange'));
      });
      await screen.findByRole('button', { name: 'Sjekk inn' });
      await new Promise((done) => setTimeout(done, 200));
      expect(net(await totalsOf(await kiosk.storage, MONDAY), 'visit')).toBe(1);
    } finally {
      Reflect.deleteProperty(window, SHELL_GLOBALS.taps);
    }
  });

  it('a second tap while the first is saving or welcomed does not count', async () => {
    // A site that asks nothing: the welcome replaces the button until it clears.
    const kiosk = renderDoor(testKiosk({ config: { ...hjerteromAlta, questions: undefined } }));
    const button = screen.getByRole('button', { name: 'Sjekk inn' });
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByText('Velkommen!');
    expect(screen.queryByRole('button', { name: 'Sjekk inn' })).toBeNull();
    expect(net(await totalsOf(await kiosk.storage, MONDAY), 'visit')).toBe(1);
  });

  it('"Én til" counts one more for a companion', async () => {
    const kiosk = renderDoor();
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    await screen.findByText('Velkommen!');
    fireEvent.click(screen.getByRole('button', { name: 'Én til' }));
    await screen.findByRole('button', { name: 'Én til (+1)' });
    await waitFor(async () => {
      expect(net(await totalsOf(await kiosk.storage, MONDAY), 'visit')).toBe(2);
    });
  });

  it('six quick presses on "Én til" count six people, the number going up with each', async () => {
    const kiosk = renderDoor();
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    await screen.findByText('Velkommen!');
    for (let press = 1; press <= 6; press++) {
      fireEvent.click(screen.getByRole('button', { name: /^Én til/ }));
      expect(screen.getByRole('button', { name: /^Én til/ }).textContent).toBe(
        `Én til (+${press})`,
      );
    }
    await waitFor(async () => {
      expect(net(await totalsOf(await kiosk.storage, MONDAY), 'visit')).toBe(7);
    });
  });

  it('the answer to "Første gang her?" counts on its own counter, the visit kept in its hour', async () => {
    const kiosk = renderDoor();
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    await screen.findByText('Velkommen!');
    expect(await screen.findByRole('group', { name: 'Første gang her?' })).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Første gang i år' }));
    await waitFor(async () => {
      const totals = await totalsOf(await kiosk.storage, MONDAY);
      expect(net(totals, 'forste-gang', 'forste-i-ar')).toBe(1);
    });
    const totals = await totalsOf(await kiosk.storage, MONDAY);
    expect(net(totals, 'visit')).toBe(1);
    expect(totals.find((total) => total.counter === 'visit' && total.hour === 12)?.net).toBe(1);
    expect(
      totals.filter((total) => total.counter === 'forste-gang' && total.hour !== undefined),
    ).toEqual([]);
  });

  it('the question can be skipped and the visit still counts', async () => {
    const kiosk = renderDoor();
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    await screen.findByText('Velkommen!');
    fireEvent.click(await screen.findByRole('button', { name: 'Hopp over' }));
    expect(screen.queryByRole('group', { name: 'Første gang her?' })).toBeNull();
    await waitFor(async () => {
      const totals = await totalsOf(await kiosk.storage, MONDAY);
      expect(net(totals, 'forste-gang', 'no-answer')).toBe(1);
    });
    const totals = await totalsOf(await kiosk.storage, MONDAY);
    expect(net(totals, 'visit')).toBe(1);
    expect(net(totals, 'forste-gang', 'noensinne')).toBe(0);
  });

  it('when the welcome clears, the door is scrolled back to its top for the next visitor', async () => {
    renderDoor();
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    await screen.findByText('Velkommen!');
    const scrolls: unknown[][] = [];
    const realScroll = window.scrollTo;
    window.scrollTo = ((...args: unknown[]) => void scrolls.push(args)) as typeof window.scrollTo;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fireEvent.click(await screen.findByRole('button', { name: 'Hopp over' }));
      act(() => void vi.advanceTimersByTime(3_900));
      expect(scrolls).toEqual([]);
      act(() => void vi.advanceTimersByTime(200));
      expect(scrolls).toEqual([[0, 0]]);
      expect(screen.queryByRole('button', { name: /^Én til/ })).toBeNull();
    } finally {
      vi.useRealTimers();
      window.scrollTo = realScroll;
    }
  });

  it('a failing write shows Takk!, never Velkommen, and is retried until stored', async () => {
    const real = await testStorage();
    let failures = 1;
    const flaky: KioskStorage = {
      ...real,
      record: (inputs) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(Object.assign(new Error('disk trouble'), { name: 'UnknownError' }));
        }
        return real.record(inputs);
      },
    };
    const kiosk = testKiosk({ deps: { openStorage: () => Promise.resolve(flaky) } });
    render(<App store={kiosk.store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Takk!'));
    expect(kiosk.store.pending.get()).toHaveLength(1);
    await waitFor(() => expect(kiosk.store.pending.get()).toHaveLength(0));
    expect(net(await totalsOf(real, MONDAY), 'visit')).toBe(1);
  });

  it('says plainly when this device cannot count', async () => {
    const kiosk = testKiosk({
      deps: {
        openStorage: () =>
          Promise.reject(Object.assign(new Error('blocked'), { name: 'OpenFailedError' })),
      },
    });
    render(<App store={kiosk.store} />);
    void kiosk.store.storage().catch(() => undefined);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Telling er ikke mulig på denne enheten/);
  });

  it('shows what is next: "Middag kl. 13.15 — om 25 min" on a Monday at 12.50', async () => {
    renderDoor(testKiosk({ now: MONDAY_1250 }));
    // Today's card loads just after the first paint (the door's after-paint chunk).
    expect(await screen.findByText('Middag kl. 13.15 — om 25 min')).toBeVisible();
  });

  it('shows bingo and the hobby evening on a Thursday', async () => {
    renderDoor(testKiosk({ now: THURSDAY_1200 }));
    const programme = await screen.findByRole('list');
    expect(programme.textContent).toMatch(/13\.15\s*Bingo/);
    expect(programme.textContent).toMatch(/18\.00\s*Hobbykveld/);
  });

  it('on Constitution Day 2029 it is closed and says when it opens next', async () => {
    renderDoor(testKiosk({ now: Date.UTC(2029, 4, 17, 10, 0) }));
    expect(
      await screen.findByText('Stengt i dag – Grunnlovsdag — åpner fredag 18. mai kl. 11.00'),
    ).toBeVisible();
    expect(screen.queryByText(/Bingo/)).toBeNull();
  });

  it('on Christmas Day 2026 says closed first, and a tap still counts', async () => {
    const kiosk = renderDoor(testKiosk({ now: Date.UTC(2026, 11, 25, 11, 0) }));
    const notice = 'Stengt i dag – 1. juledag — åpner mandag 28. desember kl. 11.00';
    expect(await screen.findByText(notice)).toBeVisible();
    // First in reading order: before the site's name and before Sjekk inn.
    expect(screen.getByRole('main').textContent?.startsWith(notice)).toBe(true);
    expect(screen.queryByRole('list')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    await screen.findByText('Velkommen!');
    expect(net(await totalsOf(await kiosk.storage, '2026-12-25'), 'visit')).toBe(1);
  });

  it('at 01.30 on a Saturday shows the calendar date beside Friday and says closed first', async () => {
    renderDoor(testKiosk({ now: Date.UTC(2026, 11, 5, 0, 30) }));
    const notice = 'Stengt nå — åpner mandag 7. desember kl. 11.00';
    expect(await screen.findByText(notice)).toBeVisible();
    expect(screen.getByRole('main').textContent?.startsWith(notice)).toBe(true);
    expect(screen.getByText(/^fredag 4\. desember/).textContent).toBe(
      'fredag 4. desember (natt til lørdag 5. desember)',
    );
    // Friday's finished programme is not listed.
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Program i dag' })).toBeNull();
  });

  it('shows the business day alone while it is the calendar date, and no closed notice when open', async () => {
    renderDoor(testKiosk({ now: THURSDAY_1200 }));
    await screen.findByRole('list');
    expect(screen.getByText(/^torsdag 26\. november/).textContent).toBe('torsdag 26. november');
    expect(screen.queryByText(/Stengt/)).toBeNull();
  });

  it('hides the programme items that are over', async () => {
    // Thursday 13.20: Ord for dagen (13.00) is over; bingo runs until the hobby evening.
    renderDoor(testKiosk({ now: Date.UTC(2026, 10, 26, 12, 20) }));
    const programme = await screen.findByRole('list');
    expect(programme.textContent).not.toMatch(/Ord for dagen/);
    expect(within(programme).getAllByRole('listitem')).toHaveLength(3);
    expect(programme.textContent).toMatch(/13\.15\s*Bingo/);
  });

  it('a deliberate two-second press on the corner opens staff mode; a brief touch does not', async () => {
    renderDoor();
    const corner = screen.getByRole('button', { name: 'Personale (hold inne i to sekunder)' });
    fireEvent.pointerDown(corner);
    fireEvent.pointerUp(corner);
    await new Promise((done) => setTimeout(done, 50));
    expect(screen.queryByRole('heading', { name: 'Personale' })).toBeNull();
    fireEvent.pointerDown(corner);
    expect(
      await screen.findByRole('heading', { name: 'Personale' }, { timeout: 3000 }),
    ).toBeVisible();
  });
});
