import { z } from 'zod';

/** A calendar date written as YYYY-MM-DD (YAML dates are read as strings, never as Date). */
export const isoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD' });

/** A six-digit administrative region code (GB/T 2260); demo codes start with 99. */
export const regionCode = z
  .string({ error: 'expected a six-digit region code as a string, e.g. "990102"' })
  .regex(/^\d{6}$/, 'expected a six-digit region code, e.g. "990102"');

/** An amount of money in 元: a finite number, not negative. */
export const yuan = z
  .number({ error: 'expected an amount in 元 as a finite number, e.g. 120000' })
  .nonnegative('expected an amount of 0 元 or more');

/** A reference to one article of a law: `{ law: land-administration-law, article: 77 }`. */
export const articleRef = z.strictObject({
  /** The law's stable id, shared by all its versions (see content/basis). */
  law: z.string().regex(/^[a-z0-9-]+$/, 'expected a law id in lower-case letters, digits and dashes'),
  /** The article number as in 第N条. */
  article: z.number().int('expected a whole article number').positive('expected an article number of 1 or more'),
  /** Optional paragraph (款) within the article. */
  paragraph: z.number().int().positive().optional(),
  /** Optional item (项) within the article or paragraph, e.g. 第四十二条第（一）项. */
  item: z.number().int().positive().optional(),
});
export type ArticleRef = z.output<typeof articleRef>;

/** Coordinate reference systems a point or boundary can be written in. */
export const crs = z.enum(['wgs84', 'gcj02'], { error: 'expected "wgs84" or "gcj02"' });
export type Crs = z.output<typeof crs>;
