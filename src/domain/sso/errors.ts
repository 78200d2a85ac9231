// Error codes of single sign-on (OpenID Connect): the admin's provider settings and every refused
// SSO sign-in. A refused sign-in reaches the browser as a redirect to the sign-in page with the code
// (src/http/routes/auth/oidc.routes.ts), where the page shows this message in the user's language.
import type { ErrorCatalogue } from '../../error-types.js';

export const SSO_ERRORS = {
  SSO_PROVIDER_NOT_FOUND: {
    status: 404,
    message: { en: 'No such sign-in provider, or it is switched off.', zh: '没有该单点登录提供方，或其已停用。' },
  },
  SSO_PROVIDER_SLUG_TAKEN: {
    status: 409,
    message: { en: 'Another provider already uses this short name.', zh: '已有其他提供方使用此短名称。' },
  },
  SSO_ISSUER_INSECURE: {
    status: 422,
    message: {
      en: 'The issuer must be an https:// address (plain http is accepted only on this machine, for tests).',
      zh: '签发方地址必须以 https:// 开头（仅本机测试时可用 http）。',
    },
  },
  SSO_SECRET_REQUIRED: {
    status: 422,
    message: {
      en: 'Enter the client secret the identity provider issued for this node.',
      zh: '请输入身份提供方为本节点签发的客户端密钥。',
    },
  },
  SSO_RATE_LIMITED: {
    status: 429,
    message: {
      en: 'Too many single sign-on attempts from your connection. Please wait a little and try again.',
      zh: '您的网络连接发起的单点登录次数过多，请稍后再试。',
    },
  },
  SSO_STATE_INVALID: {
    status: 400,
    message: {
      en: 'This sign-in link is not valid: it was used already, expired, altered, or started in another browser. Start again from the sign-in page.',
      zh: '此登录链接无效：已被使用、已过期、被篡改，或是在其他浏览器中发起的。请从登录页重新开始。',
    },
  },
  SSO_IDP_ERROR: {
    status: 401,
    message: {
      en: 'Your agency’s identity provider refused or cancelled the sign-in.',
      zh: '贵机构的身份提供方拒绝或取消了此次登录。',
    },
  },
  SSO_IDP_UNREACHABLE: {
    status: 502,
    message: {
      en: 'The identity provider cannot be reached right now. Try again later or sign in with a local account.',
      zh: '暂时无法连接身份提供方。请稍后再试，或使用本地账户登录。',
    },
  },
  SSO_TOKEN_INVALID: {
    status: 401,
    message: {
      en: 'The identity provider’s answer did not pass the checks (issuer, audience, expiry, nonce or signature). The sign-in was refused.',
      zh: '身份提供方的应答未通过校验（签发方、受众、有效期、随机数或签名），登录已被拒绝。',
    },
  },
  SSO_TOKEN_EXPIRED: {
    status: 401,
    message: {
      en: 'The identity provider’s sign-in token has expired. Check the clocks and sign in again.',
      zh: '身份提供方的登录令牌已过期。请检查时钟后重新登录。',
    },
  },
  SSO_TOKEN_AUDIENCE: {
    status: 401,
    message: {
      en: 'The sign-in token was issued for another application, not for this node. The sign-in was refused.',
      zh: '该登录令牌是签发给其他应用而非本节点的，登录已被拒绝。',
    },
  },
  SSO_LOGOUT_TOKEN_INVALID: {
    status: 400,
    message: {
      en: 'The logout token is not valid (signature, issuer, audience, age or logout event).',
      zh: '注销令牌无效（签名、签发方、受众、时效或注销事件不符）。',
    },
  },
  SSO_USERNAME_MISSING: {
    status: 422,
    message: {
      en: 'The identity provider did not send the claim that names the user, or its value is not a valid user name.',
      zh: '身份提供方未提供用于标识用户的声明，或其值不是有效的用户名。',
    },
  },
  SSO_UNKNOWN_USER: {
    status: 403,
    message: {
      en: 'You have no account on this node yet, and accounts are not created automatically for this provider. Ask an administrator.',
      zh: '您在本节点尚无账户，且此提供方不会自动创建账户。请联系管理员。',
    },
  },
  SSO_NO_ROLE: {
    status: 403,
    message: {
      en: 'Your identity provider gives you no role on this node (no group matches the role mapping). Ask an administrator.',
      zh: '身份提供方未给予您在本节点的任何角色（没有与角色映射相符的组）。请联系管理员。',
    },
  },
  SSO_ACCOUNT_DISABLED: {
    status: 403,
    message: { en: 'Your account on this node is disabled.', zh: '您在本节点的账户已被停用。' },
  },
  SSO_ACCOUNT_LINKED_ELSEWHERE: {
    status: 409,
    message: {
      en: 'The account with this user name cannot be signed in through this provider: it is an administrator account kept for local sign-in, or it is linked to another identity there. Ask an administrator.',
      zh: '无法通过此提供方登录该用户名的账户：它是保留给本地登录的管理员账户，或已与该提供方的另一身份关联。请联系管理员。',
    },
  },
} as const satisfies ErrorCatalogue;

export type SsoErrorCode = keyof typeof SSO_ERRORS;
