/**
 * Everything outside /admin: reports, corrections and their feeds, articles' notices, subscriptions,
 * the public pages and forms, the editors' console page and the contract. HEAD answers wherever GET does.
 */
import { apiHandler, createApi } from '../../shared/http/api.ts';
import { catalogueRoutes } from './catalogue.ts';
import { consoleRoutes } from './console.ts';
import { contractRoutes } from './contract.ts';
import { feedRoutes } from './feeds.ts';
import { formRoutes } from './forms.ts';
import { noticeRoutes } from './notices.ts';
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
noticeRoutes(app);
pageRoutes(app);
formRoutes(app);
contractRoutes(app);
consoleRoutes(app);

export const handler = apiHandler(app);
