import 'reflect-metadata';
import { ConfigError, loadConfig } from '@qifu/config';
import { NotificationsConfig } from './notifications.config';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(NotificationsConfig, env);
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
};

describe('notifications settings', () => {
  it('has working defaults: no email, no internal webhook targets', () => {
    const c = loadConfig(NotificationsConfig, {});
    expect([c.SMTP_URL, c.WEBHOOK_ALLOWED_HOSTS, c.WEBHOOK_MAX_ATTEMPTS, c.WEBHOOK_BACKOFF_MS]).toEqual([undefined, '', 8, 5000]);
  });

  it('runs at nice 10 unless PROCESS_NICE says otherwise (0–19)', () => {
    expect(loadConfig(NotificationsConfig, {}).PROCESS_NICE).toBe(10);
    expect(loadConfig(NotificationsConfig, { PROCESS_NICE: '0' }).PROCESS_NICE).toBe(0);
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.cn' }, 'SMTP_URL'],
    [{ WEBHOOK_MAX_ATTEMPTS: '0' }, 'WEBHOOK_MAX_ATTEMPTS'],
    [{ WEBHOOK_TIMEOUT_MS: 'soon' }, 'WEBHOOK_TIMEOUT_MS'],
    [{ PUBLIC_URL: 'desk.example.cn' }, 'PUBLIC_URL'],
    [{ PROCESS_NICE: '20' }, 'PROCESS_NICE'],
    [{ PROCESS_NICE: '-5' }, 'PROCESS_NICE'],
  ])('names a bad %j', (env, name) => {
    expect(problems(env).join('\n')).toContain(name);
  });
});
