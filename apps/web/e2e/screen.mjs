// What a person does and sees in the browser journeys: the devices, looking for words on screen,
// logging in, and interactions that check their effect (choose, fillIn, inDialog) as a person does.
import { DEMO_PASSWORD } from './harness.mjs';

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1366, height: 900 } };

/**
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('playwright-core').Locator} Locator
 * @typedef {{ baseUrl: string, newPage: (opts: object & { lang?: 'en' | null }) => Promise<Page>,
 *   shot: (page: Page, name: string) => Promise<void>, state: Record<string, string> }} JourneyContext
 */

/** Waits until `locator` is visible; fails with words a reader understands. */
export async function see(locator, what, timeout = 15_000) {
  try {
    await locator.filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`expected to see ${what} within ${timeout / 1000} s`);
  }
}

/** Waits until `locator` is gone (detached or hidden). */
export async function notSee(locator, what, timeout = 15_000) {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch {
    throw new Error(`expected ${what} to disappear within ${timeout / 1000} s`);
  }
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Logs in through the form, in whichever language the page shows (labels as a person reads them). */
export async function logIn(page, baseUrl, username, { en = true, password = DEMO_PASSWORD } = {}) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(en ? 'Username' : '用户名').fill(username);
  await page.getByLabel(en ? 'Password' : '密码').fill(password);
  await page.getByRole('button', { name: en ? 'Log in' : /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
}

/** On a phone the menu hides behind its trigger: open it and pick an entry. */
export async function phoneMenu(page, entry) {
  await page.locator('.ant-layout-sider-zero-width-trigger').click();
  await page.getByRole('menuitem', { name: entry }).click();
}

/**
 * Polls `probe` until it returns something truthy; fails naming `what` after `timeout`. The
 * interactions below check their effect on screen, as a person does: on a starved machine a click
 * during an opening animation or a field's first render can be lost, and then they do it again.
 */
async function until(probe, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  let last;
  for (let tries = 1; ; tries++) {
    const ok = await probe().catch((err) => void (last = err));
    if (ok) {
      if (tries > 1) console.log(`    (${what}: took ${tries} looks)`);
      return ok;
    }
    if (Date.now() > end) throw new Error(`expected ${what} within ${timeout / 1000} s${last ? ` (${last.message.split('\n')[0]})` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The page of a page or a locator: `has` filters take locators relative to the page. */
export const pageOf = (scope) => (typeof scope.page === 'function' ? scope.page() : scope);

/** Looks whether `done()` shows on screen; if not, does `act()` and looks again, until it does. */
export async function actUntil(done, act, what) {
  await until(async () => (await done()) || (await act(), done()), what);
}

/** Selects the radio (or button-style radio) a person reads, in `scope`, until it shows as selected. */
export async function choose(scope, name) {
  const radio = scope.getByRole('radio', { name, exact: true });
  const label = scope.locator('label').filter({ has: pageOf(scope).getByRole('radio', { name, exact: true }) });
  await actUntil(() => radio.isChecked(), () => label.click({ timeout: 5_000 }), `"${name}" selected`);
}

/** Types into a field until it holds the text (a controlled field may drop what arrives before it is ready). */
export async function fillIn(field, text) {
  await actUntil(async () => (await field.inputValue()) === text, () => field.fill(text, { timeout: 5_000 }), `the field to hold "${text}"`);
}

/**
 * Fills and confirms the dialog an action button opens. If it stays open, the failure names what the
 * form or the server said (a field left empty reads differently from a slow server).
 */
export async function inDialog(page, fill, what = 'the action dialog') {
  const dialog = page.getByRole('dialog');
  await see(dialog, what);
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  try {
    await notSee(dialog, what);
  } catch (err) {
    const said = await dialog.locator('.ant-form-item-explain-error, .ant-alert').allInnerTexts().catch(() => []);
    throw new Error(`${err.message}${said.length ? `; it shows: ${said.join(' / ')}` : ' (no error shown: the server did not answer)'}`);
  }
}

/** The status tag in a request's summary (the bordered details block). */
export const summaryStatus = (page, text) => page.locator('.ant-descriptions').getByText(text, { exact: true });
