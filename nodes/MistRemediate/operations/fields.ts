/** Validators for remediation parameters, shared by explicit node input and findings (no n8n imports). */

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

/** Reads canonical parameters (snake_case, as in findings) and names fields the way the user sees them. */
export class ParameterReader {
	constructor(
		private readonly raw: Record<string, unknown>,
		private readonly label: (key: string) => string,
	) {}

	has(key: string): boolean {
		const value = this.raw[key];
		return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
	}

	fail(key: string, problem: string, hint?: string): never {
		throw new InvalidParameter(this.label(key), problem, hint);
	}

	private shown(value: unknown): string {
		const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
		return `"${text.slice(0, 60)}"`;
	}

	uuid(key: string): string {
		const value = this.raw[key];
		if (!this.has(key)) this.fail(key, 'it is empty');
		const text = typeof value === 'string' ? value.trim() : '';
		if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return text.toLowerCase();
		return this.fail(key, `${this.shown(value)} is not a Mist id (a UUID)`, 'Mist ids look like 978c48e6-6ef6-11e6-8bbf-02e208b2d34f.');
	}

	uuidList(key: string): string[] {
		return this.list(key).map((entry, index) => new ParameterReader({ [key]: entry }, () => `${this.label(key)} #${index + 1}`).uuid(key));
	}

	mac(key: string): string {
		const value = this.raw[key];
		if (!this.has(key)) this.fail(key, 'it is empty');
		const mac = normalizeMac(typeof value === 'string' ? value : String(value));
		if (mac) return mac;
		return this.fail(key, `${this.shown(value)} is not a MAC address`, 'Use 12 hex digits, with or without separators, e.g. 5c5b350e0001.');
	}

	macList(key: string): string[] {
		return this.list(key).map((entry, index) => {
			const mac = normalizeMac(entry);
			if (!mac) this.fail(key, `entry #${index + 1} ${this.shown(entry)} is not a MAC address`);
			return mac as string;
		});
	}

	/** An array, or a comma/space separated string. */
	list(key: string): string[] {
		const value = this.raw[key];
		if (value === undefined || value === null || value === '') return [];
		if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter(Boolean);
		if (typeof value === 'string') return value.split(/[,\s]+/).map((entry) => entry.trim()).filter(Boolean);
		return this.fail(key, `${this.shown(value)} is not a list`);
	}

	integer(key: string, min: number, max: number): number | undefined {
		if (!this.has(key)) return undefined;
		const value = this.raw[key];
		const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
		if (Number.isInteger(number) && number >= min && number <= max) return number;
		return this.fail(key, `${this.shown(value)} is not a whole number from ${min} to ${max}`);
	}

	boolean(key: string, fallback: boolean): boolean {
		const value = this.raw[key];
		if (value === undefined || value === null || value === '') return fallback;
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		return this.fail(key, `${this.shown(value)} is not true or false`);
	}

	oneOf<T extends string>(key: string, allowed: readonly T[]): T {
		if (!this.has(key)) this.fail(key, `it is empty; use one of ${allowed.join(', ')}`);
		const text = String(this.raw[key]).trim();
		if ((allowed as readonly string[]).includes(text)) return text as T;
		return this.fail(key, `${this.shown(this.raw[key])} is not one of ${allowed.join(', ')}`);
	}

	/** Host names and IPv4/IPv6 addresses only; the value ends up in a command on the device. */
	host(key: string): string {
		if (!this.has(key)) this.fail(key, 'it is empty');
		const text = String(this.raw[key]).trim();
		const hostname = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
		const ipv6 = /^[0-9a-f:]{2,39}$/i;
		if (hostname.test(text) || (text.includes(':') && ipv6.test(text))) return text;
		return this.fail(key, `${this.shown(this.raw[key])} is not a host name or IP address`);
	}

	/** Switch interface names such as ge-0/0/1 or mge-1/0/12.0. */
	port(key: string, value: unknown = this.raw[key]): string {
		const text = typeof value === 'string' ? value.trim() : '';
		if (/^[a-z]{2,4}-\d{1,2}\/\d{1,2}\/\d{1,3}(\.\d{1,5})?$/i.test(text)) return text.toLowerCase();
		if (text === '') return this.fail(key, 'it is empty');
		return this.fail(key, `${this.shown(value)} is not a switch port name`, 'Use Junos interface names such as ge-0/0/1.');
	}

	portList(key: string): string[] {
		const ports = this.list(key);
		if (ports.length === 0) this.fail(key, 'it is empty');
		return ports.map((port) => this.port(key, port));
	}

	band(key: string): Band {
		if (!this.has(key)) this.fail(key, 'it is empty; use 24, 5 or 6');
		const band = normalizeBand(this.raw[key]);
		return band ?? this.fail(key, `${this.shown(this.raw[key])} is not a radio band (24, 5 or 6)`);
	}

	bands(key: string, fallback: Band[]): Band[] {
		const entries = this.list(key);
		if (entries.length === 0) return fallback;
		const bands = entries.map((entry) => normalizeBand(entry) ?? this.fail(key, `${this.shown(entry)} is not a radio band (24, 5 or 6)`));
		return [...new Set(bands)];
	}

	/** Free text that is sent on (e.g. a RADIUS user name); control characters are refused. */
	text(key: string, maxLength = 128): string | undefined {
		if (!this.has(key)) return undefined;
		const text = String(this.raw[key]);
		if (text.length <= maxLength && ![...text].some((char) => char.charCodeAt(0) < 32)) return text;
		return this.fail(key, `it is longer than ${maxLength} characters or has control characters`);
	}
}

export type Band = '24' | '5' | '6';

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

export function normalizeMac(value: string): string | undefined {
	const hex = value.trim().toLowerCase().replace(/[:\-.\s]/g, '');
	return /^[0-9a-f]{12}$/.test(hex) ? hex : undefined;
}
