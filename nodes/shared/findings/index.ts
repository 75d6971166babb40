export * from './types';
export * from './severity';
export * from './fingerprint';
export * from './remediation';
export * from './build';
export * from './merge';
export * from './schema';
export * from './titles';
