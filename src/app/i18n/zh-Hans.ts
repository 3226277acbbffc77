import type { Messages } from './types.ts';

/** What the pipeline's encoding detail says, in Chinese: `Korean (EUC-KR)` → `韩文 (EUC-KR)`. */
const LANGUAGES: [RegExp, string][] = [
  [/^Japanese/, '日文'],
  [/^Korean/, '韩文'],
  [/^Chinese in /, '中文，编码为 '],
];

/** The interface in Simplified Chinese (简体中文). */
export default {
  lang: 'zh-Hans',
  list: (items) => items.join('、'),
  ellipsis: '…',
  app: {
    title: '搜文 Souwen',
    name: '搜文',
    subtitle: 'Souwen',
    workerRestarted: '索引程序意外停止，已重新启动并重新载入文库。',
  },
  searchBox: { placeholder: '搜索文档：芯片、晶體管、RISC-V……', label: '搜索' },
  wording: { label: '地区用词', title: '也找台湾、香港的说法：文件 ↔ 檔案，内存 ↔ 記憶體' },
  script: { label: '显示', ariaLabel: '显示文字', options: { original: '原文', hans: '简体', hant: '繁體' } },
  update: {
    waiting: '有新版本可用。',
    reload: '重新加载',
    later: '稍后',
    offlineReady: '已可离线使用：断网时也能打开搜文、导入和搜索。',
    gotIt: '知道了',
  },
  drop: { chooseFiles: '选择文件', chooseFolder: '选择文件夹', hint: '或把文件、文件夹拖到页面任意位置', release: '松开鼠标，导入文件' },
  empty: {
    heading: '把你的中文文档放进来，立刻全文搜索',
    intro: '支持简体与繁体互搜（搜“芯片企业”也能找到“芯片企業”），按文章定位，结果即打即出。所有文件只保存在这台设备的浏览器里，不会上传。',
    samples: '试用示例文档',
    samplesHint: '五篇示例：AI 简报（简体与繁体）、技术文章、博客页面。',
  },
  importPanel: {
    running: '正在导入',
    progress: (filesDone, filesTotal, bytesDone, bytesTotal) => `${filesDone} / ${filesTotal} 个文件 · ${bytesDone} / ${bytesTotal}`,
    reading: '读取文件……',
    cancel: '取消',
    cancelled: '导入已取消',
    done: '导入完成',
    summary: (indexed, skipped) => `已索引 ${indexed} 个文件${skipped > 0 ? `，跳过 ${skipped} 个` : ''}`,
    close: '关闭',
    indexed: (sections) => `已索引 · ${sections} 篇`,
    skipped: (reason) => `已跳过：${reason}`,
  },
  library: {
    heading: '文库',
    counts: (files, sections) => `${files} 个文件 · ${sections} 篇文章`,
    usage: (used, quota, persisted) => `本机存储：已用 ${used} / 可用 ${quota}${persisted ? ' · 已设为持久保存' : ''}`,
    memoryOnly: '浏览器不允许本地存储：文档只在本页面中，刷新后会丢失。',
    filterPlaceholder: '按文件名筛选',
    filterLabel: '按文件名筛选文件',
    fileMeta: (sections, size) => `${sections} 篇 · ${size}`,
    remove: '删除',
    removeLabel: (path) => `删除 ${path}`,
    notListed: (count) => `另有 ${count} 个文件未列出，输入文件名可筛选。`,
    noMatch: (filter) => `没有文件名含“${filter}”的文件。`,
    backup: '导出备份',
    backupTitle: '全部文档和说明打包成一个 zip；拖回搜文即可恢复',
    packing: '正在打包…',
    clear: '清空文库',
    confirmClear: (files) => `确定清空文库？将删除全部 ${files} 个文件。`,
  },
  libraryErrors: {
    loadFailed: (reason) => `文库加载失败：${reason}`,
    tooLarge: (maxFiles, maxBytes, files, bytes) => `一次最多导入 ${maxFiles} 个文件、共 ${maxBytes}（这次是 ${files} 个、${bytes}），请分批导入。`,
    storageFull: (unsaved) =>
      `存储空间已满：${unsaved} 个文件未能保存，已保存的文档都在。删除不需要的文件、或在浏览器设置中为本站留出空间后，再导入一次即可。`,
    crashed: (path) => `导入中断：处理“${path}”时索引程序意外停止。已重新启动并重新载入文库，之前导入的文件都在。`,
    failed: (reason) => `导入失败：${reason}`,
  },
  reader: {
    back: '← 返回结果',
    showOriginal: '显示原文',
    showCleaned: '显示整理后的文章',
    previous: '上一处',
    next: '下一处',
    sourceLink: '原文链接',
    originalNote: '原文：整个文件解码后的原样文字，未去除网页杂项与拼音标注。',
  },
  results: {
    error: '搜索出错，请重试。',
    none: (query) => `没有找到包含“${query}”的文章。`,
    count: (total, wording, pinyin, ms) =>
      `${total} 篇文章${wording > 0 ? `（其中 ${wording} 篇按地区用词匹配）` : ''}${pinyin > 0 ? `（其中 ${pinyin} 篇按拼音匹配）` : ''} · ${ms.toFixed(1)} 毫秒`,
    pinyinDivider: '以下按拼音匹配',
    more: (remaining) => `显示更多（还有 ${remaining} 篇）`,
  },
  hit: {
    pinyin: '拼音',
    pinyinTitle: '按拼音匹配',
    wording: (words) => `用词：${words}`,
    wordingTitle: '按其他地区的用词匹配',
    alsoIn: (fileNames) => `另见：${fileNames}`,
  },
  help: {
    summary: '搜索语法',
    rows: [
      { examples: ['芯片 企业'], meaning: ['两个词都要出现（空格 = 并且）'] },
      { examples: ['芯片 OR 晶体管'], meaning: ['任一出现即可'] },
      { examples: ['"Swin Transformer"'], meaning: ['完整短语，包括空格'] },
      { examples: ['芯片 -手机'], meaning: ['排除含“手机”的文章'] },
      { examples: ['title:简报', 'file:2022'], meaning: ['只在标题 / 文件名中找'] },
      { examples: ['xinpian', 'xp', "xi'an"], meaning: ['拼音或首字母（查询不含汉字时），排在原文匹配之后'] },
      { examples: ['date:2022-10..2022-12'], meaning: ['按文章日期筛选（也可 ', { code: 'date:2022' }, '、', { code: 'date:..2022-06' }, '）'] },
    ],
    footer: '简体、繁体互通（“芯片企业”能找到“芯片企業”），不区分大小写。',
  },
  skip: {
    reasons: {
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
      'bad-backup': '文库备份的清单（souwen-library.json）无法读取，备份未恢复',
      'bad-backup-entry': '文库备份中的这一项已损坏，未恢复（备份中的其他文件照常恢复）',
      'storage-full': '存储空间已满，此文件未保存（已保存的文档不受影响）',
      'no-text': '文件中没有文字',
      'read-timeout': '读取超时（文件读取超过 20 秒，已跳过；其他文件照常导入）',
      internal: '处理时出错',
    },
    foreignEncoding: (detail) => {
      const named = LANGUAGES.reduce((text, [pattern, word]) => text.replace(pattern, word), detail);
      return `看起来是${named}，不是支持的编码（只读 UTF-8、UTF-16、GBK/GB18030 和 Big5），请另存为 UTF-8`;
    },
  },
} satisfies Messages;
