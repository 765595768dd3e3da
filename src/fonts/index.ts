export { getFontLibrary } from './library.js';
