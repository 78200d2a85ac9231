// Crypto wallet addresses: BTC/LTC/DOGE (Base58Check, Bech32/Bech32m), ETH/EVM (EIP-55
// checksum when mixed case), TRON (Base58Check with 0x41 prefix, or its 41… hex form).
import { base58CheckDecode, base58CheckEncode } from './base58.js';
import { decodeSegwit } from './bech32.js';
import { keccak256 } from './keccak.js';
import type { NormalizerOutcome } from './observable-types.js';
import { Notes, cleanInput, toHalfWidth } from './text-clean.js';

export const VERIFIED_CHAINS = ['btc', 'eth', 'tron', 'ltc', 'doge'] as const;

/** EIP-55: upper-case a hex letter when the matching nibble of keccak256(lower-case hex) is ≥ 8. */
export function toChecksumAddress(address: string): string {
  const hex = address.toLowerCase().replace(/^0x/, '');
  const hash = keccak256(hex).toString('hex');
  return `0x${[...hex].map((c, i) => (parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c)).join('')}`;
}

/** Base58Check version byte → chain, address format and network. */
const BASE58_VERSIONS: Record<number, { chain: string; format: string; network: string }> = {
  0x00: { chain: 'btc', format: 'p2pkh', network: 'mainnet' },
  0x05: { chain: 'btc', format: 'p2sh', network: 'mainnet' },
  0x6f: { chain: 'btc', format: 'p2pkh', network: 'testnet' },
  0xc4: { chain: 'btc', format: 'p2sh', network: 'testnet' },
  0x30: { chain: 'ltc', format: 'p2pkh', network: 'mainnet' },
  0x32: { chain: 'ltc', format: 'p2sh', network: 'mainnet' },
  0x1e: { chain: 'doge', format: 'p2pkh', network: 'mainnet' },
  0x16: { chain: 'doge', format: 'p2sh', network: 'mainnet' },
  0x41: { chain: 'tron', format: 'base58', network: 'mainnet' },
};

const SEGWIT_HRPS: Record<string, { chain: string; network: string }> = {
  bc: { chain: 'btc', network: 'mainnet' },
  tb: { chain: 'btc', network: 'testnet' },
  ltc: { chain: 'ltc', network: 'mainnet' },
  tltc: { chain: 'ltc', network: 'testnet' },
};

/** Common names for the verified chains; EVM chains share Ethereum's address format and keys. */
const CHAIN_ALIASES: Record<string, string> = {
  bitcoin: 'btc',
  xbt: 'btc',
  ethereum: 'eth',
  evm: 'eth',
  bsc: 'eth',
  bnb: 'eth',
  polygon: 'eth',
  matic: 'eth',
  arbitrum: 'eth',
  optimism: 'eth',
  base: 'eth',
  avax: 'eth',
  trx: 'tron',
  litecoin: 'ltc',
  dogecoin: 'doge',
};

const checksumFail = (notes: Notes) =>
  notes.fail(
    'OBSERVABLE_WALLET_CHECKSUM',
    'The address checksum does not match — most likely a typing or copying error.',
    '地址校验和不匹配，很可能是输入或复制错误。',
  );

