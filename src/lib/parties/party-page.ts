// A party's history page (/parties/<code>/) as data and HTML: the title,
// description and noindex Base.astro takes, and the body inside the layout.
// src/pages/parties/[code].astro renders it inside the layout; a build writes
// most of these pages from one of them rendered by Astro (src/lib/build/shell-pages.ts).
import type { PartyHistory } from './party-history.ts';
import { partyPath } from './party-history.ts';
import { categoryName, countyName } from '../site-data.ts';
import { CREDIT_CLASS_LABEL, PARTY_KIND_LABEL, totalConfiscated, totalFine } from '../decision-fields.ts';
import { decisionPath } from '../decision-slug.ts';
import { formatDateZh } from '../dates.ts';
import { formatWanYuan, formatYuan } from '../format.ts';
import { escapeAttribute as attr, escapeText as text } from '../html/escape.ts';
import { docNoHtml } from '../html/doc-no.ts';
import { cellLabelHtml } from '../html/cell-label.ts';
import type { ShellPage } from '../build/shell-pages.ts';

const label = (name: string) => cellLabelHtml(text(name));

function rowHtml(d: PartyHistory['listed'][number]): string {
  const fine = totalFine(d);
  const confiscated = totalConfiscated(d);
  return (
    `<tr role="row"> <td role="cell" class="record-title"><a href="${attr(decisionPath(d.docNo))}">${docNoHtml(d.docNo)}</a></td>` +
    ` <td role="cell">${label('决定日期')}<time datetime="${attr(d.decidedOn)}">${text(formatDateZh(d.decidedOn))}</time></td>` +
    ` <td role="cell">${label('区县')}${text(countyName(d.county))}</td>` +
    ` <td role="cell">${label('违法类型')}${text(categoryName(d.category))}</td>` +
    ` <td role="cell">${label('罚款')}<span class="amount">${text(fine > 0 ? formatYuan(fine) : '无')}</span></td>` +
    ` <td role="cell">${label('没收')}<span class="amount">${text(confiscated > 0 ? formatYuan(confiscated) : '无')}</span></td>` +
    ` <td role="cell">${label('公示至')}<time datetime="${attr(d.displayUntil)}">${text(formatDateZh(d.displayUntil))}</time><br><span class="meta">${text(CREDIT_CLASS_LABEL[d.creditClass])}</span></td> </tr>`
  );
}

function listedHtml(p: PartyHistory): string {
  const t = p.totals;
  const serious = p.listed.some((d) => d.creditClass === 'serious');
  return (
    ` <h2>合计</h2> <dl class="fields"> <div><dt>公示中的处罚决定</dt><dd>${text(t.decisions)} 件</dd></div>` +
    ` <div><dt>罚款合计</dt><dd class="amount">${text(formatYuan(t.fines))}（${text(formatWanYuan(t.fines))}）</dd></div>` +
    ` ${t.confiscated > 0 ? `<div><dt>没收合计</dt><dd class="amount">${text(formatYuan(t.confiscated))}（${text(formatWanYuan(t.confiscated))}）</dd></div>` : ''}` +
    ` <div><dt>涉及区县</dt><dd>${text(t.counties.map((c) => countyName(c)).join('、'))}（${text(t.counties.length)} 个）</dd></div>` +
    ` <div><dt>决定年份</dt><dd>${text(t.years.join('、'))}</dd></div>` +
    ` <div><dt>违法类型</dt><dd>${text(t.categories.map((c) => categoryName(c)).join('、'))}</dd></div> </dl>` +
    ` ${serious ? '<p>该当事人有严重失信类别的处罚信息在公示期内，列入<a href="/parties/serious/">严重失信名单</a>。</p>' : ''}` +
    ` <h2>处罚决定</h2> <div class="table-scroll"> <table class="stack" role="table"> <caption class="visually-hidden">${text(p.name ?? '')}的公示中的处罚决定，新的在前</caption>` +
    ` <thead role="rowgroup"> <tr role="row"><th scope="col" role="columnheader">文号</th><th scope="col" role="columnheader">决定日期</th><th scope="col" role="columnheader">区县</th><th scope="col" role="columnheader">违法类型</th><th scope="col" role="columnheader">罚款</th><th scope="col" role="columnheader">没收</th><th scope="col" role="columnheader">公示至</th></tr> </thead>` +
    ` <tbody role="rowgroup"> ${p.listed.map(rowHtml).join('')} </tbody> </table> </div> `
  );
}

/** The page of one organisation or individual business, keyed by its 统一社会信用代码. */
export function partyPage(p: PartyHistory): ShellPage {
  const names = p.names.length > 1 ? `<div><dt>决定中使用过的名称</dt><dd>${text(p.names.join('；'))}</dd></div>` : '';
  // Spaces where Astro's compressHTML leaves them in the page this replaced, so that the pages are the same byte for byte.
  const body =
    `<nav class="breadcrumb" aria-label="当前位置"> <ol><li><a href="/">首页</a></li><li><a href="/decisions/">处罚决定</a></li><li><a href="/parties/">当事人</a></li><li>${text(p.creditCode)}</li></ol> </nav>` +
    ` <h1>${text(p.name ?? '当事人')}</h1> <dl class="fields"> <div><dt>统一社会信用代码</dt><dd>${text(p.creditCode)}</dd></div> <div><dt>当事人类别</dt><dd>${text(PARTY_KIND_LABEL[p.kind])}</dd></div> ${names} </dl> ` +
    (p.listed.length === 0
      ? '<p class="notice warn" role="status">该当事人目前没有公示期内的处罚决定：相关决定已撤回、信用修复后终止公示或公示期届满，内容不再公示（见<a href="/decisions/withdrawn/">撤回与期满记录</a>）。</p>'
      : listedHtml(p)) +
    '<p class="meta">只列公示期内的决定；已撤回、信用修复或公示期届满的决定不在此列，也不计入合计。</p>';
  return {
    path: partyPath(p.creditCode),
    title: p.name ? `${p.name}的处罚记录` : `统一社会信用代码 ${p.creditCode}`,
    description: `${p.name ?? p.creditCode}（统一社会信用代码 ${p.creditCode}）在各区县的全部公示中的行政处罚决定。`,
    noindex: p.listed.length === 0,
    head: '',
    body,
  };
}
