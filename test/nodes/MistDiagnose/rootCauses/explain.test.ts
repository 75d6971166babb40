import { causeFinding } from '../../../../nodes/MistDiagnose/rootCauses/cause';
import { explainFindings } from '../../../../nodes/MistDiagnose/rootCauses/explain';
import type {
	RootCauseContext,
	RootCauseRule,
} from '../../../../nodes/MistDiagnose/rootCauses/types';
import { fingerprint } from '../../../../nodes/shared/findings/fingerprint';
import { manual } from '../../../../nodes/shared/findings/remediation';
import type { Finding, Severity } from '../../../../nodes/shared/findings/types';
import { NOW, ORG, SITE, SITE2, thresholds } from '../rules/fixtures';

const iso = (offsetSeconds: number) => new Date((NOW + offsetSeconds) * 1000).toISOString();

function symptom(rule: string, target: string, severity: Severity, site = SITE, at = 0): Finding {
	return {
		fingerprint: fingerprint(ORG, site, rule, target),
		step: 'rf_environment',
		rule,
		severity,
		scope: { level: 'ap', org_id: ORG, site_id: site },
		summary: `${rule} on ${target}.`,
		evidence: {},
		likelyCause: 'A symptom.',
		remediation: manual('Look at it.'),
		followUp: [],
		firstSeen: iso(at - 60),
		lastSeen: iso(at),
		count: 1,
	};
}

const context: RootCauseContext = {
	org_id: ORG,
	now: NOW,
	siteNames: { [SITE]: 'Phoenix', [SITE2]: 'Denver' },
	deviceNames: {},
	thresholds: thresholds(),
};

/** A correlator that claims every open finding of one site whose rule is in `rules`. */
function claimSite(id: string, site: string, rules: string[], severity?: Severity): RootCauseRule {
	return {
		id,
		explain: (open) => {
			const mine = open.filter(
				(finding) => finding.scope.site_id === site && rules.includes(finding.rule),
			);
			if (mine.length === 0) return [];
			const cause = causeFinding(mine, {
				rule: 'site_down',
				scope: { level: 'site', org_id: ORG, site_id: site },
				target: id,
				summary: `${id} explains ${mine.length}.`,
				likelyCause: `${id}.`,
				remediation: manual(`Fix ${id}.`),
				severity,
			});
			return [{ cause, symptoms: mine }];
		},
	};
}

describe('causeFinding', () => {
	const symptoms = [
		symptom('high_noise_floor', 'a', 'minor', SITE, -300),
		symptom('non_wifi_interference', 'b', 'major', SITE, 0),
	];
	const cause = causeFinding(symptoms, {
		rule: 'non_wifi_interference',
		scope: { level: 'channel', org_id: ORG, site_id: SITE, band: '5', channel: 36 },
		target: '5/36',
		summary: 'Interference on channel 36.',
		likelyCause: 'Non-Wi-Fi.',
		remediation: manual('Move the radios.'),
	});

	it('takes the worst severity of its symptoms and their whole time span', () => {
		expect(cause.severity).toBe('major');
		expect(cause.firstSeen).toBe(iso(-360));
		expect(cause.lastSeen).toBe(iso(0));
	});

	it('lists its symptoms in its evidence and in explains, and fingerprints its own target', () => {
		expect(cause.fingerprint).toBe(fingerprint(ORG, SITE, 'non_wifi_interference', '5/36'));
		expect(cause.explains).toEqual(symptoms.map((finding) => finding.fingerprint));
		expect(cause.evidence.symptoms).toEqual([
			expect.objectContaining({ rule: 'high_noise_floor', severity: 'minor' }),
			expect.objectContaining({ rule: 'non_wifi_interference', severity: 'major' }),
		]);
	});

	it('refuses a cause without symptoms', () => {
		expect(() =>
			causeFinding([], {
				rule: 'site_down',
				scope: { level: 'site', org_id: ORG, site_id: SITE },
				target: 'site',
				summary: '',
				likelyCause: '',
				remediation: manual(''),
			}),
		).toThrow(/at least one symptom/);
	});
});

