import { afterEach, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeHTML } from 'astro/runtime/server/escape.js';
import { toAttributeString } from 'astro/runtime/server/render/util.js';
import { escapeAttribute, escapeText } from '../../src/lib/html/escape.ts';
import { docNoHtml } from '../../src/lib/html/doc-no.ts';
import { buildOutputs } from '../../src/lib/build/build-outputs.ts';
import { captureParts, capturedByAstro, renderedByAstro, writeShellPages, type ShellMeta, type ShellPage } from '../../src/lib/build/shell-pages.ts';

// Pages written from a rendered one must be byte for byte what Astro renders: the same escaping, the same
// layout around each page's own title, description and body, and a failed build rather than a wrong page.

describe('escaping for markup built as strings', () => {
  const samples = ['示范市"长盛"矿业 & <公司>', "O'Brien", '无特殊字符', '&amp;', ''];
  test.each(samples)('text %j is escaped as Astro escapes text', (s) => {
    expect(escapeText(s)).toBe(String(escapeHTML(s)));
  });
  test.each(samples)('attribute %j is escaped as Astro escapes attribute values', (s) => {
    expect(escapeAttribute(s)).toBe(toAttributeString(s));
  });
  test('a 文号 may wrap only before its year', () => {
    expect(docNoHtml('东湖自然资罚〔2025〕12号')).toBe('<span class="keep-all">东湖自然资罚</span><wbr><span class="nowrap">〔2025〕12号</span>');
    expect(docNoHtml('无前缀<12>')).toBe('<wbr><span class="nowrap">无前缀&lt;12&gt;</span>');
  });
});

