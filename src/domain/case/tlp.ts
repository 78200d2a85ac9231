// Traffic Light Protocol 2.0 (FIRST): markings, ordering and the sharing rules enforced on
// send (checkShareAllowed) and on view (checkViewAllowed).
import type { Bilingual } from '../../error-types.js';

export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

export const TLP_DESCRIPTIONS: Record<Tlp, { label: string; description: Bilingual }> = {
  CLEAR: {
    label: 'TLP:CLEAR',
    description: {
      en: 'Recipients may share this with the world; there is no limit on disclosure.',
      zh: '接收方可向任何人公开，无披露限制。',
    },
  },
  GREEN: {
    label: 'TLP:GREEN',
    description: {
      en: 'Recipients may share this within their community, but not publicly.',
      zh: '接收方可在其所属社群内共享，但不得公开。',
    },
  },
  AMBER: {
    label: 'TLP:AMBER',
    description: {
      en: 'Recipients may share this only within their organisation and its clients, on a need-to-know basis.',
      zh: '接收方仅可在本机构及其服务对象内按需知悉原则共享。',
    },
  },
  'AMBER+STRICT': {
    label: 'TLP:AMBER+STRICT',
    description: {
      en: 'Recipients may share this only within their own organisation, on a need-to-know basis.',
      zh: '接收方仅可在本机构内部按需知悉原则共享。',
    },
  },
  RED: {
    label: 'TLP:RED',
    description: {
      en: 'For the eyes and ears of the named recipients only; no further disclosure.',
      zh: '仅限指定接收方本人知悉，不得进一步披露。',
    },
  },
};

/** 0 = CLEAR (least restrictive) … 4 = RED (most restrictive). */
export function tlpRank(tlp: Tlp): number {
  return TLP_LEVELS.indexOf(tlp);
}

export function stricterTlp(a: Tlp, b: Tlp): Tlp {
  return tlpRank(a) >= tlpRank(b) ? a : b;
}

/** Accepts `TLP:AMBER+STRICT`, `amber+strict`, and TLP 1.0's `WHITE` (= CLEAR). */
export function parseTlp(raw: string): Tlp | undefined {
  const s = raw
    .trim()
    .toUpperCase()
    .replace(/^TLP:\s*/, '')
    .replace(/\s+/g, '');
  if (s === 'WHITE') return 'CLEAR';
  return (TLP_LEVELS as readonly string[]).includes(s) ? (s as Tlp) : undefined;
}

/**
 * Circles of disclosure, narrowest first. `named` = named individual recipients; `organisation`
 * = the recipient agency; `clients` = the agency plus those it serves on a need-to-know basis;
 * `community` = the federation's parties; `public` = anyone.
 */
export const TLP_AUDIENCES = ['named', 'organisation', 'clients', 'community', 'public'] as const;
export type TlpAudience = (typeof TLP_AUDIENCES)[number];

const WIDEST_AUDIENCE: Record<Tlp, TlpAudience> = {
  RED: 'named',
  'AMBER+STRICT': 'organisation',
  AMBER: 'clients',
  GREEN: 'community',
  CLEAR: 'public',
};

/** May information marked `tlp` be disclosed to `audience` by someone who received it? */
export function mayShareTlp(tlp: Tlp, audience: TlpAudience): boolean {
  return TLP_AUDIENCES.indexOf(audience) <= TLP_AUDIENCES.indexOf(WIDEST_AUDIENCE[tlp]);
}

export type TlpCheck =
  { ok: true } | { ok: false; code: 'CASE_SHARE_TLP_REFUSED' | 'CASE_VIEW_TLP_REFUSED'; reason: Bilingual };

export type ShareCheckInput = {
  tlp: Tlp;
  /** Party that would receive the information. */
  recipientParty: string;
  /** Party that first marked the information (its source). */
  originParty: string;
  /** Party sending it now; defaults to the origin (first-hand sharing). */
  senderParty?: string;
  /** Parties the origin explicitly named as recipients (relevant for RED). */
  namedRecipients?: readonly string[];
};

