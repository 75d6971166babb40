import type { INode } from 'n8n-workflow';

import { normalizeMac, requireMac, requireUuid } from '../../../../nodes/shared/params/identifiers';

const node = { name: 'Juniper Mist' } as INode;

describe('identifiers', () => {
	it.each([
		['5c5b350e0001', '5c5b350e0001'],
		['5C:5B:35:0E:00:01', '5c5b350e0001'],
		['5c-5b-35-0e-00-01', '5c5b350e0001'],
		['5c5b.350e.0001', '5c5b350e0001'],
		['5c5b350e000', undefined],
		['5c5b350e00zz', undefined],
	])('MAC %p normalises to %p', (text, mac) => {
		expect(normalizeMac(text)).toBe(mac);
	});

	it('names the field for a bad MAC or id', () => {
		expect(() => requireMac(node, 'printer', 'Client MAC')).toThrow(
			'Invalid Client MAC: "printer" is not a MAC address',
		);
		expect(() => requireMac(node, '', 'Client MAC')).toThrow('Invalid Client MAC: it is empty');
		expect(() => requireUuid(node, 'abc/../x', 'Site')).toThrow(
			'Invalid Site: "abc/../x" is not a Mist id (a UUID)',
		);
		expect(requireUuid(node, ' 978C48E6-6EF6-11E6-8BBF-02E208B2D34F ', 'Site')).toBe(
			'978c48e6-6ef6-11e6-8bbf-02e208b2d34f',
		);
	});
});
