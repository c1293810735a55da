import { createHmac } from 'node:crypto';
import type { NotificationType, WebhookFormat } from '@qifu/contracts';

export interface WebhookEvent {
  /** The delivery id (the same on every retry). */
  id: string;
  event: NotificationType;
  occurredAt: string;
  data: { requestId: string; referenceNo: string; message: string };
}

/**
 * The exact body sent for a delivery. `qifu`: the event as JSON. Group bots get a text message:
 * WeChat-work and DingTalk both take `{"msgtype":"text","text":{"content":…}}`.
 */
export function webhookBody(format: WebhookFormat, e: WebhookEvent): string {
  if (format === 'qifu') return JSON.stringify(e);
  return JSON.stringify({ msgtype: 'text', text: { content: `【企服 Qifu】${e.data.message}` } });
}

/** DingTalk's "加签": `timestamp` and `sign` = base64 HMAC-SHA256 of "timestamp\nsecret", added to the URL. */
export function dingtalkSignedUrl(url: string, secret: string, nowMs: number): string {
  const sign = createHmac('sha256', secret).update(`${nowMs}\n${secret}`, 'utf8').digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(nowMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/**
 * Did the receiver accept it? Any 2xx for `qifu`; group bots answer 200 with `{"errcode": 0}` on
 * success and another errcode (rate limit, bad key, bad signature) on failure.
 */
export function acceptedBy(format: WebhookFormat, statusCode: number | null, body: string): { ok: boolean; error: string | null } {
  if (statusCode === null || statusCode < 200 || statusCode >= 300) {
    return { ok: false, error: `the receiver answered HTTP ${statusCode ?? '?'}` };
  }
  if (format === 'qifu') return { ok: true, error: null };
  try {
    const reply = JSON.parse(body) as { errcode?: unknown; errmsg?: unknown };
    if (reply.errcode === 0) return { ok: true, error: null };
    return { ok: false, error: `the bot answered errcode ${String(reply.errcode)}: ${String(reply.errmsg ?? '')}` };
  } catch {
    return { ok: false, error: 'the bot did not answer JSON with an errcode' };
  }
}
