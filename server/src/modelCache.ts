/**
 * One document model per document version: every handler asks here, so a page is analysed once per edit no
 * matter how many features the editor requests. For a `NewsDocument` the next version's model is an incremental
 * update of the previous one (only the article an edit touches is read again), and findings are kept per article,
 * so diagnostics after a keystroke check that article and reuse the rest.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NewsmarkConfig } from './core/config';
import { computeDocumentModel } from './core/documentModel';
import { FindingsResult } from './core/findings';
import { computeIncrementalFindings, findingsAround, FindingsState } from './core/incrementalFindings';
import { Finding } from './core/rules/types';
import { Span } from './core/text';
import { composeKept, computeModelUpdate, KeptItems } from './core/incrementalModel';
import { DocumentModel, Item } from './core/model';
import { withUnitView } from './core/ruleScope';
import { isWhole } from './core/pieceText';
import { NewsDocument } from './documentStore';

interface Entry {
  version: number;
  model: DocumentModel;
  findings: { state: FindingsState; result: FindingsResult; version: number } | null;
  /** Maps the current model's items to the items of `findings.state.model`. */
  keptSinceFindings: KeptItems[];
  /** Values computed per item by features (the outline's symbols), with the mapping since they were computed. */
  derived: Map<string, { values: unknown[]; kept: KeptItems[]; version: number }>;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument): DocumentModel {
    return this.entry(document).model;
  }

  /**
   * Findings of the document's current version under `config`. `isCancelled` is asked between articles; when it
   * answers true the work stops with `FindingsCancelled` and what was done so far is lost.
   */
  findings(document: TextDocument, config: NewsmarkConfig, isCancelled?: () => boolean): FindingsResult {
    const entry = this.entry(document);
    const cached = entry.findings;
    if (cached && cached.version === entry.version && cached.state.config === config) return cached.result;
    const { result, state } = computeIncrementalFindings(entry.model, config, cached?.state ?? null, entry.keptSinceFindings, isCancelled);
    entry.findings = { state, result, version: entry.version };
    entry.keptSinceFindings = identity(entry.model);
    return result;
  }

  /**
   * Every finding (past the problem cap too, suppressed ones left out) of the units around `span`, and of the
   * whole-page rules, for quick fixes at the cursor; from the findings kept for the current version.
   */
  findingsAround(document: TextDocument, config: NewsmarkConfig, span: Span): Finding[] {
    this.findings(document, config);
    const entry = this.entry(document);
    return findingsAround(entry.findings!.state, entry.model, span);
  }

  /**
   * One value per item of the current model, computed by `compute` for items an edit touched and carried over
   * for the others; `move` adapts a carried value to its item having moved by `offsets` and by whole `lines` (its
   * columns do not change, see `KeptItems`); it is not called for items that did not move. It also brings a value
   * made in a view of the item's own text (for a text kept in pieces, see below) to the item's place in the page:
   * `compute` must give there what it gives on the whole page, moved (a unit test holds each feature to that).
   * `keep` turns a value just computed, once in its item's place, into the form kept (the outline's symbols into
   * their JSON). Each `name` is an independent cache.
   */
  perItem<T>(document: TextDocument, name: string, compute: (model: DocumentModel, item: Item) => T, move: (value: T, offsets: number, lines: number) => T, keep: (value: T) => T = same): T[] {
    const entry = this.entry(document);
    const cached = entry.derived.get(name);
    if (cached && cached.version === entry.version) return cached.values as T[];
    const values = new Array<T>(entry.model.items.length);
    const filled = new Array<boolean>(values.length).fill(false);
    if (cached) {
      for (const k of cached.kept) {
        for (let i = k.start; i < k.end; i++) {
          const old = cached.values[k.previousStart + i - k.start] as T;
          values[i] = k.lineShift === 0 && k.shift === 0 ? old : move(old, k.shift, k.lineShift);
          filled[i] = true;
        }
      }
    }
    for (let i = 0; i < values.length; i++) if (!filled[i]) values[i] = keep(computeItem(entry.model, i, compute, move));
    entry.derived.set(name, { values, kept: identity(entry.model), version: entry.version });
    return values;
  }

  /**
   * What `perItem` computes for item `i` of the document's current model, computed now and not kept: for a value
   * a feature keeps only part of (the outline keeps the children of the articles it gives), when it needs the rest.
   */
  itemValue<T>(document: TextDocument, i: number, compute: (model: DocumentModel, item: Item) => T, move: (value: T, offsets: number, lines: number) => T): T {
    return computeItem(this.entry(document).model, i, compute, move);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  private entry(document: TextDocument): Entry {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry;
    const changes = entry && document instanceof NewsDocument ? document.changesSince(entry.version) : null;
    if (entry && changes) {
      // The store's text and line index are the new model's: sharing them saves a copy of each per keystroke.
      const store = document instanceof NewsDocument ? { text: document.textReader, lines: document.lineIndex } : undefined;
      const update = computeModelUpdate(entry.model, changes, store);
      entry.version = document.version;
      entry.model = update.model;
      entry.keptSinceFindings = entry.findings ? composeKept(entry.keptSinceFindings, update.kept) : [];
      for (const d of entry.derived.values()) d.kept = composeKept(d.kept, update.kept);
    } else {
      // The store has indexed the lines of this text already; line indexes are never changed in place, so they can be shared.
      const model = document instanceof NewsDocument ? computeDocumentModel(document.getText(), document.lineIndex) : computeDocumentModel(document.getText());
      this.entries.set(document.uri, { version: document.version, model, findings: null, keptSinceFindings: [], derived: new Map() });
    }
    if (document instanceof NewsDocument) document.markRead();
    return this.entries.get(document.uri)!;
  }
}

/**
 * `compute` for item `i` of `model`. A text kept in pieces is not joined for the items an edit touched: each is read
 * in a view of its own text (`withUnitView`), and what is made there is moved to the item's place like a carried value.
 */
function computeItem<T>(model: DocumentModel, i: number, compute: (model: DocumentModel, item: Item) => T, move: (value: T, offsets: number, lines: number) => T): T {
  return withUnitView(model, i, !isWhole(model.lines.text), (view, base, line, item) => {
    const value = compute(view, item);
    return base === 0 && line === 0 ? value : move(value, base, line);
  }, 'window');
}

const same = <T>(value: T): T => value;

function identity(model: DocumentModel): KeptItems[] {
  return [{ start: 0, end: model.items.length, previousStart: 0, shift: 0, lineShift: 0 }];
}
