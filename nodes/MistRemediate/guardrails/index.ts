export * from './types';
export * from './state';
export * from './window';
export * from './sites';
export * from './evaluate';
