import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ServiceRequest } from '../../api/types';
import { renderWithApp } from '../../test/render';
import { RequestsTable } from './RequestsTable';

const now = new Date('2026-11-23T02:00:00Z');
function aRow(
  id: string,
  sla: Partial<NonNullable<ServiceRequest['sla']>>,
  status: ServiceRequest['status'] = 'in_progress',
): ServiceRequest {
  return {
    id,
    referenceNo: `QF-2026-00000${id}`,
    category: 'policy',
    title: `Case ${id}`,
    description: '',
    priority: 'normal',
    status,
    details: {},
    createdAt: '2026-11-20T02:00:00Z',
    sla: { state: 'running', escalationLevel: 0, resolutionDueAt: '2026-11-30T02:00:00Z', ...sla },
  };
}

describe('the queue shows each case in its SLA colour with the time left', () => {
  it('tints rows and labels the state', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithApp(
      <RequestsTable
        data={undefined}
        rows={[
          aRow('1', {}),
          aRow('2', { resolutionDueAt: '2026-11-23T04:30:00Z' }),
          aRow('3', { state: 'breached', resolutionDueAt: '2026-11-23T01:00:00Z' }),
          aRow('4', { state: 'paused' }, 'awaiting_company'),
        ]}
        loading={false}
        now={now}
        linkTo={(r) => `/workbench/cases/${r.id}`}
        tintRows
      />,
    );
    const card = (ref: string) => screen.getByText(new RegExp(ref)).closest('.ant-card');
    expect(card('QF-2026-000001')).toHaveClass('sla-row-on-track');
    expect(card('QF-2026-000002')).toHaveClass('sla-row-warning');
    expect(card('QF-2026-000003')).toHaveClass('sla-row-breached');
    expect(card('QF-2026-000004')).toHaveClass('sla-row-paused');
    expect(screen.getByText('正常 · 剩余 7天')).toBeInTheDocument();
    expect(screen.getByText('临期预警 · 剩余 2小时 30分')).toBeInTheDocument();
    expect(screen.getByText('已超时 · 超时 1小时')).toBeInTheDocument();
    vi.unstubAllGlobals();
  });
});
