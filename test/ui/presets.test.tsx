import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/domain/business-day.ts';
import {
  PRESETS,
  enAinnaPlass,
  hjerteromAlta,
  hjerteromBarnUnge,
  montenegroHammerfest,
  stegForSteg,
} from '../../src/domain/presets/index.ts';
import { siteConfigSchema, type SiteConfig } from '../../src/shared/site-config.ts';
import { correctOccupancy, occupancyOf } from '../../src/state/occupancy.ts';
import { App } from '../../src/ui/App.tsx';
import { net, testKiosk, totalsOf } from '../support/kiosk.ts';

/** An Oslo wall-clock moment as the kiosk's "now". */
const at = (date: string, time: string) => instantOf(date, time, 'Europe/Oslo');

function door(config: SiteConfig, now: number) {
  const kiosk = testKiosk({ config, now });
  render(<App store={kiosk.store} />);
  return kiosk;
}

describe('every preset at the door', () => {
  it.each(PRESETS.map((preset) => [preset.name, preset] as const))(
    '%s validates and its door shows its name and a Sjekk inn button',
    (name, preset) => {
      expect(siteConfigSchema.safeParse(preset).success).toBe(true);
      door(preset, at('2026-11-24', '17:30'));
      expect(screen.getByRole('heading', { level: 1, name })).toBeVisible();
      expect(screen.getByRole('button', { name: 'Sjekk inn' })).toBeVisible();
    },
  );
});

describe('Hjerterom Alta', () => {
  it('on a Thursday shows bingo at 13.15 and the hobby evening at 18.00', async () => {
    door(hjerteromAlta, at('2026-11-26', '12:00'));
    const programme = (await screen.findByRole('list')).textContent;
    expect(programme).toMatch(/13\.15\s*Bingo/);
    expect(programme).toMatch(/18\.00\s*Hobbykveld/);
  });

  it('on 17 May 2029 (a Thursday) is closed, shows no bingo, and says when it opens next', async () => {
    door(hjerteromAlta, at('2029-05-17', '12:00'));
    expect(
      await screen.findByText('Stengt i dag – Grunnlovsdag — åpner fredag 18. mai kl. 11.00'),
    ).toBeVisible();
    expect(screen.queryByText(/Bingo/)).toBeNull();
  });
});

describe('En ainna plass', () => {
  it('on a closed evening (Friday) says it opens again on Tuesday at 17.00', async () => {
    door(enAinnaPlass, at('2026-11-27', '18:00'));
    expect(
      await screen.findByText('Stengt i dag — åpner tirsdag 1. desember kl. 17.00'),
    ).toBeVisible();
  });

  it('asks what you will do today', async () => {
    door(enAinnaPlass, at('2026-11-24', '18:00'));
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    expect(await screen.findByRole('group', { name: 'Hva vil du gjøre i dag?' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Bare henge' })).toBeVisible();
  });
});

describe('Hjerterom barn og unge', () => {
  it('asks who checks in and counts a guardian on its own question, the visit kept', async () => {
    const kiosk = door(hjerteromBarnUnge, at('2026-11-24', '17:30'));
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Foresatt' }));
    await waitFor(async () =>
      expect(net(await totalsOf(await kiosk.storage, '2026-11-24'), 'hvem-er-du', 'foresatt')).toBe(
        1,
      ),
    );
    expect(net(await totalsOf(await kiosk.storage, '2026-11-24'), 'visit')).toBe(1);
  });
});

describe('Blå Kors steg for steg', () => {
  it('counts a tidgiver checking in as present, not as a visitor', async () => {
    const kiosk = door(stegForSteg, at('2026-11-24', '11:00'));
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tidgiver' }));
    await waitFor(async () =>
      expect(net(await totalsOf(await kiosk.storage, '2026-11-24'), 'tidgiver')).toBe(1),
    );
    expect(net(await totalsOf(await kiosk.storage, '2026-11-24'), 'visit')).toBe(0);
  });
});

describe('Montenegro lavterskel (capacity 15)', () => {
  const TUESDAY = '2026-11-24';

  it('shows who is here now and counts check-outs', async () => {
    const kiosk = door(montenegroHammerfest, at(TUESDAY, '12:00'));
    expect(await screen.findByText('0 av 15 er her nå')).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    expect(await screen.findByText('1 av 15 er her nå')).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk ut' }));
    expect(await screen.findByText('Ha det bra!')).toBeVisible();
    expect(await screen.findByText('0 av 15 er her nå')).toBeVisible();
    expect(net(await totalsOf(await kiosk.storage, TUESDAY), 'checkout')).toBe(1);
  });

  it('never goes below zero: a check-out from an empty room is not counted', async () => {
    const kiosk = door(montenegroHammerfest, at(TUESDAY, '12:00'));
    await screen.findByText('0 av 15 er her nå');
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk ut' }));
    await screen.findByText('Ha det bra!');
    expect(net(await totalsOf(await kiosk.storage, TUESDAY), 'checkout')).toBe(0);
    expect(await occupancyOf(kiosk.store)).toBe(0);
  });

  it('says calmly when it is full, and still lets people check in', async () => {
    door({ ...montenegroHammerfest, capacity: 1 }, at(TUESDAY, '12:00'));
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk inn' }));
    expect(await screen.findByText('1 av 1 er her nå')).toBeVisible();
    expect(screen.getByText('Det er fullt akkurat nå. Snakk gjerne med en av oss.')).toBeVisible();
  });

  it('staff correct "her nå" with staff events, and it starts again with the next day', async () => {
    const kiosk = testKiosk({ config: montenegroHammerfest, now: at(TUESDAY, '12:00') });
    for (let i = 0; i < 5; i++) await kiosk.store.checkIn();
    await correctOccupancy(kiosk.store, 2);
    expect(await occupancyOf(kiosk.store)).toBe(2);
    await correctOccupancy(kiosk.store, 4);
    expect(await occupancyOf(kiosk.store)).toBe(4);
    const totals = await totalsOf(await kiosk.storage, TUESDAY);
    expect(net(totals, 'checkout')).toBe(3);
    expect(net(totals, 'visit')).toBe(7);
    expect(await occupancyOf(kiosk.store, '2026-11-25')).toBe(0);
  });
});

describe('languages at the door', () => {
  it('Arabic turns the door right to left', async () => {
    door(hjerteromAlta, at('2026-11-26', '12:00'));
    fireEvent.click(screen.getByRole('button', { name: 'العربية' }));
    await waitFor(() => expect(screen.getByRole('main').getAttribute('dir')).toBe('rtl'));
    expect(screen.getByRole('main').getAttribute('lang')).toBe('ar');
  });

  it("a visitor's language returns to the site's default after the welcome", async () => {
    door(montenegroHammerfest, at('2026-11-24', '12:00'));
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Check in' }));
    expect(await screen.findByText('Welcome!')).toBeVisible();
    expect(
      await screen.findByRole('button', { name: 'Sjekk inn' }, { timeout: 6000 }),
    ).toBeVisible();
    expect(screen.getByRole('main').getAttribute('lang')).toBe('nb');
  }, 10_000);
});
