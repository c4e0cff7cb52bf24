import { describe, expect, test } from 'vitest';
import { broaderQueries, searchFromState, stateFromSearch, toggleFilter } from '../../src/islands/search/search-model.ts';
import { noFilters } from '../../src/lib/search/facets.ts';

describe('the search state in the URL', () => {
  test('round-trips the query, repeated facet values, sort and page', () => {
    const search = '?q=%E5%A4%8D%E5%9E%A6&county=990102&county=990103&type=decision&sort=fine&page=2';
    const state = stateFromSearch(search);
    expect(state).toEqual({ q: '复垦', filters: { ...noFilters(), county: ['990102', '990103'], type: ['decision'] }, sort: 'fine', page: 2 });
    expect(stateFromSearch(searchFromState(state))).toEqual(state);
  });

  test('drops what a forged link puts in: unknown sort, bad page, odd facet values, an over-long query', () => {
    const state = stateFromSearch(`?q=${'地'.repeat(500)}&sort=evil&page=-3&county=%3Cscript%3E&county=990102`);
    expect(state.q).toHaveLength(100);
    expect(state.sort).toBe('relevance');
    expect(state.page).toBe(1);
    expect(state.filters.county).toEqual(['990102']);
  });

  test('writes nothing for the defaults', () => {
    expect(searchFromState(stateFromSearch(''))).toBe('');
  });
});

describe('toggleFilter', () => {
  test('adds a value, and removes it the second time', () => {
    const once = toggleFilter(noFilters(), 'county', '990102');
    expect(once.county).toEqual(['990102']);
    expect(toggleFilter(once, 'county', '990102').county).toEqual([]);
  });
});

describe('broaderQueries', () => {
  test('drops the last word, then tries each word alone', () => {
    expect(broaderQueries('非法占用 飞碟 东湖')).toEqual(['非法占用 飞碟', '非法占用', '飞碟', '东湖']);
  });

  test('shortens a single run of characters from either end', () => {
    expect(broaderQueries('非法占用耕地')).toEqual(['非法占用耕', '法占用耕地', '非法', '耕地']);
  });
});
