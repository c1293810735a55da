import { notifyAtCommit } from '@qifu/database';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { NotificationChannel, NotificationLocale, NotificationType, Role, WebhookDeliveryStatus } from '@qifu/contracts';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import { DELIVERIES_CHANNEL } from '../dispatch/queue-feeder';
import type { PlannedEvent, PlannedNotification } from '../feed/domain/recipient-rules';
import { wants } from '../preferences/domain/mute-rules';
import { renderEmail } from './domain/email-templates';
import { EmailDelivery } from './email-delivery.entity';

interface Reader {
  user_id: string;
  role: Role;
  email: string;
  locale: NotificationLocale;
  muted_types: NotificationType[];
  muted_channels: NotificationChannel[];
}

/** Alert emails through SMTP_URL (nodemailer). Without SMTP_URL nothing is planned or sent. */
@Injectable()
export class EmailDeliveriesService implements OnApplicationShutdown {
  private transport?: Transporter;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  private link(role: Role, requestId: string): string | null {
    const base = this.config.PUBLIC_URL?.replace(/\/+$/, '');
    if (!base) return null;
    return role === 'company' ? `${base}/portal/requests/${requestId}` : `${base}/workbench/cases/${requestId}`;
  }

  /**
   * Inside the inbox transaction: one email per reader who gave an address and did not mute the type
   * or the email channel. A company's line reaches each of its users, a role's everyone with it.
   */
  async plan(m: EntityManager, events: readonly PlannedEvent[], at: Date): Promise<number> {
    if (!this.enabled) return 0;
    const rows: EmailDelivery[] = [];
    for (const { planned, eventId } of events) rows.push(...(await this.deliveriesOf(m, planned, eventId, at)));
    if (rows.length === 0) return 0;
    await m.createQueryBuilder().insert().into(EmailDelivery).values(rows).orIgnore().execute();
    await notifyAtCommit(m, DELIVERIES_CHANNEL);
    return rows.length;
  }

  private async deliveriesOf(m: EntityManager, planned: PlannedNotification, eventId: string, at: Date): Promise<EmailDelivery[]> {
    const users: string[] = [];
    const companies: string[] = [];
    const roles: string[] = [];
    for (const r of planned.recipients) {
      if ('userId' in r) users.push(r.userId);
      else if ('companyId' in r) companies.push(r.companyId);
      else roles.push(r.role);
    }
    const readers = (await m.query(
      `SELECT user_id, role, email, locale, muted_types, muted_channels FROM preferences
        WHERE email IS NOT NULL
          AND (user_id = ANY($1::uuid[]) OR (role = 'company' AND company_id = ANY($2::uuid[])) OR role = ANY($3::text[]))`,
      [users, companies, roles],
    )) as Reader[];
    return readers
      .filter((r) => wants({ mutedTypes: r.muted_types, mutedChannels: r.muted_channels }, planned.type, 'email'))
      .map((r): EmailDelivery => {
        const mail = renderEmail(r.locale, {
          type: planned.type,
          referenceNo: planned.referenceNo,
          text: planned.text,
          link: this.link(r.role, planned.requestId),
        });
        return {
          id: randomUUID(),
          eventId,
          userId: r.user_id,
          toAddress: r.email,
          locale: r.locale,
          type: planned.type,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html,
          status: 'pending',
          attempts: 0,
          generation: 0,
          lastError: null,
          enqueuedAt: null,
          createdAt: at,
          updatedAt: at,
          deliveredAt: null,
        };
      });
  }

  private mailer(): Transporter {
    this.transport ??= createTransport(this.config.SMTP_URL, { from: this.config.EMAIL_FROM });
    return this.transport;
  }

  /** One try; a permanent SMTP refusal (5xx) is dead at once, anything else retries until the last try. */
  async attempt(id: string): Promise<{ status: WebhookDeliveryStatus; detail: string } | null> {
    const d = await this.dataSource.manager.findOneBy(EmailDelivery, { id });
    if (!d || d.status === 'succeeded' || d.status === 'dead') return null;
    const attempts = d.attempts + 1;
    let status: WebhookDeliveryStatus = 'succeeded';
    let error: string | null = null;
    try {
      await this.mailer().sendMail({
        to: d.toAddress,
        subject: d.subject,
        text: d.textBody,
        html: d.htmlBody,
        headers: { 'X-Qifu-Notification': d.type, 'X-Qifu-Delivery': d.id },
      });
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      error = (err as Error).message;
      status = (code !== undefined && code >= 500 && code < 600) || attempts >= this.config.EMAIL_MAX_ATTEMPTS ? 'dead' : 'retrying';
    }
    await this.dataSource.query(
      `UPDATE email_deliveries SET attempts = $2, status = $3, last_error = $4, updated_at = now(),
              delivered_at = CASE WHEN $3 = 'succeeded' THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [id, attempts, status, error],
    );
    return { status, detail: error ?? 'sent' };
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
