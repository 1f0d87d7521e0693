/** The display language: the client's locale by default, `.newsmarkrc.json` over it, the setting over both. */
import * as assert from 'node:assert/strict';
import { defaultConfig, parseConfig } from '../../../server/src/core/config';
import { RULE_CODES } from '../../../server/src/core/rules';
import { localeFromClient } from '../../../server/src/server';
import { effectiveConfig, fromEditorSettings } from '../../../server/src/settings';

describe('display language', () => {
  const chinese = { ...defaultConfig(), locale: 'zh-cn' as const };

  it('reads the client locale: any Chinese as Simplified Chinese, anything else as English', () => {
    assert.equal(localeFromClient('zh-cn'), 'zh-cn');
    assert.equal(localeFromClient('zh-TW'), 'zh-cn');
    assert.equal(localeFromClient('en-us'), 'en');
    assert.equal(localeFromClient('de'), 'en');
    assert.equal(localeFromClient(undefined), 'en');
  });

  it('keeps the client locale when neither file nor setting names one', () => {
    assert.equal(effectiveConfig(null, fromEditorSettings({ locale: 'auto' }, []), chinese).locale, 'zh-cn');
    const file = parseConfig('{"maxProblems": 5}', RULE_CODES, chinese).config;
    assert.equal(effectiveConfig(file, {}, chinese).locale, 'zh-cn');
    assert.equal(file.maxProblems, 5);
  });

  it('lets .newsmarkrc.json override the client, and the setting override both', () => {
    const file = parseConfig('{"locale": "en"}', RULE_CODES, chinese).config;
    assert.equal(effectiveConfig(file, {}, chinese).locale, 'en');
    assert.equal(effectiveConfig(file, fromEditorSettings({ locale: 'zh-cn' }, []), chinese).locale, 'zh-cn');
  });

  it('reads newsmark.maxNumberOfProblems as the per-file cap', () => {
    assert.equal(effectiveConfig(null, fromEditorSettings({ maxNumberOfProblems: 3 }, [])).maxProblems, 3);
  });
});
