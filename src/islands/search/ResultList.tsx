import type { SearchHit } from '../../lib/search/search-client.ts';
import { DOC_TYPE_LABEL } from '../../lib/search/search-fields.ts';
import { Marked } from './Marked.tsx';

interface Props {
  hits: SearchHit[];
  start: number;
  /** Arrow keys move between results; ArrowUp on the first goes back to the search box. */
  onLeaveTop: () => void;
}

function moveFocus(event: KeyboardEvent, onLeaveTop: () => void) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...((event.currentTarget as HTMLElement).querySelectorAll<HTMLAnchorElement>('a.result-link'))];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  event.preventDefault();
  const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
  if (next < 0) onLeaveTop();
  else links[Math.min(next, links.length - 1)]?.focus();
}

export function ResultList({ hits, start, onLeaveTop }: Props) {
  return (
    <ol class="search-results" start={start} onKeyDown={(e) => moveFocus(e, onLeaveTop)}>
      {hits.map((h) => (
        <li key={h.doc} class="search-result">
          <h3>
            <a class="result-link" href={h.fragment.u}>
              <Marked segments={h.marked.title} />
            </a>
          </h3>
          <p class="meta">
            <span class="tag">{DOC_TYPE_LABEL[h.type]}</span> {h.fragment.s}
          </p>
          <p class="snippet">
            <Marked segments={h.marked.snippet} />
          </p>
        </li>
      ))}
    </ol>
  );
}
