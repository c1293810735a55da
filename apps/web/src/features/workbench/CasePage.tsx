import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../auth/use-session';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useNow } from '../../shared/use-now';
import { RequestSummary } from '../requests/RequestDetails';
import { RequestTimeline } from '../requests/RequestTimeline';
import { awaitingSetup, useRequest, useTimeline } from '../requests/requests-api';
import { CaseActions } from './CaseActions';
import { CommentBox } from './CommentBox';

export default function CasePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const now = useNow(15_000);
  const request = useRequest(id);
  const timeline = useTimeline(id, awaitingSetup(request.data));
  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} style={{ paddingInline: 0 }}>
        {t('actions.back')}
      </Button>
      {request.error && <ApiErrorAlert error={request.error} />}
      {request.isLoading && <Skeleton active />}
      {request.data && session && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card>
              <RequestSummary request={request.data} now={now} showCompany />
            </Card>
            <Card title={t('detail.actions')} style={{ marginTop: 16 }}>
              <CaseActions request={request.data} user={session.user} timeline={timeline.data ?? []} />
            </Card>
            {request.data.status !== 'cancelled' && (
              <Card title={t('case.comment')} style={{ marginTop: 16 }}>
                <CommentBox requestId={request.data.id} />
              </Card>
            )}
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t('detail.timeline')}>
              <RequestTimeline events={timeline.data} loading={timeline.isLoading} error={timeline.error} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
