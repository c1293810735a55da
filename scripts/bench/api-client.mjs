// A benchmark's HTTP client for the public API (node:http with a keep-alive agent).
import http from 'node:http';

/**
 * `api` and `must` (throws past 2xx) for the API at `base`. At most `connections` connections stay
 * open and are reused, as browsers and a reverse proxy in front of the gateway do; a request finding
 * them all busy waits in the client, and that wait counts in its latency. (One new connection per
 * request makes the gateway spend its time accepting connections: hundreds wait in its accept queue
 * at 200/s.)
 */
export function apiClient(base, connections) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

  function api(method, path, token, body) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${base}/api/v1${path}`,
        {
          method,
          agent,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async function must(method, path, token, body) {
    const r = await api(method, path, token, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  return { api, must };
}
