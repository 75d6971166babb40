/**
 * Remediation operations: what Mist Diagnose recommends and Mist Remediate performs (`iseLookup`
 * is done by the Cisco ISE node). The ids and the parameters of each one are declared here, once.
 * The finding shape, the recommendation builders (remediation.ts) and the Remediate actions are
 * typed against them, so a renamed parameter breaks the build instead of a workflow.
 */

export const REMEDIATION_OPERATIONS = [
	'arp',
	'bouncePort',
	'cableTest',
	'iseLookup',
	'ping',
	'reauthenticateClient',
	'reconnectClient',
	'resetRadios',
	'restartDevice',
	'rrmOptimize',
	'setRadio',
	'syntheticTest',
	'traceroute',
	'unauthorizeGuest',
] as const;
export type RemediationOperation = (typeof REMEDIATION_OPERATIONS)[number];

/** A radio band as Mist writes it ("24" is 2.4 GHz). */
export type Band = '24' | '5' | '6';

export const SYNTHETIC_TEST_TYPES = ['arp', 'curl', 'dhcp', 'dns', 'radius'] as const;
export type SyntheticTestType = (typeof SYNTHETIC_TEST_TYPES)[number];

type OnDevice = { site_id: string; device_id: string };
/** One client (`client_mac`) or several in one bulk request (`client_macs`). */
type OnClients = { site_id: string; client_mac?: string; client_macs?: string[] };

/** Every operation must have its parameters; extra keys would be operations nobody performs. */
type Contract<
	T extends Record<RemediationOperation, object> &
		Record<Exclude<keyof T, RemediationOperation>, never>,
> = T;

/**
 * The parameters of each operation, as a finding carries them (snake_case, Mist's names). Values
 * from findings and from node fields are checked by Mist Remediate before anything is sent.
 */
export type RemediationParameters = Contract<{
	arp: OnDevice;
	bouncePort: OnDevice & { ports: string[] };
	cableTest: OnDevice & { port: string };
	iseLookup: { client_mac: string };
	ping: OnDevice & { host: string; count?: number };
	/** Through the site, or through the org when a finding knows only the org. */
	reauthenticateClient: { site_id?: string; org_id?: string; client_mac: string };
	reconnectClient: OnClients;
	resetRadios: { site_id: string; bands?: Band[]; force?: boolean };
	/** One device (`device_id`) or several of the same site (`device_ids`). */
	restartDevice: { site_id: string; device_id?: string; device_ids?: string[] };
	/** `macs`: only these APs; none means every AP of the site. */
	rrmOptimize: { site_id: string; bands?: Band[]; txpower_only?: boolean; macs?: string[] };
	/** Only the given channel, power and bandwidth of one band change. */
	setRadio: OnDevice & { band: Band; channel?: number; power?: number; bandwidth?: number };
	syntheticTest: OnDevice & {
		type: SyntheticTestType;
		/** Findings carry the VLAN as text, as Mist reports it. */
		vlan_id?: number | string;
		hostname?: string;
		ip?: string;
		url?: string;
		username?: string;
		password?: string;
	};
	traceroute: OnDevice & { host: string };
	unauthorizeGuest: OnClients;
}>;
