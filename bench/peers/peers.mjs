// The peers, run in-process on the same text: zhlint (Chinese typography), textlint with one CJK spacing rule
// (ja-space-between-half-and-full-width, on the plain-text plugin), markdownlint with its default rules.
// Each entry returns a count of problems so that a peer that silently did nothing would show.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export async function loadPeers() {
  const peers = [];
  try {
    const { run } = await import('zhlint');
    peers.push({ name: 'zhlint 0.8.2 (default preset)', check: async (text) => run(text, { rules: { preset: 'default' } }).validations.length });
  } catch (e) {
    peers.push({ name: 'zhlint', error: String(e) });
  }
  try {
    const { createLinter } = await import('textlint');
    const { TextlintKernelDescriptor } = await import('@textlint/kernel');
    const { moduleInterop } = await import('@textlint/module-interop');
    const textPlugin = moduleInterop(require('@textlint/textlint-plugin-text'));
    const rule = moduleInterop(require('textlint-rule-ja-space-between-half-and-full-width'));
    const descriptor = new TextlintKernelDescriptor({
      rules: [{ ruleId: 'ja-space-between-half-and-full-width', rule, options: { space: 'never' } }],
      plugins: [{ pluginId: 'text', plugin: textPlugin }],
      filterRules: [],
    });
    const linter = createLinter({ descriptor });
    peers.push({ name: 'textlint 15.8 + ja-space-between-half-and-full-width', check: async (text) => (await linter.lintText(text, 'page.txt')).messages.length });
  } catch (e) {
    peers.push({ name: 'textlint', error: String(e) });
  }
  try {
    const { lint } = await import('markdownlint/sync');
    peers.push({ name: 'markdownlint 0.38 (default rules)', check: async (text) => lint({ strings: { page: text } }).page.length });
  } catch (e) {
    peers.push({ name: 'markdownlint', error: String(e) });
  }
  return peers;
}
