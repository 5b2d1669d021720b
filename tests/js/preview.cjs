// Drives the standalone docs previews in headless Chromium: on every page, clicks every
// language tab of every example, checks that exactly that tab's snippet is shown, and
// screenshots it. One browser for every page (a launch costs seconds; the test suite
// batches each tool's runs into one process).
// Usage: node preview.cjs <jobs.json>, jobs: [{"html", "expected", "out"}] (paths);
// prints {"chromium", "pages": [{"html", "screenshots", "failures"}]} and exits 1 when
// any page failed.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

(async () => {
  const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const pages = [];
  for (const job of jobs) pages.push(await check(browser, job));
  console.log(JSON.stringify({ chromium: browser.version(), pages }));
  await browser.close();
  if (pages.some((p) => p.failures.length)) process.exit(1);
})().catch((e) => { console.error(e); process.exit(1); });

async function check(browser, { html, expected: expectedPath, out: outDir }) {
  const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
  const failures = [];
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('pageerror', (e) => failures.push(`page error: ${e}`));
  await page.goto('file://' + path.resolve(html));
  let shots = 0;
  for (const ex of expected.examples) {
    const section = page.locator(`#${ex.id}`);
    for (const [tab, code] of Object.entries(ex.tabs)) {
      await section.locator(`[role=tab][data-tab="${tab}"]`).click();
      const visible = await section.locator('[role=tabpanel]:visible').all();
      if (visible.length !== 1) { failures.push(`${ex.id}/${tab}: ${visible.length} panels visible`); continue; }
      const shown = await visible[0].getAttribute('data-tab');
      if (shown !== tab) failures.push(`${ex.id}/${tab}: clicking it shows ${shown}`);
      const selected = await section.locator('[role=tab][aria-selected=true]').getAttribute('data-tab');
      if (selected !== tab) failures.push(`${ex.id}/${tab}: the selected tab is ${selected}`);
      const text = (await visible[0].innerText()).replace(/\s+$/, '');
      if (text !== code.replace(/\s+$/, '')) failures.push(`${ex.id}/${tab}: shows\n${text}\n--- expected ---\n${code}`);
      if (tab !== 'http' && (await visible[0].locator('span.kw, span.str').count()) === 0) {
        failures.push(`${ex.id}/${tab}: no highlighted tokens`);
      }
      await section.screenshot({ path: path.join(outDir, `${ex.id}-${tab}.png`) });
      shots++;
    }
  }
  await page.screenshot({ path: path.join(outDir, 'page.png'), fullPage: true });
  await page.close();
  return { html, screenshots: shots + 1, failures };
}
