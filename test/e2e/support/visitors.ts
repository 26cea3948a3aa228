// Many visitors at the door, fast: one Sjekk inn on an idle door, then "Én til" for each
// companion, each press once the button counts the one before.
import type { Page } from 'playwright-core';
import { tapCompanions, untilDoorIdle } from './engines/in-page.ts';

/**
 * Checks in `n` visitors; returns how often the door answered Takk! (a visitor kept in memory,
 * not stored yet): 0 when every one was stored.
 */
export async function visitors(page: Page, n: number): Promise<number> {
  await page.evaluate(untilDoorIdle);
  await page.getByRole('button', { name: 'Sjekk inn' }).click();
  const answer = page.getByRole('status').filter({ hasText: /^(Velkommen!|Takk!)$/ });
  await answer.waitFor();
  const first = (await answer.textContent()) === 'Takk!' ? 1 : 0;
  const companions = await page.evaluate(tapCompanions, n);
  return first + companions;
}
