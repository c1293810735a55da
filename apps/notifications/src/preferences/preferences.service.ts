import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  type Actor,
  type LiveFeedMessage,
  liveFeedChannel,
  type NotificationPreferencesInput,
  type NotificationPreferencesView,
} from '@qifu/contracts';
import { createRedis, MESSAGING_OPTIONS, type MessagingOptions } from '@qifu/messaging';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Preference } from './preference.entity';

const DEFAULTS: NotificationPreferencesView = { mutedTypes: [], mutedChannels: [], email: null, locale: 'zh-CN', updatedAt: null };

function toView(p: Preference | null): NotificationPreferencesView {
  if (!p) return { ...DEFAULTS };
  return {
    mutedTypes: p.mutedTypes,
    mutedChannels: p.mutedChannels,
    email: p.email,
    locale: p.locale,
    updatedAt: p.updatedAt.toISOString(),
  };
}

@Injectable()
export class PreferencesService implements OnApplicationShutdown {
  private readonly log = new Logger('Preferences');
  private redis?: Redis;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async get(actor: Actor): Promise<NotificationPreferencesView> {
    return toView(await this.dataSource.manager.findOneBy(Preference, { userId: actor.userId }));
  }

  /** Fields left out keep their value. Open streams of the user reload the settings at once. */
  async put(actor: Actor, input: NotificationPreferencesInput): Promise<NotificationPreferencesView> {
    const current = await this.get(actor);
    const row: Preference = {
      userId: actor.userId,
      role: actor.role,
      companyId: actor.companyId,
      mutedTypes: [...new Set(input.mutedTypes ?? current.mutedTypes)],
      mutedChannels: [...new Set(input.mutedChannels ?? current.mutedChannels)],
      email: input.email === undefined ? current.email : input.email,
      locale: input.locale ?? current.locale,
      updatedAt: new Date(),
    };
    await this.dataSource.manager.upsert(Preference, row, ['userId']);
    await this.announce(actor.userId);
    return toView(row);
  }

  private async announce(userId: string): Promise<void> {
    if (!this.redis) {
      this.redis = createRedis(this.options.redisUrl, { maxRetriesPerRequest: 1 });
      this.redis.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
    }
    const message: LiveFeedMessage = { kind: 'preferences' };
    // Best effort: a stream that misses this keeps the old settings until it reconnects.
    await this.redis.publish(liveFeedChannel(this.options.prefix, { userId }), JSON.stringify(message)).catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
