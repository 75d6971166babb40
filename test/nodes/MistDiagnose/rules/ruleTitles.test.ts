/* eslint-disable @n8n/community-nodes/no-restricted-globals -- __dirname locates the rule sources */
/**
 * Every rule id the diagnosis can emit has a human title. The ids are read from the code itself:
 * the TypeScript checker gives the possible values of every `rule:` property in
 * nodes/MistDiagnose/rules and rootCauses, so a new rule (a literal, a template or a lookup table) is found without a
 * list to keep here.
 */
import ts from 'typescript';

import {
	MARVIS_RULE_PREFIX,
	RULE_TITLES,
	ruleTitle,
} from '../../../../nodes/shared/findings/titles';

// The rules and the root-cause correlators both emit rule ids.
const DIAGNOSE_DIR = ts.sys.resolvePath(`${__dirname}/../../../../nodes/MistDiagnose`);
const RULE_DIRS = ['rules', 'rootCauses'].map((dir) => `${DIAGNOSE_DIR}/${dir}`);

interface RuleSite {
	where: string;
	values: string[];
	/** Types that are neither string literals nor a known rule family, e.g. plain `string`. */
	open: string[];
}

function ruleSites(): RuleSite[] {
	const files = RULE_DIRS.flatMap((dir) => ts.sys.readDirectory(dir, ['.ts']));
	const options = {
		strict: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.CommonJS,
		esModuleInterop: true,
		skipLibCheck: true,
		noEmit: true,
	};
	const program = ts.createProgram(files, options);
	const checker = program.getTypeChecker();
	const sites: RuleSite[] = [];
	for (const file of files) {
		const source = program.getSourceFile(file);
		if (!source) throw new Error(`${file} was not compiled`);
		const visit = (node: ts.Node) => {
			if (
				(ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
				node.name.getText(source) === 'rule'
			) {
				const type = checker.getTypeAtLocation(
					ts.isPropertyAssignment(node) ? node.initializer : node.name,
				);
				const parts = type.isUnion() ? type.types : [type];
				const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
				const site: RuleSite = {
					where: `${file.slice(DIAGNOSE_DIR.length + 1)}:${line}`,
					values: [],
					open: [],
				};
				for (const part of parts) {
					if (part.isStringLiteral()) site.values.push(part.value);
					else if (checker.typeToString(part) === `\`${MARVIS_RULE_PREFIX}\${string}\``) continue;
					else site.open.push(checker.typeToString(part));
				}
				sites.push(site);
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return sites;
}

describe('rule titles', () => {
	const sites = ruleSites();
	const emitted = new Set(sites.flatMap((site) => site.values));

	it('finds the rules of every step in the code', () => {
		expect(sites.length).toBeGreaterThan(30);
		for (const rule of [
			'ap_offline',
			'sle_non_wifi_interference',
			'gateway_arp_failures_vlan',
			'client_dns_failure',
			'slow_dns',
			'switch_port_missing_vlan',
			'sle_site_down',
		]) {
			expect({ rule, emitted: emitted.has(rule) }).toEqual({ rule, emitted: true });
		}
	});

	it('knows every value of every rule property (no open string types)', () => {
		expect(sites.filter((site) => site.open.length)).toEqual([]);
	});

	it('has a title for every rule the diagnosis emits, and none for rules it does not', () => {
		const untitled = [...emitted].filter(
			(rule) => !Object.prototype.hasOwnProperty.call(RULE_TITLES, rule),
		);
		expect(untitled).toEqual([]);
		expect(Object.keys(RULE_TITLES).filter((rule) => !emitted.has(rule))).toEqual([]);
	});

	it.each([
		['ap_offline', 'AP offline'],
		['sle_non_wifi_interference', 'SLE: non-Wi-Fi interference'],
		['non_wifi_interference', 'Non-Wi-Fi interference'],
		['marvis_dhcp_failure', 'Marvis: dhcp failure'],
		['some_future_rule', 'Some future rule'],
	])('titles %s as "%s"', (rule, title) => {
		expect(ruleTitle(rule)).toBe(title);
	});

	it('writes titles as words, not ids', () => {
		for (const title of Object.values(RULE_TITLES)) expect(title).not.toMatch(/_/);
	});
});
