/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { generateWorld } from './generator/world';
import { loadScenario, resolveScale } from './scenario';
import type { Behaviour, Scale, Scenario, SimulatorProfile, WebhookDelivery, World } from './types';
import type { CallLogEntry, FaultInjection, SimContext } from './server/context';
import { createListener } from './server/http';
import { Router } from './server/router';
import { registerOrgRoutes } from './handlers/org';
import { registerClientRoutes } from './handlers/clients';
import { registerDeviceRoutes } from './handlers/devices';
import { registerSleRoutes } from './handlers/sle';
import { registerRfRoutes } from './handlers/rf';
import { registerRemediationRoutes } from './handlers/remediation';
import { registerWebhookRoutes } from './handlers/webhooks';
import { applyQuirks, controlRouter, validateInjection, validateQuirks } from './handlers/control';
import type { Quirks } from './handlers/control';
import { fireTopic } from './state/webhooks';
import { advanceFaults } from './generator/faults';

export type {
	Behaviour,
	CallLogEntry,
	FaultInjection,
	Quirks,
	Scale,
	Scenario,
	SimulatorProfile,
	World,
	WebhookDelivery,
};
export { generateWorld, loadScenario, resolveScale };

export interface SimulatorOptions {
	/** 0 = random free port (default 8090). */
	port?: number;
	/** Loopback only (default 127.0.0.1). */
	host?: string;
	scenario?: string | Scenario;
	seed?: number;
	token?: string;
	latencyMs?: number;
	budgetPerHour?: number;
	scale?: Partial<Scale>;
	now?: () => number;
	/** `realistic` (default): what real tenants return; `spec`: only what the OpenAPI spec describes. */
	profile?: SimulatorProfile;
	/** Event searches take `type=A,B` as one literal type (default false). */
	literalTypeLists?: boolean;
	/** Webhook signature headers: `both` (default) or only the v1 `X-Mist-Signature`. */
	webhookSignatures?: Behaviour['webhookSignatures'];
}

export interface RunningSimulator {
	url: string;
	port: number;
	token: string;
	orgId: string;
	world: World;
	calls(): CallLogEntry[];
	resetCalls(): void;
	injectFault(fault: FaultInjection): void;
	/** Switches quirks on or off while running (also `POST /__sim/quirks`). */
	setQuirks(quirks: Quirks): void;
	fireWebhookEvents(topic: string, events?: object[]): Promise<WebhookDelivery[]>;
	close(): Promise<void>;
}

export const DEFAULT_TOKEN = 'sim-token-demo';
export const PROFILES: readonly SimulatorProfile[] = ['realistic', 'spec'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function buildMistRouter(): Router {
	const router = new Router();
	registerOrgRoutes(router);
	registerClientRoutes(router);
	registerDeviceRoutes(router);
	registerSleRoutes(router);
	registerRfRoutes(router);
	registerRemediationRoutes(router);
	registerWebhookRoutes(router);
	return router;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
	const host = options.host ?? '127.0.0.1';
	if (!LOOPBACK.has(host)) throw new Error(`host must be a loopback address, got "${host}"`);
	const now = options.now ?? Date.now;
	if (options.profile !== undefined && !PROFILES.includes(options.profile)) {
		throw new Error(
			`profile must be one of ${PROFILES.join(', ')}, got "${String(options.profile)}"`,
		);
	}
	const scenario = loadScenario(options.scenario);
	const seed = options.seed ?? scenario.seed ?? 1;
	const world = generateWorld(
		scenario,
		resolveScale(scenario, options.scale),
		seed,
		now(),
		options.profile ?? 'realistic',
	);
	applyQuirks(
		world,
		validateQuirks({
			literalTypeLists: options.literalTypeLists,
			webhookSignatures: options.webhookSignatures,
		}),
	);
	const sim: SimContext = {
		world,
		token: options.token ?? DEFAULT_TOKEN,
		budgetPerHour: options.budgetPerHour ?? 5000,
		budget: { windowStart: now(), requests: 0 },
		latencyMs: options.latencyMs ?? 0,
		now,
		calls: [],
		injections: [],
		hanging: new Set(),
		syntheticTests: new Map(),
		searchCache: new Map(),
		baseUrl: '',
	};
	const server = createServer(createListener(sim, buildMistRouter(), controlRouter()));
	sim.server = server;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 8090, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	sim.baseUrl = url;
	return {
		url,
		port,
		token: sim.token,
		orgId: world.orgId,
		world,
		calls: () => [...sim.calls],
		resetCalls: () => {
			sim.calls.length = 0;
		},
		injectFault: (fault) => {
			const f = validateInjection(fault);
			sim.injections.push({
				...f,
				remaining: f.count ?? 1,
				regex: f.pathPattern ? new RegExp(f.pathPattern) : undefined,
			});
		},
		setQuirks: (quirks) => applyQuirks(world, validateQuirks(quirks)),
		fireWebhookEvents: (topic, events) => {
			advanceFaults(world, now());
			return fireTopic(world, topic, events, now);
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sim.hanging) socket.destroy();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
