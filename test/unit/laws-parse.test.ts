import { describe, expect, test } from 'vitest';
import { parseChineseNumber } from '../../src/lib/laws/chinese-numeral.ts';
import { checkNumbering, parseLawText } from '../../src/lib/laws/parse-law-text.ts';
import { toChineseNumber } from '../../src/lib/format.ts';

// A made-up law in the layout of the official compilations.
const SAMPLE = `# 示范土地条例

2020年1月2日 示范省第一届人民代表大会常务委员会第三次会议通过

2023年4月5日 示范省第一届人民代表大会常务委员会第九次会议《关于修改〈示范土地条例〉

〈示范矿产条例〉的决定》修正

<!-- INFO END -->

## 第一章　总　则

第一条 为了示范，制定本条例。

第二条 本条例适用于示范区。

第三条规定之外的事项，依照有关法律办理。

## 第二章 管理

### 第一节 一般规定

第三条 有下列情形之一的，责令改正：

（一）甲情形；

(二)乙情形。

前款规定的情形，可以并处罚款。

### 第二节 特别规定

第三条之一 特别情形另行规定。

第四条 本条例自2023年5月1日起施行。

附件：示范目录

（一）第一类
`;

describe('parseChineseNumber', () => {
  test('reads every number from 1 to 1200 as toChineseNumber writes it', () => {
    for (let n = 1; n <= 1200; n++) expect(parseChineseNumber(toChineseNumber(n))).toBe(n);
  });
  test('rejects malformed numerals instead of guessing', () => {
    expect(parseChineseNumber('十十')).toBeUndefined();
    expect(parseChineseNumber('七七')).toBeUndefined();
    expect(parseChineseNumber('')).toBeUndefined();
  });
});

describe('parseLawText', () => {
  const { parsed, problems } = parseLawText(SAMPLE);

  test('reads the title and joins a history entry wrapped over two lines', () => {
    expect(parsed.title).toBe('示范土地条例');
    expect(parsed.history).toHaveLength(2);
    expect(parsed.history[1]).toMatch(/〈示范土地条例〉〈示范矿产条例〉的决定》修正$/);
  });

  test('finds chapters, sections and every article in order, 之一 included', () => {
    expect(problems).toEqual([]);
    expect(parsed.articles.map((a) => a.key)).toEqual(['article-1', 'article-2', 'article-3', 'article-3-1', 'article-4']);
    expect(parsed.chapters.map((c) => c.heading)).toEqual(['第一章 总 则', '第二章 管理']);
    expect(parsed.chapters[1]?.sections.map((s) => [s.heading, s.articles.map((a) => a.label)])).toEqual([
      ['第一节 一般规定', ['第三条']],
      ['第二节 特别规定', ['第三条之一', '第四条']],
    ]);
    expect(parsed.articles[3]).toMatchObject({ number: 3, sub: 1, chapter: '第二章 管理', section: '第二节 特别规定' });
  });

  test('keeps a paragraph starting 第N条 without a space inside the article before it', () => {
    expect(parsed.articles[1]?.paragraphs).toEqual(['本条例适用于示范区。', '第三条规定之外的事项，依照有关法律办理。']);
  });

  test('groups a multi-paragraph article into 款, with （一）(二) items under the 款 they enumerate', () => {
    const article3 = parsed.articles[2];
    expect(article3?.paragraphs).toHaveLength(4);
    expect(article3?.clauses.map((c) => [c.number, c.items.length])).toEqual([
      [1, 2],
      [2, 0],
    ]);
  });

  test('keeps an attachment out of the last article', () => {
    expect(parsed.articles.at(-1)?.paragraphs).toEqual(['本条例自2023年5月1日起施行。']);
    expect(parsed.appendix).toEqual(['附件：示范目录', '（一）第一类']);
  });

  test('numbers lines from the given first line, so problems point into the file', () => {
    const { parsed: shifted } = parseLawText(SAMPLE, 20);
    expect(shifted.articles[0]?.line).toBe(parsed.articles[0]!.line + 19);
  });
});

describe('checkNumbering', () => {
  const articlesOf = (body: string) => parseLawText(`<!-- INFO END -->\n${body}`).parsed.articles;

  test('when a number is skipped in a full text, reports the gap at the later article', () => {
    const problems = checkNumbering(articlesOf('第一条 甲。\n\n第二条 乙。\n\n第四条 丁。'), false);
    expect(problems).toEqual([{ line: 6, expected: expect.stringMatching(/after 第二条 to be number 3; found 第四条/) }]);
  });

  test('when the text is declared an excerpt, accepts skipped numbers and a late start', () => {
    expect(checkNumbering(articlesOf('第五十七条 甲。\n\n第七十七条 乙。'), true)).toEqual([]);
  });

  test('when a full text does not start at 第一条, says so', () => {
    expect(checkNumbering(articlesOf('第二条 乙。'), false)).toEqual([{ line: 2, expected: expect.stringMatching(/start at 第一条/) }]);
  });

  test('when an article appears twice, names the line of the first', () => {
    const problems = checkNumbering(articlesOf('第一条 甲。\n\n第二条 乙。\n\n第二条 丙。'), true);
    expect(problems).toEqual([{ line: 6, expected: 'expected each article once; 第二条 already appears on line 4' }]);
  });

  test('when numbers go backwards in an excerpt, reports the order', () => {
    expect(checkNumbering(articlesOf('第九条 甲。\n\n第三条 乙。'), true)).toEqual([{ line: 4, expected: expect.stringMatching(/ascending order; 第三条 follows 第九条/) }]);
  });

  test('when a 之一 article does not follow its base article, says which it must follow', () => {
    expect(checkNumbering(articlesOf('第一条 甲。\n\n第二条之一 乙。'), true)).toEqual([{ line: 4, expected: 'expected 第二条之一 right after 第二条' }]);
  });
});
