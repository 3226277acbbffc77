import type { PipelineErrorCode } from '../../core/errors.ts';

/** Why a file was skipped, in words a reader understands (zh-Hans). */
export const SKIP_REASONS: Record<PipelineErrorCode, string> = {
  empty: '文件是空的',
  binary: '不是文本文件',
  'unsupported-encoding': '编码无法识别（不是 UTF-8、UTF-16、GBK/GB18030 或 Big5）',
  'unsupported-type': '暂不支持此文件类型（支持 .txt、.md、.html、.epub 和 .zip）',
  'too-large': '文件太大',
  duplicate: '文库中已有相同的文件',
  'broken-archive': '压缩包已损坏，无法读取',
  'archive-limit': '压缩包超出限制（文件太多、太大或疑似压缩炸弹）',
  'unsupported-backup': '这个文库备份来自更新版本的搜文，请先更新',
  'storage-full': '存储空间已满，此文件未保存（已保存的文档不受影响）',
  'no-text': '文件中没有文字',
  internal: '处理时出错',
};

/** Formats a byte count for people: 2.5 GB, 1.2 MB, 340 KB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} B`;
}
