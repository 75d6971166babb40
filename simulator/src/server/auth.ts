import { timingSafeEqual } from 'crypto';
import type { SimContext } from './context';
import type { Reply } from './router';

const HOUR_MS = 3600_000;

/** `Authorization: Token <token>`; anything else is a 401 with Mist's wording. */
export function checkAuth(sim: SimContext, header: string | undefined): Reply | undefined {
	const match = /^Token\s+(.+)$/i.exec(header?.trim() ?? '');
	if (!match)
		return { status: 401, body: { detail: 'Authentication credentials were not provided.' } };
	const given = Buffer.from(match[1].trim());
	const expected = Buffer.from(sim.token);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return { status: 401, body: { detail: 'Invalid token.' } };
	}
	return undefined;
}

/**
 * Realistic profile: the window is the clock hour, as Mist documents ("reset at the hourly
 * boundary"). Spec profile: an hour from the first call of the window, then the next call's hour.
 */
function rollWindow(sim: SimContext, now: number): void {
	if (sim.world.behaviour.profile === 'realistic') {
		const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
		if (hour !== sim.budget.windowStart) {
			sim.budget.windowStart = hour;
			sim.budget.requests = 0;
		}
		return;
	}
	if (now - sim.budget.windowStart >= HOUR_MS) {
		sim.budget.windowStart = now;
		sim.budget.requests = 0;
	}
}

export function secondsUntilReset(sim: SimContext, now: number): number {
	rollWindow(sim, now);
	return Math.max(1, Math.ceil((sim.budget.windowStart + HOUR_MS - now) / 1000));
}

/**
 * Fixed hourly window per token: the 5001st call in the hour gets a 429. Only the spec profile
 * adds `Retry-After`: no public evidence shows Mist sending it.
 */
export function spendBudget(sim: SimContext, now: number): Reply | undefined {
	rollWindow(sim, now);
	if (sim.budget.requests >= sim.budgetPerHour) {
		const realistic = sim.world.behaviour.profile === 'realistic';
		return {
			status: 429,
			body: { detail: tooManyRequests(sim) },
			headers: realistic ? {} : { 'Retry-After': String(secondsUntilReset(sim, now)) },
		};
	}
	sim.budget.requests++;
	return undefined;
}

/** Mist's 429 wording (spec example HTTP429Example). */
export function tooManyRequests(sim: SimContext): string {
	return `Too Many Request. The API Token used for the request reached the ${sim.budgetPerHour} API Calls per hour threshold`;
}

/** Refills the budget; the realistic window stays the current clock hour. */
export function resetBudget(sim: SimContext, now: number): void {
	sim.budget.windowStart =
		sim.world.behaviour.profile === 'realistic' ? Math.floor(now / HOUR_MS) * HOUR_MS : now;
	sim.budget.requests = 0;
}
