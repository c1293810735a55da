import { render, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { createQueryClient } from '../api/query-client';
import type { Role } from '../api/types';
import { saveSession } from '../auth/token-store';
import { changeLanguage } from '../i18n';
import { fakeApi } from '../test/fake-api';
import { Providers } from './App';
import { routes } from './router';

const pages: [string, Role, RegExp][] = [
  ['/portal/requests', 'company', /QF-2026-000123/],
  ['/portal/new', 'company', /选择诉求类别/],
  ['/portal/requests/r1', 'company', /办理过程/],
  ['/workbench', 'officer', /我的待办/],
  ['/workbench/cases/r1', 'officer', /添加备注/],
  ['/dashboard', 'supervisor', /人员负荷/],
  ['/dashboard/reviews', 'supervisor', /差评核实/],
  ['/dashboard/reports', 'supervisor', /按时办结率/],
  ['/qr', 'supervisor', /企业服务科/],
  ['/settings/departments', 'admin', /QFK/],
  ['/settings/users', 'admin', /李帮办/],
  ['/settings/companies', 'admin', /GET \/companies/],
  ['/settings/sla', 'admin', /PT4H/],
  ['/settings/calendars', 'admin', /工作时间/],
  ['/settings/webhooks', 'admin', /GET \/webhooks/],
];

describe('every page renders against a plausible API (no blank page, no error boundary)', () => {
  beforeAll(async () => {
    vi.stubGlobal('fetch', vi.fn(fakeApi));
    await changeLanguage('zh-CN');
  });
  afterAll(() => vi.unstubAllGlobals());

  it.each(pages)('%s as %s', async (path, role, expected) => {
    saveSession('token', {
      id: 'u-' + role,
      username: role,
      displayName: role,
      role,
      companyId: role === 'company' ? 'c1' : null,
    });
    const client = createQueryClient();
    client.setDefaultOptions({ queries: { retry: false } });
    render(
      <Providers client={client}>
        <RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />
      </Providers>,
    );
    expect((await screen.findAllByText(expected, {}, { timeout: 8000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText('页面出错了')).not.toBeInTheDocument();
  });
});
