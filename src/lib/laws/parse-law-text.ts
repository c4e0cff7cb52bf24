import { toChineseNumber } from '../format.ts';
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './chinese-numeral.ts';

/** One article (条): its number, and its paragraphs (款) in order. */
export interface Article {
  /** The number in 第N条. */
  number: number;
  /** 1 for 第N条之一, 2 for 之二…; 0 for an ordinary article. */
  sub: number;
  /** As written in the text: 第七十七条, 第七十六条之一. */
  label: string;
  /** Anchor and URL segment: article-77, article-76-1. */
  key: string;
  /** Paragraphs as written; the first without its 第N条 label. */
  paragraphs: string[];
  /** The paragraphs grouped into 款: an enumerated item （一）… is a 项 of the 款 before it. */
  clauses: Clause[];
  /** Heading of the chapter (章) it is in, if any. */
  chapter?: string;
  /** Heading of the section (节) it is in, if any. */
  section?: string;
  /** Line in the parsed text where the article starts (1-based). */
  line: number;
}

/** One 款 of an article, with its enumerated items (项). */
export interface Clause {
  /** 1-based number of the 款. */
  number: number;
  text: string;
  items: string[];
}

export interface Section {
  heading: string;
  articles: Article[];
}

export interface Chapter {
  /** '' for articles of a text without chapter headings. */
  heading: string;
  /** Articles before the first section heading of the chapter. */
  articles: Article[];
  sections: Section[];
}

export interface ParsedLawText {
  /** The `# ` title line, if any. */
  title?: string;
  /** History lines before <!-- INFO END --> (adopted, amended, promulgated…). */
  history: string[];
  /** Paragraphs before the first article that are not headings (a preamble). */
  preamble: string[];
  chapters: Chapter[];
  /** Every article in text order. */
  articles: Article[];
  /** Paragraphs after an 附件 / 附录 line: attachments, not part of any article. */
  appendix: string[];
}

/** A problem found while parsing, with the line it is on. */
export interface TextProblem {
  line: number;
  expected: string;
}

export const INFO_END = '<!-- INFO END -->';
const NUM = `[${CHINESE_NUMERAL_CHARS}]+`;
// The label must be followed by a space: a paragraph such as "第三十条规定的…"
// continues the previous article rather than starting a new one.
const ARTICLE = new RegExp(`^第(${NUM})条(?:之(${NUM}))?(?:[\\s\\u3000]+|$)`);
const HEADING = /^#{2,6}\s*(.+)$/;
const APPENDIX = /^(附件|附录|附表)/;
const DATED = /^\d{4}年\d{1,2}月\d{1,2}日/;
const ITEM = new RegExp(`^[（(]${NUM}[)）]`);

/** Groups an article's paragraphs into 款, attaching （一）（二）… items to the 款 they enumerate. */
export function toClauses(paragraphs: readonly string[]): Clause[] {
  const clauses: Clause[] = [];
  for (const p of paragraphs) {
    const last = clauses.at(-1);
    if (last && ITEM.test(p)) last.items.push(p);
    else clauses.push({ number: clauses.length + 1, text: p, items: [] });
  }
  return clauses;
}

/** 第七十六条, or 第七十六条之一 when sub is 1. */
export function articleLabelOf(number: number, sub = 0): string {
  return `第${toChineseNumber(number)}条${sub > 0 ? `之${toChineseNumber(sub)}` : ''}`;
}

/** The anchor of an article: article-77, or article-76-1 for 第七十六条之一. */
export function articleKey(number: number, sub = 0): string {
  return sub > 0 ? `article-${number}-${sub}` : `article-${number}`;
}

function tidy(line: string): string {
  // Full-width spaces inside headings (第一章　总　则) are layout, not text.
  return line.replace(/\u3000/g, ' ').replace(/\s+/g, ' ').trim();
}

function parseHeader(lines: string[]): { title?: string; history: string[] } {
  let title: string | undefined;
  const history: string[] = [];
  for (const raw of lines) {
    const line = tidy(raw);
    if (!line) continue;
    if (line.startsWith('# ')) {
      title ??= line.slice(2).trim();
      continue;
    }
    // A history entry wrapped over two lines continues until the next dated line.
    if (history.length > 0 && !DATED.test(line)) history[history.length - 1] += line;
    else history.push(line);
  }
  return title === undefined ? { history } : { title, history };
}

/**
 * Parses a law in the layout of the official compilations: title, history,
 * <!-- INFO END -->, `## 第X章` / `### 第X节` headings, one paragraph per line,
 * a new article at each paragraph starting `第N条 `, every other paragraph
 * belonging to the article before it. `firstLine` is the line number of
 * `text`'s first line in its file, so problems point at the right place.
 */
