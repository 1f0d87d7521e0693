/**
 * Numeric claims: every figure an article states, with what it measures. A proofreader checks figures against
 * each other (headline against body, part against whole, a count against its list), so a claim carries its
 * value, unit, kind, qualifier (多, 约, 不超过, about, up to) and subject (the words that name what is measured:
 * 湿地面积, PM2.5平均浓度, customers). Claims are computed once per model and shared by rules, hover and
 * highlights; only prose is read (headline, subheadlines, lede and body, never the opener).
 */
import { codeAt } from './chars';
import { Memo } from './memo';
import { DocumentModel } from './model';
import { Numeral, scanNumerals } from './numerals';
import { getArticleProse, ProseRole, ProseText } from './prose';
import { getSubject, subjectTokens } from './subjects';
import { Span } from './text';
import { ClaimKind, Qualifier, readChineseUnit, readEnglishUnit, readQualifierBefore, UnitReading } from './units';

export type { ClaimKind, Qualifier } from './units';

export interface Claim {
  index: number;
  /** Index into `model.articles`. */
  article: number;
  role: ProseRole;
  /** The figure in the document: qualifier, number and unit (`不超过45微克/立方米`). */
  span: Span;
  text: string;
  value: number;
  /** Normalised unit: `公顷`, `微克/立方米`, `%`, `元`, `座`, `state`; `''` for a bare count. */
  unit: string;
  kind: ClaimKind;
  qualifier: Qualifier | null;
  /** Words nearby naming what is measured; `''` when the text does not say. */
  subject: string;
  decimals: number;
  script: Numeral['script'];
  /** The prose the claim was found in, and its position there (for rules that read sentences). */
  prose: ProseText;
  at: { start: number; end: number };
}

interface ClaimIndex {
  claims: Claim[];
  byArticle: Claim[][];
}

const cache = new Memo<DocumentModel, ClaimIndex>('claims');

/** Every claim in the document, in document order; computed once per model. */
export function getClaims(model: DocumentModel): Claim[] {
  return index(model).claims;
}

export function getArticleClaims(model: DocumentModel, article: number): Claim[] {
  return index(model).byArticle[article] ?? [];
}

/** The claim whose figure covers an offset (its end included, as an editor cursor after the figure). */
export function getClaimAt(model: DocumentModel, offset: number): Claim | null {
  for (const claim of index(model).claims) if (offset >= claim.span.start && offset <= claim.span.end) return claim;
  return null;
}

/**
 * Other mentions of the same thing in the same article: same unit family and subjects that share their
 * head (面积, 浓度, customers), or one subject contained in the other.
 */
export function getRelatedMentions(model: DocumentModel, claim: Claim): Claim[] {
  return getArticleClaims(model, claim.article).filter((other) => other !== claim && sameSubject(claim, other));
}

export function sameSubject(a: Claim, b: Claim): boolean {
  if (a.kind !== b.kind && !(isMeasure(a) && isMeasure(b))) return false;
  if (a.unit !== b.unit) return false;
  const x = subjectTokens(a.subject);
  const y = subjectTokens(b.subject);
  if (x.length === 0 || y.length === 0) return false;
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  if (small.every((t) => large.includes(t))) return true;
  // Shared head: the last two tokens (面积 in 总面积 and 湿地面积), after a trailing scope (排名全市 ranks 排名).
  const head = (t: string[]) => t.join('').replace(/(全市|全区|全省|全国|全县)$/, '').slice(-2);
  return x.length >= 2 && y.length >= 2 && head(x).length === 2 && head(x) === head(y);
}

function isMeasure(c: Claim): boolean {
  return c.kind === 'quantity' || c.kind === 'count' || c.kind === 'money';
}

function index(model: DocumentModel): ClaimIndex {
  let found = cache.get(model);
  if (!found) {
    const claims: Claim[] = [];
    const byArticle: Claim[][] = [];
    for (const prose of getArticleProse(model)) {
      const list: Claim[] = [];
      for (const heading of prose.headings) claimsIn(model, heading, list);
      claimsIn(model, prose.body, list);
      inDocumentOrder(list);
      byArticle[prose.article] = list;
      for (const claim of list) claims.push(claim);
    }
    inDocumentOrder(claims);
    claims.forEach((c, i) => (c.index = i));
    found = { claims, byArticle };
    cache.set(model, found);
  }
  return found;
}

/** A Han character (the block U+3400–U+9FFF, as the checks below have always read it) at an offset. */
function isHanAt(text: string, at: number): boolean {
  const c = codeAt(text, at);
  return c >= 0x3400 && c <= 0x9fff;
}

/** Text in which a numeral reads as English: an English number word, or digits among Latin words. */
function isEnglishContext(text: string, n: Numeral): boolean {
  if (n.script === 'english') return true;
  if (isHanAt(text, n.end)) return false;
  const after = text.slice(n.end, n.end + 2);
  if (after.startsWith('%')) {
    const lead = text.slice(Math.max(0, n.start - 2), n.start);
    return !/[\u3400-\u9fff]/.test(lead) && /(^|[\sA-Za-z$])$/.test(lead);
  }
  const before = text.slice(Math.max(0, n.start - 2), n.start);
  if (/[\u3400-\u9fff]/.test(before)) return /^\s?[A-Za-z]/.test(after) && !/^\s?[A-Za-z]*[\u3400-\u9fff]/.test(after);
  return /[A-Za-z$€£]/.test(text.slice(Math.max(0, n.start - 12), n.start) + after) || /^\s/.test(after);
}

/** Sorts claims by where they start. Most lists are in that order already, and a stable sort would leave them so. */
function inDocumentOrder(claims: Claim[]): void {
  for (let i = 1; i < claims.length; i++) {
    if (claims[i - 1].span.start > claims[i].span.start) {
      claims.sort((a, b) => a.span.start - b.span.start);
      return;
    }
  }
}

