// Correlation for requests for assistance: the identifiers that are observables (domain, IP, URL,
// e-mail, phone, wallet) are normalized as a case would store them and indexed for the request.
// An `account` correlates as an account handle when its service (or the value: telegram:@name, a
// profile link) names a known platform — "account 12345 at Example Mail" names nothing another
// record could share. `other` identifiers are free-form and are skipped.
import { isKnownPlatform } from '../../domain/case/normalize-handle.js';
import { tryNormalizeObservable } from '../../domain/case/normalize-observable.js';
import type { ObservableType } from '../../domain/case/observable-types.js';
import type { IdentifierKind, RequestRecord } from '../../domain/request/index.js';
import type { Queryable } from '../../storage/db.js';
import type { ServiceContext } from '../context.js';
import { recordObservables, type CorrelationHit } from './record-observables.js';

const KIND_TO_TYPE: Partial<Record<IdentifierKind, ObservableType>> = {
  domain: 'domain',
  ip: 'ip',
  url: 'url',
  email: 'email',
  phone: 'phone',
  wallet: 'crypto_wallet',
};

export function requestObservables(
  request: Pick<RequestRecord, 'identifiers'>,
  defaultCountry: string,
): { type: ObservableType; value: string }[] {
  const out: { type: ObservableType; value: string }[] = [];
  for (const id of request.identifiers) {
    if (id.kind === 'account') {
      const n = tryNormalizeObservable('account_handle', id.value, id.service ? { platform: id.service } : {});
      if (n.ok && n.observable.subtype && isKnownPlatform(n.observable.subtype))
        out.push({ type: 'account_handle', value: n.observable.value });
      continue;
    }
    const type = KIND_TO_TYPE[id.kind];
    if (!type) continue;
    // A CIDR block or a malformed value is kept on the request but cannot match a single observable.
    const n = tryNormalizeObservable(type, id.value, { defaultCountry });
    if (n.ok) out.push({ type, value: n.observable.value });
  }
  return out;
}

export function recordRequestObservables(
  tx: Queryable,
  ctx: ServiceContext,
  request: RequestRecord,
  now: Date,
): Promise<CorrelationHit[]> {
  return recordObservables(
    tx,
    ctx,
    { kind: 'request', id: request.id, label: request.reference },
    requestObservables(request, ctx.config.country),
    now,
  );
}
