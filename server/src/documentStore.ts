/**
 * The open documents' text, kept for a year of pages in one file. `TextDocuments` keeps its events and
 * bookkeeping; this file replaces how content is stored and edited. The text is kept in pieces
 * (`core/pieceText.ts`): an edit rebuilds the piece it falls in and shares the others, and the line index is
 * patched around the edit instead of being rebuilt, so a keystroke costs the size of the edit and of the line
 * table, not of the text. The whole text is joined only for a caller of `getText()`, once per version.
 * Each document also logs the edits since the model cache last read it, in offsets, so the cache can update its
 * model incrementally (`core/incrementalModel.ts`) instead of reading the whole text again.
 */
import { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextChange, TextChange } from './core/incrementalModel';
import { PieceText, TextReader } from './core/pieceText';
import { LineIndex } from './core/text';

/** Beyond this many unread edits the log is dropped and the next reading is a full one. */
const MAX_LOGGED_CHANGES = 1000;

export class NewsDocument implements TextDocument {
  private text!: PieceText;
  private lines!: LineIndex;
  private log: TextChange[] = [];
  /** The version from which `log` holds every edit. */
  private logBase: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.reset(content);
    this.logBase = version;
  }

  /** The whole text replaced by `content` (on opening, and by a change without a range). */
  private reset(content: string): void {
    this.text = PieceText.of(content);
    this.lines = LineIndex.fromLineStarts(this.text, new LineIndex(content).lineStarts);
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getText(range?: Range): string {
    if (!range) return this.text.toString();
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  /** The line index of the current text; its `text` reads the pieces without joining them. */
  get lineIndex(): LineIndex {
    return this.lines;
  }

  /** The current text, read without joining it (see the file comment). */
  get textReader(): TextReader {
    return this.text;
  }

  /** Edits from `version` to the current version, in order, or null when they are no longer known. */
  changesSince(version: number): readonly TextChange[] | null {
    if (version === this.version) return [];
    if (version !== this.logBase) return null;
    return this.log;
  }

  /** The model cache read up to the current version: start a new log there. */
  markRead(): void {
    this.log = [];
    this.logBase = this.version;
  }

  apply(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        const start = this.offsetAt(change.range.start);
        const end = Math.max(start, this.offsetAt(change.range.end));
        const edit: TextChange = { span: { start, end }, newText: change.text };
        const next = applyTextChange(this.text, this.lines, edit);
        this.text = next.text;
        this.lines = next.lines;
        if (this.log.length < MAX_LOGGED_CHANGES) this.log.push(edit);
        else this.logBase = -1;
      } else {
        this.reset(change.text);
        this.logBase = -1;
      }
    }
    this.version = version;
  }
}

/** Plugs `NewsDocument` into `TextDocuments`: it is updated in place, so the log survives from version to version. */
export const newsDocuments: TextDocumentsConfiguration<NewsDocument> = {
  create: (uri, languageId, version, content) => new NewsDocument(uri, languageId, version, content),
  update(document, changes, version) {
    document.apply(changes, version);
    return document;
  },
};
