/**
 * Answers made of elements that are kept from one answer to the next. A year of pages' outline is a megabyte and a
 * half of JSON, and after a keystroke all but one of its articles are the very same symbol objects as before:
 * serialising them again on every request cost more than everything else the server does for it. A feature marks
 * such an answer with `keptElements`; a transport that writes JSON itself (`node/messageEncoder.ts`, over a stream)
 * then encodes each element once and reuses its bytes for as long as the element lives. The mark changes nothing in
 * the JSON, and a transport that does not know it (Node IPC, which a client may still choose) serialises as usual.
 * Marked elements must never be changed once given: a change would not reach the client. An element may also be
 * kept as its JSON alone (`JsonBytes` in `jsonBytes.ts`, the outline's symbols), which such a transport writes as it is.
 */

const marked = new WeakSet<readonly object[]>();

/** Marks `list` as made of elements that are never changed once given; returns it. */
export function keptElements<T extends object>(list: T[]): T[] {
  marked.add(list);
  return list;
}

export function hasKeptElements(value: unknown): value is readonly object[] {
  return Array.isArray(value) && marked.has(value);
}
