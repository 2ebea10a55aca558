/**
 * The platform's mails, Chinese first with the English text below (a user's language is not
 * known before they sign in). Plain text: links stay visible and copyable.
 */
import { formatArea, formatRentPerM2 } from '@factoryspace/domain';
import type { MailMessage } from './mail.service';

const SIGNATURE = '厂房通 FactorySpace';
const divider = '\n\n— English —\n\n';

function compose(zh: string, en: string): string {
  return `${zh}${divider}${en}\n\n${SIGNATURE}`;
}

export function verifyEmailMail(to: string, displayName: string, link: string): MailMessage {
  return {
    kind: 'verify_email',
    to,
    subject: '请验证你的邮箱 / Verify your email — 厂房通',
    text: compose(
      `${displayName}，你好：\n\n请打开下面的链接验证邮箱，链接 48 小时内有效、只能使用一次：\n${link}\n\n如果不是你本人注册，请忽略本邮件。`,
      `Hello ${displayName},\n\nOpen this link to verify your email. It works once, within 48 hours:\n${link}\n\nIf you did not register, ignore this mail.`,
    ),
  };
}

export function resetPasswordMail(to: string, displayName: string, link: string): MailMessage {
  return {
    kind: 'reset_password',
    to,
    subject: '重置密码 / Reset your password — 厂房通',
    text: compose(
      `${displayName}，你好：\n\n请打开下面的链接设置新密码，链接 1 小时内有效、只能使用一次：\n${link}\n\n如果不是你本人操作，请忽略本邮件，你的密码不会改变。`,
      `Hello ${displayName},\n\nOpen this link to choose a new password. It works once, within 1 hour:\n${link}\n\nIf you did not ask for this, ignore this mail; your password stays as it is.`,
    ),
  };
}

/** Sent instead of a verification mail when someone registers with an address that has an account. */
export function alreadyRegisteredMail(
  to: string,
  loginLink: string,
  resetLink: string,
): MailMessage {
  return {
    kind: 'already_registered',
    to,
    subject: '你已有厂房通账号 / You already have an account — 厂房通',
    text: compose(
      `有人用这个邮箱申请注册厂房通，但该邮箱已有账号。\n登录：${loginLink}\n忘记密码：${resetLink}\n\n如果不是你本人操作，请忽略本邮件。`,
      `Someone tried to register with this address, which already has an account.\nSign in: ${loginLink}\nForgot your password: ${resetLink}\n\nIf this was not you, ignore this mail.`,
    ),
  };
}

/** Sent to a registrant whose firm (credit code) is already on the platform. */
export function firmAlreadyRegisteredMail(to: string, firmName: string): MailMessage {
  return {
    kind: 'firm_already_registered',
    to,
    subject: '企业已注册 / Your firm is already registered — 厂房通',
    text: compose(
      `你提交的企业「${firmName}」（统一社会信用代码相同）已在厂房通注册。请联系该企业在平台上的负责人，在「同事」页面邀请你加入。`,
      `The firm "${firmName}" (same unified social credit code) is already registered on FactorySpace. Ask its owner on the platform to invite you from the Colleagues page.`,
    ),
  };
}

export function invitationMail(
  to: string,
  inviterName: string,
  joining: { zh: string; en: string },
  link: string,
  expiresAt: Date,
): MailMessage {
  const until = expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  return {
    kind: 'invitation',
    to,
    subject: `邀请你加入${joining.zh} / Invitation to join ${joining.en} — 厂房通`,
    text: compose(
      `${inviterName} 邀请你以${joining.zh}的身份使用厂房通。\n请在 ${until}（UTC）前打开链接接受邀请并设置密码：\n${link}`,
      `${inviterName} invites you to FactorySpace as ${joining.en}.\nOpen this link before ${until} (UTC) to accept and choose a password:\n${link}`,
    ),
  };
}

export interface AlertUnit {
  name: string;
  parkName: string;
  grossArea: number;
  listRentFen: number | null;
  link: string;
}

/** New units matching a saved search (at most a few listed; the link shows them all). */
export function savedSearchAlertMail(
  to: string,
  displayName: string,
  searchName: string,
  units: AlertUnit[],
  total: number,
  searchLink: string,
): MailMessage {
  const lines = (locale: 'zh-CN' | 'en') =>
    units
      .map((u) => {
        const rent =
          u.listRentFen === null
            ? locale === 'zh-CN'
              ? '租金面议'
              : 'rent on request'
            : formatRentPerM2(u.listRentFen, locale);
        return `- ${u.name}(${u.parkName}) ${formatArea(u.grossArea, locale)} · ${rent}\n  ${u.link}`;
      })
      .join('\n');
  const more = total - units.length;
  return {
    kind: 'saved_search_alert',
    to,
    subject: `「${searchName}」有 ${total} 个新厂房 / ${total} new units for "${searchName}" — 厂房通`,
    text: compose(
      `${displayName}，你好：\n\n你保存的搜索「${searchName}」有 ${total} 个新上架的厂房：\n${lines('zh-CN')}${more > 0 ? `\n…还有 ${more} 个` : ''}\n\n查看全部：${searchLink}\n\n不想再收到提醒？在「我的搜索」页面关闭提醒即可。`,
      `Hello ${displayName},\n\n${total} new units match your saved search "${searchName}":\n${lines('en')}${more > 0 ? `\n…and ${more} more` : ''}\n\nSee them all: ${searchLink}\n\nTo stop these mails, turn the alert off on the Saved searches page.`,
    ),
  };
}
