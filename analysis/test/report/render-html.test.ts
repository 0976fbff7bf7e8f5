// Opens the HTML report in headless Chromium: no console errors, every candidate shown, a click shows its detail.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { chromium } from 'playwright-core';
import { render } from '../../src/report/render.js';
import { shopResult } from './shop-result.js';

const CHROMIUM = '/usr/bin/chromium';

t.test(
  'the HTML report opens in headless Chromium without console errors and shows every candidate',
  async (t) => {
    // CI installs chromium; a missing browser is a failure here, never a skip.
    t.ok(existsSync(CHROMIUM), `${CHROMIUM} exists (apt-get install -y chromium)`);
    if (!existsSync(CHROMIUM)) return;
    const dir = mkdtempSync(join(tmpdir(), 'ficus-html-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const result = shopResult();
    const page = join(dir, 'seams.html');
    writeFileSync(page, render(result, 'html'));

    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      offline: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    t.teardown(() => context.close());
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    tab.on('pageerror', (error) => problems.push(error.message));
    const requests: string[] = [];
    tab.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:'))
        requests.push(request.url());
    });
    await tab.goto(pathToFileURL(page).href);

    for (const seam of result.seams) {
      t.equal(
        await tab.locator(`svg g.seam[data-seam-id="${seam.id}"]`).count(),
        1,
        `graph node for ${seam.id}`,
      );
      t.equal(
        await tab.locator(`#candidates tr[data-seam-id="${seam.id}"]`).count(),
        1,
        `table row for ${seam.id}`,
      );
    }
    const order = result.seams.find((s) => s.name === 'order')!;
    await tab.locator(`svg g.seam[data-seam-id="${order.id}"]`).click();
    t.equal(await tab.locator('#details').getAttribute('data-selected'), order.id);
    const details = await tab.locator('#details').innerText();
    t.match(details, /GET \/api\/orders\/:id/);
    t.match(details, /src\/repositories\/order-repository\.ts/);
    t.match(details, /order_items/);
    t.same(problems, [], 'no console errors');
    t.same(requests, [], 'no network requests');
  },
);
