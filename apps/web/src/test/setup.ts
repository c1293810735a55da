import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../i18n';

afterEach(() => cleanup());

const isDom = typeof window !== 'undefined';

// jsdom lacks these; antd's responsive helpers and components read them.
if (isDom && typeof (window as Partial<Window>).matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
if (isDom && !('ResizeObserver' in window)) {
  class RO {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: typeof RO }).ResizeObserver = RO;
}

// jsdom computes the full cascade on every getComputedStyle call, and antd's CSS-in-JS injects
// hundreds of rules: that alone made a form test take seconds. Components only read a few layout
// properties, so a light stand-in keeps tests fast without changing what they check.
const emptyStyle = new Proxy({} as CSSStyleDeclaration, {
  get: (_t, prop) => (prop === 'getPropertyValue' ? () => '' : prop === 'length' ? 0 : ''),
});
if (isDom) window.getComputedStyle = () => emptyStyle;
