// Keccak-256 (the pre-FIPS padding Ethereum uses, not SHA3-256), for EIP-55 address checksums.
// From @noble/hashes (audited, pure JavaScript): node:crypto offers only FIPS SHA3.
import { keccak_256 } from '@noble/hashes/sha3.js';

export function keccak256(data: Uint8Array | string): Buffer {
  return Buffer.from(keccak_256(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
}
