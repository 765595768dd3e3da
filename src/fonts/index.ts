export { getFontLibrary } from './library.js';
export { fontsBeingRead } from './bytes.js';
