/**
 * A range of `VarintPostings` keys as one buffer of a snapshot, and back: the key count, then per
 * key its list's bytes, postings, last slot and Rice parameter or -1 for varints (little-endian
 * 32-bit integers), then the bytes of every list, in key order.
 */

/** A key's list as a range holds it. */
export interface RangeList {
  bytes: Uint8Array;
  count: number;
  last: number;
  rice: number;
}

/** What a range says of each of its keys, checked (see {@link decodeRange}). */
export interface RangeFields {
  keys: number;
  /** Per key: where its bytes start in the buffer, how many, postings, last slot, Rice parameter. */
  start: Int32Array;
  used: Int32Array;
  count: Int32Array;
  last: Int32Array;
  rice: Int32Array;
}

const FIELD_BYTES = 16;

/** The lists of consecutive keys as one buffer. A copy: nothing of it is shared with the lists. */
export function encodeRange(lists: readonly RangeList[]): Uint8Array {
  const head = 4 + lists.length * FIELD_BYTES;
  const out = new Uint8Array(lists.reduce((bytes, l) => bytes + l.bytes.length, head));
  const view = new DataView(out.buffer);
  view.setInt32(0, lists.length, true);
  let at = head;
  lists.forEach((l, k) => {
    const field = 4 + k * FIELD_BYTES;
    view.setInt32(field, l.bytes.length, true);
    view.setInt32(field + 4, l.count, true);
    view.setInt32(field + 8, l.last, true);
    view.setInt32(field + 12, l.rice, true);
    out.set(l.bytes, at);
    at += l.bytes.length;
  });
  return out;
}

/**
 * The fields of a buffer of {@link encodeRange}, checked.
 * @param slots the slots in use: no list may end past them
 * @param maxKeys keys there is room for
 * @throws on fields that do not add up (a damaged snapshot: the caller rebuilds), so that no
 *   lying count or slot reaches a query
 */
export function decodeRange(data: Uint8Array, slots: number, maxKeys: number): RangeFields {
  const damaged = () => new Error('pair postings: damaged snapshot chunk');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const keys = data.byteLength >= 4 ? view.getInt32(0, true) : -1;
  let at = 4 + keys * FIELD_BYTES;
  if (keys < 0 || keys > maxKeys || at > data.byteLength) throw damaged();
  const fields: RangeFields = { keys, start: new Int32Array(keys), used: new Int32Array(keys), count: new Int32Array(keys), last: new Int32Array(keys), rice: new Int32Array(keys) };
  for (let k = 0; k < keys; k++) {
    const field = 4 + k * FIELD_BYTES;
    const used = view.getInt32(field, true);
    const count = view.getInt32(field + 4, true);
    const last = view.getInt32(field + 8, true);
    const rice = view.getInt32(field + 12, true);
    // Every posting takes a byte at least as a varint, k + 1 bits as a Rice code; the last slot
    // is one in use, or none without postings.
    const coded = rice === -1 ? count <= used : rice >= 0 && rice <= 24 && count * (rice + 1) <= used * 8;
    const fits = used >= 0 && at + used <= data.byteLength && count >= 0 && coded && last < slots && (count === 0 ? last === -1 : last >= 0);
    if (!fits) throw damaged();
    [fields.start[k], fields.used[k], fields.count[k], fields.last[k], fields.rice[k]] = [at, used, count, last, rice];
    at += used;
  }
  return fields;
}
