// What staff and visitors do on the tablet, written once for every engine: set-up, the door,
// staff mode. The Playwright versions beside (../staff.ts, ../door.ts) serve Chromium-only tests.
import { isControlled, readTallyNet, tapCompanions, untilDoorIdle } from './in-page.ts';
import type { EngineBrowser, Query } from './types.ts';

const CHECK_IN: Query = { role: 'button', name: 'Sjekk inn' };
const WELCOME: Query = { role: 'status', text: 'Velkommen!' };

/** Waits until the first of these shows; returns its index. */
async function firstOf(
  browser: EngineBrowser,
  queries: Query[],
  timeout = 30_000,
): Promise<number> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const [index, query] of queries.entries()) {
      if (await browser.isVisible(query).catch(() => false)) return index;
    }
    if (Date.now() > deadline) throw new Error(`None of ${queries.length} screens showed`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Sets a fresh tablet up as Hjerterom Alta (the default preset) with these PINs, acknowledges
 * the recovery code and leaves pairing for later; a tablet already set up is left as it is.
 */
export async function setUpStaffPins(
  browser: EngineBrowser,
  pins = { volunteer: '1111', lead: '222222' },
): Promise<void> {
  const place: Query = { role: 'heading', name: 'Sett opp nettbrettet' };
  const setup: Query = { role: 'heading', name: 'Velg PIN-koder for personalet' };
  if ((await firstOf(browser, [place, setup, CHECK_IN])) === 0) {
    await browser.click({ role: 'radio', name: 'Blå Kors Hjerterom Alta' });
    await browser.click({ role: 'button', name: 'Neste' });
  }
  if ((await firstOf(browser, [setup, CHECK_IN])) === 1) return;
  await browser.fill({ label: 'PIN for frivillige', exact: true }, pins.volunteer);
  await browser.fill({ label: 'Gjenta PIN for frivillige' }, pins.volunteer);
  await browser.fill({ label: 'PIN for daglig leder', exact: true }, pins.lead);
  await browser.fill({ label: 'Gjenta PIN for daglig leder' }, pins.lead);
  await browser.click({ role: 'button', name: 'Lagre PIN-kodene' });
  await browser.click({ role: 'button', name: 'Jeg har skrevet ned koden' });
  const later: Query = { role: 'button', name: 'Senere' };
  if ((await firstOf(browser, [later, CHECK_IN])) === 0) await browser.click(later);
  await browser.waitFor(CHECK_IN);
}

/** Opens the door at `url`, walking a fresh tablet through its set-up first. */
export async function openDoor(
  browser: EngineBrowser,
  url: string,
  pins?: { volunteer: string; lead: string },
): Promise<void> {
  await browser.goto(url);
  await setUpStaffPins(browser, pins);
}

/**
 * Skips the door's questions if they are showing, and waits until the welcome has cleared: a
 * Sjekk inn tapped sooner would be taken for the same visitor's double tap.
 */
export async function doorReady(browser: EngineBrowser): Promise<void> {
  await browser.evaluate(untilDoorIdle);
}

/** One visitor: Sjekk inn, Velkommen, skip the question, and the door is ready again. */
export async function checkInAtDoor(browser: EngineBrowser): Promise<void> {
  await browser.click(CHECK_IN);
  await browser.waitFor(WELCOME);
  await doorReady(browser);
}

/** One tap on Sjekk inn, waiting only for Velkommen (the tap is confirmed stored then). */
export async function tapUntilWelcome(browser: EngineBrowser): Promise<void> {
  await browser.click(CHECK_IN);
  await browser.waitFor(WELCOME);
}

/**
 * Checks in `n` visitors: one Sjekk inn on an idle door, then «Én til» for each companion;
 * returns how often the door answered Takk! (0 when every one was stored).
 */
export async function visitors(browser: EngineBrowser, n: number): Promise<number> {
  await browser.evaluate(untilDoorIdle);
  await browser.click(CHECK_IN);
  const answer: Query = { role: 'status', text: /^(Velkommen!|Takk!)$/ };
  await browser.waitFor(answer);
  const first = (await browser.textOf(answer)) === 'Takk!' ? 1 : 0;
  return first + (await browser.evaluate(tapCompanions, n));
}

/** The net of a counter in this tablet's IndexedDB (0 before any). */
export function tallyNet(browser: EngineBrowser, counter: string): Promise<number> {
  return browser.evaluate(readTallyNet, counter);
}

/** Whether the service worker controls the page now. */
export function isControlledNow(browser: EngineBrowser): Promise<boolean> {
  return browser.evaluate(isControlled);
}

/** A PIN on the pad that shows, and the staff shell. */
async function enterPin(browser: EngineBrowser, pin: string): Promise<void> {
  await browser.waitFor({ role: 'heading', name: 'Skriv inn PIN-koden' });
  for (const digit of pin) await browser.click({ role: 'button', name: digit, exact: true });
  await browser.click({ role: 'button', name: 'Logg inn' });
  await browser.waitFor({ role: 'navigation' });
}

/** The hidden gesture into staff mode, a PIN, and the staff shell. */
export async function signInAsStaff(browser: EngineBrowser, pin: string): Promise<void> {
  await browser.press({ role: 'button', name: 'Personale (hold inne i to sekunder)' }, 2_300);
  await enterPin(browser, pin);
}

/**
 * Opens a provisioning link on a tablet that is set up: the PIN pad asks for the lead, who
 * accepts the endpoint's host; resolves once the door says the tablet is paired with `site`.
 */
export async function acceptProvisioningLink(
  browser: EngineBrowser,
  link: string,
  site: string,
  leadPin = '222222',
): Promise<void> {
  await browser.goto(link);
  await enterPin(browser, leadPin);
  await browser.click({ role: 'button', name: `Koble til ${new URL(link).host}` });
  await browser.waitFor({ text: `Nettbrettet er koblet til ${site}.` });
}

/** Back to the door from any staff screen. */
export async function leaveStaffMode(browser: EngineBrowser): Promise<void> {
  await browser.click({
    role: 'button',
    name: 'Tilbake til inngangen',
    within: { role: 'navigation' },
  });
  await browser.waitFor(CHECK_IN);
}
