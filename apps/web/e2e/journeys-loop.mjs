// Browser journeys of issue #8 beyond the basics: a safety hazard's whole loop (live arrival in the
// workbench, missing items, bad rating, rework, good rating), an admin adding an officer and a
// holiday, and a supervisor downloading the ledger. Same rules as journeys.mjs: assert what a person
// sees on screen.
import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD } from './harness.mjs';
import { actUntil, check, choose, DESKTOP, fillIn, inDialog, logIn, notSee, PHONE, see, summaryStatus } from './screen.mjs';

/** Opens an Ant Design select by its label (within `scope`) and picks the option a person reads, until the select shows it. */
async function pick(page, label, option, scope = page) {
  const field = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  const shown = field.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: option });
  await actUntil(
    async () => (await shown.count()) > 0,
    async () => {
      await scope.getByLabel(label, { exact: true }).click({ timeout: 5_000 });
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 5_000 });
    },
    `"${option}" chosen as ${label}`,
  );
}

/** Presses the good or bad button of the rating form until it shows as pressed. */
async function rate(page, name) {
  const button = page.locator('.ant-radio-button-wrapper').filter({ hasText: name });
  const pressed = button.and(page.locator('.ant-radio-button-wrapper-checked'));
  await actUntil(async () => (await pressed.count()) > 0, () => button.click({ timeout: 5_000 }), `"${name}" pressed`);
}

