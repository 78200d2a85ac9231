// Every /api route group of the node, one folder per area.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { callsRoutes } from './calls/calls.routes.js';
import { casesRoutes } from './cases/cases.routes.js';
import { rosterRoutes } from './calls/roster.routes.js';
import { dialogueRoutes } from './dialogue/dialogue.routes.js';
import { exercisesRoutes } from './exercises/exercises.routes.js';
import { federationRoutes } from './federation/federation.routes.js';
import { partiesRoutes } from './federation/parties.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { pagingRoutes } from './paging/paging.routes.js';
import { publicReportsRoutes } from './public-reports/public-reports.routes.js';
import { triageRoutes } from './public-reports/triage.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';
import { requestsRoutes } from './requests/requests.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { taxiiAdminRoutes } from './intel/taxii-admin.routes.js';
import { extractRoutes } from './intel/extract.routes.js';
import { correlationRoutes } from './intel/correlation.routes.js';
import { stixRoutes } from './intel/stix.routes.js';
import { knowledgeRoutes } from './knowledge/knowledge.routes.js';
import { searchRoutes } from './search/search.routes.js';

export function apiRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(authRoutes(ctx));
    await app.register(usersRoutes(ctx));
    await app.register(auditRoutes(ctx));
    await app.register(notificationsRoutes(ctx));
    await app.register(pagingRoutes(ctx));
    await app.register(requestsRoutes(ctx));
    await app.register(callsRoutes(ctx));
    await app.register(rosterRoutes(ctx));
    await app.register(dialogueRoutes(ctx));
    await app.register(exercisesRoutes(ctx));
    await app.register(casesRoutes(ctx));
    await app.register(federationRoutes(ctx));
    await app.register(partiesRoutes(ctx));
    await app.register(publicReportsRoutes(ctx));
    await app.register(triageRoutes(ctx));
    await app.register(reportsRoutes(ctx));
    await app.register(taxiiAdminRoutes(ctx));
    await app.register(extractRoutes(ctx));
    await app.register(correlationRoutes(ctx));
    await app.register(stixRoutes(ctx));
    await app.register(knowledgeRoutes(ctx));
    await app.register(searchRoutes(ctx));
  };
}
