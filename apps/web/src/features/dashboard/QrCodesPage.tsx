import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../api/types';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useDepartments } from '../org/org-api';

/** The filing page a centre's QR code opens (the centre is shown on the form). */
export function filingUrl(origin: string, centre?: Pick<Department, 'code'>): string {
  return `${origin}/portal/new${centre ? `?centre=${encodeURIComponent(centre.code)}` : ''}`;
}

export default function QrCodesPage() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const origin = window.location.origin;
  const centres = departments.data?.items ?? [];
  const cards: { key: string; name: string; url: string }[] =
    centres.length > 0
      ? centres.map((d) => ({ key: d.id, name: d.name, url: filingUrl(origin, d) }))
      : [{ key: 'zone', name: t('app.fullName'), url: filingUrl(origin) }];
  return (
    <Card
      title={t('admin.qr.title')}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
          {t('actions.print')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" className="no-print">
        {t('admin.qr.help')}
      </Typography.Paragraph>
      {departments.error && <ApiErrorAlert error={departments.error} />}
      <div className="qr-grid">
        {cards.map((c) => (
          <Card key={c.key} className="qr-card" size="small">
            <Typography.Title level={4}>{c.name}</Typography.Title>
            <QRCode value={c.url} size={200} style={{ margin: '0 auto' }} bordered={false} />
            <Typography.Paragraph style={{ marginTop: 8 }}>{t('admin.qr.scan')}</Typography.Paragraph>
            <Typography.Text type="secondary" copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {c.url}
            </Typography.Text>
          </Card>
        ))}
      </div>
    </Card>
  );
}
