// LSP base-protocol framing for the bench's client and floor server: each whole message's JSON body, parsed, from
// chunks of a stream. The chunks are joined once per message, when all of it is there: joining at every chunk
// copies a big message over and over (a 10 MB didOpen, the 1.5 MB outline of a 10 MB archive).
export class MessageFramer {
  /** @param {(message: unknown) => void} onMessage */
  constructor(onMessage) {
    this.onMessage = onMessage;
    this.chunks = [];
    this.size = 0;
    this.headerLength = 0;
    this.expected = -1;
  }

  /** @param {Buffer} chunk */
  push(chunk) {
    this.chunks.push(chunk);
    this.size += chunk.length;
    for (;;) {
      if (this.expected < 0) {
        if (this.chunks.length > 1 && this.chunks[0].indexOf('\r\n\r\n') < 0) this.chunks = [Buffer.concat(this.chunks, this.size)];
        const end = this.chunks[0].indexOf('\r\n\r\n');
        if (end < 0) return;
        this.headerLength = end + 4;
        this.expected = Number(/Content-Length: (\d+)/i.exec(this.chunks[0].subarray(0, end).toString())[1]);
      }
      if (this.size < this.headerLength + this.expected) return;
      const buffer = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
      const body = buffer.subarray(this.headerLength, this.headerLength + this.expected).toString('utf8');
      const rest = buffer.subarray(this.headerLength + this.expected);
      this.chunks = rest.length ? [rest] : [];
      this.size = rest.length;
      this.expected = -1;
      this.onMessage(JSON.parse(body));
      if (this.size === 0) return;
    }
  }
}
