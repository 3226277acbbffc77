/**
 * The closed list of reasons a file can be refused. The UI maps each code to a localized
 * per-file message; nothing else about a failure is shown to the user.
 */
export type PipelineErrorCode =
  | 'empty'
  | 'binary'
  | 'unsupported-encoding'
  | 'foreign-encoding'
  | 'unsupported-type'
  | 'too-large'
  | 'duplicate'
  | 'broken-archive'
  | 'encrypted-entry'
  | 'unsupported-compression'
  | 'archive-limit'
  | 'unsupported-backup'
  | 'bad-backup'
  | 'bad-backup-entry'
  | 'storage-full'
  | 'no-text'
  | 'read-timeout'
  | 'internal';

/** Pipeline stage names, used in messages so a failure says where it happened. */
export type PipelineStage = 'read' | 'decode' | 'split' | 'normalize' | 'index' | 'store';

/** A file-level failure with a code the UI can translate. */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';
  constructor(
    readonly code: PipelineErrorCode,
    readonly stage: PipelineStage,
    readonly fileName: string,
    message: string,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(`${fileName}: ${message}`, options);
    this.detail = options?.detail;
  }

  /** A fact the UI shows with the reason, untranslated (what a refused encoding looks like: "Korean (EUC-KR)"). */
  readonly detail: string | undefined;
}

/** True for the error an aborted job throws; cancellation is never shown as a failure. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
