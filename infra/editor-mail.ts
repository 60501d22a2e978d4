/**
 * What Cognito sends editors: the invitation (user name and temporary password) and the verification
 * code (email check, forgotten password). A user pool has one template per message, not one per
 * language, so each message says it in Chinese first, then in English.
 * Cognito fills in {username} and {####}; everything else is sent as written.
 */
export interface EditorMessages {
  invitation: { subject: string; body: string };
  verification: { subject: string; body: string };
}

export function editorMessages(consoleUrl: string): EditorMessages {
  const paragraph = (text: string) => `<p>${text}</p>`;
  const link = `<a href="${consoleUrl}">${consoleUrl}</a>`;
  return {
    invitation: {
      subject: '更正工作台：您的编辑账号 / Corrections desk: your editor account',
      body: [
        paragraph('您好，'),
        paragraph(`您已被添加为更正工作台的编辑人员。请在三天内登录：${link}`),
        paragraph('用户名：{username}<br>临时密码：{####}'),
        paragraph('首次登录时请设置新密码，并用身份验证器应用（TOTP）完成多重验证设置。'),
        '<hr>',
        paragraph('Hello,'),
        paragraph(
          `You have been added as an editor of the corrections desk. Sign in within three days: ${link}`,
        ),
        paragraph('User name: {username}<br>Temporary password: {####}'),
        paragraph('At first sign-in you choose a new password and set up an authenticator app (TOTP).'),
      ].join('\n'),
    },
    verification: {
      subject: '更正工作台验证码 / Corrections desk verification code',
      body: [
        paragraph('您的验证码是 {####}。如非本人操作，请立即告知工作台管理员。'),
        '<hr>',
        paragraph(
          'Your verification code is {####}. If you did not ask for it, tell the desk’s administrator now.',
        ),
      ].join('\n'),
    },
  };
}
