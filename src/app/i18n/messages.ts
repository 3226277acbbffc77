import type { PipelineErrorCode } from '../../core/errors.ts';

/** Why a file was skipped, in words a reader understands (zh-Hans). */
export const SKIP_REASONS: Record<PipelineErrorCode, string> = {
  empty: '文件是空的',
  binary: '不是文本文件',
  'unsupported-encoding': '编码无法识别（不是 UTF-8、UTF-16、GBK/GB18030 或 Big5）',
  'foreign-encoding': '是日文、韩文或其他不支持的编码（只读 UTF-8、UTF-16、GBK/GB18030 和 Big5），请另存为 UTF-8',
  'unsupported-type': '暂不支持此文件类型（支持 .txt、.md、.html、.epub 和 .zip）',
  'too-large': '文件太大',
  duplicate: '文库中已有相同的文件',
  'broken-archive': '压缩包已损坏，无法读取',
  'encrypted-entry': '加密的条目，无法读取',
  'unsupported-compression': '不支持的压缩方法（只读普通 zip 压缩）',
  'archive-limit': '压缩包超出限制（文件太多、太大或疑似压缩炸弹）',
  'unsupported-backup': '这个文库备份来自更新版本的搜文，请先更新',
  'storage-full': '存储空间已满，此文件未保存（已保存的文档不受影响）',
  'no-text': '文件中没有文字',
  internal: '处理时出错',
};

const LANGUAGES: [RegExp, string][] = [
  [/^Japanese/, '日文'],
  [/^Korean/, '韩文'],
  [/^Chinese in /, '中文，编码为 '],
];

/** Why a file was skipped, with the detail the pipeline gave (what a refused encoding looks like). */
export function skipReason(code: PipelineErrorCode, detail?: string): string {
  if (code !== 'foreign-encoding' || !detail) return SKIP_REASONS[code];
  const named = LANGUAGES.reduce((text, [pattern, word]) => text.replace(pattern, word), detail);
  return `看起来是${named}，不是支持的编码（只读 UTF-8、UTF-16、GBK/GB18030 和 Big5），请另存为 UTF-8`;
}

/** Formats a byte count for people: 2.5 GB, 1.2 MB, 340 KB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} B`;
}
