/**
 * package.json is the user's manual: every `%key%` has an English and a Chinese text, the token types match
 * the server's legend, every setting the server reads is contributed, and every client string has a Chinese
 * translation.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NEWS_TOKEN_TYPES } from '../../../server/src/core/semanticTokens';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

describe('extension contributions', () => {
  const pkg = read('package.json');
  const en = read('package.nls.json');
  const zh = read('package.nls.zh-cn.json');

  it('has an English and a Chinese text for every %key% in package.json, and no unused key', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 20, `${keys.length} keys`);
    for (const k of keys) {
      assert.ok(typeof en[k] === 'string' && en[k].length > 0, `package.nls.json lacks ${k}`);
      assert.ok(typeof zh[k] === 'string' && zh[k].length > 0, `package.nls.zh-cn.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(en).sort(), [...new Set(keys)].sort());
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });

  it('gives every command a localized title and the editor settings localized descriptions', () => {
    for (const c of pkg.contributes.commands) assert.match(c.title, /^%.+%$/);
    // Per-rule settings (`newsmark.rules.*`) are generated from the rule registry and checked with it.
    const editorSettings = Object.entries<{ description?: string; markdownDescription?: string }>(pkg.contributes.configuration.properties).filter(([name]) => !name.startsWith('newsmark.rules.'));
    assert.ok(editorSettings.length >= 4);
    for (const [name, s] of editorSettings) assert.match(s.description ?? s.markdownDescription ?? '', /^%.+%$/, name);
    assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === 'newsmark.checkFolder'));
  });

  it('contributes the server legend as token types, each with a theme scope fallback', () => {
    assert.deepEqual(pkg.contributes.semanticTokenTypes.map((t: { id: string }) => t.id), [...NEWS_TOKEN_TYPES]);
    const scopes = pkg.contributes.semanticTokenScopes[0].scopes;
    for (const t of NEWS_TOKEN_TYPES) assert.ok(Array.isArray(scopes[t]) && scopes[t].length > 0, t);
  });

  it('contributes the settings the server reads', () => {
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['newsmark.maxNumberOfProblems'].type, 'number');
    assert.deepEqual(props['newsmark.locale'].enum, ['auto', 'en', 'zh-cn']);
    assert.equal(props['newsmark.locale'].default, 'auto', 'a fixed default would hide the display language');
  });

  it('translates every string the client passes to vscode.l10n.t', () => {
    const bundle = read('l10n/bundle.l10n.zh-cn.json');
    const dir = path.join(ROOT, 'client/src');
    const used = new Set<string>();
    for (const f of fs.readdirSync(dir)) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) used.add(m[1]);
    }
    assert.ok(used.size > 10);
    for (const s of used) assert.ok(typeof bundle[s] === 'string', `no Chinese for "${s}"`);
    assert.deepEqual(Object.keys(bundle).sort(), [...used].sort());
  });
});
