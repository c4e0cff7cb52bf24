import { FACETS, FACET_TITLE, type FacetKey, type FacetValue, type Filters } from '../../lib/search/facets.ts';

interface Props {
  facets: Record<FacetKey, FacetValue[]>;
  filters: Filters;
  onToggle: (facet: FacetKey, value: string) => void;
  onClear: () => void;
  chosen: number;
}

/** One group of checkboxes per facet, each value with the number of results it would give. */
export function FacetPanel({ facets, filters, onToggle, onClear, chosen }: Props) {
  const groups = FACETS.filter((f) => facets[f].length > 0);
  if (groups.length === 0) return null;
  return (
    // Open beside the results on a wide screen; folded above them on a phone, so the results come first.
    <details class="search-facets" open={typeof matchMedia === 'function' && matchMedia('(min-width: 50rem)').matches}>
      <summary>筛选{chosen > 0 ? `（已选 ${chosen} 项）` : ''}</summary>
      {chosen > 0 && (
        <button type="button" class="button secondary small" onClick={onClear}>
          清除全部筛选
        </button>
      )}
      {groups.map((f) => (
        <fieldset key={f} class="facet">
          <legend>{FACET_TITLE[f]}</legend>
          <ul>
            {facets[f].map((v) => {
              const id = `facet-${f}-${v.value}`;
              return (
                <li key={v.value}>
                  <input type="checkbox" id={id} checked={filters[f].includes(v.value)} onChange={() => onToggle(f, v.value)} />
                  <label for={id}>
                    {v.label} <span class="facet-count">（{v.count}）</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </details>
  );
}