export function normalizeWallet(raw: string, path: string, chainHint?: string): NormalizerOutcome {
  const notes = new Notes(path);
  const rawHint = chainHint?.trim().toLowerCase() || undefined;
  const hint = rawHint ? (CHAIN_ALIASES[rawHint] ?? rawHint) : undefined;
  // Payment URIs (bitcoin:…?amount=, ethereum:0x…@1) carry the address before ? or @.
  const s = toHalfWidth(cleanInput(raw))
    .replace(/^(?:bitcoin|litecoin|dogecoin|ethereum|tron):/i, '')
    .replace(/[?@].*$/, '');
  const result = detect(s, notes);
  if (Array.isArray(result)) return result;
  if (result === undefined) {
    if (hint && !(VERIFIED_CHAINS as readonly string[]).includes(hint) && /^[A-Za-z0-9]{20,120}$/.test(s)) {
      notes.warn(
        'unverified',
        `Addresses on ${hint} cannot be checked here; stored as written.`,
        `无法校验 ${hint} 链上的地址，已按原样保存。`,
      );
      return { value: s, display: s, subtype: hint, ...notes.extras() };
    }
    return notes.fail(
      'OBSERVABLE_WALLET_FORMAT',
      'Unrecognised wallet address. Supported: BTC, ETH/EVM, TRON, LTC, DOGE; for other chains choose the chain explicitly.',
      '无法识别的钱包地址。支持 BTC、ETH/EVM、TRON、LTC、DOGE；其他链请明确选择链类型。',
    );
  }
  // A P2SH "3…" address is valid on BTC and LTC alike: the hint decides.
  if (hint === 'ltc' && result.subtype === 'btc' && result.attributes.format === 'p2sh') result.subtype = 'ltc';
  if (hint && hint !== result.subtype) {
    return notes.fail(
      'OBSERVABLE_WALLET_CHAIN_MISMATCH',
      `This is a ${result.subtype.toUpperCase()} address, not ${hint.toUpperCase()}.`,
      `这是 ${result.subtype.toUpperCase()} 地址，而不是 ${hint.toUpperCase()} 地址。`,
    );
  }
  if (rawHint && rawHint !== hint && hint === 'eth') result.attributes.chain = rawHint;
  if (result.attributes.network === 'testnet')
    notes.warn(
      'testnet',
      'This is a test-network address; it holds no real funds.',
      '这是测试网地址，不涉及真实资金。',
    );
  return { ...result, ...notes.extras() };
}

type Detected = { value: string; display: string; subtype: string; attributes: Record<string, string> };

function detect(s: string, notes: Notes): Detected | ReturnType<Notes['fail']> | undefined {
  if (/^0x[0-9a-f]{40}$/i.test(s)) {
    const hex = s.slice(2);
    const checksummed = toChecksumAddress(hex);
    const mixed = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
    if (mixed && checksummed.slice(2) !== hex) return checksumFail(notes);
    return {
      value: `0x${hex.toLowerCase()}`,
      display: checksummed,
      subtype: 'eth',
      attributes: { format: mixed ? 'eip55' : 'hex' },
    };
  }
  if (/^41[0-9a-f]{40}$/i.test(s)) {
    const b58 = base58CheckEncode(Buffer.from(s, 'hex'));
    return { value: b58, display: b58, subtype: 'tron', attributes: { format: 'hex', network: 'mainnet' } };
  }
  const seg = /^(bc|tb|ltc|tltc)1/i.exec(s);
  if (seg) {
    const d = decodeSegwit(s);
    if (!d.ok) {
      return d.reason === 'checksum'
        ? checksumFail(notes)
        : notes.fail(
            'OBSERVABLE_WALLET_FORMAT',
            'Not a valid SegWit address (wrong witness version or program length).',
            '不是有效的隔离见证地址（见证版本或程序长度错误）。',
          );
    }
    const net = SEGWIT_HRPS[d.address.hrp];
    if (!net) return undefined;
    const { version, program } = d.address;
    const format =
      version === 0
        ? program.length === 20
          ? 'p2wpkh'
          : 'p2wsh'
        : version === 1 && program.length === 32
          ? 'p2tr'
          : `segwit_v${version}`;
    const v = s.toLowerCase();
    return { value: v, display: v, subtype: net.chain, attributes: { format, network: net.network } };
  }
  if (/^[1-9A-HJ-NP-Za-km-z]{25,35}$/.test(s)) {
    const d = base58CheckDecode(s);
    if (!d.ok) return d.reason === 'checksum' ? checksumFail(notes) : undefined;
    const version = BASE58_VERSIONS[d.payload[0]!];
    if (!version || d.payload.length !== 21) return undefined;
    return {
      value: s,
      display: s,
      subtype: version.chain,
      attributes: { format: version.format, network: version.network },
    };
  }
  return undefined;
}
