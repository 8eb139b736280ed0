// The auditor's view of a finished case, in a real browser: 韩雪 (审计局, read-only) searches a case by its
// number, sees the BPMN diagram with the path taken, the compliance table and the timeline, and exports
// the case as one self-contained HTML file and as JSON; 王芳 (another office) is refused. Needs a running
// Fazhi in demo mode with at least one finished major decision (run major-decision-walkthrough.js first).
// Run: node audit-walkthrough.js
const { chromium } = require('playwright-core');
const fs = require('fs');
const BASE = process.env.FAZHI_URL || 'http://127.0.0.1:8080';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.SHOTS || 'target';

async function api(user, path) {
  const response = await fetch(BASE + path, { headers: { Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64') } });
  if (response.status >= 300) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

(async () => {
  const [finished] = await api('hanxue', '/engine-rest/history/process-instance?processDefinitionKey=major-decision&finished=true&sortBy=endTime&sortOrder=desc&maxResults=1');
  check(finished, 'no finished major decision: run major-decision-walkthrough.js first');
  const key = finished.businessKey;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

  // the auditor
  const auditor = await browser.newContext({ baseURL: BASE, httpCredentials: { username: 'hanxue', password: 'demo' }, acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const page = await auditor.newPage();
  await page.goto('/audit/index.html', { waitUntil: 'networkidle' });
  // search: finished major decisions of this year
  await page.locator('#findProcedure').selectOption('major-decision');
  await page.locator('#findStatus').selectOption('COMPLETED');
  await page.locator('#findYear').fill(String(new Date().getFullYear()));
  await page.getByRole('button', { name: '检索' }).click();
  await page.locator('#findTable').waitFor({ state: 'visible', timeout: 30000 });
  check((await page.locator('#findTable').innerText()).includes(key), 'the search does not list ' + key);
  await page.locator('#businessKey').fill(key);
  await page.getByRole('button', { name: '查看案件' }).click();
  await page.locator('#timelineSection').waitFor({ state: 'visible', timeout: 30000 });
  await page.locator('#diagram svg').first().waitFor({ timeout: 30000 });
  const timeline = await page.locator('#timeline').innerText();
  check(timeline.includes('集体讨论决定') && timeline.includes('归档'), 'timeline lacks statutory steps');
  const compliance = await page.locator('#compliance').innerText();
  check(compliance.includes('第25条') || compliance.includes('第25'), 'compliance table lacks Art 25');
  const chain = await page.locator('#chain').innerText();
  console.log('chain:', chain.replace(/\s+/g, ' ').slice(0, 80));
  await page.screenshot({ path: `${SHOTS}/audit-case.png`, fullPage: false });

  const [html] = await Promise.all([page.waitForEvent('download'), page.locator('#exportHtml').click()]);
  const htmlPath = `${SHOTS}/${key}.html`;
  await html.saveAs(htmlPath);
  const exported = fs.readFileSync(htmlPath, 'utf8');
  check(exported.includes('<svg') && exported.includes(key), 'the exported HTML lacks the diagram or the case number');
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#exportJson').click()]);
  const jsonPath = `${SHOTS}/${key}.json`;
  await json.saveAs(jsonPath);
  const data = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  check(data.timeline && data.timeline.businessKey === key, 'the exported JSON is not the case');

  // the exported file opens offline, diagram and all
  const offline = await browser.newContext({ offline: true });
  const archived = await offline.newPage();
  await archived.goto('file://' + require('path').resolve(htmlPath));
  check(await archived.locator('svg').count() > 0, 'the exported HTML shows no diagram offline');
  await offline.close();

  // another office's user is refused
  const stranger = await browser.newContext({ baseURL: BASE, httpCredentials: { username: 'wangfang', password: 'demo' } });
  const other = await stranger.newPage();
  await other.goto('/audit/case.html?key=' + encodeURIComponent(key), { waitUntil: 'networkidle' });
  await other.waitForTimeout(1500);
  const status = await other.locator('#status').innerText();
  check(status.includes('无权'), 'another office was not refused: ' + status);
  console.log('audit walkthrough passed for', key, '; refused for 王芳:', status.trim());
  await browser.close();
})().catch((e) => { console.error('FAILED', e.message); process.exit(1); });
