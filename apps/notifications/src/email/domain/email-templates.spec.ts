import { NOTIFICATION_TYPES } from '@qifu/contracts';
import { renderEmail } from './email-templates';

const input = {
  type: 'sla.breached' as const,
  referenceNo: 'QF-2026-000042',
  text: { zh: '工单 QF-2026-000042 已超时（办结）', en: 'QF-2026-000042 missed its resolution deadline' },
  link: null,
};

describe('alert email templates', () => {
  it('writes Chinese for zh-CN readers', () => {
    const mail = renderEmail('zh-CN', input);
    expect(mail.subject).toBe('[企服] 超时告警：QF-2026-000042');
    expect(mail.text).toContain('工单 QF-2026-000042 已超时（办结）');
    expect(mail.text).not.toContain('missed');
    expect(mail.html).toContain('lang="zh-CN"');
  });

  it('writes English for en readers', () => {
    const mail = renderEmail('en', input);
    expect(mail.subject).toBe('[Qifu] Deadline missed: QF-2026-000042');
    expect(mail.text).toContain('missed its resolution deadline');
    expect(mail.text).not.toContain('超时');
  });

  it('escapes what came from users in the HTML and adds the link when there is one', () => {
    const mail = renderEmail('en', {
      ...input,
      text: { zh: '', en: '<script>alert(1)</script> & more' },
      link: 'https://desk.example.cn/requests/1?a=1&b=2',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(mail.html).toContain('href="https://desk.example.cn/requests/1?a=1&amp;b=2"');
    expect(mail.text).toContain('Open the case: https://desk.example.cn/requests/1?a=1&b=2');
  });

  it('has a title for every notification type in both languages', () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const locale of ['zh-CN', 'en'] as const) expect(renderEmail(locale, { ...input, type }).subject).not.toContain('undefined');
    }
  });
});
