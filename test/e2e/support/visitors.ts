// Many visitors at the door, fast: one Sjekk inn, then "Én til" for each companion, each
// click once the previous one has been answered (the door ignores a click while saving).
import type { Page } from 'playwright-core';
import { tapCompanions } from './engines/in-page.ts';

/** Checks in `n` visitors; returns how many were answered Takk! (not stored yet). */
export async function visitors(page: Page, n: number): Promise<number> {
  await page.getByRole('button', { name: 'Sjekk inn' }).click();
  const answer = page.getByRole('status').filter({ hasText: /^(Velkommen!|Takk!)$/ });
  await answer.waitFor();
  const first = (await answer.textContent()) === 'Takk!' ? 1 : 0;
  const companions = await page.evaluate(tapCompanions, n);
  return first + companions;
}
