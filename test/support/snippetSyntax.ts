/**
 * A checker for VS Code's snippet syntax (tab stops, placeholders, choices, variables, transforms), so that a
 * typo in `snippets/*.code-snippets` fails a unit test instead of inserting a literal `${2:姓名` into a story.
 * VS Code itself accepts malformed bodies silently and inserts them as text, which is why this exists.
 * It also expands a body with every placeholder's default text, which lets the tests feed a skeleton to the
 * structure core and check that it reads as the article it claims to be.
 */

/** The variables VS Code resolves in snippets; any other `$NAME` is inserted as a placeholder named NAME. */
export const SNIPPET_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM',
  'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

export interface SnippetCheck {
  /** Problems found, each with its offset in the body; empty when the body is valid. */
  errors: string[];
  /** Tab stop numbers in order of appearance (0 included). */
  tabStops: number[];
  /** The body with every placeholder replaced by its default, choices by their first option. */
  expanded: string;
}

/**
 * Checks one snippet body (the array form joined with newlines). `variables` supplies values for expansion;
 * a variable without a value expands to its default or to nothing.
 */
export function checkSnippetBody(body: string, variables: Record<string, string> = {}): SnippetCheck {
  const errors: string[] = [];
  const tabStops: number[] = [];
  let pos = 0;

  const fail = (message: string) => errors.push(`${message} at offset ${pos}`);

  /** Parses until one of `stops` (unescaped) or the end; returns the expansion. */
  const parseAny = (stops: string): string => {
    let out = '';
    while (pos < body.length) {
      const c = body[pos];
      if (stops.includes(c)) return out;
      if (c === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        out += body[pos + 1];
        pos += 2;
      } else if (c === '$') {
        out += parseDollar();
      } else {
        out += c;
        pos++;
      }
    }
    return out;
  };

  const readInt = (): number | null => {
    const m = /^\d+/.exec(body.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    return Number(m[0]);
  };

  const readName = (): string | null => {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(body.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    return m[0];
  };

  const expect = (s: string): boolean => {
    if (body.startsWith(s, pos)) {
      pos += s.length;
      return true;
    }
    fail(`expected "${s}"`);
    return false;
  };

  const variable = (name: string, fallback: string): string => {
    if (!SNIPPET_VARIABLES.has(name)) fail(`unknown variable $${name}`);
    return variables[name] ?? fallback;
  };

  /** `/regex/format/options}`; applies the transform to `value`. */
  const parseTransform = (value: string): string => {
    pos++; // '/'
    const regexStart = pos;
    while (pos < body.length && body[pos] !== '/') pos += body[pos] === '\\' ? 2 : 1;
    const source = body.slice(regexStart, pos);
    if (!expect('/')) return value;
    const formatStart = pos;
    while (pos < body.length && body[pos] !== '/') pos += body[pos] === '\\' ? 2 : 1;
    const format = body.slice(formatStart, pos);
    if (!expect('/')) return value;
    const options = /^[dgimsuy]*/.exec(body.slice(pos))![0];
    pos += options.length;
    let re: RegExp;
    try {
      re = new RegExp(source, options);
    } catch (e) {
      fail(`bad transform regex /${source}/: ${e instanceof Error ? e.message : String(e)}`);
      return value;
    }
    if (/\$\{(?!\d+(?::[^}]*)?\})/.test(format)) fail(`bad transform format "${format}"`);
    expect('}');
    return value.replace(re, format.replace(/\$\{(\d+)\}/g, '$$$1'));
  };

  const parseDollar = (): string => {
    pos++; // '$'
    if (pos >= body.length) {
      fail('lone "$" at the end');
      return '';
    }
    if (/\d/.test(body[pos])) {
      tabStops.push(readInt()!);
      return '';
    }
    if (/[_a-zA-Z]/.test(body[pos])) return variable(readName()!, '');
    if (body[pos] !== '{') {
      fail('"$" that starts nothing (write \\$ for a dollar sign)');
      return '$';
    }
    pos++; // '{'
    const n = readInt();
    if (n !== null) {
      tabStops.push(n);
      if (body[pos] === '}') {
        pos++;
        return '';
      }
      if (body[pos] === ':') {
        pos++;
        const inner = parseAny('}');
        expect('}');
        return inner;
      }
      if (body[pos] === '|') {
        pos++;
        const options: string[] = [''];
        while (pos < body.length && body[pos] !== '|') {
          if (body[pos] === '\\' && ',|\\$}'.includes(body[pos + 1] ?? '')) {
            options[options.length - 1] += body[pos + 1];
            pos += 2;
          } else if (body[pos] === ',') {
            options.push('');
            pos++;
          } else {
            options[options.length - 1] += body[pos++];
          }
        }
        if (!expect('|}')) return '';
        if (options.some((o) => o.length === 0)) fail('empty option in a choice');
        return options[0];
      }
      if (body[pos] === '/') return parseTransform('');
      fail(`tab stop \${${n} not closed`);
      return '';
    }
    const name = readName();
    if (name === null) {
      fail('"${" without a tab stop number or variable name');
      return '';
    }
    if (body[pos] === '}') {
      pos++;
      return variable(name, '');
    }
    if (body[pos] === ':') {
      pos++;
      const inner = parseAny('}');
      expect('}');
      return variable(name, inner);
    }
    if (body[pos] === '/') return parseTransform(variable(name, ''));
    fail(`variable \${${name} not closed`);
    return '';
  };

  let expanded = parseAny('}');
  while (pos < body.length) {
    fail('unmatched "}" (write \\} for a brace)');
    pos++;
    expanded += '}' + parseAny('}');
  }
  if (tabStops.filter((t) => t === 0).length > 1) errors.push('more than one final tab stop $0');
  return { errors, tabStops, expanded };
}
