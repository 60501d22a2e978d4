/**
 * The public's reading: corrections and their pages and feeds, articles' notices, the transparency
 * figures, the editors' console page and the contract, and the page for an address that names
 * nothing. It only reads the table. HEAD answers wherever GET does.
 */
import { apiHandler } from '../../shared/http/api.ts';
import { pageWhenNotFound } from '../../shared/http/public-site.ts';
import { catalogueRoutes } from './catalogue.ts';
import { consoleRoutes } from './console.ts';
import { contractRoutes } from './contract.ts';
import { feedRoutes } from './feeds.ts';
import { noticeRoutes } from './notices.ts';
import { pageRoutes } from './pages.ts';
import { services } from './services.ts';
import { transparencyRoutes } from './transparency.ts';

export const handler = apiHandler(
  [catalogueRoutes, transparencyRoutes, feedRoutes, noticeRoutes, pageRoutes, contractRoutes, consoleRoutes],
  pageWhenNotFound(services),
);
