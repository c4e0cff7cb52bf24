import { describe, expect, test } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { sitemapFiles } from '../../src/lib/build/sitemap.ts';

// The sitemap the build writes (src/lib/build/sitemap.ts): an index naming files of at most the entry limit,
// every URL once, in the order search engines and readers of the old sitemap saw (page/2 before page/10).
const SITE = 'https://zhifa.example.cn/';
const parse = (xml: string) => new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' }).parse(xml);

describe('the sitemap', () => {
  test('lists every URL once, numbers in numeric order, in one file under an index', () => {
    const urls = ['/decisions/page/10/', '/decisions/page/2/', '/', '/decisions/', '/decisions/page/2/', '/parties/91990102E7UP96FMJT/'].map((p) => new URL(p, SITE).href);
    const files = sitemapFiles(urls, SITE);
    expect([...files.keys()].sort()).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    const index = parse(files.get('sitemap-index.xml')!);
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([`${SITE}sitemap-0.xml`]);
    const locs = parse(files.get('sitemap-0.xml')!).urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toEqual(['/', '/decisions/', '/decisions/page/2/', '/decisions/page/10/', '/parties/91990102E7UP96FMJT/'].map((p) => new URL(p, SITE).href));
    expect(files.get('sitemap-0.xml')!.startsWith('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"')).toBe(true);
  });

  test('splits at the entry limit and escapes what XML must', () => {
    const urls = Array.from({ length: 5 }, (_, i) => `${SITE}p/${i}/?a=1&b=2`);
    const files = sitemapFiles(urls, SITE, 2);
    expect([...files.keys()].sort()).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-index.xml']);
    expect(parse(files.get('sitemap-index.xml')!).sitemapindex.sitemap).toHaveLength(3);
    expect(files.get('sitemap-2.xml')).toContain('<loc>https://zhifa.example.cn/p/4/?a=1&amp;b=2</loc>');
    const all = ['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml'].flatMap((f) => parse(files.get(f)!).urlset.url.map((u: { loc: string }) => u.loc));
    expect(all).toEqual(urls);
  });
});
