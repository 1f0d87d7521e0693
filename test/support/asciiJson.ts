/**
 * JSON text with every character outside ASCII written as `\uXXXX` (surrogate pairs as two escapes), in lower or
 * upper hex: the tests' own reading of what the server's `asciiBytes` writes, and of what a client that escapes every
 * non-ASCII character sends. The text must be JSON: outside its strings it is ASCII already.
 */
export function asciiJson(json: string, upper = false): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });
}