const refuse = (en: string, zh: string): TlpCheck => ({
  ok: false,
  code: 'CASE_SHARE_TLP_REFUSED',
  reason: { en, zh },
});

/**
 * Checked before anything leaves the node. The origin decides who sees its information; a
 * party that received it may pass it on only as far as the marking allows. Another police
 * agency is a different organisation, so onward sharing of AMBER / AMBER+STRICT is refused
 * (TLP 2.0 requires the source's permission), and RED goes only to parties the origin named.
 * Returning information to its origin is always allowed.
 */
export function checkShareAllowed(input: ShareCheckInput): TlpCheck {
  const { tlp, recipientParty, originParty } = input;
  const sender = input.senderParty ?? originParty;
  const named = input.namedRecipients ?? [];
  if (recipientParty === originParty) return { ok: true };
  if (tlp === 'RED') {
    if (named.includes(recipientParty)) return { ok: true };
    return sender === originParty
      ? refuse(
          'TLP:RED information can only be sent to recipients named in the share.',
          'TLP:RED 信息只能发送给共享中明确指定的接收方。',
        )
      : refuse(
          'TLP:RED information may not be forwarded to a party the originator did not name.',
          'TLP:RED 信息不得转发给原始提供方未指定的参与方。',
        );
  }
  if (sender === originParty) return { ok: true };
  if (tlp === 'AMBER+STRICT')
    return refuse(
      'TLP:AMBER+STRICT information may not leave the receiving organisation.',
      'TLP:AMBER+STRICT 信息不得传出接收机构。',
    );
  if (tlp === 'AMBER')
    return refuse(
      'TLP:AMBER information may be shared only within the receiving organisation and its clients, not with another agency, without the originator’s permission.',
      '未经原始提供方许可，TLP:AMBER 信息仅可在接收机构及其服务对象内共享，不得提供给其他机构。',
    );
  return { ok: true }; // GREEN: the federation is the community; CLEAR: anyone.
}

export type ViewCheckInput = {
  tlp: Tlp;
  /** Party of the viewer; `null` for an anonymous / public viewer. */
  viewerParty: string | null;
  /** Party whose node holds the information and shows it. */
  holderParty: string;
  originParty: string;
  namedRecipients?: readonly string[];
  /** For RED: if the origin named individuals, only they may view. */
  namedUsers?: readonly string[];
  viewerUserId?: string;
};

/**
 * Checked when information is shown. A local user (viewer on the holding node) may see what
 * the node legitimately holds; for RED the holder must itself be named (or be the origin)
 * and, when the origin named individuals, the viewer must be one of them. A viewer from
 * another party is an onward disclosure and follows checkShareAllowed; an anonymous viewer
 * sees only CLEAR.
 */
export function checkViewAllowed(input: ViewCheckInput): TlpCheck {
  const { tlp, viewerParty, holderParty, originParty } = input;
  const named = input.namedRecipients ?? [];
  const deny = (en: string, zh: string): TlpCheck => ({ ok: false, code: 'CASE_VIEW_TLP_REFUSED', reason: { en, zh } });
  if (viewerParty === null) {
    return tlp === 'CLEAR'
      ? { ok: true }
      : deny('Only TLP:CLEAR information is public.', '只有 TLP:CLEAR 信息可以公开。');
  }
  if (viewerParty !== holderParty) {
    const share = checkShareAllowed({
      tlp,
      recipientParty: viewerParty,
      originParty,
      senderParty: holderParty,
      namedRecipients: named,
    });
    return share.ok ? share : { ...share, code: 'CASE_VIEW_TLP_REFUSED' };
  }
  if (tlp !== 'RED') return { ok: true };
  if (holderParty !== originParty && !named.includes(holderParty)) {
    return deny('This TLP:RED information was not addressed to your agency.', '该 TLP:RED 信息并非发给贵机构。');
  }
  const users = input.namedUsers ?? [];
  if (users.length > 0 && (input.viewerUserId === undefined || !users.includes(input.viewerUserId))) {
    return deny('This TLP:RED information is for named recipients only.', '该 TLP:RED 信息仅限指定接收人查看。');
  }
  return { ok: true };
}
