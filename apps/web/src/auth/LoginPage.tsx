import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/api-error';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { ApiErrorAlert } from '../shared/errors/ApiErrorAlert';
import { login } from './auth-api';
import { saveSession } from './token-store';
import { homeFor, useSession } from './use-session';

/** Only same-site paths are followed after login (no open redirect). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNext(params.get('next'));
  const mutation = useMutation({
    mutationFn: (v: { username: string; password: string }) => login(v.username.trim(), v.password),
    onSuccess: (res) => {
      saveSession(res.accessToken, res.user);
      void navigate(next ?? homeFor(res.user.role), { replace: true });
    },
  });
  if (session && !mutation.isPending && !mutation.isSuccess)
    return <Navigate to={next ?? homeFor(session.user.role)} replace />;

  const err = mutation.error;
  return (
    <div className="login-page">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('auth.title')}
        </Typography.Title>
        {params.get('expired') && !err && (
          <Alert type="info" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
        )}
        {err &&
          (isApiError(err) && err.status === 401 ? (
            <Alert type="error" showIcon role="alert" title={t('auth.wrongCredentials')} style={{ marginBottom: 16 }} />
          ) : isApiError(err) && err.status === 429 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('auth.tooManyAttempts', { seconds: err.retryAfterSeconds ?? 60 })}
              style={{ marginBottom: 16 }}
            />
          ) : (
            <ApiErrorAlert error={err} style={{ marginBottom: 16 }} />
          ))}
        <Form
          layout="vertical"
          onFinish={(v: { username: string; password: string }) => mutation.mutate(v)}
          requiredMark={false}
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            {t('actions.login')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
