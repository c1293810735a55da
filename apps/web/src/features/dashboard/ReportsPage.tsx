import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Empty, Progress, Row, Select, Space, Statistic } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiBlob, saveBlob } from '../../api/client';
import { useSession } from '../../auth/use-session';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useNotifyError } from '../../shared/errors/use-notify-error';
import { dayjs, ZONE } from '../../shared/time';
import { PageFallback } from '../../app/PageFallback';
import { useDepartments } from '../org/org-api';
import { asPercent, normaliseBreakdown, useSummary } from './dashboard-api';

// The chart library is only downloaded with this page.
const BreakdownChart = lazy(() => import('./ReportCharts'));

type Range = [dayjs.Dayjs, dayjs.Dayjs];

/** A date range in Beijing days → from (start of the first day) and to (start of the day after the last). */
export function rangeQuery([start, end]: Range): { from: string; to: string } {
  const from = dayjs.tz(start.format('YYYY-MM-DD'), ZONE);
  const to = dayjs.tz(end.format('YYYY-MM-DD'), ZONE).add(1, 'day');
  return { from: from.format(), to: to.format() };
}

function Rate({ title, value }: { title: string; value: number | null | undefined }) {
  const { t } = useTranslation();
  const pct = asPercent(value);
  return (
    <Card size="small" style={{ textAlign: 'center' }}>
      <div style={{ marginBottom: 8 }}>{title}</div>
      <Progress
        type="dashboard"
        percent={pct ?? 0}
        format={() => (pct === null ? t('dashboard.noRate') : `${pct}%`)}
        status={pct !== null && pct < 90 ? 'exception' : 'normal'}
      />
    </Card>
  );
}

export default function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const session = useSession();
  const departments = useDepartments();
  const [range, setRange] = useState<Range>(() => [dayjs().tz(ZONE).subtract(29, 'day'), dayjs().tz(ZONE)]);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [downloading, setDownloading] = useState(false);
  const q = { ...rangeQuery(range), ...(departmentId ? { departmentId } : {}) };
  const summary = useSummary(q);
  const s = summary.data;
  const metricLabel = (m: string) => t(`dashboard.${m === 'breached' ? 'breachedCount' : m}`, { defaultValue: m });

  const download = async () => {
    setDownloading(true);
    try {
      const { blob, filename } = await apiBlob('/reports/requests.csv', { query: rangeQuery(range) });
      saveBlob(blob, filename ?? `qifu-ledger-${range[0].format('YYYYMMDD')}-${range[1].format('YYYYMMDD')}.csv`);
      void message.success(t('common.done'));
    } catch (e) {
      notifyError(e);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          <span>{t('dashboard.range')}</span>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            aria-label={t('dashboard.range')}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          {session?.user.role === 'admin' && (departments.data?.items.length ?? 0) > 0 && (
            <Select
              allowClear
              placeholder={t('dashboard.department')}
              aria-label={t('dashboard.department')}
              style={{ width: 200 }}
              value={departmentId}
              onChange={setDepartmentId}
              options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          )}
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
            {t('dashboard.downloadCsv')}
          </Button>
        </Space>
      </Card>
      {summary.error && <ApiErrorAlert error={summary.error} />}
      <Row gutter={[16, 16]}>
        {(
          [
            ['filed', s?.filed],
            ['resolved', s?.resolved],
            ['open', s?.open],
            ['breachedCount', s?.breached],
          ] as const
        ).map(([k, v]) => (
          <Col key={k} xs={12} md={6}>
            <Card size="small" loading={summary.isLoading}>
              <Statistic
                title={t(`dashboard.${k}`)}
                value={v ?? '—'}
                styles={k === 'breachedCount' && v ? { content: { color: '#cf1322' } } : undefined}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} md={8}>
          <Rate title={t('dashboard.onTimeRate')} value={s?.onTimeResolutionRate} />
        </Col>
        <Col xs={24} md={8}>
          <Rate title={t('dashboard.responseRate')} value={s?.responseMetRate} />
        </Col>
        <Col xs={24} md={8}>
          <Rate title={t('dashboard.satisfactionRate')} value={s?.satisfactionRate} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        {(
          [
            [
              'byCategory',
              normaliseBreakdown(s?.byCategory).map((r) => ({
                ...r,
                label: t(`category.${r.key}`, { defaultValue: r.label }),
              })),
            ],
            ['byOfficer', normaliseBreakdown(s?.byOfficer)],
          ] as const
        ).map(([k, rows]) => (
          <Col key={k} xs={24} xl={12}>
            <Card title={t(`dashboard.${k}`)} loading={summary.isLoading}>
              {rows.length === 0 ? (
                <Empty />
              ) : (
                <Suspense fallback={<PageFallback />}>
                  <BreakdownChart rows={rows} metricLabel={metricLabel} />
                </Suspense>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
