import { Calendar as AntCalendar, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../api/types';
import type { dayjs } from '../../../shared/time';
import { dayKind } from './calendar-days';

/** A month view: holidays in red, make-up workdays in blue; a click on a day cycles its kind. */
export function MonthView({ calendar, onToggle }: { calendar: Calendar; onToggle: (date: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="red">{t('admin.calendar.holiday')}</Tag>
        <Tag color="blue">{t('admin.calendar.workday')}</Tag>
        <Tag>{t('admin.calendar.weekend')}</Tag>
        <Typography.Text type="secondary">{t('admin.calendar.legend')}</Typography.Text>
      </Space>
      <AntCalendar
        onSelect={(d: dayjs.Dayjs, info) => {
          if (info.source === 'date') onToggle(d.format('YYYY-MM-DD'));
        }}
        cellRender={(d: dayjs.Dayjs, info) => {
          if (info.type !== 'date') return info.originNode;
          const kind = dayKind(d.format('YYYY-MM-DD'), calendar);
          if (kind === 'holiday') return <div className="cal-cell-holiday">{t('admin.calendar.holiday')}</div>;
          if (kind === 'workday') return <div className="cal-cell-workday">{t('admin.calendar.workday')}</div>;
          if (kind === 'weekend')
            return <Typography.Text type="secondary">{t('admin.calendar.weekend')}</Typography.Text>;
          return null;
        }}
      />
    </>
  );
}
