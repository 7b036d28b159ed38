import { z } from 'zod';

/**
 * German feedback names the customer in the persona's gender: "die Kundin … ihr", "der Kunde …
 * ihm". The texts write the masculine forms as placeholders (`{der Kunde}`, `{ihm}`, `{Sein}` …);
 * {@link withCustomer} fills them. Without a known gender the generic masculine stands, as in
 * everyday German. English texts say "the customer" and need nothing.
 */
export const CustomerGenderSchema = z.enum(['female', 'male']);
export type CustomerGender = z.infer<typeof CustomerGenderSchema>;

const FEMININE: Readonly<Record<string, string>> = {
  'der Kunde': 'die Kundin',
  'den Kunden': 'die Kundin',
  'dem Kunden': 'der Kundin',
  'des Kunden': 'der Kundin',
  'diesem Kunden': 'dieser Kundin',
  er: 'sie',
  ihn: 'sie',
  ihm: 'ihr',
  sein: 'ihr',
  seine: 'ihre',
  seinen: 'ihren',
  seinem: 'ihrem',
  seiner: 'ihrer',
};

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** The German forms a text may use, written as their masculine placeholder. */
export const CUSTOMER_PLACEHOLDERS: ReadonlySet<string> = new Set(Object.keys(FEMININE).flatMap((form) => [form, capitalise(form)]));

/** Fills the customer placeholders of `text`; `{quote}` and unknown braces are left alone. */
export function withCustomer(text: string, gender: CustomerGender | undefined): string {
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (whole, form: string) => {
    if (!CUSTOMER_PLACEHOLDERS.has(form)) return whole;
    if (gender !== 'female') return form;
    const lower = form.charAt(0).toLowerCase() + form.slice(1);
    const feminine = FEMININE[lower] ?? lower;
    return form === lower ? feminine : capitalise(feminine);
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
