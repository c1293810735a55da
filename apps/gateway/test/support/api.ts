import type { Page, RequestView, TimelineEntryView, NotificationView } from '@qifu/contracts';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client for the public API, as an outside client would use it. */
export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string): Api {
    return new Api(this.baseUrl, token);
  }

  async call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const url =
      path.startsWith('/health') || path.startsWith('/metrics') || path.startsWith('/docs')
        ? `${this.baseUrl}${path}`
        : `${this.baseUrl}/api/v1${path}`;
    const res = await fetch(url, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.call<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.call<T>('POST', path, body ?? {}, headers);
  }

  async ok<T>(res: Promise<ApiResponse<T>>, expected = [200, 201]): Promise<T> {
    const r = await res;
    if (!expected.includes(r.status)) throw new Error(`expected ${expected.join('/')}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async login(username: string, password: string): Promise<Api> {
    const body = await this.ok(this.post<{ accessToken: string }>('/auth/login', { username, password }), [200]);
    return this.as(body.accessToken);
  }

  request(id: string): Promise<RequestView> {
    return this.ok(this.get<RequestView>(`/requests/${id}`), [200]);
  }

  timeline(id: string): Promise<TimelineEntryView[]> {
    return this.ok(this.get<TimelineEntryView[]>(`/requests/${id}/timeline`), [200]);
  }

  notifications(): Promise<Page<NotificationView>> {
    return this.ok(this.get<Page<NotificationView>>('/notifications?pageSize=100'), [200]);
  }
}
