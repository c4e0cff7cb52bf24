/** A per-key limit of `limit` hits per `windowMs`; `limit` of Infinity lifts it. */
export interface RateLimiter {
  /** Counts a hit; answers whether it is allowed and, if not, the seconds until it will be. */
  hit(key: string, now?: number): { allowed: true } | { allowed: false; retryAfter: number };
}

/**
 * A sliding log of hit times per key, in memory: one process serves the site,
 * and a restart forgetting the counts errs on the reporter's side. Keys idle for
 * a whole window are swept so the map cannot grow without bound.
 */
export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
  const hits = new Map<string, number[]>();
  let lastSweep = 0;
  return {
    hit(key, now = Date.now()) {
      if (!Number.isFinite(limit)) return { allowed: true };
      if (now - lastSweep > windowMs) {
        for (const [k, times] of hits) if ((times.at(-1) ?? 0) <= now - windowMs) hits.delete(k);
        lastSweep = now;
      }
      const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        const oldest = recent[0] ?? now;
        return { allowed: false, retryAfter: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
      }
      recent.push(now);
      hits.set(key, recent);
      return { allowed: true };
    },
  };
}
