import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FileAddOutlined,
  InboxOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  SendOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../api/types';

interface Entry {
  key: string;
  label: string;
  icon: ReactNode;
}
interface Group {
  key: string;
  label: string;
  children: Entry[];
}

const PORTAL: Group = {
  key: 'portal',
  label: 'nav.portal',
  children: [
    { key: '/portal/requests', label: 'nav.myRequests', icon: <ProfileOutlined /> },
    { key: '/portal/new', label: 'nav.newRequest', icon: <FileAddOutlined /> },
  ],
};
const WORKBENCH: Group = {
  key: 'workbench',
  label: 'nav.workbench',
  children: [{ key: '/workbench', label: 'nav.myQueue', icon: <InboxOutlined /> }],
};
const DASHBOARD: Group = {
  key: 'dashboard',
  label: 'nav.dashboard',
  children: [
    { key: '/dashboard', label: 'nav.overview', icon: <DashboardOutlined /> },
    { key: '/dashboard/reviews', label: 'nav.reviews', icon: <AuditOutlined /> },
    { key: '/dashboard/reports', label: 'nav.reports', icon: <BarChartOutlined /> },
    { key: '/qr', label: 'nav.qrCodes', icon: <QrcodeOutlined /> },
  ],
};
const ADMIN: Group = {
  key: 'admin',
  label: 'nav.admin',
  children: [
    { key: '/settings/departments', label: 'nav.departments', icon: <ApartmentOutlined /> },
    { key: '/settings/users', label: 'nav.users', icon: <TeamOutlined /> },
    { key: '/settings/companies', label: 'nav.companies', icon: <BankOutlined /> },
    { key: '/settings/sla', label: 'nav.slaPolicies', icon: <ClockCircleOutlined /> },
    { key: '/settings/calendars', label: 'nav.calendars', icon: <CalendarOutlined /> },
    { key: '/settings/webhooks', label: 'nav.webhooks', icon: <SendOutlined /> },
  ],
};

/** Role decides the menu: company → portal; officer → workbench; supervisor → dashboard + workbench; admin → admin + dashboard. */
export function menuGroupsFor(role: Role): Group[] {
  switch (role) {
    case 'company':
      return [PORTAL];
    case 'officer':
      return [WORKBENCH];
    case 'supervisor':
      return [DASHBOARD, WORKBENCH];
    case 'admin':
      return [ADMIN, DASHBOARD];
  }
}

export function menuItems(role: Role, t: (k: string) => string): MenuProps['items'] {
  return menuGroupsFor(role).map((g) => ({
    key: g.key,
    type: 'group' as const,
    label: t(g.label),
    children: g.children.map((c) => ({ key: c.key, icon: c.icon, label: t(c.label) })),
  }));
}

/** The menu key that matches a path best (longest prefix). */
export function selectedKey(role: Role, pathname: string): string | undefined {
  const keys = menuGroupsFor(role).flatMap((g) => g.children.map((c) => c.key));
  return keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
}

export const ALERT_ICON = <AlertOutlined />;
