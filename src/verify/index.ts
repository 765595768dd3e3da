export {
  createRotatingSigner,
  createSigner,
  signerFromConfig,
  type Signer,
  type VerificationSigner,
  type VerifyResult,
  type WarnLogger,
} from './signer.js';
export { shortCode, MAX_CODE_LENGTH } from './code.js';
export { canonicalJson, contentDigest, sha256Hex } from './digest.js';
