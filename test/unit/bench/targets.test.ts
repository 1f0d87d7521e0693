/**
 * The bench's verdict on each target of the performance issue (bench/targets.ts), read from a result shaped as
 * `bench/run.mjs` gives it: which measure each target reads, pooled or not, and what the floor answering with
 * Newsmark's outline says of the two outline targets.
 */
import * as assert from 'node:assert/strict';
import { BenchResult, LspRow, targetTable, targetVerdicts } from '../../../bench/targets';

const series = (p95: number, keystrokes?: number, servers?: number) => ({ p95, keystrokes, servers });

function row(size: string, server: string, fields: Partial<LspRow>): LspRow {
  return { size, server, openOutline: 10, keyOutline: series(5), keyDiagnostics: series(5), peakRss: 50e6, outlineBytes: 437_000, ...fields };
}

/** A result in which every target holds, unless `change` alters it. */
function result(change: (r: BenchResult) => void = () => undefined): BenchResult {
  const r: BenchResult = {
    core: [
      { size: '1 MB', bytes: 1e6, runs: 20, phases: { structure: { bestMs: 3, mbPerSecond: 333 }, total: { bestMs: 18, mbPerSecond: 55.6 } } },
      { size: '10 MB', bytes: 1e7, runs: 5, phases: { structure: { bestMs: 40, mbPerSecond: 250 }, total: { bestMs: 200, mbPerSecond: 50 } } },
    ],
    peers: [
      { name: 'plain scan', ratio: 0.1 },
      { name: 'zhlint 0.8.2 (default preset)', ratio: 50 },
    ],
    lsp: [
      row('1 MB', 'floor', { openOutline: 13, opens: [13, 12, 11], openOutlineMedian: 12, keyDiagnostics: series(1.4), keyDiagnosticsPooled: series(1.5, 210, 7) }),
      row('1 MB', 'newsmark', { openOutline: 20, opens: [20, 17, 16], openOutlineMedian: 17, keyDiagnostics: series(9), keyDiagnosticsPooled: series(2.1, 210, 7) }),
      row('1 MB', 'floor with the answers', { openOutline: 15, opens: [15, 14, 13], openOutlineMedian: 14 }),
      row('10 MB', 'floor', { keyOutline: series(8), keyOutlinePooled: series(8, 90, 3), keyDiagnosticsPooled: series(8, 90, 3), peakRss: 150e6 }),
      row('10 MB', 'newsmark', { keyOutline: series(7), keyOutlinePooled: series(7.5, 90, 3), keyDiagnosticsPooled: series(6, 90, 3), peakRss: 101e6, peaks: [101e6, 98e6, 99e6], peakRssMedian: 99e6, outlineBytes: 1_494_000 }),
      row('10 MB', 'floor with the answers', { keyOutline: series(6) }),
    ],
    hostile: [
      { ms: 50, withinBudget: true },
      { ms: 250, withinBudget: true },
    ],
  };
  change(r);
  return r;
}

const lspRow = (r: BenchResult, size: string, server: string): LspRow => {
  const x = r.lsp.find((y) => y.size === size && y.server === server);
  assert.ok(x, `${server} on ${size}`);
  return x;
};

const verdict = (r: BenchResult, start: string) => {
  const v = targetVerdicts(r).find((x) => x.target.startsWith(start));
  assert.ok(v, start);
  return v;
};

