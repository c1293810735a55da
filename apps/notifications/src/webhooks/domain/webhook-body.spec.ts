import { acceptedBy, dingtalkSignedUrl, webhookBody } from './webhook-body';

const event = {
  id: 'd-1',
  event: 'sla.breached' as const,
  occurredAt: '2026-03-02T01:00:00.000Z',
  data: { requestId: 'r-1', referenceNo: 'QF-2026-000042', message: '工单 QF-2026-000042 已超时 · QF-2026-000042 missed its deadline' },
};

describe('webhook bodies', () => {
  it('sends Qifu JSON, or a text message for WeChat-work and DingTalk bots', () => {
    expect(JSON.parse(webhookBody('qifu', event))).toEqual(event);
    for (const format of ['wecom', 'dingtalk'] as const) {
      expect(JSON.parse(webhookBody(format, event))).toEqual({
        msgtype: 'text',
        text: { content: '【企服 Qifu】工单 QF-2026-000042 已超时 · QF-2026-000042 missed its deadline' },
      });
    }
  });

  it("signs DingTalk URLs the way DingTalk checks them (base64 HMAC-SHA256 of 'timestamp\\nsecret')", () => {
    const url = new URL(
      dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SEC0123456789abcdef', 1_700_000_000_000),
    );
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toBe('TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=');
    expect(url.search).toContain('sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D');
  });

  it.each([
    ['qifu', 204, '', true],
    ['qifu', 500, '', false],
    ['qifu', null, '', false],
    ['wecom', 200, '{"errcode":0,"errmsg":"ok"}', true],
    ['wecom', 200, '{"errcode":45009,"errmsg":"api freq out of limit"}', false],
    ['dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}', false],
    ['dingtalk', 200, 'ok', false],
    ['dingtalk', 302, '{"errcode":0}', false],
  ] as const)('%s answered %s %s → accepted %s', (format, status, body, ok) => {
    expect(acceptedBy(format, status, body).ok).toBe(ok);
  });

  it('says what the bot said when it refused', () => {
    expect(acceptedBy('wecom', 200, '{"errcode":45009,"errmsg":"api freq out of limit"}').error).toBe(
      'the bot answered errcode 45009: api freq out of limit',
    );
  });
});
