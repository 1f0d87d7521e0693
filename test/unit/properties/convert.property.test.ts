/**
 * Conversion to front-matter loses no character of any body. NOT RUN YET: rename this file to
 * `convert.property.test.ts` once the conversion helper (issue 5, `server/src/core/convert.ts` with
 * `computeConvertedText(model)`) is merged; adjust the import if its name differs.
 *
 * Precisely: strip all whitespace from the original's article bodies (each body block's `content`, which
 * excludes the opener that conversion moves into the YAML block) and from the converted text. Every body,
 * in page order, must occur in the converted text as a contiguous run, after the previous one. And reading
 * the converted text back, for well-formed articles, its bodies hold the same characters in the same order.
 * Whitespace is exempt: re-flowing blank lines around the new block is the conversion's right.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeConvertedText } from '../../../server/src/core/convert';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { DocumentModel } from '../../../server/src/core/model';
import { BYLINE_OPENERS, document, propertyRuns, sampleLine } from '../../support/arbitraries';
import { readSample } from '../../support/text';

const squeeze = (s: string) => s.replace(/[\s\uFEFF\u200B]+/g, '');

/** Each article's body blocks, whitespace removed, in page order. */
function bodies(model: DocumentModel): string[] {
  return model.articles.flatMap((a) => a.body.map((b) => squeeze(model.text.slice(b.content.start, b.content.end)))).filter((b) => b.length > 0);
}

/** Where each body is found in `haystack` (whitespace removed), in order; the first missing one, if any. */
function missingBody(haystack: string, wanted: string[]): string | null {
  let at = 0;
  for (const body of wanted) {
    const i = haystack.indexOf(body, at);
    if (i < 0) return body;
    at = i + body.length;
  }
  return null;
}

function assertNoBodyLost(text: string): string {
  const model = computeDocumentModel(text);
  const converted = computeConvertedText(model);
  const lost = missingBody(squeeze(converted), bodies(model));
  assert.equal(lost, null, `a body lost in conversion: ${lost?.slice(0, 60)}`);
  return converted;
}

/** A well-formed article: headline, opener fused to the lede, body paragraphs, a trailing credit. */
const article = fc
  .tuple(sampleLine.filter((l) => l.length <= 30 && !/[。，]/.test(l)), fc.constantFrom(...BYLINE_OPENERS), fc.array(sampleLine.filter((l) => l.length > 40), { minLength: 1, maxLength: 5 }), fc.constantFrom('金文', '任效良 孔超', ''))
  .map(([headline, opener, paras, credit]) => [headline, `${opener}${paras[0]}`, ...paras.slice(1), credit].filter((p) => p.length > 0).join('\n\n'));

const page = fc.array(article, { minLength: 1, maxLength: 4 }).map((a) => a.join('\n\n'));

describe('properties: conversion to front-matter', () => {
  it('keeps every non-whitespace character of every body, in order, on any text', () => {
    fc.assert(
      fc.property(document, (text) => {
        assertNoBodyLost(text);
      }),
      { numRuns: propertyRuns(600) },
    );
  });

  it('reads back the same bodies from converted well-formed articles', () => {
    fc.assert(
      fc.property(page, (text) => {
        const converted = assertNoBodyLost(text);
        const back = bodies(computeDocumentModel(converted)).join('');
        assert.equal(missingBody(back, bodies(computeDocumentModel(text))), null, 'the converted text’s bodies hold the original bodies');
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('keeps every body of the sample page', () => {
    const converted = assertNoBodyLost(readSample());
    assert.notEqual(converted, readSample(), 'the sample page was converted');
  });

  it('the check itself catches a lost character', () => {
    assert.equal(missingBody(squeeze('天津 市\n生态'), ['天津市', '生态']), null);
    assert.equal(missingBody(squeeze('天津市生态'), ['天津市', '生态环境']), '生态环境');
    assert.equal(missingBody(squeeze('生态天津市'), ['天津市', '生态']), '生态', 'order matters');
  });
});
