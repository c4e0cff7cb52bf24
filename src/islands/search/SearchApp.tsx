import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchResponse } from '../../lib/search/search-client.ts';
import { PAGE_SIZE, SORTS, SORT_LABEL, type SortKey } from '../../lib/search/sorts.ts';
import { noFilters, type FacetKey } from '../../lib/search/facets.ts';
import { countMatches, searchState } from './page-search.ts';
import { broaderQueries, emptyState, filterCount, searchFromState, stateFromSearch, toggleFilter, type SearchState } from './search-model.ts';
import { FacetPanel } from './FacetPanel.tsx';
import { ResultList } from './ResultList.tsx';

export interface BrowseLink {
  href: string;
  label: string;
}

interface Props {
  /** Static pages to browse instead, for readers without JavaScript. */
  browse: BrowseLink[];
}

type Status = 'idle' | 'loading' | 'ready' | 'failed';
const DEBOUNCE_MS = 150;

/** The search page without JavaScript: the form still submits, and the static lists are one click away. */
function WithoutScript({ browse }: Props) {
  return (
    <>
      <form class="search-form" method="get" action="/search/" role="search" aria-label="站内搜索">
        <label for="search-q">搜索关键词</label>
        <div class="input-with-button">
          <input id="search-q" name="q" type="search" maxLength={100} autoComplete="off" />
          <button class="button" type="submit">
            搜索
          </button>
        </div>
      </form>
      <div class="notice warn">
        <p>站内搜索需要启用 JavaScript。未启用时，可按以下静态页面浏览：</p>
        <ul class="browse-links">
          {browse.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

export default function SearchApp({ browse }: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<SearchState>(emptyState());
  const [response, setResponse] = useState<SearchResponse | undefined>(undefined);
  const [status, setStatus] = useState<Status>('idle');
  const [suggestion, setSuggestion] = useState<{ q: string; count: number } | undefined>(undefined);
  const seq = useRef(0);
  const typingEntry = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  async function run(s: SearchState) {
    const id = ++seq.current;
    setSuggestion(undefined);
    if (!s.q.trim()) {
      setResponse(undefined);
      setStatus('idle');
      return;
    }
    setStatus('loading');
    try {
      const r = await searchState(s);
      if (id !== seq.current) return;
      setResponse(r);
      setStatus('ready');
      if (r.matched === 0) {
        for (const q of broaderQueries(s.q)) {
          const count = await countMatches(q);
          if (id !== seq.current) return;
          if (count > 0) {
            setSuggestion({ q, count });
            break;
          }
        }
      }
    } catch {
      if (id === seq.current) setStatus('failed');
    }
  }

  /** Shows a state, records it in the URL (a new history entry, or replacing the current one while typing) and searches. */
  function go(next: SearchState, mode: 'push' | 'replace' | 'none') {
    setState(next);
    const url = `${location.pathname}${searchFromState(next)}`;
    if (mode === 'push') history.pushState(null, '', url);
    else if (mode === 'replace') history.replaceState(null, '', url);
    void run(next);
  }

  useEffect(() => {
    setHydrated(true);
    const initial = stateFromSearch(location.search);
    setState(initial);
    void run(initial);
    const onPop = () => {
      typingEntry.current = false;
      const s = stateFromSearch(location.search);
      setState(s);
      void run(s);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const chosen = filterCount(state.filters);
  const liveText = useMemo(() => {
    if (status === 'failed') return '搜索索引加载失败，请检查网络后重试。';
    if (!response || status === 'idle') return '';
    if (response.total > 0) return `找到 ${response.total} 条结果${chosen > 0 ? `（筛选前 ${response.matched} 条）` : ''}，第 ${response.page}/${response.pageCount} 页。`;
    return `没有找到与“${state.q}”相关的结果。`;
  }, [response, status]);

  if (!hydrated) return <WithoutScript browse={browse} />;

  const onInput = (value: string) => {
    const next = { ...state, q: value, page: 1 };
    setState(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      go(next, typingEntry.current ? 'replace' : 'push');
      typingEntry.current = true;
    }, DEBOUNCE_MS);
  };
  const commit = (next: SearchState, focusResults = false) => {
    clearTimeout(timer.current);
    typingEntry.current = false;
    go(next, 'push');
    if (focusResults) resultsHeading.current?.focus();
  };
  const toggle = (facet: FacetKey, value: string) => commit({ ...state, filters: toggleFilter(state.filters, facet, value), page: 1 });
  const focusFirstResult = () => document.querySelector<HTMLAnchorElement>('.search-results a.result-link')?.focus();

  return (
    <div class="search-app">
      <form
        class="search-form"
        role="search"
        aria-label="站内搜索"
        onSubmit={(e) => {
          e.preventDefault();
          commit({ ...state, page: 1 });
        }}
      >
        <label for="search-q">搜索关键词</label>
        <p id="search-hint" class="form-hint">
          可搜文号、当事人、统一社会信用代码、区县、村、违法行为、条文序号（第77条、第七十七条均可）和金额；多个词用空格分开。按 ↓ 键进入结果。
        </p>
        <div class="input-with-button">
          <input
            ref={input}
            id="search-q"
            name="q"
            type="search"
            maxLength={100}
            autoComplete="off"
            aria-describedby="search-hint"
            value={state.q}
            onInput={(e) => onInput((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                focusFirstResult();
              }
            }}
          />
          <button class="button" type="submit">
            搜索
          </button>
        </div>
      </form>

      <p class="search-status" role="status" aria-live="polite" aria-atomic="true">
        {liveText}
      </p>
      {status === 'failed' && (
        <button type="button" class="button secondary" onClick={() => void run(state)}>
          重试
        </button>
      )}

      {response && state.q.trim() !== '' && (
        <div class="search-layout" aria-busy={status === 'loading' ? 'true' : 'false'}>
          <div class="search-side">
            <div class="form-field search-sort">
              <label for="search-sort">排序</label>
              <select id="search-sort" value={state.sort} onChange={(e) => commit({ ...state, sort: (e.target as HTMLSelectElement).value as SortKey, page: 1 })}>
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {SORT_LABEL[s]}
                  </option>
                ))}
              </select>
            </div>
            <FacetPanel facets={response.facets} filters={state.filters} chosen={chosen} onToggle={toggle} onClear={() => commit({ ...state, filters: noFilters(), page: 1 })} />
          </div>
          <section class="search-main" aria-labelledby="results-heading">
            <h2 id="results-heading" tabIndex={-1} ref={resultsHeading}>
              搜索结果
            </h2>
            {response.total === 0 ? (
              <div class="notice">
                <p>没有找到与“{state.q}”相关的结果。</p>
                <ul>
                  {chosen > 0 && response.matched > 0 && (
                    <li>
                      当前筛选条件排除了全部 {response.matched} 条结果：
                      <button type="button" class="link-button" onClick={() => commit({ ...state, filters: noFilters(), page: 1 })}>
                        清除筛选
                      </button>
                    </li>
                  )}
                  {suggestion && (
                    <li>
                      试试更宽的搜索词：
                      <a href={`/search/${searchFromState({ ...emptyState(), q: suggestion.q })}`} onClick={(e) => (e.preventDefault(), commit({ ...emptyState(), q: suggestion.q }))}>
                        {suggestion.q}
                      </a>
                      （{suggestion.count} 条）
                    </li>
                  )}
                  <li>检查错别字；文号的括号写成〔〕、[]、【】或 () 均可；条文序号可用数字或汉字。</li>
                </ul>
              </div>
            ) : (
              <ResultList hits={response.hits} start={(response.page - 1) * PAGE_SIZE + 1} onLeaveTop={() => input.current?.focus()} />
            )}
            {response.pageCount > 1 && (
              <nav class="pagination" aria-label="结果分页">
                {response.page > 1 && (
                  <button type="button" class="button secondary" onClick={() => commit({ ...state, page: response.page - 1 }, true)}>
                    上一页
                  </button>
                )}
                <span>
                  第 {response.page} / {response.pageCount} 页
                </span>
                {response.page < response.pageCount && (
                  <button type="button" class="button secondary" onClick={() => commit({ ...state, page: response.page + 1 }, true)}>
                    下一页
                  </button>
                )}
              </nav>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
