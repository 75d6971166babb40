import { authentication } from './authentication';
import { coa } from './coa';
import { session } from './session';
import type { IseResource } from './types';

/** Every resource of the Cisco ISE node, keyed by the Resource parameter value. */
export const resources: Record<string, IseResource> = { authentication, coa, session };
