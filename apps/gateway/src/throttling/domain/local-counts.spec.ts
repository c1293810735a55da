import { LocalCounts } from './local-counts';

describe('LocalCounts', () => {
  const minute = 60_000;

  it('counts hits here up to its share of the limit, then hands them to Redis with the next hit', () => {
    const c = new LocalCounts(0.5);
    expect([1, 2, 3, 4, 5].map(() => c.tryHit('k', 10, minute, 0))).toEqual([1, 2, 3, 4, 5]);
    expect(c.tryHit('k', 10, minute, 0)).toBeUndefined();
    expect(c.take('k')).toBe(5);
    expect(c.take('k')).toBe(0);
  });

  it('goes to Redis for every hit once Redis says the others already counted near the limit', () => {
    const c = new LocalCounts(0.5);
    expect(c.tryHit('k', 10, minute, 0)).toBe(1);
    expect(c.takeAll()).toEqual([{ key: 'k', count: 1 }]);
    c.settle('k', 4, minute - 100, 0, 100); // ours and three from other replicas
    expect(c.tryHit('k', 10, minute, 200)).toBe(5);
    expect(c.tryHit('k', 10, minute, 200)).toBeUndefined();
  });

  it('never counts here while Redis says the key is blocked, even after its window ended', () => {
    const c = new LocalCounts(0.5);
    c.settle('k', 11, 1_000, 30_000, 0);
    expect(c.tryHit('k', 10, minute, 2_000)).toBeUndefined();
    expect(c.tryHit('k', 10, minute, 29_999)).toBeUndefined();
    c.prune(30_000);
    expect(c.tryHit('k', 10, minute, 30_000)).toBe(1);
  });

  it('starts afresh once the window is over and nothing is left to send', () => {
    const c = new LocalCounts(0.5);
    c.tryHit('k', 10, minute, 0);
    expect(c.takeAll()).toEqual([{ key: 'k', count: 1 }]);
    c.settle('k', 5, minute, 0, 0);
    expect(c.tryHit('k', 10, minute, 1_000)).toBeUndefined();
    expect(c.tryHit('k', 10, minute, minute)).toBe(1);
  });

  it('keeps hits that could not be sent for the next send, and forgets only finished counters', () => {
    const c = new LocalCounts(0.5);
    c.tryHit('a', 10, 1_000, 0);
    c.tryHit('b', 10, 1_000, 0);
    const taken = c.takeAll();
    expect(taken).toEqual([
      { key: 'a', count: 1 },
      { key: 'b', count: 1 },
    ]);
    c.putBack('a', 1);
    c.prune(5_000);
    expect(c.has('a')).toBe(true);
    expect(c.has('b')).toBe(false);
    expect(c.takeAll()).toEqual([{ key: 'a', count: 1 }]);
  });

  it('counts each key apart', () => {
    const c = new LocalCounts(0.5);
    expect(c.tryHit('a', 2, minute, 0)).toBe(1);
    expect(c.tryHit('b', 2, minute, 0)).toBe(1);
    expect(c.tryHit('a', 2, minute, 0)).toBeUndefined();
  });
});