/** @type {{ name: string, needs?: string[], run: (ctx: import('./screen.mjs').JourneyContext) => Promise<void> }[]} */
export const loopJourneys = [
  {
    name: 'f. a hazard report: live in the workbench, missing items, bad rating, rework, closed',
    async run({ baseUrl, newPage, shot, state }) {
      // The officer's workbench is open before anything is filed.
      const officer = await newPage(DESKTOP);
      await logIn(officer, baseUrl, 'officer1');
      await see(officer.getByText('My queue'), 'the workbench queue');

      const company = await newPage(PHONE);
      await logIn(company, baseUrl, 'company1');
      await company.goto(`${baseUrl}/portal/new`);
      await see(company.getByText('Choose a category'), 'the filing form');
      await choose(company, 'Safety hazard');
      const title = `Solvent drums leaking near boiler room ${state.runId}`;
      await company.getByLabel('Title').fill(title);
      await company.getByLabel('Description').fill('Two drums of solvent are leaking next to the boiler room of workshop 3.');
      await company.getByLabel('Location').fill('Workshop 3, boiler room');
      await pick(company, 'Hazard type', 'Chemical');
      await pick(company, 'Severity', 'High');
      await shot(company, 'f1-phone-hazard-form');
      await company.getByRole('button', { name: 'Submit' }).click();
      const toast = company.getByText(/Filed as QF-\d{4}-\d{6,}/);
      await see(toast, 'a confirmation with the reference number');
      const ref = /QF-\d{4}-\d{6,}/.exec(await toast.first().innerText())?.[0];
      check(ref, 'no reference number in the confirmation');
      await company.waitForURL(/\/portal\/requests\/[0-9a-f-]{36}$/);
      const requestUrl = company.url();

      // It arrives in the open workbench by itself (live notification), without a reload.
      const row = officer.locator('.ant-table-row').filter({ hasText: ref });
      await see(officer.locator('.ant-notification-notice').filter({ hasText: ref }), 'a toast naming the new case', 10_000);
      await see(row, `${ref} arriving live in the open workbench`, 10_000);
      await shot(officer, 'f2-workbench-live-arrival');

      // The officer accepts and asks for two missing items at once.
      await row.getByRole('link', { name: ref }).click();
      await see(officer.getByText(`${ref} · ${title}`), 'the case page');
      await officer.getByRole('button', { name: 'Accept', exact: true }).click();
      await see(summaryStatus(officer, 'In progress'), 'status "In progress"');
      await officer.getByRole('button', { name: 'Request information (all at once)' }).click();
      await inDialog(officer, async (dialog) => {
        await fillIn(dialog.getByLabel('Missing items 1'), 'Photos of the leaking drums');
        await dialog.getByRole('button', { name: 'Add an item' }).click();
        await fillIn(dialog.getByLabel('Missing items 2'), 'Safety data sheet of the solvent');
      });
      await see(summaryStatus(officer, 'Awaiting your information'), 'the case waiting for the company');

      // The company sees the whole list and answers once.
      await company.goto(requestUrl);
      await see(company.getByText('Please provide everything listed below:'), 'the list of missing items');
      await see(company.getByText(/Photos of the leaking drums/), 'the first missing item');
      await see(company.getByText(/Safety data sheet of the solvent/), 'the second missing item');
      await shot(company, 'f3-phone-info-requested');
      await company.getByLabel('Your answer').fill('Photos are in the shared folder; the SDS is attached to our email.');
      await company.getByRole('button', { name: 'Send the information' }).click();
      await see(summaryStatus(company, 'In progress'), 'the request back in progress after answering');

      // The officer resolves; the company rates it bad.
      await officer.reload();
      await see(officer.locator('.ant-timeline').getByText(/the SDS is attached/), "the company's answer in the timeline");
      await officer.getByRole('button', { name: 'Resolve', exact: true }).click();
      await inDialog(officer, (dialog) => fillIn(dialog.getByLabel('Resolution'), 'Drums moved to the bunded store; leak contained.'));
      await see(summaryStatus(officer, 'Resolved, awaiting rating'), 'the case resolved');

      await company.reload();
      await see(company.getByText('How was the result?'), 'the rating form');
      await rate(company, 'Bad');
      await company.getByLabel(/Comment/).fill('The floor is still wet with solvent; nobody came to check.');
      await company.getByRole('button', { name: 'Submit' }).click();
      await see(summaryStatus(company, 'Under review'), 'the request under review after a bad rating');

      // The supervisor re-checks the bad rating and sends it back for rework.
      const supervisor = await newPage(DESKTOP);
      await logIn(supervisor, baseUrl, 'supervisor1');
      await supervisor.goto(`${baseUrl}/dashboard/reviews`);
      const reviewRow = supervisor.locator('.ant-table-row').filter({ hasText: ref });
      await see(reviewRow, `${ref} among the bad ratings to review`);
      await shot(supervisor, 'f4-bad-rating-reviews');
      await reviewRow.getByRole('button', { name: 'Review the bad rating' }).click();
      await inDialog(supervisor, async (dialog) => {
        await choose(dialog, 'Send back for rework');
        await fillIn(dialog.getByLabel('Note'), 'Send someone on site to check the floor is clean.');
      });
      await notSee(reviewRow, `${ref} in the review list after the review`);

      // The officer resolves again; the company rates it good and it closes.
      await officer.reload();
      await see(summaryStatus(officer, 'In progress'), 'the case back in progress for rework');
      await officer.getByRole('button', { name: 'Resolve', exact: true }).click();
      await inDialog(officer, (dialog) => fillIn(dialog.getByLabel('Resolution'), 'Floor cleaned and checked on site with the company.'));
      await see(summaryStatus(officer, 'Resolved, awaiting rating'), 'the case resolved again');

      await company.reload();
      await see(company.getByText('How was the result?'), 'the rating form again');
      await rate(company, 'Good');
      await company.getByRole('button', { name: 'Submit' }).click();
      await see(summaryStatus(company, 'Closed'), 'the request closed after a good rating');
      await see(company.locator('.ant-timeline').getByText('Review done', { exact: true }), 'the review in the timeline');
      await shot(company, 'f5-phone-hazard-closed');
    },
  },
  {
    name: 'g. an admin adds an officer and a holiday',
    async run({ baseUrl, newPage, shot, state }) {
      const page = await newPage(DESKTOP);
      await logIn(page, baseUrl, 'admin', { password: 'admin' });
      await page.goto(`${baseUrl}/settings/users`);
      await page.getByRole('button', { name: 'New user' }).click();
      const dialog = page.getByRole('dialog');
      await see(dialog, 'the new-user form');
      const username = `officer-${state.runId}`;
      await dialog.getByLabel('Username').fill(username);
      await dialog.getByLabel('Password').fill('a-good-password-1');
      await pick(page, 'Role', 'Liaison officer', dialog);
      await dialog.getByLabel('Display name').fill(`Officer Zhao ${state.runId}`);
      await pick(page, 'Categories', 'Hiring', dialog);
      // Close the multi-select's list (Escape would close the whole dialog).
      await dialog.locator('.ant-modal-title').click();
      await dialog.getByLabel('Capacity (max open cases)').fill('8');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await notSee(dialog, 'the new-user form');
      await see(page.locator('.ant-table-row').filter({ hasText: username }), 'the new officer in the user list');
      await shot(page, 'g1-admin-new-officer');

      // A holiday on the built-in calendar: click a day until it reads "Holiday", save, and it stays.
      await page.goto(`${baseUrl}/settings/calendars`);
      await see(page.getByText('Working hours'), 'the calendar page');
      const day = `${new Date().toISOString().slice(0, 8)}25`;
      const cell = page.locator(`td[title="${day}"]`);
      await see(cell, `the day ${day} in the month view`);
      for (let i = 0; i < 3 && !(await cell.getByText('Holiday', { exact: true }).count()); i++) await cell.click();
      await see(cell.getByText('Holiday', { exact: true }), `${day} marked as a holiday`);
      await page.getByRole('button', { name: 'Save' }).click();
      await see(page.getByText('Saved'), 'the calendar saved');
      await page.reload();
      await see(page.locator(`td[title="${day}"]`).getByText('Holiday', { exact: true }), `${day} still a holiday after a reload`);
      await shot(page, 'g2-admin-calendar-holiday');
    },
  },
  {
    name: 'h. a supervisor downloads the ledger',
    needs: ['a'],
    async run({ baseUrl, newPage, shot, state }) {
      const page = await newPage(DESKTOP);
      await logIn(page, baseUrl, 'supervisor1');
      await page.goto(`${baseUrl}/dashboard/reports`);
      await see(page.getByText('On-time resolution'), 'the reports page');
      await shot(page, 'h1-reports');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        page.getByRole('button', { name: 'Download ledger (CSV)' }).click(),
      ]);
      check(/\.csv$/.test(download.suggestedFilename()), `the ledger's file name is ${download.suggestedFilename()}`);
      const text = readFileSync(await download.path(), 'utf8');
      check(text.charCodeAt(0) === 0xfeff, 'the ledger does not start with a byte-order mark (spreadsheets would garble Chinese)');
      check(text.includes(state.ref), `the ledger does not list ${state.ref}`);
      check(/[\u4e00-\u9fff]/.test(text.split('\r\n')[0] ?? ''), 'the ledger header is not in Chinese');
    },
  },
  {
    name: "i. a centre's printed QR code opens the filing page for that centre, through the login",
    async run({ baseUrl, newPage, shot }) {
      const staff = await newPage(DESKTOP);
      await logIn(staff, baseUrl, 'supervisor1');
      await staff.goto(`${baseUrl}/qr`);
      const card = staff.locator('.qr-card').filter({ hasText: 'Enterprise Services' });
      await see(card, "the demo centre's QR card");
      await see(card.locator('canvas, svg'), 'the QR code itself');
      const url = (await card.getByText(/\/portal\/new\?centre=/).innerText()).trim();
      check(url === `${baseUrl}/portal/new?centre=DEMO-ENT`, `the QR card links to ${url}`);
      await see(staff.getByRole('button', { name: 'Print' }), 'the print button');
      await shot(staff, 'i1-qr-codes');

      // A company user scans it on a phone: the login comes first, then the centre's filing page.
      const phone = await newPage(PHONE);
      await phone.goto(url);
      await phone.waitForURL(/\/login/);
      await phone.getByLabel('Username').fill('company1');
      await phone.getByLabel('Password').fill(DEMO_PASSWORD);
      await phone.getByRole('button', { name: 'Log in' }).click();
      await phone.waitForURL(/\/portal\/new\?centre=DEMO-ENT$/, { timeout: 15_000 });
      await see(phone.getByText('Service centre: DEMO-ENT'), 'the centre named on the filing form');
      await see(phone.getByText('Choose a category'), 'the filing form');
    },
  },
];
