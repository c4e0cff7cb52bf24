import { decisionSchema, type DecisionData } from '../../schemas/decision.ts';
import { findPersonalData, PRIVACY_EXPECTATION } from '../../schemas/privacy.ts';
import type { Category } from '../../schemas/category.ts';
import type { Office } from '../../schemas/office.ts';
import { docNoToSlug } from '../decision-slug.ts';
import type { ProblemList } from './content-error.ts';
import { listFiles, readFrontMatter } from './read-files.ts';
import { readValidated } from './read-validated.ts';

/** A validated decision with what is derived from its file. */
export interface Decision extends DecisionData {
  /** Path of its file under content/. */
  file: string;
  /** Permanent URL segment derived from the 文号. */
  slug: string;
  /** The facts (违法事实, CF_SY), one string per paragraph of the Markdown body. */
  facts: string[];
}

function paragraphs(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, '').trim())
    .filter(Boolean);
}

/** Every public text of a decision, with the field it comes from. */
function publicTexts(d: DecisionData, facts: string[]): [string, string][] {
  const texts: [string, string][] = facts.map((p, i) => [`facts (paragraph ${i + 1})`, p]);
  texts.push(['location.text', d.location.text]);
  d.penalties.forEach((p, i) => {
    texts.push([`penalties.${i}.text`, p.text]);
    if (p.licence) texts.push([`penalties.${i}.licence`, p.licence]);
  });
  d.orders.forEach((o, i) => texts.push([`orders.${i}.text`, o.text]));
  if (d.withdrawal) texts.push(['withdrawal.reason', d.withdrawal.reason]);
  if (d.lighterNewLaw) texts.push(['lighterNewLaw.reason', d.lighterNewLaw.reason]);
  if (d.creditRepair) texts.push(['creditRepair.basis', d.creditRepair.basis]);
  if (d.execution.note) texts.push(['execution.note', d.execution.note]);
  texts.push(['party.name', d.party.name]);
  return texts;
}

export interface DecisionRefs {
  categories: readonly Category[];
  offices: readonly Office[];
}

/** Reads content/decisions/*.md, validates each and checks them against each other and the references. */
export function loadDecisions(dir: string, problems: ProblemList, refs: DecisionRefs): Decision[] {
  const categoryByCode = new Map(refs.categories.map((c) => [c.code, c]));
  const officeCodes = new Set(refs.offices.map((o) => o.code));
  const countyCodes = new Set(refs.offices.filter((o) => o.role === 'county').map((o) => o.code));
  const byDocNo = new Map<string, string>();
  const bySlug = new Map<string, string>();
  const decisions: Decision[] = [];

  for (const file of listFiles(dir, 'decisions', ['.md'])) {
    const read = readValidated(dir, file, decisionSchema, problems, readFrontMatter);
    if (!read) continue;
    const d = read.data;
    const facts = paragraphs(read.body);
    if (facts.length === 0) problems.add(file, 'facts', 'expected the facts (违法事实) as Markdown paragraphs after the front matter');

    const firstFile = byDocNo.get(d.docNo);
    if (firstFile) problems.add(file, 'docNo', `expected a unique 文号; ${d.docNo} is already used by ${firstFile}`);
    byDocNo.set(d.docNo, file);
    const slug = docNoToSlug(d.docNo);
    const slugFile = bySlug.get(slug);
    if (slugFile && !firstFile) problems.add(file, 'docNo', `expected a 文号 whose URL differs from that of ${slugFile} (${slug})`);
    bySlug.set(slug, file);

    const category = categoryByCode.get(d.category);
    if (!category) {
      problems.add(file, 'category', `expected a category code from categories.yaml (${[...categoryByCode.keys()].join(', ')}); got "${d.category}"`);
    } else if (!category.inScope) {
      problems.add(file, 'category', `expected a category of a land or mining violation; "${d.category}" is out of scope`);
    }
    if (!countyCodes.has(d.county)) {
      problems.add(file, 'county', `expected the region code of a county office (${[...countyCodes].join(', ')}); got "${d.county}"`);
    }
    if (!officeCodes.has(d.authority)) {
      problems.add(file, 'authority', `expected the region code of an office (${[...officeCodes].join(', ')}); got "${d.authority}"`);
    }
    for (const [field, text] of publicTexts(d, facts)) {
      for (const finding of findPersonalData(text)) {
        problems.add(file, field, `${PRIVACY_EXPECTATION[finding.kind]} (“${finding.excerpt}”)`);
      }
    }
    decisions.push({ ...d, file, slug, facts });
  }
  return decisions;
}
