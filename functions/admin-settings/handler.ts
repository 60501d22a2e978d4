/**
 * The admins' API for the desk's settings and people's rights: the topic catalogue, the webhooks, the
 * suppression list and erasures. Behind the JWT authorizer.
 */
import { apiHandler } from '../../shared/http/api.ts';
import { erasureRoutes } from './erasures.ts';
import { suppressionRoutes } from './suppressions.ts';
import { topicRoutes } from './topics.ts';
import { webhookRoutes } from './webhooks.ts';

export const handler = apiHandler([topicRoutes, webhookRoutes, suppressionRoutes, erasureRoutes]);