describe('bench: the performance targets', () => {
  it('gives one verdict per target of the issue, all met when every measure is within its bound', () => {
    const verdicts = targetVerdicts(result());
    assert.equal(verdicts.length, 8);
    assert.deepEqual(
      verdicts.filter((v) => !v.met).map((v) => v.target),
      [],
    );
  });

  it('reads the 1 MB open → outline as the ratio of the medians over fresh servers', () => {
    const v = verdict(result(), '1 MB open');
    assert.ok(v.value !== null && Math.abs(v.value - 17 / 12) < 1e-9);
    assert.equal(v.met, true);
    const slower = verdict(result((r) => (lspRow(r, '1 MB', 'newsmark').openOutlineMedian = 19)), '1 MB open');
    assert.equal(slower.met, false);
  });

  it('tells what the floor alone reaches sending the same outline, and with the structure reading added', () => {
    const v = verdict(result(), '1 MB open');
    assert.ok(v.floorAlone !== undefined && v.floorAlone !== null && Math.abs(v.floorAlone - 14 / 12) < 1e-9);
    // (14 + 3) / 12, the structure's best time in process added to the floor's median.
    assert.match(v.note ?? '', /1\.17 times the floor \(medians of 3 fresh servers\).*\(3\.0 ms\): 1\.42/);
    // Against the floor's p95 pooled over its servers (8), not its own run's (4 here).
    const outline = verdict(
      result((r) => (lspRow(r, '10 MB', 'floor').keyOutline = series(4))),
      '10 MB keystroke → outline',
    );
    assert.ok(outline.floorAlone !== undefined && outline.floorAlone !== null && Math.abs(outline.floorAlone - 6 / 8) < 1e-9);
    assert.match(outline.note ?? '', /1494 KB, one server\): p95 0\.75 times/);
  });

  it('leaves the bound out where the run had no floor answering with the outline', () => {
    const r = result((x) => (x.lsp = x.lsp.filter((y) => y.server !== 'floor with the answers')));
    for (const start of ['1 MB open', '10 MB keystroke → outline']) {
      const v = verdict(r, start);
      assert.equal(v.floorAlone, null);
      assert.equal(v.note, undefined);
    }
  });

  it('takes the keystrokes pooled over servers, or the run\'s own where one server ran', () => {
    // Pooled: 2.1 / 1.5 = 1.4, within 1.5 although the run's own p95 (9 against 1.4) is not.
    assert.equal(verdict(result(), '1 MB keystroke').met, true);
    const single = result((r) => {
      lspRow(r, '1 MB', 'floor').keyDiagnosticsPooled = series(1.5, 30, 1);
      lspRow(r, '1 MB', 'newsmark').keyDiagnosticsPooled = series(2.1, 30, 1);
    });
    const v = verdict(single, '1 MB keystroke');
    assert.ok(v.value !== null && Math.abs(v.value - 9 / 1.4) < 1e-9);
    assert.equal(v.met, false);
  });

  it('reads the 10 MB targets: outline and diagnostics against the floor, and the peak against the input', () => {
    const r = result((x) => {
      lspRow(x, '10 MB', 'newsmark').keyOutlinePooled = series(8.1, 90, 3);
      lspRow(x, '10 MB', 'newsmark').peakRssMedian = 100.5e6;
    });
    assert.equal(verdict(r, '10 MB keystroke → outline').met, false);
    assert.equal(verdict(r, '10 MB keystroke → diagnostics').met, true);
    const peak = verdict(r, 'peak memory');
    assert.ok(peak.value !== null && Math.abs(peak.value - 10.05) < 1e-9);
    assert.equal(peak.met, false);
  });

  it('fails the throughput, zhlint and hostile targets past their bounds, and a peer that failed', () => {
    const r = result((x) => {
      x.core[0].phases.total = { bestMs: 20.2, mbPerSecond: 49.5 };
      x.hostile.push({ ms: 2500, withinBudget: false });
    });
    assert.equal(verdict(r, 'full analysis').met, false);
    const hostile = verdict(r, 'every regular expression');
    assert.equal(hostile.value, 2500);
    assert.equal(hostile.met, false);
    const failed = verdict(result((x) => (x.peers[1] = { name: 'zhlint 0.8.2', error: 'not installed' })), 'at least 25 times');
    assert.equal(failed.value, null);
    assert.equal(failed.met, false);
    assert.equal(verdict(result((x) => (x.peers[1].ratio = 24)), 'at least 25 times').met, false);
  });

  it('prints a Markdown row per target with its note', () => {
    const lines = targetTable(targetVerdicts(result((x) => (lspRow(x, '10 MB', 'newsmark').keyOutlinePooled = series(20, 90, 3)))));
    assert.equal(lines.length, 2 + 8);
    const outline = lines.find((l) => l.startsWith('| 10 MB keystroke → outline'));
    assert.match(outline ?? '', /the floor answering with Newsmark's outline \(1494 KB, one server\).* \| 2\.50 \| 1\.00 \| no \|$/);
  });
});
