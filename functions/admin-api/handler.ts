/** The editors' API: every route under /admin, behind the JWT authorizer. */
import { apiHandler, createApi } from '../../shared/http/api.ts';
import { caseRoutes } from './cases.ts';
import { erasureRoutes } from './erasures.ts';
import { publicationRoutes } from './publication.ts';
import { subscriberRoutes } from './subscribers.ts';
import { suppressionRoutes } from './suppressions.ts';
import { topicRoutes } from './topics.ts';
import { webhookRoutes } from './webhooks.ts';

const app = createApi();
caseRoutes(app);
publicationRoutes(app);
topicRoutes(app);
webhookRoutes(app);
subscriberRoutes(app);
suppressionRoutes(app);
erasureRoutes(app);

export const handler = apiHandler(app);
