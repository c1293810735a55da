// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mergeNotification } from './notifications-api';
import { parseNotificationEvent } from './use-notification-stream';

const n = {
  id: 'n1',
  type: 'sla.breached',
  requestId: 'r1',
  referenceNo: 'QF-2026-000001',
  message: 'Breached',
  createdAt: '2026-11-23T01:00:00Z',
  readAt: null,
};

describe('live notifications', () => {
  it('reads an SSE data payload', () => {
    expect(parseNotificationEvent(JSON.stringify(n))).toEqual(n);
    expect(parseNotificationEvent('not json')).toBeNull();
    expect(parseNotificationEvent('{"hello":1}')).toBeNull();
  });
  it('puts a new notification first and never twice', () => {
    const list = mergeNotification([{ ...n, id: 'n0' }], n);
    expect(list.map((x) => x.id)).toEqual(['n1', 'n0']);
    expect(mergeNotification(list, n).map((x) => x.id)).toEqual(['n1', 'n0']);
  });
});
