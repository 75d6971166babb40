import { targets } from '../../shared/findings/fingerprint';
import { manual, remediate } from '../../shared/findings/remediation';
import type { Finding } from '../../shared/findings/types';
import { badCableFix } from '../rules/apHealth/uplinkPort';
import type { UplinkPortState } from '../rules/apHealth/uplinkPort';
import { causeFinding } from './cause';
import type { Explanation, RootCauseContext, RootCauseRule } from './types';

/** AP findings the AP's switch port can explain; each carries the port in its scope when known. */
const AP_SYMPTOMS = new Set(['ap_unstable_uplink', 'ap_repeated_reboots', 'ap_uplink_port_errors']);
/** Findings of the port itself (infrastructure step) that the same cause explains. */
const PORT_SYMPTOMS = new Set(['switch_port_flap', 'switch_port_bad_cable']);

/** One switch port with the AP findings that name it and the port's own findings. */
interface PortGroup {
	siteId: string;
	switchMac: string;
	switchName?: string;
	portId: string;
	apFindings: Finding[];
	portFindings: Finding[];
	/** What the switch reported of the port (from the AP findings' evidence). */
	state: UplinkPortState;
}

const portKey = (finding: Finding) =>
	`${finding.scope.site_id}|${finding.scope.switch_mac}|${finding.scope.port_id}`;

/** Groups the open AP findings by the switch port they hang on; adds that port's own findings. */
function portGroups(open: readonly Finding[]): PortGroup[] {
	const groups = new Map<string, PortGroup>();
	for (const finding of open) {
		const { switch_mac: switchMac, port_id: portId } = finding.scope;
		if (!AP_SYMPTOMS.has(finding.rule) || !switchMac || !portId) continue;
		const group = groups.get(portKey(finding)) ?? {
			siteId: finding.scope.site_id,
			switchMac,
			switchName: finding.scope.switch_name,
			portId,
			apFindings: [],
			portFindings: [],
			state: {},
		};
		group.apFindings.push(finding);
		Object.assign(group.state, finding.evidence.uplinkPort as UplinkPortState | undefined);
		groups.set(portKey(finding), group);
	}
	for (const finding of open) {
		if (finding.scope.level !== 'switch_port' || !PORT_SYMPTOMS.has(finding.rule)) continue;
		groups.get(portKey(finding))?.portFindings.push(finding);
	}
	return [...groups.values()];
}

const apNames = (group: PortGroup) => [
	...new Set(group.apFindings.map((finding) => finding.scope.ap_name ?? finding.scope.ap_mac)),
];
const has = (group: PortGroup, rule: string) =>
	group.apFindings.some((finding) => finding.rule === rule);

interface PortCause {
	rule: 'switch_port_poe' | 'switch_port_bad_cable' | 'switch_port_flap';
	/** Whether the port's evidence shows this cause. */
	applies: (group: PortGroup, context: RootCauseContext) => boolean;
	describe: (
		group: PortGroup,
		where: string,
		aps: string,
	) => Pick<
		Parameters<typeof causeFinding>[1],
		'summary' | 'likelyCause' | 'remediation' | 'followUp'
	>;
}

function explainPorts(cause: PortCause): RootCauseRule {
	return {
		id: cause.rule,
		explain(open, context): Explanation[] {
			return portGroups(open)
				.filter((group) => cause.applies(group, context))
				.map((group) => {
					const symptoms = [...group.apFindings, ...group.portFindings];
					const where = `port ${group.portId} of switch ${group.switchName ?? group.switchMac}`;
					return {
						symptoms,
						cause: causeFinding(symptoms, {
							rule: cause.rule,
							scope: {
								level: 'switch_port',
								org_id: context.org_id,
								site_id: group.siteId,
								site_name: context.siteNames[group.siteId],
								switch_mac: group.switchMac,
								switch_name: group.switchName,
								port_id: group.portId,
							},
							target: targets.switchPort(group.switchMac, group.portId),
							evidence: { uplinkPort: group.state, aps: apNames(group) },
							...cause.describe(group, where, apNames(group).join(', ')),
						}),
					};
				});
		},
	};
}

const budgetUse = (state: UplinkPortState) =>
	state.poe_budget ? state.poe_budget.power_draw / state.poe_budget.max_power : 0;

/** The AP reboots and its switch has no PoE to spare (or the port's PoE is off): power, not the AP. */
export const switchPortPoe = explainPorts({
	rule: 'switch_port_poe',
	applies: (group, context) =>
		has(group, 'ap_repeated_reboots') &&
		(group.state.poe_on === false || budgetUse(group.state) >= context.thresholds.poeBudgetShare),
	describe: (group, where, aps) => {
		const budget = group.state.poe_budget;
		const use = budget ? ` (${budget.power_draw} of ${budget.max_power} W in use)` : '';
		return {
			summary: `${where} loses PoE power${use}: AP ${aps} reboots each time.`,
			likelyCause: `The switch's PoE budget is spent${use} or the port's PoE is cut, so the AP on ${where} loses power and reboots.`,
			remediation: manual(
				`Check the PoE budget of switch ${group.switchName ?? group.switchMac} and the PoE of ${where}: free budget (other powered devices) or raise the port's PoE priority.`,
			),
			followUp: [],
		};
	},
});

/** Input errors on the AP's port: the cable or a connector, whatever else the AP shows. */
export const switchPortBadCable = explainPorts({
	rule: 'switch_port_bad_cable',
	applies: (group) =>
		has(group, 'ap_uplink_port_errors') ||
		group.portFindings.some((finding) => finding.rule === 'switch_port_bad_cable'),
	describe: (group, where, aps) => ({
		summary: `${where} receives damaged frames from AP ${aps}: a bad cable.`,
		likelyCause: `A damaged cable or connector on ${where}: frames fail their CRC, so AP ${aps} loses traffic.`,
		...badCableFix(group.siteId, group.switchMac, group.portId, where),
	}),
});

/**
 * The AP keeps losing its uplink and its port flapped lately (the switch says so): the link drops
 * the AP. Reboots alone do not count: an AP that reboots by itself takes its link down too.
 */
export const switchPortFlap = explainPorts({
	rule: 'switch_port_flap',
	applies: (group, context) =>
		has(group, 'ap_unstable_uplink') &&
		(group.portFindings.some((finding) => finding.rule === 'switch_port_flap') ||
			(group.state.last_flapped !== undefined &&
				context.now - group.state.last_flapped <= context.thresholds.portFlappedRecentSeconds)),
	describe: (group, where, aps) => ({
		summary: `${where} flaps: AP ${aps} loses its uplink, reboots and drops its clients each time.`,
		likelyCause: `The link of ${where} goes down and up (bad cable or connector, or the port): the AP loses its uplink and PoE with it.`,
		remediation: remediate.cableTest(
			group.siteId,
			group.switchMac,
			group.portId,
			`Run a cable test (TDR) on ${where}.`,
		),
		followUp: [
			remediate.bouncePort(
				group.siteId,
				group.switchMac,
				[group.portId],
				`Bounce ${where} if the cable tests good.`,
			),
		],
	}),
});
