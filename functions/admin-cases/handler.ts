/**
 * The editors' API for cases and what follows them: the review queue, every editorial action, the
 * audience and message previews, amendments, re-announcements, delivery progress and the digest.
 * Behind the JWT authorizer; any /admin path no other admin function takes ends here (its 404).
 */
import { apiHandler } from '../../shared/http/api.ts';
import { caseRoutes } from './cases.ts';
import { publicationRoutes } from './publication.ts';

export const handler = apiHandler([caseRoutes, publicationRoutes]);
