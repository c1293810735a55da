import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('answers each caller with its own result, in batches of at most max', async () => {
    const sizes: number[] = [];
    const b = new MicroBatcher<number, number>(
      (xs) => {
        sizes.push(xs.length);
        return Promise.resolve(xs.map((x) => x * 2));
      },
      3,
      5,
    );
    const outs = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((x) => b.add(x)));
    expect(outs).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('fails every item of a failed batch, and only those', async () => {
    let calls = 0;
    const b = new MicroBatcher<number, number>((xs) => (++calls === 1 ? Promise.reject(new Error('db down')) : Promise.resolve(xs)), 2, 5);
    const first = [b.add(1), b.add(2)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(first)).toEqual(['db down', 'db down']);
    expect(await b.add(3)).toBe(3);
  });
});
