// What the benchmarks file and create: a hiring request, a company's credit code.

export function filing(i) {
  return {
    category: 'hiring',
    title: `急需挡车工 ${i}`,
    description: 'short of loom operators for the night shift',
    details: { positions: [{ title: '挡车工 loom operator', headcount: 1 + (i % 40) }] },
  };
}

/** A valid Unified Social Credit Code (GB 32100-2015 check character). */
export function makeCreditCode(i) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `913205${String(10_000_000_000 + i).slice(-11)}`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += alphabet.indexOf(body[k]) * weights[k];
  return body + alphabet[(31 - (sum % 31)) % 31];
}
