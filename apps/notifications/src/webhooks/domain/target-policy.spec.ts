import { allowListProblem, judgeAddress, judgeUrl, parseAllowList } from './target-policy';
import { signBody, verifySignature } from './webhook-signature';

const none = parseAllowList('');

describe('webhook target policy', () => {
  it.each([
    ['203.0.113.9', false], // TEST-NET-3 is reserved
    ['8.8.8.8', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false], // cloud metadata
    ['100.64.0.1', false], // carrier-grade NAT
    ['0.0.0.0', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false], // IPv4-mapped loopback
    ['::ffff:8.8.8.8', true],
    ['2001:4860:4860::8888', true],
  ])('%s allowed: %s', (address, ok) => {
    expect(judgeAddress('example.cn', address, none).ok).toBe(ok);
  });

  it('lets the allow-list open hosts, single addresses and ranges', () => {
    const allow = parseAllowList('hooks.zone.local, 127.0.0.1 ,10.8.0.0/16');
    expect(judgeAddress('hooks.zone.local', '192.168.5.5', allow).ok).toBe(true);
    expect(judgeAddress('other.local', '127.0.0.1', allow).ok).toBe(true);
    expect(judgeAddress('x', '10.8.200.1', allow).ok).toBe(true);
    expect(judgeAddress('x', '10.9.0.1', allow).ok).toBe(false);
    expect(judgeAddress('x', '::1', allow).ok).toBe(false);
    expect(allowListProblem('10.0.0.0/99')).toContain('10.0.0.0/99');
    expect(allowListProblem('10.0.0.0/8,hooks.local')).toBeNull();
  });

  it('refuses bad URLs and internal literals, and says why', () => {
    expect(judgeUrl('ftp://example.cn/x', none)).toEqual({ ok: false, reason: 'url must use http or https' });
    expect(judgeUrl('not a url', none).ok).toBe(false);
    expect(judgeUrl('https://u:p@example.cn/', none).ok).toBe(false);
    const local = judgeUrl('http://localhost:8080/hook', none);
    expect(local.ok ? '' : local.reason).toContain('WEBHOOK_ALLOWED_HOSTS');
    expect(judgeUrl('http://[::1]/hook', none).ok).toBe(false);
    expect(judgeUrl('http://127.0.0.1:9/hook', parseAllowList('127.0.0.1')).ok).toBe(true);
    expect(judgeUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', none).ok).toBe(true);
  });
});

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of the body and verifies only with the same secret and body', () => {
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac s3cret
    expect(signBody('s3cret', '{"a":1}')).toBe('sha256=5910e62016ef5034272c926c27071992a465c2335cecf41851bda071577f4f6d');
    const sig = signBody('s3cret', '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature('s3cret', '{"a":1}', sig)).toBe(true);
    expect(verifySignature('other', '{"a":1}', sig)).toBe(false);
    expect(verifySignature('s3cret', '{"a":2}', sig)).toBe(false);
    expect(verifySignature('s3cret', '{"a":1}', undefined)).toBe(false);
  });
});
