import type { ArticleRef } from '../schemas/common.ts';
import { toChineseNumber } from './format.ts';

// Short titles of the laws decisions cite, until the enforcement basis
// (content/basis) names them; the basis pages take over from this table.
const LAW_SHORT_TITLES: Record<string, string> = {
  'land-administration-law': '土地管理法',
  'land-administration-regulations': '土地管理法实施条例',
  'mineral-resources-law': '矿产资源法',
  'mineral-resources-rules': '矿产资源法实施细则',
  'administrative-penalty-law': '行政处罚法',
};

/** 《土地管理法》第七十七条 */
export function articleLabel(ref: ArticleRef): string {
  const law = LAW_SHORT_TITLES[ref.law] ?? ref.law;
  const paragraph = ref.paragraph ? `第${toChineseNumber(ref.paragraph)}款` : '';
  return `《${law}》第${toChineseNumber(ref.article)}条${paragraph}`;
}
