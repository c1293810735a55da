// Browser journeys through the real UI against the real running system. Each asserts what a person
// would notice on screen (words, tags, messages), not implementation details. They run in order and
// share what they learn (the reference number filed in a is handled in b and rated in c).
import { check, choose, DESKTOP, fillIn, inDialog, logIn, notSee, PHONE, phoneMenu, see, summaryStatus } from './screen.mjs';

/** @typedef {import('./screen.mjs').JourneyContext} JourneyContext */

function isoDate(daysFromNow) {
  const d = new Date(Date.now() + daysFromNow * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** @type {{ name: string, needs?: string[], run: (ctx: JourneyContext) => Promise<void> }[]} */
export const journeys = [
  {
    name: 'a. company files a hiring request on a phone and follows it',
    async run({ baseUrl, newPage, shot, state }) {
      const page = await newPage(PHONE);
      await logIn(page, baseUrl, 'company1');
      await see(page.getByText('My requests'), 'the "My requests" page after login');

      await phoneMenu(page, 'File a request');
      await see(page.getByText('Choose a category'), 'the filing form');
      const title = `Loom operators wanted ${state.runId}`;
      state.title = title;
      await choose(page, 'Hiring');
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Description').fill('Two new looms arrive next month; we need operators and a mechanic.');
      await page.getByLabel('Position 1').fill('Loom operator');
      await page.getByLabel('Headcount').first().fill('20');
      await page.getByRole('button', { name: 'Add a position' }).click();
      await page.getByLabel('Position 2').fill('Loom mechanic');
      await page.getByLabel('Headcount').nth(1).fill('2');
      const neededBy = isoDate(30);
      const date = page.getByLabel(/Needed by/);
      await date.click();
      await date.fill(neededBy);
      // Leave the field by clicking elsewhere (Enter would submit the whole form, as in any HTML form).
      await page.getByText('Choose a category').click();
      check((await date.inputValue()) === neededBy, `the "Needed by" date did not keep ${neededBy}`);
      await notSee(page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)'), 'the date picker');
      await page.getByLabel('Title').scrollIntoViewIfNeeded();
      await shot(page, 'a1-phone-filing-form');
      await page.getByRole('button', { name: 'Submit' }).click();

      // The app confirms with the reference number and opens the new request.
      const toast = page.getByText(/Filed as QF-\d{4}-\d{6,}/);
      await see(toast, 'a confirmation with the reference number');
      const ref = /QF-\d{4}-\d{6,}/.exec(await toast.first().innerText())?.[0];
      check(ref, 'no reference number in the confirmation');
      state.ref = ref;
      await page.waitForURL(/\/portal\/requests\/[0-9a-f-]{36}$/);
      state.requestPath = new URL(page.url()).pathname;

      // My requests: the card shows the reference, a status tag and the time left to the deadline
      // (the SLA is set asynchronously right after filing: a person would refresh).
      await phoneMenu(page, 'My requests');
      const card = page.locator('.request-cards li').filter({ hasText: ref });
      await see(card, `the card of ${ref} in My requests`);
      let deadline = card.getByText(/left|overdue/);
      for (let i = 0; i < 10 && !(await deadline.count()); i++) {
        await page.waitForTimeout(1_000);
        await page.reload();
        deadline = page
          .locator('.request-cards li')
          .filter({ hasText: ref })
          .getByText(/left|overdue/);
      }
      await see(deadline, `a deadline (time left) on the card of ${ref}`);
      await see(card.getByText(/^(Submitted|Assigned)$/), `a status tag (Submitted or Assigned) on ${ref}`);
      await see(card.getByText('Hiring', { exact: true }), 'the category tag');
      await shot(page, 'a2-phone-my-requests');

      // Open it: the summary shows what was filed, the deadlines and the timeline.
      await card.getByRole('link').click();
      await see(page.getByText(`${ref} · ${title}`), 'the request title with its reference');
      await see(page.getByText('Loom operator × 20'), 'the first position with its headcount');
      await see(page.getByText('Loom mechanic × 2'), 'the second position with its headcount');
      await see(page.getByText('Resolution due'), 'the resolution deadline');
      await see(page.getByText(neededBy), 'the "Needed by" date');
      await see(page.getByText(/Officer Li/), 'the liaison officer (Officer Li)');
      const timeline = page.locator('.ant-timeline');
      await see(timeline.getByText('Filed', { exact: true }), 'a "Filed" event in the timeline');
      await see(timeline.getByText('Assigned', { exact: true }), 'an "Assigned" event in the timeline');
      await see(timeline.getByText('Deadlines set', { exact: true }), 'a "Deadlines set" event in the timeline');
      await see(timeline.getByText(/Manager Chen ·/), 'the company user by name (not "System") as the one who filed');
      await shot(page, 'a3-phone-request-timeline');
    },
  },
  {
    name: 'b. officer finds the case in the workbench, accepts and resolves it',
    needs: ['a'],
    async run({ baseUrl, newPage, shot, state }) {
      const page = await newPage(DESKTOP);
      await logIn(page, baseUrl, 'officer1');
      await see(page.getByText('My queue'), 'the workbench queue after login');
      const row = page.locator('.ant-table-row').filter({ hasText: state.ref });
      await see(row, `${state.ref} in the queue`);
      await see(row.getByText('Assigned', { exact: true }), 'the "Assigned" status in the queue row');
      await see(row.getByText(/left|overdue/), 'the time left in the queue row');
      await see(row.getByText(/Hengfeng Textiles/), "the company's name in the queue row");
      await see(row.getByText(state.title), 'the request title in the queue row');
      await shot(page, 'b1-workbench-queue');

      await row.getByRole('link', { name: state.ref }).click();
      await see(page.getByText(`${state.ref} · ${state.title}`), 'the case page');
      await see(summaryStatus(page, 'Assigned'), 'status "Assigned" on the case');
      await see(page.locator('.ant-descriptions').getByText(/Hengfeng Textiles/), "the company's name on the case");
      await page.getByRole('button', { name: 'Accept', exact: true }).click();
      await see(summaryStatus(page, 'In progress'), 'status "In progress" after accepting');
      await see(page.locator('.ant-timeline').getByText('Accepted', { exact: true }), 'an "Accepted" event');
      await shot(page, 'b2-case-in-progress');

      await page.getByRole('button', { name: 'Resolve', exact: true }).click();
      const note = `Recommended 20 operators and 2 mechanics from the zone job fair (${state.runId}).`;
      await inDialog(page, (dialog) => fillIn(dialog.getByLabel('Resolution'), note), 'the resolve dialog');
      await see(summaryStatus(page, 'Resolved, awaiting rating'), 'status "Resolved, awaiting rating"');
      await see(page.locator('.ant-timeline').getByText(note), 'the resolution note in the timeline');
      check(
        !(await page.getByRole('button', { name: 'Resolve', exact: true }).count()),
        'the Resolve button is still offered on a resolved case',
      );
      await see(page.getByText(/Nothing for you to do in this status/), 'a word instead of an empty actions card');
      await shot(page, 'b3-case-resolved');
    },
  },
  {
    name: 'c. company rates the result good; the request closes',
    needs: ['b'],
    async run({ baseUrl, newPage, shot, state }) {
      const page = await newPage(PHONE);
      await logIn(page, baseUrl, 'company1');
      const card = page.locator('.request-cards li').filter({ hasText: state.ref });
      await see(card.getByText('Resolved, awaiting rating'), `${state.ref} resolved in My requests`);
      await card.getByRole('link').click();
      await see(page.getByText('How was the result?'), 'the rating form');
      await see(page.locator('.ant-timeline').getByText(/Recommended 20 operators/), "the officer's resolution");
      await page.getByText('Good', { exact: false }).first().click();
      await page.getByLabel(/Comment/).fill('Quick and helpful, thank you.');
      await page.getByRole('button', { name: 'Submit' }).click();
      await see(summaryStatus(page, 'Closed'), 'status "Closed" after a good rating');
      await notSee(page.getByText('How was the result?'), 'the rating form');
      await see(page.locator('.ant-timeline').getByText('Rated', { exact: true }), 'a "Rated" event');
      await shot(page, 'c1-phone-closed');
      await page.goto(`${baseUrl}/portal/requests`);
      const closedCard = page.locator('.request-cards li').filter({ hasText: state.ref });
      await see(closedCard.getByText('Closed', { exact: true }), `${state.ref} closed in My requests`);
    },
  },
  {
    name: 'd. errors read well and the language switch works',
    async run({ baseUrl, newPage, shot }) {
      // Default language (zh-CN): a wrong password says so in words.
      const page = await newPage({ ...DESKTOP, lang: null });
      await page.goto(`${baseUrl}/login`);
      await see(page.getByText('登录企服'), 'the login page in Chinese');
      await page.getByLabel('用户名').fill('officer2');
      await page.getByLabel('密码').fill('not-the-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await see(page.getByRole('alert').getByText('用户名或密码不正确'), 'the wrong-password message (zh)');
      await page.getByText('English', { exact: true }).click();
      await see(page.getByRole('alert').getByText('Wrong username or password'), 'the same message in English');
      check(page.url().includes('/login'), 'left the login page after a wrong password');
      await shot(page, 'd1-login-wrong-password');

      // Back to Chinese, log in; the menu is Chinese, the switch turns it English.
      await page.getByText('中文', { exact: true }).click();
      await logIn(page, baseUrl, 'company1', { en: false });
      const menu = page.locator('.ant-layout-sider .ant-menu');
      await see(menu.getByText('我的诉求'), 'the menu in Chinese');
      await page.getByText('English', { exact: true }).click();
      await see(menu.getByText('My requests'), 'the menu entry "My requests" in English');
      await see(menu.getByText('File a request'), 'the menu entry "File a request" in English');
      check(!(await menu.getByText('我的诉求').count()), 'the Chinese menu text is still shown after switching');
      await shot(page, 'd2-menu-english');

      // A financing amount the form accepts but the API refuses: the API's words land next to the field.
      await menu.getByText('File a request').click();
      await see(page.getByText('Choose a category'), 'the filing form');
      await choose(page, 'Financing');
      await page.getByLabel('Title').fill('Working capital for the new looms');
      await page.getByLabel('Description').fill('A credit line to bridge the purchase of the new looms.');
      await page.getByLabel('Amount (CNY)').fill('20000000000000');
      await page.getByLabel('Purpose').fill('Equipment purchase');
      await page.getByRole('button', { name: 'Submit' }).click();
      const amountItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('Amount (CNY)') });
      await see(
        amountItem.locator('.ant-form-item-explain-error').getByText(/greater than 10000000000000/),
        'the API\'s "must not be greater than" message under the amount field',
      );
      await see(page.getByRole('alert').getByText('Some input is not valid'), 'the summary above the form');
      check(/\/portal\/new$/.test(page.url()), 'the form was left although the API refused it');
      check(
        (await page.getByLabel('Purpose').inputValue()) === 'Equipment purchase',
        'the form lost what was typed after the error',
      );
      await shot(page, 'd3-filing-api-validation');
    },
  },
  {
    name: 'e. supervisor dashboard loads without an error',
    async run({ baseUrl, newPage, shot }) {
      const page = await newPage(DESKTOP);
      await logIn(page, baseUrl, 'supervisor1');
      await page.waitForURL(/\/dashboard$/);
      await see(page.getByText('Supervision'), 'the supervision overview');
      for (const tab of ['Unassigned', 'Breached', 'Escalated', 'Workload'])
        await see(page.getByRole('tab', { name: new RegExp(tab) }), `the "${tab}" tab`);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.getByRole('tab', { name: /Workload/ }).click();
      await see(page.getByText(/Officer Li/), 'officer1 in the workload table');
      const errors = page.locator('.ant-alert-error, .ant-result-error, .ant-result-500');
      check(!(await errors.count()), `an error is shown on the dashboard: ${await errors.allInnerTexts()}`);
      check(!(await page.getByText('Something went wrong').count()), 'the error boundary caught the dashboard');
      await shot(page, 'e1-supervisor-dashboard');
    },
  },
];
