/**
 * A stand-in for the indexer worker in app tests (Node): it records the requests posted to it,
 * and the test answers them, or makes the worker die as a real one can.
 */
import type { Reply, RequestType, Result, WorkerRequest } from '../../shared/protocol.ts';
import { IndexerClient } from '../indexer-client.ts';

/** A worker the test drives: `requests` seen so far; `reply`, `answer` and `die` act as the worker. */
export class FakeWorker extends EventTarget implements Worker {
  onmessage: Worker['onmessage'] = null;
  onmessageerror: Worker['onmessageerror'] = null;
  onerror: Worker['onerror'] = null;
  readonly requests: WorkerRequest[] = [];
  terminated = false;

  postMessage(message: WorkerRequest): void {
    this.requests.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Sends `reply` to the client, as the worker's `postMessage` does. */
  reply(reply: Reply): void {
    this.dispatchEvent(new MessageEvent('message', { data: reply }));
  }

  /** Answers the last request of type `type` with `result`. */
  answer<K extends RequestType>(type: K, result: Result<K>): void {
    const request = [...this.requests].reverse().find((r) => r.type === type);
    if (!request) throw new Error(`no ${type} request was sent`);
    this.reply({ id: request.id, type: 'result', request: type, result });
  }

  /** Dies as a worker does on an uncaught error: an `error` event with a message. */
  die(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}

/** A client over fake workers: `workers` lists every worker it started, the current one last. */
export function fakeClient(): { client: IndexerClient; workers: FakeWorker[]; current: () => FakeWorker } {
  const workers: FakeWorker[] = [];
  const client = new IndexerClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { client, workers, current: () => workers[workers.length - 1]! };
}
