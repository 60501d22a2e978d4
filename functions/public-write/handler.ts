/**
 * What the public writes: reports (and following one's own), subscriptions (requesting, confirming,
 * managing, unsubscribing) and the two forms. Every other public address is the reading function's;
 * an address under these routes that names nothing gets the same not-found page. HEAD answers
 * wherever GET does.
 */
import { apiHandler } from '../../shared/http/api.ts';
import { pageWhenNotFound } from '../../shared/http/public-site.ts';
import { formRoutes } from './forms.ts';
import { reportRoutes } from './reports.ts';
import { services } from './services.ts';
import { subscriptionRoutes } from './subscriptions.ts';

export const handler = apiHandler([reportRoutes, subscriptionRoutes, formRoutes], pageWhenNotFound(services));
