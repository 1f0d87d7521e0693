/** The client's document selector admits only `file` and `untitled` documents. */
import * as assert from 'node:assert/strict';
import { CHECKED_SCHEMES, newsSelector } from '../../../client/src/selector';

describe('client document selector', () => {
  it('names the file or untitled scheme in every filter, with the checkFiles extensions on disk only', () => {
    const filters = newsSelector(['txt', 'md', 'txt', 'exe', 42]);
    for (const f of filters) {
      const scheme = (f as { scheme?: string }).scheme;
      assert.ok(scheme !== undefined && CHECKED_SCHEMES.includes(scheme), JSON.stringify(f));
    }
    assert.deepEqual(filters, [
      { scheme: 'file', language: 'newsmark' },
      { scheme: 'untitled', language: 'newsmark' },
      { scheme: 'file', pattern: '**/*.txt' },
      { scheme: 'file', pattern: '**/*.md' },
    ]);
  });

  it('is the newsmark language alone by default', () => {
    assert.deepEqual(newsSelector([]).map((f) => (f as { language?: string }).language), ['newsmark', 'newsmark']);
  });
});
