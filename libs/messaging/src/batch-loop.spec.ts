import { BatchLoop } from './batch-loop';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('BatchLoop', () => {
  it('repeats full batches until a short one, and folds kicks during a run into one more run', async () => {
    const sizes = [10, 10, 3, 0];
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const loop = new BatchLoop(
      async () => {
        calls += 1;
        if (calls === 1) await gate;
        return sizes.shift() ?? 0;
      },
      10,
      () => undefined,
    );
    loop.kick();
    loop.kick();
    loop.kick();
    release();
    for (let i = 0; i < 10; i++) await tick();
    await loop.stop();
    // 10, 10, 3 (the run), then one more run for the kicks that came during it: 0.
    expect(calls).toBe(4);
  });

  it('reports a failed batch and runs again on the next kick', async () => {
    const errors: string[] = [];
    let fail = true;
    let calls = 0;
    const loop = new BatchLoop(
      async () => {
        calls += 1;
        if (fail) throw new Error('database down');
        return 0;
      },
      10,
      (err) => errors.push(err.message),
    );
    loop.kick();
    await tick();
    fail = false;
    loop.kick();
    await tick();
    await loop.stop();
    expect(errors).toEqual(['database down']);
    expect(calls).toBe(2);
    loop.kick();
    expect(calls).toBe(2);
  });
});
