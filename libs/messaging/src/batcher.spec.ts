import { Batcher, type BatchRunner } from './batcher';

/** A runner that records its calls; the first call waits for `release` so that items pile up. */
function recordingRunner(failWhen: (items: readonly string[]) => boolean = () => false) {
  const calls: string[][] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const run = async (items: readonly string[]): Promise<string[]> => {
    calls.push([...items]);
    if (calls.length === 1) await gate;
    if (failWhen(items)) throw new Error(`failed: ${items.join(',')}`);
    return items.map((x) => x.toUpperCase());
  };
  const runner: BatchRunner<string, string> = { together: run, alone: async (item) => (await run([item]))[0]! };
  return { runner, calls, release: () => release() };
}

describe('Batcher', () => {
  it('runs a lone item at once, and gathers the items that arrive meanwhile into batches of at most maxSize', async () => {
    const { runner, calls, release } = recordingRunner();
    const batcher = new Batcher(runner, 3);
    const first = batcher.add('a');
    await new Promise((r) => setImmediate(r));
    const rest = ['b', 'c', 'd', 'e'].map((x) => batcher.add(x));
    release();
    await Promise.all([first, ...rest]);
    expect(calls).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
  });

  it('items handed over in the same turn share the first batch', async () => {
    const { runner, calls, release } = recordingRunner();
    release();
    const batcher = new Batcher(runner, 10);
    expect(await Promise.all(['a', 'b'].map((x) => batcher.add(x)))).toEqual(['A', 'B']);
    expect(calls).toEqual([['a', 'b']]);
  });

  it('when a batch fails, each item runs alone and only the failing one is rejected', async () => {
    const { runner, calls, release } = recordingRunner((items) => items.includes('bad'));
    release();
    const fallbacks: number[] = [];
    const batcher = new Batcher(runner, 10, (_err, size) => fallbacks.push(size));
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((x) => batcher.add(x)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual(['A', 'rejected', 'C']);
    expect(calls).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    expect(fallbacks).toEqual([3]);
  });

  it('keeps going after a failure: later items still run', async () => {
    const { runner, release } = recordingRunner((items) => items.includes('bad'));
    release();
    const batcher = new Batcher(runner, 10);
    await expect(batcher.add('bad')).rejects.toThrow('failed: bad');
    await expect(batcher.add('ok')).resolves.toBe('OK');
  });

  it('idle() resolves only once every item added so far has run, including those added while a batch ran', async () => {
    const { runner, calls, release } = recordingRunner();
    const batcher = new Batcher(runner, 2);
    await batcher.idle(); // nothing added: at once
    const done: string[] = [];
    for (const x of ['a', 'b', 'c']) void batcher.add(x).then(() => done.push(x));
    let idle = false;
    const waiting = batcher.idle().then(() => (idle = true));
    await new Promise((r) => setImmediate(r));
    void batcher.add('d').then(() => done.push('d'));
    await new Promise((r) => setTimeout(r, 20));
    expect(idle).toBe(false); // the first batch is held
    release();
    await waiting;
    expect(calls).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(done.sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
