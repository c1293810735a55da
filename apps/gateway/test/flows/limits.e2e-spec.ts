import { Api } from '../support/api';
import { aCompany, aUser, fileHiring, PASSWORD } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(60_000);

describe('limits at the door', () => {
  let sys: TestSystem;
  let admin: Api;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'limits', env: { LOGIN_RATE_LIMIT: '3', FILING_RATE_LIMIT: '2', BODY_LIMIT: '16kb' } });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
  });

  afterAll(async () => {
    await sys?.stop();
  });

  it('slows down password guessing: past the limit a 429 with Retry-After, other users unaffected', async () => {
    const anon = new Api(sys.baseUrl);
    const user = await aUser(admin, { role: 'officer' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await anon.post('/auth/login', { username: user.username, password: 'wrong-guess' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await anon.post<{ code: string; message: string }>('/auth/login', { username: user.username, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after-login'))).toBeGreaterThan(0);
    const other = await aUser(admin, { role: 'officer' });
    expect((await anon.post('/auth/login', { username: other.username, password: PASSWORD })).status).toBe(200);
  });

  it('limits filing per user, not per company or address', async () => {
    const company = await aCompany(admin);
    const first = await new Api(sys.baseUrl).login((await aUser(admin, { role: 'company', companyId: company.id })).username, PASSWORD);
    const second = await new Api(sys.baseUrl).login((await aUser(admin, { role: 'company', companyId: company.id })).username, PASSWORD);
    await fileHiring(first);
    await fileHiring(first);
    const third = await first.post<{ code: string }>('/requests', { category: 'other', title: 't', description: 'd', details: {} });
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('RATE_LIMITED');
    await fileHiring(second);
  });

  it('refuses a body over the limit with 413 and sends security headers', async () => {
    const res = await admin.post<{ code: string }>('/departments', { name: 'x'.repeat(20_000), code: 'BIG' });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps idle connections open longer than a proxy in front of it does (65 s, not the 5 s of Node)', async () => {
    const res = await fetch(`${sys.baseUrl}/health/live`);
    expect(res.status).toBe(200);
    expect(res.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('refuses a forged or expired token with 401', async () => {
    const [head, , sig] = (admin as unknown as { token: string }).token.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ sub: 'x', role: 'admin', exp: 4102444800 })).toString('base64url')}.${sig}`;
    expect((await new Api(sys.baseUrl, forged).get('/users')).status).toBe(401);
    expect((await new Api(sys.baseUrl, 'not-a-token').get('/users')).status).toBe(401);
  });
});
