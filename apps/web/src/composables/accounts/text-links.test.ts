import { describe, expect, it } from 'vitest';
import { splitLinks } from './text-links';

describe('splitLinks', () => {
  it('finds links in a mail body and leaves the rest as text', () => {
    const body =
      '您好:\n请点击以下链接验证邮箱:\nhttps://factory.example.cn/verify-email?token=abc_123-XYZ\n链接 24 小时内有效。';
    expect(splitLinks(body)).toEqual([
      { kind: 'text', text: '您好:\n请点击以下链接验证邮箱:\n' },
      {
        kind: 'link',
        text: 'https://factory.example.cn/verify-email?token=abc_123-XYZ',
        href: 'https://factory.example.cn/verify-email?token=abc_123-XYZ',
      },
      { kind: 'text', text: '\n链接 24 小时内有效。' },
    ]);
  });

  it('keeps trailing punctuation, ASCII or full-width, out of the link', () => {
    expect(splitLinks('Open http://localhost:3000/reset-password?token=t1.')).toEqual([
      { kind: 'text', text: 'Open ' },
      {
        kind: 'link',
        text: 'http://localhost:3000/reset-password?token=t1',
        href: 'http://localhost:3000/reset-password?token=t1',
      },
      { kind: 'text', text: '.' },
    ]);
    expect(splitLinks('链接:https://a.cn/x。')[1]).toEqual({
      kind: 'link',
      text: 'https://a.cn/x',
      href: 'https://a.cn/x',
    });
  });

  it('never turns other schemes into links', () => {
    expect(splitLinks('javascript:alert(1) <b>x</b>')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) <b>x</b>' },
    ]);
  });
});
