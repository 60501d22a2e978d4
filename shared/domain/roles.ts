/** Who may do what. Groups come from the editor's token; the system acts for the stream functions. */
import { PermissionDenied } from './errors.ts';

export const roles = ['reviewer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export type Capability =
  | 'read'
  | 'open'
  | 'assign'
  | 'review'
  | 'draft'
  | 'submit'
  | 'approve'
  | 'request-changes'
  | 'close'
  | 'update'
  | 'amend'
  /** Re-announce a published version after an outage. */
  | 'announce'
  | 'manage-topics'
  | 'manage-webhooks'
  | 'import-subscribers'
  | 'read-suppressions'
  /** Erase a person's data on their request (POST /admin/erasures). */
  | 'erase-personal-data';

const reviewer: Capability[] = ['read', 'open', 'assign', 'review', 'draft', 'submit'];
const editor: Capability[] = [
  ...reviewer,
  'approve',
  'request-changes',
  'close',
  'update',
  'amend',
  'announce',
];
const grants: Record<Role, ReadonlyArray<Capability>> = {
  reviewer,
  editor,
  admin: [
    ...editor,
    'manage-topics',
    'manage-webhooks',
    'import-subscribers',
    'read-suppressions',
    'erase-personal-data',
  ],
};

export interface Actor {
  id: string;
  name?: string;
  roles: Role[];
}

export const can = (actor: Actor, capability: Capability): boolean =>
  actor.roles.some((role) => grants[role].includes(capability));

export function requireCapability(actor: Actor, capability: Capability): void {
  if (!can(actor, capability)) {
    throw new PermissionDenied(
      `Your groups (${actor.roles.join(', ') || 'none'}) do not allow "${capability}".`,
    );
  }
}
