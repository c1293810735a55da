// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { i18n } from './index';
import { zhCN } from './zh-CN';
import { en } from './en';

// Every source file as text (Vite's glob import: no Node API needed in the test).
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function leafKeys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? leafKeys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('has the same keys in Chinese and English', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(zhCN).sort());
  });

  it('has every literal key the code asks for, in both languages', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [file, text] of Object.entries(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        const key = m[1] ?? '';
        checked++;
        for (const lng of ['zh-CN', 'en']) {
          if (!i18n.exists(key, { lng })) missing.push(`${lng}:${key} (${file})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
