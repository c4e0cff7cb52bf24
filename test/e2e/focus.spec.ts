import { expect, test, type Page } from '@playwright/test';

interface FocusLook {
  what: string;
  /** Best contrast of any part of the focus indicator against the colour behind the element. */
  indicator: number;
  /** Contrast of the text against the focused element's own background, when it sets one. */
  text: number | null;
}

/** Presses Tab `count` times and reads how each focused element looks, from its computed styles. */
async function tabThrough(page: Page, count: number): Promise<FocusLook[]> {
  const looks: FocusLook[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const look = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const rgba = (css: string) => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(css);
        return m ? { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: m[4] === undefined ? 1 : Number(m[4]) } : undefined;
      };
      const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
        const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const contrast = (a: { r: number; g: number; b: number }, b: { r: number; g: number; b: number }) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
        return (hi + 0.05) / (lo + 0.05);
      };
      let behind = { r: 255, g: 255, b: 255, a: 1 };
      for (let p = el.parentElement; p; p = p.parentElement) {
        const bg = rgba(getComputedStyle(p).backgroundColor);
        if (bg && bg.a > 0.5) {
          behind = bg;
          break;
        }
      }
      const style = getComputedStyle(el);
      const colours = [];
      if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) colours.push(rgba(style.outlineColor));
      for (const m of style.boxShadow.matchAll(/rgba?\([^)]*\)/g)) colours.push(rgba(m[0]));
      const own = rgba(style.backgroundColor);
      if (own && own.a > 0.5) colours.push(own);
      const visible = colours.filter((c): c is NonNullable<typeof c> => c !== undefined && c.a > 0.5);
      const text = own && own.a > 0.5 && (el.textContent ?? '').trim() !== '' ? contrast(rgba(style.color)!, own) : null;
      return {
        what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 16)}”`,
        indicator: Math.max(0, ...visible.map((c) => contrast(c, behind))),
        text,
      };
    });
    if (look) looks.push(look);
  }
  return looks;
}

// WCAG 2.1 1.4.11: the focus indicator has 3:1 against what is next to it, on
// the white page, in the blue header and on the tinted notices alike.
for (const [path, presses] of [['/', 30], ['/decisions/county/990103/', 30], ['/report/', 45]] as const) {
  test(`every focused element on ${path} has an indicator of 3:1 or more against its background, and readable text`, async ({ page }) => {
    await page.goto(path);
    if (path === '/report/') await expect(page.locator('astro-island[component-url*="ReportForm"]:not([ssr])')).toHaveCount(1);
    const looks = await tabThrough(page, presses);
    expect(looks.length).toBeGreaterThan(10);
    expect(looks.filter((l) => l.indicator < 3).map((l) => `${l.what}: ${l.indicator.toFixed(2)}:1`)).toEqual([]);
    expect(looks.filter((l) => l.text !== null && l.text < 4.5).map((l) => `${l.what}: text ${l.text?.toFixed(2)}:1`)).toEqual([]);
  });
}
