// Pages a build writes from one page of the same kind that Astro rendered.
//
// Why: Astro renders each page through its request pipeline — a request, the
// layout with its header and footer, a folder and a write — about 1 ms a page
// however small; the decision, list and party pages come in thousands (about
// 19,000 at 10,000 decisions) and differ only in their title, description,
// feed links and body. Their routes have Astro render one page per noindex
// value (the shell: the layout, Base.astro, stays the one source of the markup
// around the body) and register the others here; after prerendering,
// writeShellPages cuts each shell at its own parts and writes every other page
// with its parts, in one pass. It fails the build when a shell's parts are not
// found exactly once, rather than write a page that differs from what Astro
// would have rendered.
//
// A page's parts come from one of two places:
// - renderedByAstro: string functions (the party pages, src/lib/parties/party-page.ts);
// - capturedByAstro: Astro components, rendered side by side inside a few bulk
//   pages (src/pages/shell-bodies/[chunk].astro) by CaptureParts.astro, which
//   hands their HTML here. The components stay the one source of the markup,
//   and the shell's own parts are captured the same way, so a component that
//   renders differently in the bulk page than in its page fails the build.
// In `astro dev` the routes render every page themselves.
import { closeSync, mkdirSync, openSync, readFileSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import { buildOutputs } from './build-outputs.ts';
import { escapeAttribute, escapeText } from '../html/escape.ts';
import { pageTitle } from '../page-title.ts';

/** What a page passes to Base.astro. */
export interface ShellMeta {
  /** URL path, ending in a slash. */
  path: string;
  title: string;
  description: string;
  noindex: boolean;
}

/** A page's meta, the elements it adds to <head> (Base.astro's head slot) and its body (the default slot), as HTML. */
export interface ShellPage extends ShellMeta {
  head: string;
  body: string;
}

/** A page as written: the captured parts stay the UTF-8 bytes they were kept as. */
export interface WrittenPage extends ShellMeta {
  head: string | Buffer;
  body: string | Buffer;
}

/** A route's pages written from a rendered one (the shell): one shell per noindex value. */
export interface ShellGroup {
  /** Base.astro's `section` on these pages, and the site's title that follows each page's own. */
  section: string;
  siteTitle: string;
  shells(): ShellPage[];
  /** The pages to write, made one at a time. */
  pages(): Iterable<WrittenPage>;
  /** A captured route's key, the route, and the parts the bulk pages rendered for each page, by path. */
  captured?: { key: string; route: CapturedRoute<unknown>; parts: Map<string, CapturedParts> };
}

/** The first item of each noindex value: the pages Astro renders in full. */
function shellItems<T>(items: readonly T[], noindex: (item: T) => boolean): Set<T> {
  const first = new Map<boolean, T>();
  for (const item of items) {
    const value = noindex(item);
    if (!first.has(value)) first.set(value, item);
    if (first.size === 2) break;
  }
  return new Set(first.values());
}

/**
 * The items whose pages Astro renders: all in `astro dev`; in a build, the
 * first of each noindex value, the others registered to be written from
 * their pages by writeShellPages, with the parts `page` gives as strings.
 */
export function renderedByAstro<T>(items: readonly T[], options: { section: string; siteTitle: string; noindex(item: T): boolean; page(item: T): ShellPage }): T[] {
  const groups = buildOutputs().shellGroups;
  if (!groups) return [...items];
  const rendered = shellItems(items, options.noindex);
  groups.push({
    section: options.section,
    siteTitle: options.siteTitle,
    shells: () => [...rendered].map((item) => options.page(item)),
    *pages() {
      for (const item of items) if (!rendered.has(item)) yield options.page(item);
    },
  });
  return [...rendered];
}

/** A route whose pages' parts are Astro components rendered in bulk (src/pages/shell-bodies/[chunk].astro). */
export interface CapturedRoute<T> {
  /** The items whose pages the route renders: all in `astro dev`, the shells in a build. */
  rendered: T[];
  /** In a build, every item (shells too), whose parts the bulk pages render; none in `astro dev`. */
  captured: readonly T[];
}

/**
 * A page's parts as the bulk pages rendered them, in UTF-8. Why bytes: the
 * HTML Astro renders is a string made of many small pieces, and thousands of
 * them kept until the pages are written made every young-generation garbage
 * collection copy them (9 s of collection at 10,000 decisions); a buffer is
 * one object outside the heap.
 */
interface CapturedParts {
  head?: Buffer;
  body?: Buffer;
}

const EMPTY = Buffer.alloc(0);

/** The registered group of the captured route `key`. */
function capturedGroup(key: string): ShellGroup | undefined {
  return buildOutputs().shellGroups?.find((g) => g.captured?.key === key);
}

/**
 * A route whose pages are written from its shells with parts captured from
 * Astro components: its page route renders `rendered`, the bulk route renders
 * the parts of `captured`. Both routes call it; the first call registers the
 * route under `key`, later ones answer the same.
 */
export function capturedByAstro<T>(key: string, items: () => readonly T[], options: { section: string; siteTitle: string; meta(item: T): ShellMeta }): CapturedRoute<T> {
  const groups = buildOutputs().shellGroups;
  if (!groups) return { rendered: [...items()], captured: [] };
  const known = capturedGroup(key);
  if (known?.captured) return known.captured.route as CapturedRoute<T>;
  const all = items();
  const shells = shellItems(all, (item) => options.meta(item).noindex);
  const route: CapturedRoute<T> = { rendered: [...shells], captured: all };
  const parts = new Map<string, CapturedParts>();
  const partsOf = (item: T): WrittenPage & { head: Buffer; body: Buffer } => {
    const meta = options.meta(item);
    const own = parts.get(meta.path);
    if (own?.body === undefined) throw new Error(`Expected the bulk pages to have rendered the body of ${meta.path}.`);
    return { ...meta, head: own.head ?? EMPTY, body: own.body };
  };
  groups.push({
    section: options.section,
    siteTitle: options.siteTitle,
    shells: () => [...shells].map((item) => {
      const page = partsOf(item);
      return { ...page, head: page.head.toString('utf8'), body: page.body.toString('utf8') };
    }),
    *pages() {
      for (const item of all) {
        if (shells.has(item)) continue;
        const page = partsOf(item);
        // Written once: its HTML can go.
        parts.delete(page.path);
        yield page;
      }
    },
    captured: { key, route: route as CapturedRoute<unknown>, parts },
  });
  return route;
}

/** Keeps a part of a page of a captured route, as a bulk page rendered it (CaptureParts.astro). */
export function captureParts(key: string, path: string, part: 'head' | 'body', html: string): void {
  const parts = capturedGroup(key)?.captured?.parts;
  if (!parts) throw new Error(`Expected the captured route ${key} to be registered before its parts are rendered.`);
  const own = parts.get(path) ?? {};
  if (own[part] !== undefined) throw new Error(`Expected the ${part} of ${path} to be rendered once; it was rendered twice.`);
  own[part] = Buffer.from(html, 'utf8');
  parts.set(path, own);
}

/** Where the bulk pages are written (and deleted from once the build has written the others). */
export const SHELL_BODIES_PATH = '/shell-bodies/';

// Base.astro's icon link, which its head slot follows.
const ICON = '<link rel="icon" href="/favicon.svg" type="image/svg+xml">';
const ICON_BYTES = Buffer.from(ICON);

/** Where each page's own parts go, in the order they appear. */
type Part = (page: WrittenPage, group: ShellGroup) => (string | Buffer)[];
const PARTS: Part[] = [
  (page, group) => [`<title>${escapeText(pageTitle(page.title, group.section, group.siteTitle))}</title>`],
  (page) => [`<meta name="description" content="${escapeAttribute(page.description)}">`],
  (page) => [ICON_BYTES, page.head],
  (page) => [page.body],
];

/** A rendered page cut at its own parts: the text around them. */
function cut(html: string, shell: ShellPage, group: ShellGroup): string[] {
  const around: string[] = [];
  let from = 0;
  for (const part of PARTS) {
    const own = part(shell, group).join('');
    const at = html.indexOf(own, from);
    if (at < 0 || html.indexOf(own, at + 1) >= 0) throw new Error(`Expected ${shell.path} to contain, once and in order, ${own.slice(0, 80)}…`);
    around.push(html.slice(from, at));
    from = at + own.length;
  }
  around.push(html.slice(from));
  return around;
}

/** The path as the sitemap compares it: percent-encoded, as a URL's pathname. */
const urlPath = (path: string) => new URL(path, 'http://site').pathname;

/**
 * Writes the pages registered by renderedByAstro and capturedByAstro into the
 * client output folder `root`, from the shells Astro rendered there. Answers
 * how many it wrote and the paths for the sitemap; noindex ones join `unlisted`.
 */
export function writeShellPages(root: string): { written: number; listed: string[] } {
  const outputs = buildOutputs();
  const listed: string[] = [];
  let written = 0;
  for (const group of outputs.shellGroups ?? []) {
    const templates = new Map(
      group.shells().map((shell) => [shell.noindex, cut(readFileSync(join(root, shell.path, 'index.html'), 'utf8'), shell, group).map((text) => Buffer.from(text))]),
    );
    for (const page of group.pages()) {
      const around = templates.get(page.noindex);
      if (!around) throw new Error(`Expected a rendered page with noindex ${page.noindex} to write ${page.path} from.`);
      // Written as bytes, piece by piece: the captured parts are never decoded and joined again.
      const pieces: Buffer[] = [around[0]!];
      PARTS.forEach((part, i) => {
        for (const piece of part(page, group)) pieces.push(typeof piece === 'string' ? Buffer.from(piece) : piece);
        pieces.push(around[i + 1]!);
      });
      const folder = join(root, page.path);
      mkdirSync(folder, { recursive: true });
      const fd = openSync(join(folder, 'index.html'), 'w');
      try {
        const size = pieces.reduce((sum, piece) => sum + piece.length, 0);
        const wrote = writevSync(fd, pieces);
        if (wrote !== size) throw new Error(`Expected to write ${size} bytes of ${page.path}; wrote ${wrote} (is the disk full?).`);
      } finally {
        closeSync(fd);
      }
      written++;
      if (page.noindex) outputs.unlisted.add(urlPath(page.path));
      else listed.push(page.path);
    }
  }
  return { written, listed };
}
