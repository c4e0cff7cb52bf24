import type { Segment } from '../../lib/search/snippet.ts';

/** Text with its matches in <mark>. */
export function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
