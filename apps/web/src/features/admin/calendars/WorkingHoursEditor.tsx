import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkingHours } from '../../../api/types';
import { validHours } from './calendar-days';

export function WorkingHoursEditor({
  value,
  onChange,
}: {
  value: WorkingHours[];
  onChange: (v: WorkingHours[]) => void;
}) {
  const { t } = useTranslation();
  const names = t('admin.calendar.weekdays', { returnObjects: true }) as string[];
  const set = (i: number, patch: Partial<WorkingHours>) =>
    onChange(value.map((h, n) => (n === i ? { ...h, ...patch } : h)));
  return (
    <Space orientation="vertical">
      {value.map((h, i) => (
        <Space key={i} wrap>
          <Select
            aria-label={t('admin.calendar.weekday')}
            value={h.weekday}
            style={{ width: 100 }}
            onChange={(weekday) => set(i, { weekday })}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: names[d] ?? String(d) }))}
          />
          <Input
            aria-label={t('admin.calendar.open')}
            value={h.open}
            style={{ width: 80 }}
            onChange={(e) => set(i, { open: e.target.value })}
            status={validHours(h) ? undefined : 'error'}
          />
          <span>–</span>
          <Input
            aria-label={t('admin.calendar.close')}
            value={h.close}
            style={{ width: 80 }}
            onChange={(e) => set(i, { close: e.target.value })}
            status={validHours(h) ? undefined : 'error'}
          />
          <Button
            type="text"
            icon={<MinusCircleOutlined />}
            aria-label={t('actions.remove')}
            onClick={() => onChange(value.filter((_h, n) => n !== i))}
          />
        </Space>
      ))}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onChange([...value, { weekday: 1, open: '09:00', close: '17:00' }])}
      >
        {t('actions.add')}
      </Button>
      {value.some((h) => !validHours(h)) && (
        <Typography.Text type="danger">
          HH:mm, {t('admin.calendar.open')} &lt; {t('admin.calendar.close')}
        </Typography.Text>
      )}
    </Space>
  );
}
