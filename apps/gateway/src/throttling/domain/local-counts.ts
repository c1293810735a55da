/** What one replica knows of one counter's fixed window. */
interface Window {
  /** When the window ends (ms), as far as this replica knows. */
  endsAt: number;
  /** The hits of every replica, as Redis last said. */
  shared: number;
  /** Hits counted here and not yet sent to Redis. */
  pending: number;
  /** Until when Redis said the key is blocked (ms; 0: not blocked). */
  blockedUntil: number;
}

/** A counter's pending hits, to add in Redis. */
export interface PendingHits {
  key: string;
  count: number;
}

/**
 * Rate-limit counters a replica may keep to itself while they are far below their limit: a hit
 * that leaves the window's count (every replica's, as Redis last said, plus this replica's hits not
 * sent yet) at or under `share` of the limit is counted here, and the hits go to Redis together a
 * moment later. Near the limit, or while Redis says the key is blocked, every hit is counted in
 * Redis at once, so the limit itself stays exact for one replica. With several replicas, each may
 * count `share` of the limit before it hears of the others' hits: a limit can be passed by at most
 * (replicas × share − 1) × limit, and only by hits that arrive within one send interval.
 */
export class LocalCounts {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly share: number) {}

  /** Counts a hit here and returns the count so far, or undefined when the hit must be counted in Redis. */
  tryHit(key: string, limit: number, ttlMs: number, now: number): number | undefined {
    let w = this.windows.get(key);
    if (w && w.endsAt <= now && w.pending === 0 && w.blockedUntil <= now) {
      this.windows.delete(key);
      w = undefined;
    }
    if (w && (w.blockedUntil > now || w.endsAt <= now)) return undefined;
    const count = (w?.shared ?? 0) + (w?.pending ?? 0) + 1;
    if (count > limit * this.share) return undefined;
    if (w) w.pending += 1;
    else this.windows.set(key, { endsAt: now + ttlMs, shared: 0, pending: 1, blockedUntil: 0 });
    return count;
  }

  /** Time left in the window as this replica knows it (ms). */
  timeLeft(key: string, now: number): number {
    return Math.max((this.windows.get(key)?.endsAt ?? now) - now, 0);
  }

  /** The hits of one counter not yet sent (now to be sent with a hit counted in Redis). */
  take(key: string): number {
    const w = this.windows.get(key);
    if (!w) return 0;
    const n = w.pending;
    w.pending = 0;
    return n;
  }

  /** Every counter's hits not yet sent, taken to be sent. */
  takeAll(): PendingHits[] {
    const out: PendingHits[] = [];
    for (const [key, w] of this.windows) {
      if (w.pending > 0) out.push({ key, count: w.pending });
      w.pending = 0;
    }
    return out;
  }

  /** Hits that could not be sent: counted again, to go with the next send. */
  putBack(key: string, count: number): void {
    const w = this.windows.get(key);
    if (w) w.pending += count;
  }

  /** What Redis answered for a counter: every replica's hits, the time left in its window and in a block. */
  settle(key: string, hits: number, ttlMs: number, blockedMs: number, now: number): void {
    const w = this.windows.get(key) ?? { endsAt: 0, shared: 0, pending: 0, blockedUntil: 0 };
    w.shared = hits;
    w.endsAt = now + Math.max(ttlMs, 0);
    w.blockedUntil = blockedMs > 0 ? now + blockedMs : 0;
    this.windows.set(key, w);
  }

  /** Forgets counters whose window and block are over and that have nothing left to send. */
  prune(now: number): void {
    for (const [key, w] of this.windows) if (w.endsAt <= now && w.blockedUntil <= now && w.pending === 0) this.windows.delete(key);
  }

  has(key: string): boolean {
    return this.windows.has(key);
  }
}
