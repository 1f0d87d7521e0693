/** Round trip on real copy: the sample page and Xinhua, AP and Reuters wire. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeConvertedText } from '../../../server/src/core/convert';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { bodyParagraphs, comparableOutline, roundTrip } from '../../support/roundTrip';

const FIXTURES = ['tianjin-environment-page.news', 'wire-xinhua.news', 'wire-ap.news', 'wire-reuters.news'];

describe('conversion round trip on real copy', () => {
  for (const name of FIXTURES) {
    describe(name, () => {
      const text = fs.readFileSync(path.resolve(__dirname, '../../fixtures', name), 'utf8');
      const rt = roundTrip(text);

      it('converts every article to front-matter', () => {
        assert.ok(rt.original.articles.length > 0);
        assert.equal(rt.result.articles.length, rt.original.articles.length);
        assert.ok(rt.result.articles.every((a) => a.format === 'front-matter'), 'every article reads back from a block');
      });

      it('keeps the outline: headlines, subheadlines, bylines, datelines, credits, sections, captions', () => {
        assert.deepEqual(comparableOutline(rt.result), comparableOutline(rt.original));
      });

      it('changes nothing when converted again', () => {
        assert.equal(computeConvertedText(computeDocumentModel(rt.converted)), rt.converted);
      });

      it('keeps every body paragraph verbatim, in order', () => {
        assert.ok(rt.paragraphs > 0);
        if (process.env.NEWSMARK_ROUND_TRIP_STATS) console.log(`round trip ${name}: ${rt.original.articles.length} articles, ${rt.paragraphs} body paragraphs compared`);
        assert.deepEqual(bodyParagraphs(rt.result), bodyParagraphs(rt.original));
      });
    });
  }
});
