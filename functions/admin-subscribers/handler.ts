/**
 * The admins' subscriber imports: a CSV of an existing list, with a dry run first, and a long one's
 * job. Behind the JWT authorizer; the longest call of the editors' API (29 s).
 */
import { apiHandler } from '../../shared/http/api.ts';
import { subscriberRoutes } from './subscribers.ts';

export const handler = apiHandler([subscriberRoutes]);
