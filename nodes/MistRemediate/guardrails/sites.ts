/** Allow and deny lists match a site by id or by name, ignoring case and surrounding spaces. */
export function siteMatches(list: string[], siteId: string, siteName?: string): boolean {
	const id = siteId.toLowerCase();
	const name = siteName?.trim().toLowerCase();
	return list.some((entry) => {
		const wanted = entry.trim().toLowerCase();
		return wanted !== '' && (wanted === id || (name !== undefined && wanted === name));
	});
}

export function siteLabel(siteId: string, siteName?: string): string {
	return siteName ? `"${siteName}" (${siteId})` : siteId;
}
