// The user voice: "Hvordan var det i dag?" with three faces, counted on `brukerstemme` only
// (never by hour, never a visit): after Sjekk ut where the site uses it, else a door button.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { hjerteromAlta, montenegroHammerfest } from '../../../src/domain/presets/index.ts';
import type { SiteConfig, UserVoiceMode } from '../../../src/shared/site-config.ts';
import { App } from '../../../src/ui/App.tsx';
import { MONDAY_1250, testKiosk, totalsOf } from '../../support/kiosk.ts';

const MONDAY = '2026-11-23';
const QUESTION = 'Hvordan var det i dag?';

function door(config: SiteConfig, userVoice: UserVoiceMode) {
  const kiosk = testKiosk({ config: { ...config, userVoice }, now: MONDAY_1250 });
  render(<App store={kiosk.store} />);
  return kiosk;
}

async function voices(kiosk: ReturnType<typeof door>) {
  const totals = await totalsOf(await kiosk.storage, MONDAY);
  return totals.filter((total) => total.counter === 'brukerstemme');
}

describe('the user voice', () => {
  it('as a small door button: one face is one count, with no hour and no visit', async () => {
    const kiosk = door(hjerteromAlta, 'button');
    fireEvent.click(await screen.findByRole('button', { name: QUESTION }));
    const faces = screen.getByRole('group', { name: QUESTION });
    expect(faces).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Helt greit' }));
    expect(await screen.findByText('Takk!')).toBeVisible();
    await waitFor(async () =>
      expect(await voices(kiosk)).toEqual([
        { counter: 'brukerstemme', net: 1 },
        { counter: 'brukerstemme', option: 'noytral', net: 1 },
      ]),
    );
    const totals = await totalsOf(await kiosk.storage, MONDAY);
    expect(totals.some((total) => total.counter === 'visit')).toBe(false);
  });

  it('at check-out where the site counts check-outs, and then not as a door button', async () => {
    const kiosk = door(montenegroHammerfest, 'checkout');
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    await screen.findByText('1 av 15 er her nå');
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk ut' }));
    await screen.findByRole('group', { name: QUESTION });
    expect(screen.queryByRole('button', { name: QUESTION })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ikke bra' }));
    await waitFor(async () =>
      expect(await voices(kiosk)).toContainEqual({
        counter: 'brukerstemme',
        option: 'misfornoyd',
        net: 1,
      }),
    );
  });

  it('set to check-out at a site without check-out, it is a door button; off, it is nowhere', async () => {
    door(hjerteromAlta, 'checkout');
    expect(await screen.findByRole('button', { name: QUESTION })).toBeVisible();
    cleanup();
    door(hjerteromAlta, 'off');
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    await screen.findByText('Velkommen!');
    expect(screen.queryByRole('button', { name: QUESTION })).toBeNull();
    expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
  });
});
