/// <reference lib="webworker" />
/**
 * The parsing worker: reads one source at a time (decode, extract, clean, split) for the indexer
 * worker, which keeps answering searches meanwhile. It gives one outcome per request, so the
 * reader's watchdog times each file and an archive is read only as fast as it is stored. The
 * reader terminates this worker when a file takes too long; nothing here needs to cooperate.
 */
import type { IngestOutcome } from '../core/pipeline.ts';
import { ingestEach } from '../core/pipeline.ts';
import { toData, type ParseReply, type ParseRequest } from './reader.ts';

declare const self: DedicatedWorkerGlobalScope;

/** The source being read: its outcomes, and the budget its archives draw on. */
let current: { id: number; outcomes: Iterator<IngestOutcome>; budget: { remaining: number } } | undefined;

function post(reply: ParseReply): void {
  self.postMessage(reply);
}

/** Gives the current source's next outcome, or says it is done. */
function pull(): void {
  if (!current) return;
  const { id, outcomes, budget } = current;
  const next = outcomes.next();
  if (next.done) {
    current = undefined;
    post({ type: 'done', id, budgetRemaining: budget.remaining });
  } else {
    post({ type: 'outcome', id, outcome: toData(next.value) });
  }
}

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  const request = event.data;
  if (request.type === 'read') {
    const budget = { remaining: request.budgetRemaining };
    current = { id: request.id, outcomes: ingestEach(request.bytes, request.path, request.depth, budget), budget };
  } else if (request.id !== current?.id) {
    return;
  }
  pull();
});