/** Adds the claims of one prose text to `out` (one by one: a line of 200,000 figures would overflow push(...)). */
function claimsIn(model: DocumentModel, prose: ProseText, out: Claim[]): void {
  const { text, numerals } = scanNumerals(prose.text);
  let covered = 0;
  // The claim before, when it is from this text (a figure without a subject of its own may take its subject).
  let previous: Claim | null = null;
  for (const n of numerals) {
    if (n.start < covered) continue;
    const claim = readClaim(model, prose, text, n, previous);
    if (!claim) continue;
    out.push(claim);
    previous = claim;
    covered = claim.at.end;
  }
}

/** Four Chinese digits written digit by digit (二〇二〇), matched in place at a numeral of four characters. */
const CHINESE_YEAR = /[零〇一二三四五六七八九]{4}/y;

/** Digits before the point as written (2020 has four, so 2020年 is a year; 二〇二〇 likewise; 两千 has none). */
function integerDigits(text: string, n: Numeral): number {
  if (n.script === 'chinese') {
    if (n.end - n.start !== 4) return 0;
    CHINESE_YEAR.lastIndex = n.start;
    return CHINESE_YEAR.test(text) ? 4 : 0;
  }
  if (n.script === 'english') return 0;
  // The digits up to the first point (a thousands comma or a minus sign is not a digit).
  let digits = 0;
  for (let i = n.start; i < n.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) break;
    if (c >= 48 && c <= 57) digits++;
  }
  return digits;
}

function readClaim(model: DocumentModel, prose: ProseText, text: string, n: Numeral, previous: Claim | null): Claim | null {
  let start = n.start;
  const english = isEnglishContext(text, n);
  const after = text.slice(n.end, n.end + 24);
  let reading: UnitReading;
  if (english) {
    const before = text.slice(Math.max(0, n.start - 24), n.start);
    reading = readEnglishUnit(after, before, n.value, integerDigits(text, n));
    if (reading.kind === 'money' && reading.length === 0) start = n.start - reading.unit.length - (/\s$/.test(before) ? 1 : 0);
  } else {
    reading = readChineseUnit(after, n.value, integerDigits(text, n), n.script === 'chinese');
  }
  let kind: ClaimKind = reading.kind;
  let unit = reading.unit;
  let value = n.value;
  if (n.ordinal) {
    kind = 'rank';
    if (reading.kind !== 'count') unit = '';
  }
  if (!english && n.start >= 3 && text.startsWith('百分之', n.start - 3)) {
    kind = 'percent';
    unit = '%';
    start = n.start - 3;
  }
  if (unit === '成') {
    value = n.value * 10;
    unit = '%';
  }
  // A Chinese numeral with nothing countable after it (两, 三 standing alone) is not a figure.
  if (!english && n.script === 'chinese' && !n.ordinal && kind === 'count' && unit === '' && !isHanAt(text, n.end)) return null;
  let qualifier = reading.qualifier;
  const q = readQualifierBefore(text, start);
  if (q) {
    qualifier ??= { kind: q.kind, text: q.text };
    start -= q.length;
  }
  const end = n.end + reading.length;
  const span = prose.spanOf(start, end);
  const at = { start, end };
  const subject = getSubject(text, { start, end, numberEnd: n.end, kind, unit, english }, previous);
  return {
    index: 0,
    article: prose.article,
    role: prose.role,
    span,
    text: model.text.slice(span.start, span.end),
    value,
    unit,
    kind,
    qualifier,
    subject,
    decimals: n.decimals,
    script: n.script,
    prose,
    at,
  };
}

/**
 * How a claim reads in a message: 国家湿地公园总面积 1240多公顷, 两大国家湿地公园, three states. A count's noun
 * follows it in the text, a measure's subject precedes it.
 */
export function describeClaim(claim: Claim): string {
  const figure = claim.text.replace(/\s+/g, ' ');
  if (!claim.subject || figure.toLowerCase().includes(claim.subject.toLowerCase())) return figure;
  const text = claim.prose.text;
  let end = claim.at.end;
  if (/^[”"]/.test(text.slice(end))) end++;
  if (text.startsWith(claim.subject, end)) return text.slice(claim.at.start, end + claim.subject.length);
  return `${claim.subject} ${figure}`;
}

/** Half the place of the last written digit: 1.2万 is exact to 500, 5.2 to 0.05, 740 to 0.5. */
export function claimRounding(claim: Claim): number {
  const t = claim.text;
  const scale = /亿/.test(t) ? 1e8 : /万/.test(t) ? 1e4 : /billion/i.test(t) ? 1e9 : /million/i.test(t) ? 1e6 : /thousand/i.test(t) ? 1e3 : 1;
  return 0.5 * Math.pow(10, -claim.decimals) * scale;
}

/** The upper and lower values a qualified figure allows: 1240多 is 1240–1250, 约100 is 90–110, 不超过45 is 0–45. */
export function claimBounds(claim: Claim): { low: number; high: number } {
  const v = claim.value;
  const q = claim.qualifier;
  if (!q) return { low: v, high: v };
  if (q.kind === 'atLeast') return { low: v, high: Infinity };
  if (q.kind === 'atMost') return { low: -Infinity, high: v };
  if (q.text === '多' || q.text === '余') {
    // 100多 is 100–200, 1240多 is 1240–1250: the place of the last non-zero digit sets the range.
    let step = 1;
    if (Number.isInteger(v) && v > 0) while (v % (step * 10) === 0) step *= 10;
    return { low: v, high: v + step };
  }
  return { low: v * 0.9, high: v * 1.1 };
}
