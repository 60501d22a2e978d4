/**
 * The admins' API for the desk's audience and its settings: subscriber imports, erasures, the
 * suppression list, the topic catalogue and the webhooks. Behind the JWT authorizer.
 */
import { apiHandler, createApi } from '../../shared/http/api.ts';
import { erasureRoutes } from './erasures.ts';
import { subscriberRoutes } from './subscribers.ts';
import { suppressionRoutes } from './suppressions.ts';
import { topicRoutes } from './topics.ts';
import { webhookRoutes } from './webhooks.ts';

const app = createApi();
topicRoutes(app);
webhookRoutes(app);
subscriberRoutes(app);
suppressionRoutes(app);
erasureRoutes(app);

export const handler = apiHandler(app);
