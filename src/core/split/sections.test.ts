import { describe, expect, it } from 'vitest';
import { seeds } from '../../../tests/support/corpus.ts';
import { splitSections } from './sections.ts';

const seed = (prefix: string) => seeds().find((s) => s.name.startsWith(prefix))!;
const summary = (prefix: string) =>
  splitSections(seed(prefix).text, seed(prefix).name).map(({ title, url, date }) => ({ title, url, date }));

describe('splitSections on the seed newsletters', () => {
  it('splits 000 (AI 简报 20221125 期) into its 6 numbered articles with URLs and the issue date', () => {
    expect(summary('000')).toEqual([
      { title: '能逆袭苹果A16芯片吗?高通骁龙8Gen2 VS联发科天玑9200,谁能成为2023年智能手机高端芯片霸主?', url: 'https://mp.weixin.qq.com/s/IWSolPkauAJEGYARg9Iheg', date: '2022-11-25' },
      { title: 'IBM全新AIU芯片:5nm工艺,230亿晶体管!深度学习处理性能强劲!', url: 'https://mp.weixin.qq.com/s/RR0ACES8j8bZvULjyy5MfA', date: '2022-11-25' },
      { title: '索尼、瑞萨入局,谈谈日本的RISC-V生态', url: 'https://mp.weixin.qq.com/s/QX5ugMprlzoNQXQKeDsIvg', date: '2022-11-25' },
      { title: '一句话生成3D模型:AI扩散模型的突破,让建模师慌了', url: 'https://mp.weixin.qq.com/s/MhS6vjbc9iKjZiGDkFKjXQ', date: '2022-11-25' },
      { title: '如何让AI具有通用能力?新研究:让它睡觉', url: 'https://mp.weixin.qq.com/s/ZqiZHVSeqX2oiJITTELZfA', date: '2022-11-25' },
      { title: '如何用单个GPU在不到24小时的时间内从零开始训练ViT模型?', url: 'https://mp.weixin.qq.com/s/woAWs9l_7Opt63-vJfmhzQ', date: '2022-11-25' },
    ]);
  });

  it('splits 001 (Traditional, 簡報 20221014) into 9 articles, the URL on the line after 原文:', () => {
    const s = summary('001');
    expect(s.map((x) => x.title)).toEqual([
      '2022中國AI芯片企業50強',
      '牽手地平線補齊短板,大眾汽車投資24億歐元發力智能駕駛',
      '以太坊合并后:英偉達受難,“礦工”暴富夢終結',
      '1500美元,小扎推出天價頭顯Quest Pro,還給虛擬化身加上了腿',
      '訓練速度提高最多5.4倍,谷歌提出RL訓練新范式ActorQ',
      '我傻眼了:一個完全由 AI 生成的播客,采訪了喬布斯',
      'Soft Diffusion:谷歌新框架從通用擴散過程中正確調度、學習和采樣',
      '采樣提速256倍,蒸餾擴散模型生成圖像質量媲美教師模型,只需4步',
      'Batch Normalization和它的“后浪”們匯總',
    ]);
    expect(s[0]).toEqual({ title: '2022中國AI芯片企業50強', url: 'https://app.myzaker.com/news/article.php?pk=63476be18e9f0903ac797c80', date: '2022-10-14' });
    expect(s[2]!.url).toBe('https://36kr.com/p/1931939259730306');
  });

  it('splits 003 into 6 articles even when the first number lost a character (?1.), but not at 1.概述', () => {
    const s = summary('003');
    expect(s.map((x) => x.title)).toEqual([
      '2023年中國人工智能產(chǎn)業(yè)趨勢報告',
      'ChatGPT API 今日正式發(fā)布,中國廠商往何處去?',
      '微軟亞研院:Language Is Not All You Need',
      '沒錯!真·14cm制程',
      '大卷積模型 + 大數(shù)據(jù)集 + 有監(jiān)督訓(xùn)練!探尋ViT的前身:Big Transfer (BiT)',
      '神經(jīng)網(wǎng)絡(luò)INT8量化部署實戰(zhàn)教程',
    ]);
    expect(s[0]!.url).toBe('http://k.sina.com.cn/article_1716314577_664ce1d1001017mhf.html');
  });

  it('keeps raw pages without articles (002 before cleaning, 004) as one section titled by its file name', () => {
    expect(summary('002')).toEqual([{ title: '002_2d2d6b6f2bb5322c', url: undefined, date: undefined }]);
    expect(summary('004')).toEqual([{ title: '004_761672517b2c916a', url: undefined, date: undefined }]);
  });

  it('covers the text after the header without gaps: each article runs to the next', () => {
    const { text, name } = seed('000');
    const sections = splitSections(text, name);
    sections.forEach((s, i) => {
      expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
      const next = sections[i + 1];
      expect(s.start + s.text.length).toBe(next ? next.start : text.length);
    });
    expect(text.slice(0, sections[0]!.start)).toBe('嵌入式 AI\nAI 简报 20221125 期\n');
  });
});

describe('splitSections on other shapes', () => {
  it('splits Markdown at headings, ignoring # inside code fences', () => {
    const md = '前言\n# 第一章 起源\n正文一\n```\n# 不是标题\n```\n## 1.1 细节\n正文二\n';
    expect(splitSections(md, 'notes.md').map(({ title, text }) => ({ title, text }))).toEqual([
      { title: '前言', text: '前言\n' },
      { title: '第一章 起源', text: '# 第一章 起源\n正文一\n```\n# 不是标题\n```\n' },
      { title: '1.1 细节', text: '## 1.1 细节\n正文二\n' },
    ]);
  });

  it('splits a novel at its chapter headings (第X章, 第X回, Chapter N), keeping the preface', () => {
    const novel = '三体\n作者：刘慈欣\n第一章 疯狂年代\n正文一。\n第二章 寂静的春天\n正文二。\n第12回 尾声\n完。\n';
    expect(splitSections(novel, '三体.txt').map(({ title, text }) => ({ title, text }))).toEqual([
      { title: '三体', text: '三体\n作者：刘慈欣\n' },
      { title: '第一章 疯狂年代', text: '第一章 疯狂年代\n正文一。\n' },
      { title: '第二章 寂静的春天', text: '第二章 寂静的春天\n正文二。\n' },
      { title: '第12回 尾声', text: '第12回 尾声\n完。\n' },
    ]);
    expect(splitSections('Chapter 1 Loomings\nCall me Ishmael.\nChapter 2: The Carpet-Bag\nI stuffed.\n', 'md.txt').map((s) => s.title)).toEqual([
      'Chapter 1 Loomings',
      'Chapter 2: The Carpet-Bag',
    ]);
  });

  it('does not split at one chapter-like line or at a sentence that mentions a chapter', () => {
    expect(splitSections('读到第一章时，我就喜欢上了这本书。\n第二章更好。\n', 'a.txt')).toHaveLength(1);
  });

  it('titles a plain text by its first short line, and returns nothing for blank text', () => {
    expect(splitSections('读书笔记\n今天读了《三体》。', 'a.txt')[0]!.title).toBe('读书笔记');
    expect(splitSections(' \n\t\n', 'blank.txt')).toEqual([]);
  });
});
