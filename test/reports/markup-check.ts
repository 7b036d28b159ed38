/**
 * Checks rendered HTML the way an attacker's payload would have to succeed: every tag in the page
 * must be one the renderer writes itself, with no script element, no event handler attribute and
 * no `javascript:` URL. Escaped trainee text contains no `<`, so it can never show up as a tag here.
 */
const ALLOWED_TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'header',
  'footer',
  'section',
  'h1',
  'h2',
  'h3',
  'p',
  'div',
  'span',
  'dl',
  'dt',
  'dd',
  'figure',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'svg',
  'rect',
  'text',
  'line',
  'g',
  'path',
  'circle',
]);

interface MarkupProblem {
  tag: string;
  problem: string;
}

export function markupProblems(page: string): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  // The stylesheet is static text of our own; skip it so CSS selectors are not read as tags.
  const withoutStyle = page.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  for (const match of withoutStyle.matchAll(/<\/?([!a-zA-Z][\w-]*)([^>]*)>/g)) {
    const name = (match[1] ?? '').toLowerCase();
    const attributes = match[2] ?? '';
    // SVG <title> is a tooltip, not the page title; both are allowed.
    if (!ALLOWED_TAGS.has(name)) problems.push({ tag: match[0], problem: `unexpected <${name}>` });
    if (/(^|[\s"'/])on[a-z]+\s*=/i.test(attributes)) problems.push({ tag: match[0], problem: 'event handler attribute' });
    if (/javascript:/i.test(attributes)) problems.push({ tag: match[0], problem: 'javascript: URL' });
    if (/\s(href|src|action|formaction|xlink:href)\s*=/i.test(attributes)) problems.push({ tag: match[0], problem: 'link or source attribute' });
  }
  if (/<script/i.test(withoutStyle)) problems.push({ tag: '<script', problem: 'script element' });
  return problems;
}
