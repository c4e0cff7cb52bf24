import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { LawLevel } from '../../schemas/law.ts';
import { checkNumbering, parseLawText, type ParsedLawText, type TextProblem } from './parse-law-text.ts';

// Ids of the laws this authority applies, so a re-import lands on the id
// decisions already cite. Any other title gets a provisional id to confirm.
const KNOWN_IDS: Record<string, string> = {
  土地管理法: 'land-administration-law',
  土地管理法实施条例: 'land-administration-regulations',
  矿产资源法: 'mineral-resources-law',
  矿产资源法实施细则: 'mineral-resources-rules',
  行政处罚法: 'administrative-penalty-law',
  行政复议法: 'administrative-reconsideration-law',
  行政强制法: 'administrative-compulsion-law',
  城乡规划法: 'urban-rural-planning-law',
  土地复垦条例: 'land-reclamation-regulations',
  政府信息公开条例: 'government-information-disclosure-regulations',
  浙江省土地管理条例: 'zhejiang-land-administration-regulations',
  浙江省基本农田保护条例: 'zhejiang-basic-farmland-protection-regulations',
  浙江省矿产资源管理条例: 'zhejiang-mineral-resources-regulations',
};

/** What the importer made of one source file. */
export interface ImportedLaw {
  id: string;
  effectiveFrom: string;
  /** Path under the basis folder: <id>/<effectiveFrom>.md. */
  path: string;
  /** The content file: front matter and the source text unchanged. */
  content: string;
  articleCount: number;
  /** Fields the operator must check (also written into the front matter). */
  confirm: string[];
  /** Problems in the source text; a file with any is not written. */
  problems: TextProblem[];
}

const CN_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;

function isoOf(match: RegExpExecArray | null): string | undefined {
  if (!match) return undefined;
  const [, y, m, d] = match;
  return `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
}

/** 矿产资源法(2024-11-08).md → { name: 矿产资源法, date: 2024-11-08 } */
export function parseSourceName(fileName: string): { name: string; date?: string } {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
  const m = /^(.*?)[(（](\d{4}-\d{2}-\d{2})[)）]$/.exec(base);
  return m ? { name: (m[1] ?? '').trim(), date: m[2] ?? '' } : { name: base.trim() };
}

function shortTitleOf(title: string): string {
  return title.replace(/^中华人民共和国/, '');
}

function guessLevel(title: string, history: string): { level: LawLevel; sure: boolean } {
  const national = /全国人民代表大会/.test(history);
  if (title.startsWith('中华人民共和国') && title.endsWith('法') && national) return { level: '法律', sure: true };
  if (/国务院令/.test(history)) return { level: '行政法规', sure: true };
  if (/^\S+?(省|自治区|市)/.test(title) && /人民代表大会/.test(history) && !national) return { level: '地方性法规', sure: true };
  if (/(部|局|委员会)令/.test(history)) return { level: '部门规章', sure: false };
  return { level: '规范性文件', sure: false };
}

function guessIssuer(acts: readonly string[]): string | undefined {
  const last = acts.at(-1) ?? '';
  if (/国务院/.test(last)) return '国务院';
  const local = /(\p{Script=Han}+?(?:省|自治区|市))第\p{Script=Han}+届人民代表大会常务委员会/u.exec(last);
  if (local) return `${local[1]}人民代表大会常务委员会`;
  if (/全国人民代表大会常务委员会/.test(last)) return '全国人民代表大会常务委员会';
  if (/全国人民代表大会/.test(last)) return '全国人民代表大会';
  return undefined;
}

function guessEffectiveFrom(text: ParsedLawText, promulgatedOn: string): { date: string; sure: boolean } {
  const inForceLine = text.history.find((h) => /施行/.test(h) && CN_DATE.test(h));
  const stated = isoOf(CN_DATE.exec(inForceLine ?? ''));
  if (stated && stated >= promulgatedOn) return { date: stated, sure: true };
  const last = text.articles.at(-1)?.paragraphs.join('') ?? '';
  const clause = /自(\d{4}年\d{1,2}月\d{1,2}日)起?施行/.exec(last);
  const fromClause = clause ? isoOf(CN_DATE.exec(clause[1] ?? '')) : undefined;
  if (fromClause && fromClause >= promulgatedOn) return { date: fromClause, sure: true };
  // "自公布之日起施行" is only sure for a text never amended: an amendment has
  // its own commencement, which the text does not carry.
  const onPromulgation = /自(公布|发布)之日起施行/.test(last);
  return { date: promulgatedOn, sure: onPromulgation && !text.history.some((h) => /修正|修订|修改/.test(h)) };
}

/**
 * Turns one law file of the official-compilation layout (`名称(YYYY-MM-DD).md`)
 * into a content file for content/basis: front matter derived from the title,
 * file name and history lines, with every guess listed under `confirm`, and
 * the source text kept byte for byte so no article can be merged or split.
 */
export function importLawFile(sourceText: string, fileName: string, options: { id?: string } = {}): ImportedLaw {
  const text = sourceText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const source = parseSourceName(fileName);
  const { parsed, problems } = parseLawText(text);
  problems.push(...checkNumbering(parsed.articles, false));
  const confirm: string[] = [];

  const title = parsed.title ?? source.name;
  if (!parsed.title) confirm.push('title');
  const shortTitle = shortTitleOf(title);
  const known = KNOWN_IDS[shortTitle];
  const id = options.id ?? known ?? `law-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`;
  if (!options.id && !known) confirm.push('id');

  const acts = parsed.history.filter((h) => !/^\d{4}年\d{1,2}月\d{1,2}日\s*施行/.test(h));
  const historyText = parsed.history.join('\n');
  const level = guessLevel(title, historyText);
  if (!level.sure) confirm.push('level');
  const issuer = guessIssuer(acts);
  if (!issuer) confirm.push('issuer');
  const docNo = /(?:中华人民共和国)?国务院令第\d+号/.exec(acts.at(-1) ?? '')?.[0];
  if (!docNo) confirm.push('docNo');
  const promulgatedOn = source.date ?? isoOf(CN_DATE.exec(acts.at(-1) ?? ''));
  if (!source.date) confirm.push('promulgatedOn');
  const effective = guessEffectiveFrom(parsed, promulgatedOn ?? '');
  if (!effective.sure) confirm.push('effectiveFrom');

  const front: Record<string, unknown> = {
    id,
    title,
    shortTitle,
    level: level.level,
    issuer: issuer ?? '（待填写）',
    ...(docNo ? { docNo } : {}),
    promulgatedOn: promulgatedOn ?? '',
    effectiveFrom: effective.date,
    source: `导入自 ${fileName.replace(/^.*[\\/]/, '')}，待与官方公布文本核对`,
    ...(confirm.length > 0 ? { confirm } : {}),
  };
  const content = `---\n${stringify(front, { lineWidth: 0 })}---\n${text.endsWith('\n') ? text : `${text}\n`}`;
  return {
    id,
    effectiveFrom: effective.date,
    path: `${id}/${effective.date}.md`,
    content,
    articleCount: parsed.articles.length,
    confirm,
    problems,
  };
}