describe('pages written from a rendered one', () => {
  let root = '';
  afterEach(() => {
    delete buildOutputs().shellGroups;
    if (root) rmSync(root, { recursive: true, force: true });
  });
  const SITE = '执法公示';
  const page = (code: string, noindex: boolean): ShellPage => ({ path: `/p/${code}/`, title: `当事人 ${code} & 子公司`, description: `"${code}"的记录`, noindex, head: '', body: `<h1>${code}</h1><p>正文 ${code}</p>` });
  /** What the layout renders around a page, as Astro would (escaped title and description). */
  const layout = (p: ShellPage) =>
    `<!DOCTYPE html><html><head><title>${escapeText(`${p.title} · ${SITE}`)}</title><meta name="description" content="${escapeAttribute(p.description)}">${p.noindex ? '<meta name="robots" content="noindex">' : ''}<link rel="icon" href="/favicon.svg" type="image/svg+xml">${p.head}<link rel="stylesheet" href="/a.css"></head><body><header>站头</header><main> ${p.body} </main></body></html>`;
  const renderShells = (shells: ShellPage[]) => {
    for (const s of shells) {
      mkdirSync(join(root, s.path), { recursive: true });
      writeFileSync(join(root, s.path, 'index.html'), layout(s));
    }
  };

  test('in a build Astro renders one page per noindex value and every other page is written as the layout would render it', () => {
    root = mkdtempSync(join(tmpdir(), 'shell-pages-'));
    buildOutputs().shellGroups = [];
    const items = [
      { code: 'A', noindex: false },
      { code: 'B', noindex: false },
      { code: 'C', noindex: true },
      { code: 'D', noindex: true },
      { code: 'E', noindex: false },
    ];
    const toPage = (i: (typeof items)[number]) => page(i.code, i.noindex);
    const rendered = renderedByAstro(items, { section: 'decisions', siteTitle: SITE, noindex: (i) => i.noindex, page: toPage });
    expect(rendered.map((i) => i.code)).toEqual(['A', 'C']);
    renderShells(rendered.map(toPage));
    const { written, listed } = writeShellPages(root);
    expect(written).toBe(3);
    expect(listed).toEqual(['/p/B/', '/p/E/']);
    for (const code of ['B', 'D', 'E']) {
      const p = toPage(items.find((i) => i.code === code)!);
      expect(readFileSync(join(root, p.path, 'index.html'), 'utf8')).toBe(layout(p));
    }
    expect(buildOutputs().unlisted.has('/p/D/')).toBe(true);
    expect(buildOutputs().unlisted.has('/p/B/')).toBe(false);
  });

  test('outside a build (astro dev) the route renders every page', () => {
    const items = ['A', 'B'];
    expect(renderedByAstro(items, { section: 'decisions', siteTitle: SITE, noindex: () => false, page: (c) => page(c, false) })).toEqual(items);
  });

  test('a rendered page without the body it was given fails the build naming it, and nothing is written from it', () => {
    root = mkdtempSync(join(tmpdir(), 'shell-pages-'));
    buildOutputs().shellGroups = [];
    const rendered = renderedByAstro(['A', 'B'], { section: 'decisions', siteTitle: SITE, noindex: () => false, page: (c) => page(c, false) });
    const shell = page(rendered[0]!, false);
    renderShells([{ ...shell, body: '<h1>A</h1><p>另一个正文</p>' }]);
    expect(() => writeShellPages(root)).toThrow(/\/p\/A\/ to contain, once and in order, <h1>A<\/h1>/);
    expect(existsSync(join(root, '/p/B/'))).toBe(false);
  });

  // The decision and list pages: their head and body are rendered by Astro components in bulk pages and captured.
  const meta = (code: string, noindex: boolean): ShellMeta => ({ path: `/d/${code}/`, title: `决定 ${code}`, description: `决定 ${code} 的公示`, noindex });
  const parts = (code: string) => ({ head: `<link rel="alternate" href="/feeds/${code}.atom">`, body: `<h1>${code}</h1><p>"正文" ${code}</p>` });

  test('a captured route renders its shells in full, every page in bulk, and writes the others with their captured head and body', () => {
    root = mkdtempSync(join(tmpdir(), 'shell-pages-'));
    buildOutputs().shellGroups = [];
    const items = [{ code: 'A', noindex: false }, { code: 'B', noindex: true }, { code: 'C', noindex: false }, { code: 'D', noindex: true }];
    let listed = 0;
    const route = capturedByAstro('test', () => (listed++, items), { section: 'decisions', siteTitle: SITE, meta: (i) => meta(i.code, i.noindex) });
    // The page route and the bulk route both ask; the items are listed once.
    expect(capturedByAstro('test', () => (listed++, items), { section: 'decisions', siteTitle: SITE, meta: (i) => meta(i.code, i.noindex) })).toBe(route);
    expect(listed).toBe(1);
    expect(route.rendered.map((i) => i.code)).toEqual(['A', 'B']);
    expect(route.captured.map((i) => i.code)).toEqual(['A', 'B', 'C', 'D']);
    for (const i of route.captured) {
      captureParts('test', meta(i.code, i.noindex).path, 'head', parts(i.code).head);
      captureParts('test', meta(i.code, i.noindex).path, 'body', parts(i.code).body);
    }
    renderShells(route.rendered.map((i) => ({ ...meta(i.code, i.noindex), ...parts(i.code) })));
    const { written, listed: inSitemap } = writeShellPages(root);
    expect(written).toBe(2);
    expect(inSitemap).toEqual(['/d/C/']);
    for (const i of items.slice(2)) {
      const p = { ...meta(i.code, i.noindex), ...parts(i.code) };
      expect(readFileSync(join(root, p.path, 'index.html'), 'utf8')).toBe(layout(p));
    }
    expect(buildOutputs().unlisted.has('/d/D/')).toBe(true);
  });

  test('a captured page whose part was rendered twice, or never, fails the build naming it', () => {
    root = mkdtempSync(join(tmpdir(), 'shell-pages-'));
    buildOutputs().shellGroups = [];
    const route = capturedByAstro('test', () => ['A', 'B', 'C'], { section: 'decisions', siteTitle: SITE, meta: (c) => meta(c, false) });
    captureParts('test', '/d/A/', 'body', parts('A').body);
    expect(() => captureParts('test', '/d/A/', 'body', parts('A').body)).toThrow(/body of \/d\/A\/ to be rendered once/);
    captureParts('test', '/d/B/', 'body', parts('B').body);
    renderShells(route.rendered.map((c) => ({ ...meta(c, false), head: '', body: parts(c).body })));
    expect(() => writeShellPages(root)).toThrow(/bulk pages to have rendered the body of \/d\/C\//);
    expect(() => captureParts('other', '/d/A/', 'body', '')).toThrow(/captured route other to be registered/);
  });

  test('a shell that renders its body differently from the bulk page fails the build', () => {
    root = mkdtempSync(join(tmpdir(), 'shell-pages-'));
    buildOutputs().shellGroups = [];
    const route = capturedByAstro('test', () => ['A', 'B'], { section: 'decisions', siteTitle: SITE, meta: (c) => meta(c, false) });
    for (const c of ['A', 'B']) captureParts('test', `/d/${c}/`, 'body', parts(c).body);
    renderShells(route.rendered.map((c) => ({ ...meta(c, false), head: '', body: parts(c).body.replace('正文', '别的正文') })));
    expect(() => writeShellPages(root)).toThrow(/\/d\/A\/ to contain, once and in order, <h1>A<\/h1>/);
    expect(existsSync(join(root, '/d/B/'))).toBe(false);
  });

  test('outside a build (astro dev) a captured route renders every page itself and nothing in bulk', () => {
    const route = capturedByAstro('test', () => ['A', 'B'], { section: 'decisions', siteTitle: SITE, meta: (c) => meta(c, false) });
    expect(route.rendered).toEqual(['A', 'B']);
    expect(route.captured).toEqual([]);
  });
});
