export { createRotatingSigner, createSigner, signerFromConfig } from './signer.js';
export { shortCode } from './code.js';
export { canonicalJson, contentDigest } from './digest.js';
