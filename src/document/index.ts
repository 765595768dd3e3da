export * from './model.js';
export * from './build.js';