describe('explainFindings', () => {
	const findings = [
		symptom('high_noise_floor', 'a', 'minor'),
		symptom('non_wifi_interference', 'b', 'major'),
		symptom('client_low_snr', 'c', 'minor'),
		symptom('ap_offline', 'd', 'critical', SITE2),
	];

	it('replaces the symptoms it explains by one cause linked both ways', () => {
		const { rootCauses, symptoms } = explainFindings(findings, context, [
			claimSite('radio', SITE, ['high_noise_floor', 'non_wifi_interference', 'client_low_snr']),
		]);
		const cause = rootCauses.find((finding) => finding.scope.site_id === SITE) as Finding;
		expect(rootCauses.map((finding) => finding.rule)).toEqual(['ap_offline', 'site_down']);
		expect(symptoms).toHaveLength(3);
		expect(symptoms.every((finding) => finding.rootCause === cause.fingerprint)).toBe(true);
		expect(cause.explains).toEqual(symptoms.map((finding) => finding.fingerprint));
	});

	it('lets no finding be explained twice: a later correlator sees only what is left', () => {
		const { rootCauses, symptoms } = explainFindings(findings, context, [
			claimSite('first', SITE, ['high_noise_floor', 'non_wifi_interference']),
			claimSite('second', SITE, ['non_wifi_interference', 'client_low_snr']),
		]);
		const second = rootCauses.find((finding) => finding.summary.startsWith('second')) as Finding;
		expect(second.explains).toEqual([fingerprint(ORG, SITE, 'client_low_snr', 'c')]);
		const owners = new Map(symptoms.map((finding) => [finding.fingerprint, finding.rootCause]));
		expect(owners.size).toBe(symptoms.length);
	});

	it('keeps a finding no correlator explains as its own root cause, most severe first', () => {
		const { rootCauses, symptoms } = explainFindings(findings, context, []);
		expect(symptoms).toEqual([]);
		expect(rootCauses.map((finding) => finding.severity)).toEqual([
			'critical',
			'major',
			'minor',
			'minor',
		]);
		expect(rootCauses.every((finding) => finding.rootCause === undefined)).toBe(true);
	});

	it('ignores a claim on findings already taken, and merges duplicate fingerprints first', () => {
		const twice = [...findings, { ...findings[0], severity: 'major' as const }];
		const { rootCauses } = explainFindings(twice, context, [
			claimSite('radio', SITE, ['high_noise_floor']),
			claimSite('again', SITE, ['high_noise_floor']),
		]);
		expect(rootCauses.filter((finding) => finding.rule === 'site_down')).toHaveLength(1);
		const cause = rootCauses.find((finding) => finding.rule === 'site_down') as Finding;
		expect(cause.severity).toBe('major');
	});

	it('does not list a cause among its own symptoms when it upgrades one finding in place', () => {
		const upgrade: RootCauseRule = {
			id: 'upgrade',
			explain: (open) => {
				const target = open.find((finding) => finding.rule === 'non_wifi_interference');
				return target ? [{ cause: { ...target, summary: 'Named.' }, symptoms: [target] }] : [];
			},
		};
		const { rootCauses, symptoms } = explainFindings(findings, context, [upgrade]);
		expect(symptoms).toEqual([]);
		const named = rootCauses.find((finding) => finding.summary === 'Named.');
		expect(named?.explains).toEqual([]);
		expect(named?.evidence.symptoms).toEqual([]);
	});

	it('lists the symptoms in the evidence of a finding that takes the others over', () => {
		const takeOver: RootCauseRule = {
			id: 'takeOver',
			explain: (open) => {
				const lead = open.find((finding) => finding.rule === 'non_wifi_interference');
				// The lead is one of its own findings: no causeFinding, no evidence.symptoms of its own.
				return lead ? [{ cause: lead, symptoms: [...open] }] : [];
			},
		};
		const { rootCauses, symptoms } = explainFindings(findings, context, [takeOver]);
		expect(rootCauses).toHaveLength(1);
		const listed = (rootCauses[0].evidence.symptoms as Array<{ fingerprint: string }>).map(
			(symptom) => symptom.fingerprint,
		);
		expect(listed).toEqual(rootCauses[0].explains);
		expect(listed.sort()).toEqual(symptoms.map((symptom) => symptom.fingerprint).sort());
		expect(listed).not.toContain(rootCauses[0].fingerprint);
	});
});
