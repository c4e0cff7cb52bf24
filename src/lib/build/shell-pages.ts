// Pages a build writes from one page of the same kind that Astro rendered.
//
// Why: Astro renders each page through its request pipeline and awaits a
// folder and a write for it, about 1 ms a page however small; the party
// history pages come in thousands (7,301 at 10,000 decisions) and differ only
// in their title, description and body. Their route has Astro render one of
// them per noindex value — the layout (Base.astro) stays the one source of
// the markup around the body — and registers the others here; after
// prerendering, writeShellPages cuts each rendered page at its title,
// description and body and writes every other page with its own, in one pass.
// It fails the build when a page's parts are not found exactly once, rather
// than write a page that differs from what Astro would have rendered.
// In `astro dev` the route renders every page itself.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOutputs } from './build-outputs.ts';
import { escapeAttribute, escapeText } from '../html/escape.ts';
import { pageTitle } from '../page-title.ts';

/** What a page passes to Base.astro, and its body (the layout's slot) as HTML. */
export interface ShellPage {
  /** URL path, ending in a slash. */
  path: string;
  title: string;
  description: string;
  noindex: boolean;
  body: string;
}

/** A route's pages written from a rendered one (the shell): one shell per noindex value. */
export interface ShellGroup {
  /** Base.astro's `section` on these pages, and the site's title that follows each page's own. */
  section: string;
  siteTitle: string;
  shells: ShellPage[];
  /** The pages to write, made one at a time. */
  pages(): Iterable<ShellPage>;
}

/**
 * The items whose pages Astro renders: all in `astro dev`; in a build, the
 * first of each noindex value, the others registered to be written from
 * their pages by writeShellPages.
 */
export function renderedByAstro<T>(items: readonly T[], options: { section: string; siteTitle: string; noindex(item: T): boolean; page(item: T): ShellPage }): T[] {
  const groups = buildOutputs().shellGroups;
  if (!groups) return [...items];
  const first = new Map<boolean, T>();
  for (const item of items) {
    const noindex = options.noindex(item);
    if (!first.has(noindex)) first.set(noindex, item);
    if (first.size === 2) break;
  }
  const rendered = new Set(first.values());
  groups.push({
    section: options.section,
    siteTitle: options.siteTitle,
    shells: [...rendered].map((item) => options.page(item)),
    *pages() {
      for (const item of items) if (!rendered.has(item)) yield options.page(item);
    },
  });
  return [...rendered];
}

/** Where each page's own parts go, in the order they appear. */
type Part = (page: ShellPage, group: ShellGroup) => string;
const PARTS: Part[] = [
  (page, group) => `<title>${escapeText(pageTitle(page.title, group.section, group.siteTitle))}</title>`,
  (page) => `<meta name="description" content="${escapeAttribute(page.description)}">`,
  (page) => page.body,
];

/** A rendered page cut at its own parts: the text around them. */
function cut(html: string, shell: ShellPage, group: ShellGroup): string[] {
  const around: string[] = [];
  let from = 0;
  for (const part of PARTS) {
    const own = part(shell, group);
    const at = html.indexOf(own, from);
    if (at < 0 || html.indexOf(own, at + 1) >= 0) throw new Error(`Expected ${shell.path} to contain, once and in order, ${own.slice(0, 80)}…`);
    around.push(html.slice(from, at));
    from = at + own.length;
  }
  around.push(html.slice(from));
  return around;
}

/**
 * Writes the pages registered by renderedByAstro into the client output
 * folder `root`, from the shells Astro rendered there. Answers how many it
 * wrote and the paths for the sitemap; noindex ones join `unlisted`.
 */
export function writeShellPages(root: string): { written: number; listed: string[] } {
  const outputs = buildOutputs();
  const listed: string[] = [];
  let written = 0;
  for (const group of outputs.shellGroups ?? []) {
    const templates = new Map(group.shells.map((shell) => [shell.noindex, cut(readFileSync(join(root, shell.path, 'index.html'), 'utf8'), shell, group)]));
    for (const page of group.pages()) {
      const around = templates.get(page.noindex);
      if (!around) throw new Error(`Expected a rendered page with noindex ${page.noindex} to write ${page.path} from.`);
      let html = around[0]!;
      PARTS.forEach((part, i) => (html += part(page, group) + around[i + 1]!));
      const folder = join(root, page.path);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'index.html'), html);
      written++;
      if (page.noindex) outputs.unlisted.add(page.path);
      else listed.push(page.path);
    }
  }
  return { written, listed };
}
