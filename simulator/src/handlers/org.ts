import type { Router } from '../server/router';
import { listReply, searchReply, wildcard } from '../server/paging';
import { secondsUntilReset } from '../server/auth';
import { siteSearchView, siteView } from '../server/views';
import { ok, requireOrg, requireSite } from './common';
import {
	DEVICE_EVENT_DEFS,
	WEBHOOK_TOPICS,
	alarmDefs,
	clientEventDefs,
	insightMetricDefs,
	nacEventDefs,
} from './consts';

export function registerOrgRoutes(router: Router): void {
	router.get('/self', (ctx) =>
		ok({
			email: 'simulator@example.com',
			first_name: 'Mist',
			last_name: 'Simulator',
			name: 'Mist Simulator',
			privileges: [
				{ scope: 'org', org_id: ctx.sim.world.orgId, name: ctx.sim.world.orgName, role: 'admin' },
			],
		}),
	);
	router.get('/self/usage', (ctx) =>
		ok({
			request_limit: ctx.sim.budgetPerHour,
			requests: ctx.sim.budget.requests,
			seconds: secondsUntilReset(ctx.sim, ctx.now),
		}),
	);
	router.get('/orgs/:org/sites', (ctx) => {
		requireOrg(ctx);
		return listReply(ctx, ctx.sim.world.sites, (s) => siteView(ctx.sim.world, s));
	});
	router.get('/orgs/:org/sites/search', (ctx) => {
		requireOrg(ctx);
		const world = ctx.sim.world;
		return searchReply(ctx, {
			defaultDuration: '3650d',
			filter: () =>
				world.sites
					.filter(
						(s) =>
							wildcard(ctx.query.name, s.name) &&
							(!ctx.query.country_code || s.country_code === ctx.query.country_code),
					)
					.map((s) => ({ ...siteSearchView(world, s) })),
		});
	});
	router.get('/sites/:site', (ctx) => ok(siteView(ctx.sim.world, requireSite(ctx))));

	router.get('/const/client_events', (ctx) => ok(clientEventDefs(ctx.sim.world.behaviour.profile)));
	router.get('/const/device_events', () => ok(DEVICE_EVENT_DEFS));
	router.get('/const/alarm_defs', (ctx) => ok(alarmDefs(ctx.sim.world.behaviour.profile)));
	router.get('/const/insight_metrics', () => ok(insightMetricDefs()));
	router.get('/const/webhook_topics', () => ok(WEBHOOK_TOPICS));
	router.get('/const/nac_events', (ctx) => ok(nacEventDefs(ctx.sim.world.orgId)));
}
