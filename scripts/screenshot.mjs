// Regenerates docs/images/vscode-sample-page.png for the README: the packaged .vsix installed into code-server,
// the sample page open, the Outline view, the Problems panel and the hover on the orphan credit of line 111.
// Needs what `npm run test:e2e` needs, plus a CJK font for the page (apt-get install -y fonts-wqy-microhei).
// Usage: npm run screenshot [-- --quick-fix]   (--quick-fix opens the quick fix menu instead of the hover)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchChromium, ROOT, startCodeServer, workbenchUrl } from '../test/e2e/codeServer.mjs';

const SAMPLE = 'tianjin-environment-page.news';
const OUTPUT = path.join(ROOT, 'docs/images/vscode-sample-page.png');
const quickFix = process.argv.includes('--quick-fix');
// The hover shows the orphan credit (it has no fix); the quick-fix menu opens on line 109, among its findings with fixes.
const target = quickFix ? '109:46' : '111:1';

const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
if (!fonts.stdout?.trim()) {
  console.error('no CJK font: the page would render as boxes. apt-get install -y fonts-wqy-microhei');
  process.exit(2);
}

// Package exactly what users install.
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
const packaged = spawnSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (packaged.status !== 0 || !fs.existsSync(vsix)) {
  console.error('npm run package failed');
  process.exit(1);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-shot-'));
const workspace = path.join(scratch, 'newsroom');
fs.mkdirSync(workspace);
fs.copyFileSync(path.join(ROOT, 'test/fixtures', SAMPLE), path.join(workspace, SAMPLE));
const home = path.join(scratch, 'home');

// Keybindings for the views the picture needs, so the script never depends on menu labels.
const KEYS = {
  outline: 'ctrl+alt+shift+1',
  problems: 'ctrl+alt+shift+2',
  hover: 'ctrl+alt+shift+3',
  quickFix: 'ctrl+alt+shift+4',
  closeSidebarRight: 'ctrl+alt+shift+5',
  collapseOutline: 'ctrl+alt+shift+6',
};
/** The same chord as Playwright spells it. */
const press = (page, key) => page.keyboard.press(key.replace('ctrl', 'Control').replace('alt', 'Alt').replace('shift', 'Shift'));
fs.mkdirSync(path.join(home, 'user-data', 'User'), { recursive: true });
fs.writeFileSync(
  path.join(home, 'user-data', 'User', 'keybindings.json'),
  JSON.stringify([
    { key: KEYS.outline, command: 'outline.focus' },
    { key: KEYS.problems, command: 'workbench.actions.view.problems' },
    { key: KEYS.hover, command: 'editor.action.showHover' },
    { key: KEYS.quickFix, command: 'editor.action.quickFix' },
    { key: KEYS.closeSidebarRight, command: 'workbench.action.closeAuxiliaryBar' },
    { key: KEYS.collapseOutline, command: 'outline.collapse' },
  ]),
);

const server = await startCodeServer({
  home,
  settings: {
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'workbench.colorTheme': 'Default Light Modern',
    'editor.wordWrap': 'on',
    'editor.minimap.enabled': false,
    'editor.fontSize': 15,
    'editor.fontFamily': "'WenQuanYi Micro Hei Mono', monospace",
    'workbench.tips.enabled': false,
    'explorer.openEditors.visible': 0,
    'telemetry.telemetryLevel': 'off',
  },
});
let browser;
try {
  server.installVsix(vsix);
  browser = await launchChromium({ width: 1600, height: 1000 });
  const { page } = browser;
  await page.goto(workbenchUrl(server, workspace));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });

  // Open the page and go to the orphan credit.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SAMPLE }).dblclick();
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  await press(page, KEYS.closeSidebarRight);
  // Give the Outline the whole sidebar, every article collapsed; following the cursor opens the one at line 111.
  await page.locator('.pane-header', { hasText: 'newsroom' }).click();
  await press(page, KEYS.outline);
  await page.waitForSelector('.outline-pane .monaco-list-row', { timeout: 60_000 });
  await press(page, KEYS.collapseOutline);
  await press(page, KEYS.problems);
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 60_000 });

  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+g');
  await page.keyboard.type(target);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 30_000 });
  // Open the article around line 111 in the Outline to show its banner, bylines and section heads.
  await page.locator('.outline-pane .monaco-list-row', { hasText: '南开区扎实推进' }).locator('.monaco-tl-twistie').click();
  await page.waitForSelector('.outline-pane .monaco-list-row:has-text("坚持一个科学指引")', { timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+g');
  await page.keyboard.type(target);
  await page.keyboard.press('Enter');
  if (quickFix) {
    await press(page, KEYS.quickFix);
    await page.waitForSelector('.action-widget', { timeout: 30_000 });
  } else {
    await press(page, KEYS.hover);
    await page.waitForSelector('.monaco-hover .hover-row.status-bar, .monaco-hover .marker.hover-contents', { timeout: 30_000 });
  }
  // Let the hover finish its fade-in before the picture.
  await page.waitForFunction(() => {
    const hover = document.querySelector('.monaco-hover');
    return hover && getComputedStyle(hover).opacity === '1';
  });
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  await page.screenshot({ path: OUTPUT });
  console.log(`wrote ${path.relative(ROOT, OUTPUT)}`);
} finally {
  await browser?.close();
  await server.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
}
