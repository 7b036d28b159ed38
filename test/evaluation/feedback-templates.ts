import { CUSTOMER_PLACEHOLDERS } from '../../src/evaluation/feedback-text/customer-words.js';

/**
 * A feedback template as a pattern: `{quote}` stands for any words of the reply, a customer
 * placeholder ("{Der Kunde}") for any of its forms.
 */
export function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // a quote that ends in a full stop swallows the template's own stop after the closing mark
  const withQuote = escaped.replace(/\\\{quote\\\}/g, '.*').replace(/([“”"])\\\./g, '$1\\.?');
  const withCustomer = withQuote.replace(/\\\{([^\\]+)\\\}/g, (whole, form: string) => (CUSTOMER_PLACEHOLDERS.has(form) ? '[\\p{L} ]+' : whole));
  return new RegExp(`^${withCustomer}$`, 'su');
}

/** Whether `text` is one of the templates, filled in. */
export function isOneOf(templates: readonly { tip: string }[] | readonly string[], text: string): boolean {
  return templates.some((template) => templatePattern(typeof template === 'string' ? template : template.tip).test(text));
}
