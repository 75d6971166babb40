import type { MistResource } from '../types';

// Operations are added in this folder: one <operation>.operation.ts per operation.
export const sle: MistResource = {
	operations: {},
	description: [],
};
