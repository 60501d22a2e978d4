/**
 * Everything outside /admin: reports, corrections and their feeds, subscriptions, the public pages,
 * the editors' console page and the contract.
 */
import { apiHandler, createApi } from '../../shared/http/api.ts';
import { catalogueRoutes } from './catalogue.ts';
import { consoleRoutes } from './console.ts';
import { contractRoutes } from './contract.ts';
import { feedRoutes } from './feeds.ts';
import { pageRoutes } from './pages.ts';
import { reportRoutes } from './reports.ts';
import { subscriptionRoutes } from './subscriptions.ts';
import { transparencyRoutes } from './transparency.ts';

const app = createApi();
catalogueRoutes(app);
reportRoutes(app);
subscriptionRoutes(app);
transparencyRoutes(app);
feedRoutes(app);
pageRoutes(app);
contractRoutes(app);
consoleRoutes(app);

export const handler = apiHandler(app);
