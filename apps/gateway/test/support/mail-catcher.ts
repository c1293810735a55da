import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
  raw: string;
}

/** `=?UTF-8?B?…?=` / `=?UTF-8?Q?…?=` encoded words, as mail clients show them. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g, (_m, _cs: string, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding?.toLowerCase() === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

function split(raw: string): [string, string] {
  const i = raw.search(/\r?\n\r?\n/);
  return i < 0 ? [raw, ''] : [raw.slice(0, i), raw.slice(i).replace(/^\r?\n\r?\n/, '')];
}

/** The text/plain part of a (possibly multipart) message, decoded. */
function plainText(raw: string): string {
  const [head, body] = split(raw);
  const headers = parseHeaders(head);
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return type.startsWith('text/plain') ? decodeBody(body, headers['content-transfer-encoding']) : '';
  for (const part of body.split(`--${boundary}`)) {
    const text = plainText(part.replace(/^\r?\n/, ''));
    if (text) return text;
  }
  return '';
}

/** A real SMTP server standing in for the zone's mail relay; `refuse` decides per recipient and try. */
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  readonly tries = new Map<string, number>();
  private server?: SMTPServer;
  port = 0;
  refuse: (to: string, nth: number) => { code: number; message: string } | null = () => null;

  static async start(): Promise<MailCatcher> {
    const c = new MailCatcher();
    c.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const to = address.address.toLowerCase();
        const nth = (c.tries.get(to) ?? 0) + 1;
        c.tries.set(to, nth);
        const refusal = c.refuse(to, nth);
        if (!refusal) return callback();
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (b: Buffer) => chunks.push(b));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const headers = parseHeaders(split(raw)[0]);
          c.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: decodeWords(headers.subject ?? ''),
            text: plainText(raw),
            headers,
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => c.server!.listen(0, '127.0.0.1', resolve));
    c.port = (c.server.server.address() as AddressInfo).port;
    return c;
  }

  to(address: string): CaughtMail[] {
    return this.mails.filter((m) => m.to.includes(address.toLowerCase()));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
