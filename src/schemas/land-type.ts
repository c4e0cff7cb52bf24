// Kept free of zod so that browser code (the penalty calculator) can use the
// list without shipping the schema library.

/** Land types from the most protected down (永久基本农田 > 耕地 > 其他农用地 > 建设用地/未利用地). */
export const landTypes = ['basicFarmland', 'farmland', 'otherAgricultural', 'construction', 'unused'] as const;
export type LandType = (typeof landTypes)[number];
