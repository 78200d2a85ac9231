// Sample reports from the public and tiny real files for the public-report tests.
import { deflateSync } from 'node:zlib';

/** A valid PNG of `size`×`size` white pixels (real header, IHDR, IDAT, IEND with CRCs). */
export function pngBytes(size = 2): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.concat(
    Array.from({ length: size }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, 0xff)])),
  );
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A fraud report as a Chinese-speaking victim would file it. */
export function zhFraudReport(extra: Record<string, unknown> = {}) {
  return {
    category: 'fraud',
    language: 'zh',
    narrative:
      '对方在微信上自称“京东金融客服”，说我的百万保障服务要扣费，让我把钱转到“安全账户”。我按照要求转了两次，一共 38000 元。对方网站 https://jd-anquan.example.com/verify 现在打不开了。',
    occurredAt: '2026-02-27',
    amountLost: 38000,
    currency: 'CNY',
    payments: [
      { method: 'bank_transfer', account: '6222021234567890128', platform: '手机银行', transactionId: 'TX20260227001' },
    ],
    suspect: {
      phones: ['+86 138 0013 8000'],
      urls: ['https://jd-anquan.example.com/verify'],
      handles: ['wechat:jdkefu_2026'],
      emails: [],
    },
    ...extra,
  };
}
