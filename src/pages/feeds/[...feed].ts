import type { APIRoute, GetStaticPaths } from 'astro';
import { decisionFeeds, type DecisionFeed } from '../../lib/feeds/decision-feeds.ts';

// Atom feeds: /feeds/decisions.atom, /feeds/county/<code>.atom, /feeds/category/<code>.atom, /feeds/withdrawals.atom.
export const getStaticPaths = (() => decisionFeeds().map((feed) => ({ params: { feed: feed.path.slice('/feeds/'.length) }, props: { feed } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { feed } = props as { feed: DecisionFeed };
  return new Response(feed.render(import.meta.env.SITE), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
