import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { clearSession, getToken, saveSession } from '../auth/token-store';
import type { User } from '../api/types';
import { changeLanguage } from '../i18n';
import { jsonResponse } from '../test/render';
import { Providers } from './App';
import { routes } from './router';

const company: User = { id: 'u1', username: 'acme', displayName: '张经理', role: 'company', companyId: 'c1' };
const request = {
  id: 'r1',
  referenceNo: 'QF-2026-000123',
  category: 'hiring',
  title: '缺挡车工 20 名',
  description: '',
  priority: 'normal',
  status: 'in_progress',
  details: { positions: [{ title: '挡车工', headcount: 20 }] },
  createdAt: '2026-11-20T01:00:00Z',
  sla: { state: 'running', escalationLevel: 0, resolutionDueAt: '2099-11-25T01:00:00Z' },
};

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  render(
    <Providers client={client}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

describe('the app shell', () => {
  beforeEach(async () => {
    clearSession();
    await changeLanguage('zh-CN');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends a visitor without a session to login, remembering the page', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const router = renderAt('/portal/requests?status=closed');
    expect(await screen.findByText('登录企服')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/portal/requests?status=closed');
  });

  it('shows a company its requests and only the portal menu', async () => {
    saveSession('token-1', company);
    const fetchMock = vi.fn(async () => jsonResponse(200, { items: [request], total: 1, page: 1, pageSize: 20 }));
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/portal/requests');
    expect(
      (await screen.findAllByText('QF-2026-000123 · 缺挡车工 20 名', {}, { timeout: 5000 })).length,
    ).toBeGreaterThan(0);
    expect(screen.getAllByText('提交诉求').length).toBeGreaterThan(0);
    expect(screen.queryByText('督办看板')).not.toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls.find((c: unknown[]) =>
      String(c[0]).startsWith('/api/v1/requests'),
    ) as unknown as [string, RequestInit];
    expect(url).toContain('page=1');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer token-1');
  });

  it('returns to login after a 401 and keeps the way back', async () => {
    saveSession('expired', company);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(401, { statusCode: 401, code: 'UNAUTHORIZED', message: 'jwt expired' })),
    );
    const router = renderAt('/portal/requests');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'), { timeout: 5000 });
    expect(getToken()).toBeNull();
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/portal/requests');
    expect(await screen.findByText(/登录已过期/)).toBeInTheDocument();
  });

  it('refuses a page the role may not open with a 403, not a blank page', async () => {
    saveSession('token-1', company);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, [])),
    );
    renderAt('/settings/users');
    expect(await screen.findByText('您的账号无权访问此页面。')).toBeInTheDocument();
  });

  it('shows a clear banner on 503 and keeps what was typed', async () => {
    saveSession('token-1', company);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.startsWith('/api/v1/requests')
          ? jsonResponse(503, { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'requests service is down' })
          : jsonResponse(200, []),
      ),
    );
    renderAt('/portal/new');
    const title = await screen.findByRole('textbox', { name: /标题/ }, { timeout: 5000 });
    fireEvent.change(title, { target: { value: '缺挡车工' } });
    fireEvent.change(screen.getByRole('textbox', { name: /具体情况/ }), { target: { value: '二十人' } });
    fireEvent.change(screen.getByRole('textbox', { name: /岗位名称 1/ }), { target: { value: '挡车工' } });
    fireEvent.submit(title.closest('form') as HTMLFormElement);
    expect(await screen.findByText(/服务暂时不可用（503）/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('requests service is down')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /标题/ })).toHaveValue('缺挡车工');
  });
});
