// Error codes of passkeys (WebAuthn): enrolment, sign-in with a passkey, and the node's policy that
// requires one (merged into the node-wide catalogue in src/errors.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const PASSKEY_ERRORS = {
  AUTH_PASSKEY_REQUIRED: {
    status: 403,
    message: {
      en: 'This node requires a passkey for your role: add one on your account page before you continue.',
      zh: '本节点要求您的角色使用通行密钥：请先在“我的账户”页面添加通行密钥再继续。',
    },
  },
  AUTH_PASSKEY_CONFIRM_REQUIRED: {
    status: 401,
    message: { en: 'Confirm the sign-in with your passkey.', zh: '请使用您的通行密钥确认登录。' },
  },
  AUTH_PASSKEY_INVALID: {
    status: 401,
    message: {
      en: 'The passkey could not be verified. Try again, or sign in another way.',
      zh: '无法验证该通行密钥。请重试，或改用其他方式登录。',
    },
  },
  PASSKEY_CHALLENGE_INVALID: {
    status: 400,
    message: {
      en: 'This passkey request has expired or was already used. Start again.',
      zh: '该通行密钥请求已过期或已被使用，请重新开始。',
    },
  },
  PASSKEY_VERIFICATION_FAILED: {
    status: 400,
    message: {
      en: 'The passkey response could not be verified (wrong site, wrong request or a damaged answer).',
      zh: '无法验证通行密钥的响应（网站不符、请求不符或响应已损坏）。',
    },
  },
  PASSKEY_ALREADY_REGISTERED: {
    status: 409,
    message: { en: 'This passkey is already registered.', zh: '该通行密钥已注册。' },
  },
  PASSKEY_NOT_FOUND: {
    status: 404,
    message: { en: 'No such passkey.', zh: '通行密钥不存在。' },
  },
  PASSKEY_LIMIT_REACHED: {
    status: 409,
    message: {
      en: 'You already have the most passkeys an account may have. Remove one first.',
      zh: '您的通行密钥数量已达上限，请先删除一个。',
    },
  },
  PASSKEY_REMOVAL_PROOF_REQUIRED: {
    status: 401,
    message: {
      en: 'To remove a passkey, confirm with your password or with another of your passkeys.',
      zh: '删除通行密钥前，请用您的密码或您的另一个通行密钥进行确认。',
    },
  },
  PASSKEY_LAST_REQUIRED_BY_POLICY: {
    status: 409,
    message: {
      en: 'This node requires a passkey for your role: add another passkey before you remove your last one.',
      zh: '本节点要求您的角色使用通行密钥：请先添加另一个通行密钥，再删除最后一个。',
    },
  },
  PASSKEY_POLICY_FORBIDDEN: {
    status: 403,
    message: {
      en: 'Only a supervisor or an administrator may change the passkey policy.',
      zh: '只有主管或管理员可以更改通行密钥策略。',
    },
  },
} as const satisfies ErrorCatalogue;