export function parseLawText(text: string, firstLine = 1): { parsed: ParsedLawText; problems: TextProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const end = lines.findIndex((l) => l.trim() === INFO_END);
  const headerLines = end >= 0 ? lines.slice(0, end) : lines.filter((l) => /^#\s/.test(l.trim()));
  const header = parseHeader(headerLines);
  const bodyStart = end >= 0 ? end + 1 : 0;

  const problems: TextProblem[] = [];
  const parsed: ParsedLawText = { ...header, preamble: [], chapters: [], articles: [], appendix: [] };
  let chapter: Chapter | undefined;
  let section: Section | undefined;
  let article: Article | undefined;
  let inAppendix = false;

  for (let i = bodyStart; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    const lineNo = firstLine + i;
    if (!raw || (end < 0 && /^#\s/.test(raw))) continue;
    if (inAppendix) {
      parsed.appendix.push(tidy(raw));
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      const title = tidy(heading[1] ?? '');
      article = undefined;
      if (/^第\S+节/.test(title)) {
        if (!chapter) {
          chapter = { heading: '', articles: [], sections: [] };
          parsed.chapters.push(chapter);
        }
        section = { heading: title, articles: [] };
        chapter.sections.push(section);
      } else {
        chapter = { heading: title, articles: [], sections: [] };
        section = undefined;
        parsed.chapters.push(chapter);
      }
      continue;
    }
    if (APPENDIX.test(raw)) {
      inAppendix = true;
      article = undefined;
      parsed.appendix.push(tidy(raw));
      continue;
    }
    const match = ARTICLE.exec(raw);
    if (match) {
      const number = parseChineseNumber(match[1] ?? '');
      const sub = match[2] === undefined ? 0 : parseChineseNumber(match[2]);
      if (number === undefined || number === 0 || sub === undefined) {
        problems.push({ line: lineNo, expected: `expected an article number in Chinese numerals; cannot read “${match[0].trim()}”` });
        article = undefined;
        continue;
      }
      if (!chapter) {
        chapter = { heading: '', articles: [], sections: [] };
        parsed.chapters.push(chapter);
      }
      const first = raw.slice(match[0].length).trim();
      article = {
        number,
        sub,
        label: match[0].trim(),
        key: articleKey(number, sub),
        paragraphs: first ? [first] : [],
        clauses: [],
        line: lineNo,
        ...(chapter.heading ? { chapter: chapter.heading } : {}),
        ...(section ? { section: section.heading } : {}),
      };
      (section ?? chapter).articles.push(article);
      parsed.articles.push(article);
      continue;
    }
    if (article) article.paragraphs.push(raw);
    else parsed.preamble.push(raw);
  }
  for (const a of parsed.articles) {
    a.clauses = toClauses(a.paragraphs);
    if (a.paragraphs.length === 0) problems.push({ line: a.line, expected: `expected text after ${a.label}` });
  }
  return { parsed, problems };
}

/**
 * Checks the numbering: no article twice, and — unless the text is declared an
 * excerpt — 第一条 first and no number skipped, because a skipped number almost
 * always means an article paragraph was not recognised and got merged into the
 * one before. 之一 articles must follow their base article.
 */
export function checkNumbering(articles: readonly Article[], excerpt: boolean): TextProblem[] {
  const problems: TextProblem[] = [];
  const seen = new Map<string, Article>();
  let previous: Article | undefined;
  for (const a of articles) {
    const twin = seen.get(a.key);
    if (twin) {
      problems.push({ line: a.line, expected: `expected each article once; ${a.label} already appears on line ${twin.line}` });
      continue;
    }
    seen.set(a.key, a);
    if (a.sub > 0) {
      const ok = previous !== undefined && previous.number === a.number && previous.sub === a.sub - 1;
      if (!ok) problems.push({ line: a.line, expected: `expected ${a.label} right after ${articleLabelOf(a.number, a.sub - 1)}` });
    } else if (previous === undefined) {
      if (!excerpt && a.number !== 1) problems.push({ line: a.line, expected: `expected the text to start at 第一条 (or excerpt: true for selected articles); found ${a.label}` });
    } else if (a.number <= previous.number) {
      problems.push({ line: a.line, expected: `expected articles in ascending order; ${a.label} follows ${previous.label}` });
    } else if (!excerpt && a.number !== previous.number + 1) {
      problems.push({
        line: a.line,
        expected: `expected the article after ${previous.label} to be number ${previous.number + 1}; found ${a.label} — a paragraph of a missing article may lack its “第N条 ” start, or set excerpt: true for selected articles`,
      });
    }
    previous = a;
  }
  return problems;
}
