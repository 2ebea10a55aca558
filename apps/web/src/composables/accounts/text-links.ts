/**
 * Splits plain text (a mail body) into text and link parts, so links can be rendered as anchors
 * without ever putting the text into the page as HTML. Only http(s) URLs become links; trailing
 * punctuation (.,;:!? and closing brackets, ASCII or full-width) stays outside the link.
 */
export type TextPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_PATTERN = /https?:\/\/[^\s<>"'，。；：！？、（）《》「」]+/g;
const TRAILING = /[.,;:!?)\]}'"]+$/;

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    const trailing = TRAILING.exec(url);
    if (trailing) url = url.slice(0, url.length - trailing[0].length);
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    if (url.length > 'https://'.length) {
      parts.push({ kind: 'link', text: url, href: url });
    } else {
      parts.push({ kind: 'text', text: url });
    }
    last = start + url.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
