import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { i18n } from '../i18n';

interface Props {
  children: ReactNode;
  /** Changing this (e.g. the path) clears a caught error. */
  resetKey?: string;
}
interface State {
  error: Error | null;
}

/** Never a blank page: a render error shows a message with a way out. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('UI error', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const t = i18n.t.bind(i18n);
    const chunkFailed = /dynamically imported module|Loading chunk|Importing a module script failed/i.test(
      this.state.error.message,
    );
    return (
      <Result
        status="error"
        title={t('errors.boundaryTitle')}
        subTitle={t('errors.boundaryText')}
        extra={[
          <Button
            key="retry"
            type="primary"
            onClick={() => (chunkFailed ? window.location.reload() : this.setState({ error: null }))}
          >
            {chunkFailed ? t('actions.reload') : t('actions.retry')}
          </Button>,
          <Button key="home" href="/">
            {t('actions.back')}
          </Button>,
        ]}
      />
    );
  }
}

/** The router's error element: the same friendly page for errors thrown while routing or rendering a route. */
export function RouteError() {
  const error = useRouteError();
  const t = i18n.t.bind(i18n);
  console.error('Route error', error);
  return (
    <Result
      status="error"
      title={t('errors.boundaryTitle')}
      subTitle={t('errors.boundaryText')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('actions.reload')}
        </Button>
      }
    />
  );
}
