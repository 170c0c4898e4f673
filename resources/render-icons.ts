/**
 * Draws the PNG icons from resources/icon.svg with Chromium, so every variant stays in
 * step with the one drawing: `npm run icons` after changing the SVG. Tray variants add a
 * status dot — amber while syncing, red when a connection needs the user.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright';

const dir = import.meta.dirname;
const svg = await readFile(join(dir, 'icon.svg'), 'utf8');
const dots = { '': null, '-syncing': '#d97706', '-attention': '#dc2626' } as const;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  const render = async (size: number, dot: string | null, file: string) => {
    const badge = dot ? `<circle cx="392" cy="392" r="112" fill="${dot}" stroke="#ffffff" stroke-width="36"/>` : '';
    const drawing = svg.replace('</svg>', `${badge}</svg>`);
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${drawing}`,
    );
    await writeFile(join(dir, file), await page.screenshot({ omitBackground: true }));
  };
  await render(512, null, 'icon.png');
  for (const [suffix, dot] of Object.entries(dots)) {
    await render(16, dot, `tray${suffix}.png`);
    await render(32, dot, `tray${suffix}@2x.png`);
  }
} finally {
  await browser.close();
}
