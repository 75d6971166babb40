/** Splits a comma/space/newline separated list, trimming and dropping empties. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter(Boolean);
	if (typeof value !== 'string') return [];
	return value
		.split(/[,\s]+/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/** Splits a comma separated list of names, which may contain spaces (site names such as "HQ Building"). */
export function splitCommaList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter(Boolean);
	return String(value ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}
