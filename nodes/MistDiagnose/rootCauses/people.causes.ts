import { pskAlarmOfOneDevice, radiusServerUnreachable } from './credentials';
import { userAuthFailure } from './people';
import type { RootCauseRule } from './types';

/** People and credentials: users, SSIDs, RADIUS servers. Most specific first. */
export const PEOPLE_CAUSES: readonly RootCauseRule[] = [
	radiusServerUnreachable,
	userAuthFailure,
	pskAlarmOfOneDevice,
];
