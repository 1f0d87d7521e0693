/**
 * A list of 32-bit integers (offsets into a text) in one buffer that doubles when full and is never given up, for
 * the scratch lists a scanner empties and fills again paragraph after paragraph. An array emptied with `length = 0`
 * gives up its storage, and filling it again made new storage for each of a megabyte's 3,900 paragraphs.
 */
export class IntList {
  private items: Int32Array;
  /** How many of the buffer's integers are in the list: set it lower to drop the last ones, to 0 to empty it. */
  length = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  /** The integer at `index` (below `length`). */
  get(index: number): number {
    return this.items[index];
  }
}
