import type {
	DiagnosisStep,
	Finding,
	HealthyEntity,
	ScopeLevel,
	StepResult,
} from '../../../shared/findings/types';
import { SCOPE_LEVELS } from '../../../shared/findings/types';
import { mergeFindings } from '../../../shared/findings/merge';
import { bySeverity } from '../../../shared/findings/severity';
import type { DiagnosisContext } from './context';

/**
 * Records what a step checked and what it flagged, so the step can report the healthy rest.
 * A site is healthy for a step only when no finding of that step touches it; rules flag every
 * affected client themselves (evidence only keeps a bounded sample of MACs).
 */
export class HealthTracker {
	/** Checked entities in the order they were first checked (the order `healthy` lists them in). */
	private readonly checked: HealthyEntity[] = [];
	// Ids per level rather than `level:id` strings: check runs for every record (and its site), so
	// it should not build a key string each time.
	private readonly checkedIds = idsByLevel();
	private readonly flagged = idsByLevel();
	/** The site of the last record checked: records come site by site, so most skip the lookup. */
	private lastSiteId?: string;
	/** Ids checked by `checkDistinct`, not yet in `checkedIds` (added if the level is checked again). */
	private readonly unhashed: Partial<Record<ScopeLevel, string[]>> = {};

	constructor(
		private readonly step: DiagnosisStep,
		private readonly context: DiagnosisContext,
	) {}

	check(level: ScopeLevel, id: string, siteId: string, name?: string | null): void {
		this.checkSite(level, siteId);
		this.add(level, id, siteId, name);
	}

	/**
	 * `check` for ids the caller knows to be distinct from every other id it checks at this level
	 * (the MACs of a client directory, a Map's keys). It skips the id Set: with 100,000 clients,
	 * hashing each MAC a second time (the directory did once) is a tenth of a step's time.
	 */
	checkDistinct(level: ScopeLevel, id: string, siteId: string, name?: string | null): void {
		// Ids checked earlier by `check` are in the Set: dedupe against them as usual.
		if (level === 'site' || this.checkedIds[level].size > 0)
			return this.check(level, id, siteId, name);
		this.checkSite(level, siteId);
		(this.unhashed[level] ??= []).push(id);
		this.push(level, id, siteId, name);
	}

	private checkSite(level: ScopeLevel, siteId: string): void {
		// The site first (it is listed before its records). Records come site by site: most have the
		// last record's site, checked already, so they skip even the Set lookup.
		if (level === 'site' || siteId === this.lastSiteId) return;
		if (!this.checkedIds.site.has(siteId))
			this.add('site', siteId, siteId, this.context.siteNames?.[siteId]);
		this.lastSiteId = siteId;
	}

	private add(level: ScopeLevel, id: string, siteId: string, name?: string | null): void {
		const ids = this.checkedIds[level];
		const unhashed = this.unhashed[level];
		if (unhashed) {
			for (const earlier of unhashed) ids.add(earlier);
			this.unhashed[level] = undefined;
		}
		// Set.size rather than has + add: one hash lookup per record.
		const before = ids.size;
		ids.add(id);
		if (ids.size === before) return;
		this.push(level, id, siteId, name);
	}

	private push(level: ScopeLevel, id: string, siteId: string, name?: string | null): void {
		const { step } = this;
		const orgId = this.context.org_id;
		// Built whole, with or without its name: adding `name` afterwards would change the object's
		// shape and allocate a property store for every named record.
		this.checked.push(
			name
				? { step, level, id, org_id: orgId, site_id: siteId, name }
				: { step, level, id, org_id: orgId, site_id: siteId },
		);
	}

	flag(level: ScopeLevel, id: string): void {
		this.flagged[level].add(id);
	}

	flagAll(level: ScopeLevel, ids: Iterable<string>): void {
		for (const id of ids) this.flag(level, id);
	}

	/** Merges duplicates, sorts most severe first, and lists the checked entities nothing was found on. */
	result(findings: Finding[]): StepResult {
		const merged = bySeverity(mergeFindings(findings));
		for (const finding of merged) {
			this.flag('site', finding.scope.site_id);
			if (finding.scope.client_mac) this.flag('client', finding.scope.client_mac);
			if (finding.scope.ap_mac) this.flag('ap', finding.scope.ap_mac);
			if (finding.scope.switch_mac)
				this.flag('switch_port', `${finding.scope.switch_mac}/${finding.scope.port_id ?? ''}`);
		}
		const healthy = this.checked.filter((entity) => !this.flagged[entity.level].has(entity.id));
		return { findings: merged, healthy };
	}
}

function idsByLevel(): Record<ScopeLevel, Set<string>> {
	return Object.fromEntries(SCOPE_LEVELS.map((level) => [level, new Set<string>()])) as Record<
		ScopeLevel,
		Set<string>
	>;
}
