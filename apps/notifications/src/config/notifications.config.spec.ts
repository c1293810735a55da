import 'reflect-metadata';
import { configProblems, loadConfig } from '@qifu/config';
import { NotificationsConfig } from './notifications.config';

const problems = (env: Record<string, string>): string[] => configProblems(NotificationsConfig, env);

describe('notifications settings', () => {
  it('has working defaults: no email, no internal webhook targets', () => {
    const c = loadConfig(NotificationsConfig, {});
    expect([c.SMTP_URL, c.WEBHOOK_ALLOWED_HOSTS, c.WEBHOOK_MAX_ATTEMPTS, c.WEBHOOK_BACKOFF_MS]).toEqual([undefined, '', 8, 5000]);
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.cn' }, 'SMTP_URL'],
    [{ WEBHOOK_MAX_ATTEMPTS: '0' }, 'WEBHOOK_MAX_ATTEMPTS'],
    [{ WEBHOOK_TIMEOUT_MS: 'soon' }, 'WEBHOOK_TIMEOUT_MS'],
    [{ PUBLIC_URL: 'desk.example.cn' }, 'PUBLIC_URL'],
  ])('names a bad %j', (env, name) => {
    expect(problems(env).join('\n')).toContain(name);
  });
});
