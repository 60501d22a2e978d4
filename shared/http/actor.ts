/**
 * Who is calling the editors' API, from the claims the JWT authorizer verified. API Gateway passes
 * `cognito:groups` as one string like "[editor reviewer]"; parse every form defensively.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { type Actor, type Role, roles } from '../domain/roles.ts';
import { HttpProblem, problem } from './problem.ts';

export function parseGroups(value: unknown): Role[] {
  const names = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value
          .replace(/^\[|\]$/g, '')
          .split(/[\s,]+/)
          .map((name) => name.replace(/^"|"$/g, ''))
      : [];
  return [...new Set(names.filter((name): name is Role => (roles as ReadonlyArray<string>).includes(name)))];
}

export function actorFrom(event: unknown): Actor {
  const claims = (event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer>).requestContext?.authorizer?.jwt
    ?.claims;
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) {
    throw new HttpProblem(problem(401, 'A valid bearer token is required.'), {
      'www-authenticate': 'Bearer',
    });
  }
  const name = claims?.name;
  return {
    id: sub,
    ...(typeof name === 'string' && name ? { name } : {}),
    roles: parseGroups(claims?.['cognito:groups']),
  };
}
