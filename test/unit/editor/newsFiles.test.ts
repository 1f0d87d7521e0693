/** Listing `*.news` files under workspace folders, and the per-file cache checked against mtime and size. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listNewsFiles, NewsFileCache } from '../../../server/src/node/newsFiles';

describe('news files in the workspace', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-ws-'));
    fs.mkdirSync(path.join(root, 'pages', '2021'), { recursive: true });
    fs.mkdirSync(path.join(root, 'node_modules', 'x'), { recursive: true });
    fs.mkdirSync(path.join(root, '.git'));
    fs.writeFileSync(path.join(root, 'a.news'), '标题\n');
    fs.writeFileSync(path.join(root, 'pages', '2021', 'b.news'), '标题\n');
    fs.writeFileSync(path.join(root, 'pages', 'notes.txt'), 'x');
    fs.writeFileSync(path.join(root, 'node_modules', 'x', 'c.news'), 'x');
    fs.writeFileSync(path.join(root, '.git', 'd.news'), 'x');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds .news files in subfolders, skipping dependencies and hidden folders', () => {
    assert.deepEqual(
      listNewsFiles([root]).map((f) => path.relative(root, f)),
      ['a.news', path.join('pages', '2021', 'b.news')],
    );
    assert.equal(listNewsFiles([root], 1).length, 1, 'stops at the limit');
  });

  it('analyses a file once until it changes, and skips a file that is not UTF-8', () => {
    const problems: string[] = [];
    const cache = new NewsFileCache((text) => text.trim(), (m) => problems.push(m));
    const file = path.join(root, 'a.news');
    assert.equal(cache.get(file), '标题');
    assert.equal(cache.get(file), '标题');
    assert.equal(cache.analysed, 1);
    fs.writeFileSync(file, '新标题\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(cache.get(file), '新标题');
    assert.equal(cache.analysed, 2);
    const bad = path.join(root, 'bad.news');
    fs.writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x41]));
    assert.equal(cache.get(bad), null);
    assert.match(problems.join('\n'), /not valid UTF-8/);
    assert.equal(cache.get(path.join(root, 'gone.news')), null);
  });
});
