/**
 * A typed harness for the worker's request handler in Node: requests are sent by type with
 * their payload, and results come back with the type {@link RequestMap} gives them.
 */
import { isResultOf, type Reply, type RequestMap, type RequestOf, type RequestType, type Result } from '../../src/shared/protocol.ts';
import { MemoryLibraryStore } from '../../src/storage/memory-store.ts';
import { createHandler } from '../../src/worker/handle.ts';
import { Library } from '../../src/worker/library.ts';
import type { TabCoordinator } from '../../src/worker/tabs.ts';
import { sha256 } from './hash.ts';

/** The result of request `type` among `replies` (the last one); throws with what came instead. */
export function resultOf<K extends RequestType>(replies: readonly Reply[], type: K): Result<K> {
  const last = replies[replies.length - 1];
  if (!last || !isResultOf(last, type)) throw new Error(`expected a ${type} result, got ${JSON.stringify(last)}`);
  return last.result;
}

/**
 * A library in `store`, its handler, and every reply it sent.
 * @param onReply also sees each reply as it is sent (to act in the middle of a request)
 */
export function handlerHarness(store = new MemoryLibraryStore(), options: { tabs?: TabCoordinator; onReply?: (reply: Reply) => void } = {}) {
  const replies: Reply[] = [];
  const library = new Library(store, sha256);
  const handle = createHandler(
    library,
    (r) => {
      replies.push(r);
      options.onReply?.(r);
    },
    options.tabs,
  );
  let nextId = 1;
  /** Sends request `type` (with `id`, or the next one); resolves with every reply to it, once answered. */
  const send = async <K extends RequestType>(type: K, payload: RequestMap[K]['request'], id = nextId++): Promise<Reply[]> => {
    const request: RequestOf<K> = { id, type, ...payload };
    await handle(request);
    return replies.filter((r) => r.id === id);
  };
  /** Sends request `type`; resolves with its result, or throws with the reply that was not one. */
  const result = async <K extends RequestType>(type: K, payload: RequestMap[K]['request']): Promise<Result<K>> => resultOf(await send(type, payload), type);
  return { store, library, handle, replies, send, result };
}
