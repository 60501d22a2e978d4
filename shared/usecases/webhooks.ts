/**
 * The admins' verbs on webhooks: add (the secret is shown once), list, change (re-enable), remove,
 * and read the attempts. A URL is checked against the destination rules before it is stored.
 */
import { Conflict, InvalidInput, NotFound } from '../domain/errors.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import {
  maxWebhooks,
  type WebhookAttempt,
  type WebhookEventType,
  type WebhookStatus,
  type WebhookView,
  webhookView,
} from '../domain/webhook.ts';
import type { Clock } from '../ports/clock.ts';
import type { Page } from '../ports/page.ts';
import type { WebhookCaller } from '../ports/webhook-caller.ts';
import type { WebhookStore } from '../ports/webhook-store.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { randomId, randomToken } from '../security/tokens.ts';

export interface WebhookAdminDeps {
  webhooks: WebhookStore;
  webhookCaller: WebhookCaller;
  secretBox: SecretBox;
  clock: Clock;
}

export interface NewWebhook {
  url: string;
  description?: string;
  events?: WebhookEventType[];
}

export async function addWebhook(
  deps: WebhookAdminDeps,
  actor: Actor,
  input: NewWebhook,
): Promise<WebhookView & { secret: string }> {
  requireCapability(actor, 'manage-webhooks');
  const refusal = await deps.webhookCaller.refusal(input.url);
  if (refusal) throw new InvalidInput([{ path: 'url', message: refusal }], 'This URL cannot be a webhook.');
  const id = randomId(12);
  const secret = `whsec_${randomToken(32)}`;
  const now = deps.clock.now();
  const webhook = {
    id,
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    events: [...new Set(input.events ?? ['correction.published'])] as WebhookEventType[],
    status: 'active' as const,
    createdAt: now,
    updatedAt: now,
    consecutiveFailures: 0,
  };
  const created = await deps.webhooks.create(
    { ...webhook, sealedSecret: await deps.secretBox.seal(secret, id) },
    maxWebhooks,
  );
  if (!created) {
    throw new Conflict(`The desk has ${maxWebhooks} webhooks, the most it keeps; remove one first.`);
  }
  return { ...webhookView(webhook), secret };
}

export async function listWebhooks(deps: Pick<WebhookAdminDeps, 'webhooks'>, actor: Actor) {
  requireCapability(actor, 'manage-webhooks');
  return (await deps.webhooks.list()).map(webhookView);
}

export async function changeWebhook(
  deps: Pick<WebhookAdminDeps, 'webhooks' | 'clock'>,
  actor: Actor,
  id: string,
  change: { status?: WebhookStatus; description?: string },
): Promise<WebhookView> {
  requireCapability(actor, 'manage-webhooks');
  const updated = await deps.webhooks.update(id, change, deps.clock.now());
  if (!updated) throw new NotFound(`There is no webhook ${id}.`);
  return webhookView(updated);
}

export async function removeWebhook(deps: Pick<WebhookAdminDeps, 'webhooks'>, actor: Actor, id: string) {
  requireCapability(actor, 'manage-webhooks');
  if (!(await deps.webhooks.remove(id))) throw new NotFound(`There is no webhook ${id}.`);
}

export async function webhookAttempts(
  deps: Pick<WebhookAdminDeps, 'webhooks'>,
  actor: Actor,
  id: string,
  options: { limit: number; cursor?: string },
): Promise<Page<WebhookAttempt>> {
  requireCapability(actor, 'manage-webhooks');
  if (!(await deps.webhooks.get(id))) throw new NotFound(`There is no webhook ${id}.`);
  return deps.webhooks.attempts(id, options);
}
