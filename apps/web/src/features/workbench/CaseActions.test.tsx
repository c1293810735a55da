import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceRequest, User } from '../../api/types';
import { changeLanguage } from '../../i18n';
import { jsonResponse, renderWithApp } from '../../test/render';
import { CaseActions, planBody, transferBody } from './CaseActions';
import { dayjs } from '../../shared/time';

const officer: User = { id: 'o1', username: 'li', displayName: '李帮办', role: 'officer' };
const supervisor: User = { id: 's1', username: 'wang', displayName: '王科长', role: 'supervisor' };
function aCase(status: ServiceRequest['status']): ServiceRequest {
  return {
    id: 'r1',
    referenceNo: 'QF-2026-000001',
    category: 'policy',
    title: 'Subsidy',
    description: '',
    priority: 'normal',
    status,
    details: {},
    createdAt: '2026-11-20T01:00:00Z',
    assignee: { id: 'o1', displayName: '李帮办' },
  };
}
const names = () => screen.queryAllByRole('button').map((b) => b.textContent.replace(/\s/g, ''));

describe('case actions by status and role', () => {
  beforeEach(() => changeLanguage('zh-CN'));
  afterEach(() => vi.unstubAllGlobals());

  it('an assigned case offers accept and transfer to its officer', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, [])),
    );
    renderWithApp(<CaseActions request={aCase('assigned')} user={officer} timeline={[]} />);
    expect(names()).toEqual(['受理', '转办']);
  });

  it('a case in progress offers every working action', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, [])),
    );
    renderWithApp(<CaseActions request={aCase('in_progress')} user={officer} timeline={[]} />);
    expect(names()).toEqual(['一次性告知补充材料', '制定办理计划', '办结', '转办']);
  });

  it('a bad rating is reviewed by the supervisor only', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, [])),
    );
    const { unmount } = renderWithApp(<CaseActions request={aCase('under_review')} user={officer} timeline={[]} />);
    expect(names()).toEqual([]);
    unmount();
    renderWithApp(<CaseActions request={aCase('under_review')} user={supervisor} timeline={[]} />);
    expect(names()).toEqual(['核实差评']);
  });

  it('accept posts to the API and a 409 is shown in words', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse(409, {
        statusCode: 409,
        error: 'Conflict',
        code: 'INVALID_TRANSITION',
        message: 'Request is in status closed',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithApp(<CaseActions request={aCase('assigned')} user={officer} timeline={[]} />);
    fireEvent.click(screen.getByRole('button', { name: /受\s*理/ }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[0]).toBe('/api/v1/requests/r1/accept');
    expect(await screen.findByText('当前状态下不能执行此操作')).toBeInTheDocument();
    expect(screen.getByText('Request is in status closed')).toBeInTheDocument();
  });

  it('builds transfer and plan bodies the API accepts', () => {
    expect(transferBody({ toOfficerId: 'o2', reason: ' wrong desk ' })).toEqual({
      toOfficerId: 'o2',
      reason: 'wrong desk',
    });
    expect(
      planBody({ milestones: [{ title: ' Bank visit ', dueAt: dayjs('2026-12-01 10:00') }], reason: 'needs a bank' }),
    ).toEqual({
      milestones: [{ title: 'Bank visit', dueAt: '2026-12-01T10:00:00+08:00' }],
      reason: 'needs a bank',
    });
  });
});
