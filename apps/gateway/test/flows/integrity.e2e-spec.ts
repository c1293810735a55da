import type { RequestView } from '@qifu/contracts';
import { withDefaultUser } from '@qifu/database';
import { Client } from 'pg';
import { Api } from '../support/api';
import { anAssignedRequest, aZone, type Zone } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(60_000);

describe('integrity: concurrent moves and the append-only timeline', () => {
  let sys: TestSystem;
  let z: Zone;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'integrity' });
    z = await aZone(await new Api(sys.baseUrl).login('admin', 'admin'), { capacity: 20 });
  });

  afterAll(async () => {
    await sys?.stop();
  });

  it('never lets two concurrent moves on one request both win', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await anAssignedRequest(z);
      await z.officer.ok(z.officer.post(`/requests/${r.id}/accept`), [200]);
      const [resolve, cancel] = await Promise.all([
        z.officer.post<RequestView>(`/requests/${r.id}/resolve`, { resolution: '已办结' }),
        z.companyApi.post<RequestView>(`/requests/${r.id}/cancel`, { reason: '不需要了' }),
      ]);
      const statuses = [resolve.status, cancel.status].sort();
      expect(statuses).toEqual([200, 409]);
      const winner = resolve.status === 200 ? 'resolved' : 'cancelled';
      expect((await z.companyApi.request(r.id)).status).toBe(winner);
      const moves = (await z.companyApi.timeline(r.id)).filter((e) => e.type === 'resolved' || e.type === 'cancelled');
      expect(moves.map((e) => e.toStatus)).toEqual([winner]);
    }
  });

  it('keeps the timeline append-only even for someone with SQL access', async () => {
    const r = await anAssignedRequest(z);
    const db = new Client({ connectionString: withDefaultUser(sys.databaseUrl) });
    await db.connect();
    try {
      await expect(db.query(`UPDATE requests.request_events SET message = 'rewritten' WHERE request_id = $1`, [r.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query(`DELETE FROM requests.request_events WHERE request_id = $1`, [r.id])).rejects.toThrow(/append-only/);
    } finally {
      await db.end();
    }
    expect((await z.companyApi.timeline(r.id)).map((e) => e.type)).toContain('filed');
  });
});
