import { describe, expect, it } from 'vitest';
import { PromptRenderError, placeholdersOf, renderPrompt } from '../../src/prompts/render-prompt.js';

describe('renderPrompt', () => {
  it('fills every placeholder, including repeated ones and spaced braces', () => {
    const text = renderPrompt('t', 'Hello {{name}}, {{ name }} is {{age}}.', { name: 'Ada', age: '36' });
    expect(text).toBe('Hello Ada, Ada is 36.');
  });

  it('throws naming the placeholder when a value is missing', () => {
    expect(() => renderPrompt('t', 'Hi {{name}} from {{city}}', { name: 'Ada' })).toThrow(/city/);
    expect(() => renderPrompt('t', 'Hi {{name}}', {})).toThrow(PromptRenderError);
  });

  it('throws naming the value when a value has no placeholder', () => {
    expect(() => renderPrompt('t', 'Hi {{name}}', { name: 'Ada', city: 'Bonn' })).toThrow(/city/);
  });

  it('rejects placeholders that are not plain names, so typos do not reach the model', () => {
    expect(() => renderPrompt('t', 'Hi {{first name}}', { 'first name': 'x' })).toThrow(/invalid placeholder/);
  });

  it('inserts values verbatim without rendering braces inside them', () => {
    const text = renderPrompt('t', '<reply>{{reply}}</reply> {{other}}', { reply: 'say {{other}} and $& $1', other: 'o' });
    expect(text).toBe('<reply>say {{other}} and $& $1</reply> o');
  });

  it('lists placeholders in order of first use', () => {
    expect(placeholdersOf('{{b}} {{a}} {{b}}')).toEqual(['b', 'a']);
  });
});
