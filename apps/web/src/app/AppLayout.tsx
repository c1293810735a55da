import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Role } from '../api/types';
import { clearSession } from '../auth/token-store';
import { useSession } from '../auth/use-session';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useNotificationStream } from '../features/notifications/use-notification-stream';
import { AvailabilityBanner } from './AvailabilityBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { PageFallback } from './PageFallback';
import { menuItems, selectedKey } from './menu';

export function requestPathFor(role: Role | undefined): (id: string) => string {
  return (id) => (role === 'company' ? `/portal/requests/${id}` : `/workbench/cases/${id}`);
}

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [collapsed, setCollapsed] = useState(true);
  const role = session?.user.role;
  const requestPath = useCallback((id: string) => requestPathFor(role)(id), [role]);
  const live = useNotificationStream(session?.token ?? null, requestPath);

  if (!session) return null;
  const { user } = session;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider
        breakpoint="md"
        collapsedWidth={0}
        collapsible
        collapsed={isPhone ? collapsed : false}
        // The zero-width trigger only makes sense on a phone (on wider screens the menu is always open).
        trigger={isPhone ? undefined : null}
        onCollapse={setCollapsed}
        width={208}
        theme="light"
        style={{ borderInlineEnd: '1px solid rgba(5,5,5,0.06)' }}
      >
        <div className="brand">{t('app.name')}</div>
        <Menu
          mode="inline"
          selectedKeys={[selectedKey(user.role, location.pathname) ?? '']}
          items={menuItems(user.role, t)}
          onClick={({ key }) => {
            void navigate(key);
            if (isPhone) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text strong className="app-title">
            {t('app.fullName')}
          </Typography.Text>
          <Space size="middle">
            <LanguageSwitch />
            <NotificationBell requestPath={requestPath} live={live} />
            <Dropdown
              menu={{
                items: [
                  { key: 'role', label: t(`auth.role.${user.role}`), disabled: true },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('actions.logout') },
                ],
                onClick: ({ key }) => {
                  if (key === 'logout') {
                    clearSession();
                    void navigate('/login');
                  }
                },
              }}
            >
              <Button type="text" icon={<UserOutlined />}>
                {isPhone ? null : user.displayName}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <AvailabilityBanner />
        <Layout.Content id="main" className="app-content">
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageFallback />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
