// The words of the connection to head office: an unencrypted (http://) address and the manager's consent to it, zh-CN and en.
import type { Bilingual } from '../errors';

export const UNENCRYPTED_WORDS = {
  /** The settings screen's tick box. */
  allowLabel: { zh: '允许不加密连接', en: 'Allow unencrypted connection' },
  allowHelp: {
    zh: '总部地址为 http:// 时,顾客资料将以明文经过网络。仅在总部无法提供 https:// 时勾选。',
    en: 'With an http:// address, customer data crosses the network in clear. Tick only when head office cannot offer https://.',
  },
  /** Under the address field when it is refused. */
  fieldIssue: {
    zh: '不加密的 http:// 地址须改为 https://,或勾选"允许不加密连接"',
    en: 'an unencrypted http:// address must be https://, or tick "Allow unencrypted connection"',
  },
  refused: {
    zh: '总部地址未加密(http://),已拒绝:请改用 https://,或由店长勾选"允许不加密连接"',
    en: 'The head-office address is unencrypted (http://); refused: use https://, or a manager ticks "Allow unencrypted connection"',
  },
  /** The command line's refusal (npm run cli -- sync / recover). */
  refusedCli: {
    zh: '总部地址未加密(http://),已拒绝:请改用 https://,或加 --allow-unencrypted(或 BRANCH_DESK_ALLOW_UNENCRYPTED=1)',
    en: 'The head-office address is unencrypted (http://); refused: use https://, or add --allow-unencrypted (or BRANCH_DESK_ALLOW_UNENCRYPTED=1)',
  },
  /** The sync line while an allowed unencrypted address is in use. */
  warning: { zh: '连接未加密', en: 'connection not encrypted' },
  /** The transport's refusal when the settings changed underneath it. */
  sendRefused: {
    zh: '总部地址未加密(http://)且未允许不加密连接,未发送任何数据',
    en: 'The head-office address is unencrypted (http://) and unencrypted connections are not allowed; nothing was sent',
  },
} as const satisfies Record<string, Bilingual>;
