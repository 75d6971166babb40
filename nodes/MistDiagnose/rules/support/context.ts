import type { FindingScope } from '../../../shared/findings/types';

/** WLAN security as far as diagnosis cares: PSK (incl. SAE) vs 802.1X vs open/portal. */
export type WlanSecurity = 'psk' | 'eap' | 'open';

/** Facts the rules need but that are not part of the measured data. */
export interface DiagnosisContext {
	org_id: string;
	/** Epoch seconds; the "observed now" time for findings without a timestamp. Passed in to keep rules pure. */
	now: number;
	siteNames?: Record<string, string>;
	/** Device MAC → name (APs, switches). */
	deviceNames?: Record<string, string>;
	/** SSID → security, e.g. from the WLAN configs (`auth.type`: psk/eap/open). */
	wlanSecurity?: Record<string, WlanSecurity>;
}

export function siteScope(
	context: DiagnosisContext,
	siteId: string,
): Pick<FindingScope, 'org_id' | 'site_id' | 'site_name'> {
	return { org_id: context.org_id, site_id: siteId, site_name: context.siteNames?.[siteId] };
}

/** The scope of an AP finding: its site, its MAC and its name (given, else the context's). */
export function apScope(
	context: DiagnosisContext,
	siteId: string,
	ap: string,
	name?: string,
): FindingScope {
	return {
		level: 'ap',
		...siteScope(context, siteId),
		ap_mac: ap,
		ap_name: name ?? context.deviceNames?.[ap],
	};
}

export function siteLabel(context: DiagnosisContext, siteId: string): string {
	return context.siteNames?.[siteId] ? `site ${context.siteNames[siteId]}` : `site ${siteId}`;
}

export function deviceLabel(context: DiagnosisContext, mac: string, name?: string | null): string {
	const known = name || context.deviceNames?.[mac];
	return known ? `${known} (${mac})` : mac;
}
