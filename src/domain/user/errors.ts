// Error codes owned by the user/auth area (merged into the node-wide catalogue in src/errors.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const USER_ERRORS = {
  // Also the answer for unknown, disabled and locked accounts (src/services/user/login.ts): one
  // message that covers them all without saying which applies.
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    message: {
      en: 'Wrong user name or password. After repeated failures an account is locked for a while.',
      zh: '用户名或密码错误。多次失败后账户将被暂时锁定。',
    },
  },
  AUTH_RATE_LIMITED: {
    status: 429,
    message: {
      en: 'Too many failed sign-ins from your connection. Please wait a little and try again.',
      zh: '您的网络连接登录失败次数过多，请稍后再试。',
    },
  },
  AUTH_TOTP_REQUIRED: {
    status: 401,
    message: { en: 'Enter the 6-digit code from your authenticator app.', zh: '请输入身份验证器应用中的 6 位验证码。' },
  },
  AUTH_TOTP_INVALID: {
    status: 401,
    message: { en: 'The authentication code is wrong or expired.', zh: '验证码错误或已过期。' },
  },
  AUTH_ACCOUNT_LOCKED: {
    status: 423,
    message: {
      en: 'Too many failed sign-ins: the account is locked for a while.',
      zh: '登录失败次数过多，账户已被暂时锁定。',
    },
  },
  AUTH_ACCOUNT_DISABLED: {
    status: 403,
    message: { en: 'This account is disabled.', zh: '该账户已被停用。' },
  },
  AUTH_SESSION_EXPIRED: {
    status: 401,
    message: { en: 'Your session has expired; please sign in again.', zh: '会话已过期，请重新登录。' },
  },
  AUTH_PARTY_ACCOUNT_TAXII_ONLY: {
    status: 403,
    message: {
      en: 'This account acts for another party: it may use TAXII and its own account settings only.',
      zh: '该账户代表其他合作方：只能使用 TAXII 接口和自己的账户设置。',
    },
  },
  AUTH_CROSS_ORIGIN_REFUSED: {
    status: 403,
    message: {
      en: 'Refused: a signed-in browser session may only be used by this node’s own pages, and this request came from elsewhere (or did not say where from).',
      zh: '已拒绝：已登录的浏览器会话只能由本节点自己的页面使用，而该请求来自其他来源（或未注明来源）。',
    },
  },
  AUTH_JSON_BODY_REQUIRED: {
    status: 415,
    message: {
      en: 'Send the body as JSON (application/json) or as a file upload, not as a form.',
      zh: '请求体必须以 JSON（application/json）或文件上传方式发送，不能以表单方式发送。',
    },
  },
  AUTH_TOTP_NOT_PENDING: {
    status: 409,
    message: { en: 'Start two-factor enrolment first.', zh: '请先开始双因素认证绑定。' },
  },
  USER_NOT_FOUND: { status: 404, message: { en: 'No such user.', zh: '用户不存在。' } },
  USER_USERNAME_TAKEN: {
    status: 409,
    message: { en: 'This user name is already taken.', zh: '该用户名已被使用。' },
  },
  USER_WEAK_PASSWORD: {
    status: 422,
    message: {
      en: 'The password must have at least 12 characters.',
      zh: '密码至少需要 12 个字符。',
    },
  },
  USER_LAST_ADMIN: {
    status: 409,
    message: {
      en: 'The last active administrator cannot lose the admin role or be disabled.',
      zh: '不能移除最后一位在用管理员的管理员角色或将其停用。',
    },
  },
  USER_RESET_OWN_SECOND_FACTORS: {
    status: 409,
    message: {
      en: 'An administrator cannot reset their own second factors here; remove them from your account page, or ask another administrator.',
      zh: '管理员不能在此重置自己的第二验证因素；请在“我的账户”页面移除，或请另一位管理员操作。',
    },
  },
  TOKEN_NOT_FOUND: { status: 404, message: { en: 'No such API token.', zh: 'API 令牌不存在。' } },
  AUTH_TOKEN_SCOPE: {
    status: 403,
    message: {
      en: 'This API token’s scope does not allow this request (read-only tokens may only read; TAXII-only tokens may only use /taxii2/).',
      zh: '该 API 令牌的权限范围不允许此请求（只读令牌只能读取；仅限 TAXII 的令牌只能访问 /taxii2/）。',
    },
  },
  AUTH_TOKEN_LIFETIME_TOO_LONG: {
    status: 422,
    message: { en: 'An API token cannot live that long on this node.', zh: '本节点的 API 令牌有效期不能这么长。' },
  },
  AUTH_TOKEN_EXCEEDS_PARENT: {
    status: 422,
    message: {
      en: 'A token cannot create a token with a wider scope or a longer life than its own.',
      zh: '令牌不能创建权限范围更大或有效期更长的令牌。',
    },
  },
} as const satisfies ErrorCatalogue;
