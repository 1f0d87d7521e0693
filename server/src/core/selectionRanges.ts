/**
 * Smart selection (expand selection): from the cursor the selection grows the way an editor thinks about a
 * page, not the way a programmer does: the paragraph's prose, the whole paragraph (with its byline or credit),
 * the section, the article, then the whole document. Each step strictly contains the one before it.
 */
import { DocumentModel } from './model';
import { Span } from './text';

function contains(outer: Span, offset: number): boolean {
  return outer.start <= offset && offset <= outer.end;
}

/** Spans from the innermost outwards around `offset`; empty when the cursor is on nothing (a blank line). */
export function getSelectionChain(model: DocumentModel, offset: number): Span[] {
  const chain: Span[] = [];
  const push = (span: Span | null | undefined) => {
    if (!span || !contains(span, offset)) return;
    const last = chain[chain.length - 1];
    if (last && span.start === last.start && span.end === last.end) return;
    // Keep the chain nested even if a model span is ragged at an edge.
    const grown = last ? { start: Math.min(span.start, last.start), end: Math.max(span.end, last.end) } : span;
    if (last && grown.start === last.start && grown.end === last.end) return;
    chain.push(grown);
  };
  const block = model.blocks.find((b) => contains(b.paragraph.span, offset));
  if (block) {
    push(block.content.end > block.content.start ? block.content : null);
    push(block.paragraph.span);
  } else {
    const paragraph = model.paragraphs.find((p) => contains(p.span, offset));
    push(paragraph?.span);
  }
  const item = model.items.find((i) => contains(i.span, offset));
  if (item?.kind === 'article') {
    if (item.frontMatter) push(item.frontMatter.span);
    const section = item.sections.find((s) => contains(s.extent, offset));
    push(section?.extent);
  }
  push(item?.span);
  if (chain.length > 0) push({ start: 0, end: model.text.length });
  return chain;
}
