import type { Ap, Client, Site, Switch } from '../types';
import { ApiError } from '../server/router';
import type { Reply, RequestContext } from '../server/router';

export function ok(body: unknown = {}): Reply {
	return { status: 200, body };
}

export function requireOrg(ctx: RequestContext): void {
	if (ctx.params.org !== ctx.sim.world.orgId)
		throw new ApiError(404, `Org ${ctx.params.org} not found`);
}

export function requireSite(ctx: RequestContext): Site {
	const site = ctx.sim.world.sitesById.get(ctx.params.site);
	if (!site) throw new ApiError(404, `Site ${ctx.params.site} not found`);
	return site;
}

/** A device of the site by id (APs and switches share the `00000000-0000-0000-1000-<mac>` id form). */
export function requireDevice(
	ctx: RequestContext,
	site: Site,
	id = ctx.params.device,
): { ap?: Ap; sw?: Switch } {
	const ap = ctx.sim.world.aps.get(id);
	if (ap && ap.siteId === site.id) return { ap };
	const sw = ctx.sim.world.switches.get(id);
	if (sw && sw.siteId === site.id) return { sw };
	throw new ApiError(404, `Device ${id} not found in site ${site.id}`);
}

export function normaliseMac(mac: string): string {
	return mac.toLowerCase().replace(/[^0-9a-f]/g, '');
}

export function requireClient(
	ctx: RequestContext,
	site: Site | undefined,
	mac = ctx.params.mac,
): Client {
	const client = ctx.sim.world.clients.get(normaliseMac(mac));
	if (!client || (site && client.siteId !== site.id))
		throw new ApiError(404, `Client ${mac} not found`);
	return client;
}

export function sitesOfScope(ctx: RequestContext): Site[] {
	if (ctx.params.site) return [requireSite(ctx)];
	requireOrg(ctx);
	if (ctx.query.site_id) {
		const site = ctx.sim.world.sitesById.get(ctx.query.site_id);
		if (!site) throw new ApiError(400, `Invalid site_id "${ctx.query.site_id}"`);
		return [site];
	}
	return ctx.sim.world.sites;
}

export function parseJsonObject(ctx: RequestContext, what: string): Record<string, unknown> {
	if (ctx.body === undefined) return {};
	if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) {
		throw new ApiError(400, `${what}: the request body must be a JSON object`);
	}
	return ctx.body as Record<string, unknown>;
}
