// Drives the standalone docs previews in headless Chromium: on every page, clicks every
// language tab of every example, checks that exactly that tab's snippet is shown, and
// screenshots each page once, as loaded (a screenshot per tab was half the suite's browser
// time). One browser for every page (a launch costs seconds; the test suite batches each
// tool's runs into one process).
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
  // Two pages at a time (the machine's cores: the browser renders one while the driver
  // reads the other); reports keep the jobs' order.
  const pages = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      pages[i] = await check(browser, jobs[i]);
    }
  };
  await Promise.all([worker(), worker()]);
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
  // The page as a reader first sees it, before any click.
  await page.screenshot({ path: path.join(outDir, 'page.png'), fullPage: true });
  for (const ex of expected.examples) {
    const section = page.locator(`#${ex.id}`);
    for (const [tab, code] of Object.entries(ex.tabs)) {
      // A real mouse click at the tab's centre; `force` skips Playwright's wait for the
      // tab to be still over two frames (most of a click's time), and a tab covered by
      // something else would still fail below, since the click would land on that.
      await section.locator(`[role=tab][data-tab="${tab}"]`).click({ force: true });
      // What the reader sees after the click, read in one round trip to the browser.
      const seen = await section.evaluate((s) => {
        const visible = [...s.querySelectorAll('[role=tabpanel]')].filter((p) => p.checkVisibility());
        const selected = s.querySelector('[role=tab][aria-selected=true]');
        const panel = visible[0];
        return {
          visible: visible.length,
          shown: panel ? panel.getAttribute('data-tab') : null,
          selected: selected ? selected.getAttribute('data-tab') : null,
          text: panel ? panel.innerText : '',
          highlighted: panel ? panel.querySelectorAll('span.kw, span.str').length : 0,
        };
      });
      if (seen.visible !== 1) { failures.push(`${ex.id}/${tab}: ${seen.visible} panels visible`); continue; }
      if (seen.shown !== tab) failures.push(`${ex.id}/${tab}: clicking it shows ${seen.shown}`);
      if (seen.selected !== tab) failures.push(`${ex.id}/${tab}: the selected tab is ${seen.selected}`);
      const text = seen.text.replace(/\s+$/, '');
      if (text !== code.replace(/\s+$/, '')) failures.push(`${ex.id}/${tab}: shows\n${text}\n--- expected ---\n${code}`);
      if (tab !== 'http' && seen.highlighted === 0) failures.push(`${ex.id}/${tab}: no highlighted tokens`);
    }
  }
  await page.close();
  return { html, screenshots: 1, failures };
}
