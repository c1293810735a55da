// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { safeNext } from './LoginPage';

describe('the page to return to after login', () => {
  it.each([
    ['/portal/requests/r1', '/portal/requests/r1'],
    ['/workbench?x=1', '/workbench?x=1'],
    [null, null],
    ['https://evil.example', null],
    ['//evil.example/path', null],
    ['/login?next=/x', null],
  ])('%s → %s', (input, expected) => expect(safeNext(input)).toBe(expected));
});
