// Many visitors at the door, fast: one Sjekk inn, then "Én til" for each companion, each
// click once the previous one has been answered (the door ignores a click while saving).
import type { Page } from 'playwright-core';

/** Checks in `n` visitors; returns how many were answered Takk! (not stored yet). */
export async function visitors(page: Page, n: number): Promise<number> {
  await page.getByRole('button', { name: 'Sjekk inn' }).click();
  const answer = page.getByRole('status').filter({ hasText: /^(Velkommen!|Takk!)$/ });
  await answer.waitFor();
  const first = (await answer.textContent()) === 'Takk!' ? 1 : 0;
  const companions = await page.evaluate(async (count) => {
    const button = () =>
      [...document.querySelectorAll('button')].find((candidate) =>
        candidate.textContent?.startsWith('Én til'),
      );
    let thanks = 0;
    for (let n = 1; n < count; n += 1) {
      button()?.click();
      const deadline = Date.now() + 10_000;
      while (!button()?.textContent?.includes(`(+${n})`)) {
        if (Date.now() > deadline) throw new Error(`companion ${n} was not answered`);
        await new Promise((done) => setTimeout(done, 1));
      }
      const answer = document.querySelector('.check-in [role="status"]')?.textContent;
      if (answer === 'Takk!') thanks += 1;
    }
    return thanks;
  }, n);
  return first + companions;
}
