import type { Band } from '../../shared/findings/operations';
import { isUuid, normalizeMac } from '../../shared/params/identifiers';
import { splitList } from '../../shared/params/lists';

/** The validator of remediation parameters, for node fields and findings alike (no n8n imports). */

export class InvalidParameter extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly hint?: string,
	) {
		super(`Invalid ${field}: ${problem}`);
		this.name = 'InvalidParameter';
	}
}

/**
 * Reads the parameters of one operation (snake_case, as in findings) and names a bad field the way
 * the user sees it: `Invalid Client MAC` for a node field, `Invalid remediation.parameters.client_mac`
 * for a finding. `Key` is the operation's parameter names, so a plan reads only what it declares.
 */
export class ParameterReader<Key extends string = string> {
	constructor(
		private readonly raw: { readonly [name in Key]?: unknown },
		private readonly label: (key: string) => string,
	) {}

	has(key: Key): boolean {
		const value = this.raw[key];
		return (
			value !== undefined &&
			value !== null &&
			value !== '' &&
			!(Array.isArray(value) && value.length === 0)
		);
	}

	fail(key: Key, problem: string, hint?: string): never {
		throw new InvalidParameter(this.label(key), problem, hint);
	}

	private shown(value: unknown): string {
		const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
		return `"${text.slice(0, 60)}"`;
	}

	uuid(key: Key): string {
		if (!this.has(key)) this.fail(key, 'it is empty');
		return this.checkedUuid(this.raw[key], this.label(key));
	}

	uuidList(key: Key): string[] {
		return this.list(key).map((entry, index) =>
			this.checkedUuid(entry, `${this.label(key)} #${index + 1}`),
		);
	}

	private checkedUuid(value: unknown, field: string): string {
		const text = typeof value === 'string' ? value.trim() : '';
		if (isUuid(text)) return text.toLowerCase();
		const hint = 'Mist ids look like 978c48e6-6ef6-11e6-8bbf-02e208b2d34f.';
		throw new InvalidParameter(field, `${this.shown(value)} is not a Mist id (a UUID)`, hint);
	}

	mac(key: Key): string {
		const value = this.raw[key];
		if (!this.has(key)) this.fail(key, 'it is empty');
		const mac = normalizeMac(typeof value === 'string' ? value : String(value));
		if (mac) return mac;
		return this.fail(
			key,
			`${this.shown(value)} is not a MAC address`,
			'Use 12 hex digits, with or without separators, e.g. 5c5b350e0001.',
		);
	}

	macList(key: Key): string[] {
		return this.list(key).map((entry, index) => {
			const mac = normalizeMac(entry);
			return mac ?? this.fail(key, `entry #${index + 1} ${this.shown(entry)} is not a MAC address`);
		});
	}

	/** An array, or a comma/space separated string. */
	list(key: Key): string[] {
		const value = this.raw[key];
		if (value === undefined || value === null || value === '') return [];
		if (Array.isArray(value) || typeof value === 'string') return splitList(value);
		return this.fail(key, `${this.shown(value)} is not a list`);
	}

	integer(key: Key, min: number, max: number): number | undefined {
		if (!this.has(key)) return undefined;
		const value = this.raw[key];
		const number =
			typeof value === 'number'
				? value
				: typeof value === 'string' && value.trim() !== ''
					? Number(value)
					: NaN;
		if (Number.isInteger(number) && number >= min && number <= max) return number;
		return this.fail(key, `${this.shown(value)} is not a whole number from ${min} to ${max}`);
	}

	boolean(key: Key, fallback: boolean): boolean {
		const value = this.raw[key];
		if (value === undefined || value === null || value === '') return fallback;
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		return this.fail(key, `${this.shown(value)} is not true or false`);
	}

	oneOf<T extends string>(key: Key, allowed: readonly T[]): T {
		if (!this.has(key)) this.fail(key, `it is empty; use one of ${allowed.join(', ')}`);
		const text = String(this.raw[key]).trim();
		const found = allowed.find((entry) => entry === text);
		return (
			found ?? this.fail(key, `${this.shown(this.raw[key])} is not one of ${allowed.join(', ')}`)
		);
	}

	/** Host names and IPv4/IPv6 addresses only; the value ends up in a command on the device. */
	host(key: Key): string {
		if (!this.has(key)) this.fail(key, 'it is empty');
		const text = String(this.raw[key]).trim();
		const hostname =
			/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
		const ipv6 = /^[0-9a-f:]{2,39}$/i;
		if (hostname.test(text) || (text.includes(':') && ipv6.test(text))) return text;
		return this.fail(key, `${this.shown(this.raw[key])} is not a host name or IP address`);
	}

	/** Switch interface names such as ge-0/0/1 or mge-1/0/12.0. */
	port(key: Key, value: unknown = this.raw[key]): string {
		const text = typeof value === 'string' ? value.trim() : '';
		if (/^[a-z]{2,4}-\d{1,2}\/\d{1,2}\/\d{1,3}(\.\d{1,5})?$/i.test(text)) return text.toLowerCase();
		if (text === '') return this.fail(key, 'it is empty');
		return this.fail(
			key,
			`${this.shown(value)} is not a switch port name`,
			'Use Junos interface names such as ge-0/0/1.',
		);
	}

	portList(key: Key): string[] {
		const ports = this.list(key);
		if (ports.length === 0) this.fail(key, 'it is empty');
		return ports.map((port) => this.port(key, port));
	}

	band(key: Key): Band {
		if (!this.has(key)) this.fail(key, 'it is empty; use 24, 5 or 6');
		const band = normalizeBand(this.raw[key]);
		return band ?? this.fail(key, `${this.shown(this.raw[key])} is not a radio band (24, 5 or 6)`);
	}

	bands(key: Key, fallback: Band[]): Band[] {
		const entries = this.list(key);
		if (entries.length === 0) return fallback;
		const bands = entries.map(
			(entry) =>
				normalizeBand(entry) ??
				this.fail(key, `${this.shown(entry)} is not a radio band (24, 5 or 6)`),
		);
		return [...new Set(bands)];
	}

	/** Free text that is sent on (e.g. a RADIUS user name); control characters are refused. */
	text(key: Key, maxLength = 128): string | undefined {
		if (!this.has(key)) return undefined;
		const text = String(this.raw[key]);
		if (text.length <= maxLength && ![...text].some((char) => char.charCodeAt(0) < 32)) return text;
		return this.fail(key, `it is longer than ${maxLength} characters or has control characters`);
	}
}

/** "24", "2.4", "band_5", "6 GHz" … → Mist's band name. */
export function normalizeBand(value: unknown): Band | undefined {
	const text = String(value ?? '')
		.trim()
		.toLowerCase()
		.replace(/^band_?/, '')
		.replace(/ghz$/, '')
		.trim();
	if (text === '24' || text === '2.4' || text === '2') return '24';
	if (text === '5' || text === '6') return text;
	return undefined;
}
