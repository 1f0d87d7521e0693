/**
 * The base protocol's framing, for tests that write a server's input byte by byte themselves: `Content-Length` (after
 * any other `headers`, each ending in CRLF), an empty line, then the body in UTF-8.
 */
export function frameBytes(body: string | Buffer, headers = ''): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`${headers}Content-Length: ${bytes.length}\r\n\r\n`, 'latin1'), bytes]);
}

/** A message as JSON, framed. */
export function frameMessage(message: object): Buffer {
  return frameBytes(JSON.stringify(message));
}
