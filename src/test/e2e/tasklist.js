// Drives Camunda Tasklist as Fazhi's demo people: log in, start a process from its form, claim and
// complete tasks through their Camunda Forms (form-js). Used by the walkthroughs in this folder.
// Helpers to drive Camunda Tasklist as a demo person.
const { chromium } = require('playwright-core');
const BASE = process.env.FAZHI_URL || 'http://127.0.0.1:8080';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
let browser;
const SHOTS = process.env.SHOTS || 'target';
async function launch() {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless','--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
}
async function login(user) {
  const ctx = await browser.newContext({ baseURL: BASE, viewport: { width: 1400, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto('/camunda/app/tasklist/', { waitUntil: 'networkidle' });
  await page.getByPlaceholder('Username').fill(user);
  await page.getByPlaceholder('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('我的待办').waitFor();
  return page;
}
function lab(label) { return new RegExp('^' + label.replace(/[()（）]/g, (c) => '\\' + c) + '\\s*\\*?$'); }
async function fill(page, fields) {
  const form = page.locator('form.fjs-form');
  await form.waitFor();
  for (const [label, value] of fields) {
    if (value === true || value === false) {
      const cb = form.getByLabel(lab(label));
      if ((await cb.isChecked()) !== value) await cb.click();
    } else if (typeof value === 'object' && value.radio) {
      await form.getByRole('radio', { name: value.radio, exact: true }).check();
    } else if (typeof value === 'object' && value.check) {
      for (const o of value.check) await form.getByRole('checkbox', { name: o, exact: true }).check();
    } else if (typeof value === 'object' && value.select) {
      const hidden = form.getByLabel(lab(label));
      await hidden.locator('xpath=..').click();
      const option = page.locator('.fjs-dropdownlist-item', { hasText: value.select }).first();
      await option.scrollIntoViewIfNeeded();
      // the item is a mouse-down target; Tasklist's footer may overlap the list's last rows
      await option.dispatchEvent('mousedown');
    } else if (typeof value === 'object' && value.date) {
      // flatpickr: type the date and leave the field with Tab (no click: an open calendar
      // could cover the next field; no Escape: it closes Tasklist's start dialog)
      const input = form.getByLabel(lab(label));
      await input.fill(value.date, { force: true });
      await input.press('Tab');
      await page.waitForTimeout(150);
    } else {
      const input = form.getByLabel(lab(label));
      for (let i = 0; i < 3; i++) {
        await input.fill(String(value));
        await page.waitForTimeout(150);
        if ((await input.inputValue()) === String(value)) break;
      }
    }
  }
}
// Tasklist keeps its button disabled while the form is invalid. On a loaded machine a value typed or
// picked a moment ago may not have reached form-js yet (CI once timed out on a disabled Start): wait for
// the button, and if the form still reports errors, name the fields and fill them once more.
async function whenValid(page, button, fields, who) {
  const enabled = (timeout) => page.waitForFunction(
    (name) => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === name && b.offsetParent !== null && !b.disabled),
    button, { timeout }).then(() => true, () => false);
  if (await enabled(5000)) return;
  const invalid = await page.locator('form.fjs-form .fjs-has-errors .fjs-form-field-label').allInnerTexts().catch(() => []);
  console.log(`  ${who}: ${button} still disabled; fields reported invalid: ${invalid.join(', ') || '(none shown)'}; filling again`);
  await page.screenshot({ path: `${SHOTS}/invalid-${who}.png`, fullPage: true });
  await fill(page, fields);
  await enabled(10000);
}
async function startProcess(page, name, fields) {
  await page.getByText('Start process').click();
  await page.locator('.modal').getByRole('link', { name, exact: true }).click();
  await fill(page, fields);
  await whenValid(page, 'Start', fields, 'start');
  const started = page.waitForResponse(r => /\/process-definition\/[^/]+\/submit-form$/.test(r.url()), { timeout: 60000 });
  await page.getByRole('button', { name: 'Start' }).click();
  const resp = await started;
  if (resp.status() >= 300) throw new Error(`start: HTTP ${resp.status()} ${(await resp.text()).slice(0, 300)}`);
}
async function work(user, taskName, fields, shot) {
  const page = await login(user);
  page.on('console', m => { if (m.type() === 'error') console.log('  CONSOLE', m.text().slice(0, 300)); });
  page.on('response', async r => { if (r.status() >= 400) console.log('  HTTP', r.status(), r.request().method(), r.url().replace('http://127.0.0.1:8080', ''), (await r.text().catch(()=>'')).slice(0, 200)); });
  const task = page.locator('.tasks-list .task').filter({ hasText: taskName }).first();
  // a task created a moment ago may need a refresh of the list
  for (let attempt = 0; attempt < 5 && !(await task.count()); attempt++) {
    if (attempt > 0) await page.reload({ waitUntil: 'networkidle' });
    await page.getByText('全部可见任务').click();
    await page.waitForTimeout(1200);
  }
  if (!(await task.count())) { await page.screenshot({ path: `${SHOTS}/missing-${user}.png` }); throw new Error(`${user} does not see ${taskName}`); }
  await task.locator('a').first().click();
  await page.locator('form.fjs-form').waitFor();
  const claim = page.locator('button, a').filter({ hasText: /^\s*Claim\s*$/ }).first();
  try { await claim.waitFor({ state: 'visible', timeout: 3000 }); await claim.click(); await page.waitForTimeout(1000); } catch (e) { /* already assigned */ }
  await fill(page, fields);
  await whenValid(page, 'Complete', fields, user);
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  const submitted = page.waitForResponse(r => /\/task\/[^/]+\/(submit-form|complete)$/.test(r.url()), { timeout: 60000 });
  await page.getByRole('button', { name: 'Complete' }).click();
  const resp = await submitted;
  if (resp.status() >= 300) throw new Error(`${user} / ${taskName}: HTTP ${resp.status()} ${(await resp.text()).slice(0, 300)}`);
  await page.waitForTimeout(500);
  const err = (await page.locator('.notifications .alert-danger:visible').allInnerTexts().catch(() => [])).filter(x => !x.includes('Loading the filters'));
  await page.context().close();
  if (err.length) throw new Error(`${user} / ${taskName}: ${err.join(' | ')}`);
  console.log('done', user, taskName);
}
async function sees(user, taskName) {
  const page = await login(user);
  await page.getByText('全部可见任务').click();
  await page.waitForTimeout(1200);
  const n = await page.locator('.tasks-list .task').filter({ hasText: taskName }).count();
  await page.context().close();
  return n > 0;
}
module.exports = { BASE, SHOTS, launch, login, fill, startProcess, work, sees, close: () => browser.close() };
