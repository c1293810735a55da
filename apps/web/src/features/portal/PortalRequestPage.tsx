import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useNow } from '../../shared/use-now';
import { RequestSummary } from '../requests/RequestDetails';
import { RequestTimeline } from '../requests/RequestTimeline';
import { awaitingSetup, useRequest, useTimeline } from '../requests/requests-api';
import { CompanyActions } from './CompanyActions';

export default function PortalRequestPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow();
  const request = useRequest(id);
  const timeline = useTimeline(id, awaitingSetup(request.data));
  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => void navigate('/portal/requests')}
        style={{ paddingInline: 0 }}
      >
        {t('list.myTitle')}
      </Button>
      {request.error && <ApiErrorAlert error={request.error} />}
      {request.isLoading && <Skeleton active />}
      {request.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card>
              <RequestSummary request={request.data} now={now} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <CompanyActions request={request.data} timeline={timeline.data ?? []} />
            <Card title={t('detail.timeline')} style={{ marginTop: 16 }}>
              <RequestTimeline events={timeline.data} loading={timeline.isLoading} error={timeline.error} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
