#!/usr/bin/env node
// Validates customer-line files (corpus/CUSTOMER-LINES-BRIEF.md) and prints counts.
// Usage: node corpus/tools/check-lines.mjs FILE…
// Plain Node, no dependencies: writers run it without installing the project.
import { readFileSync } from 'node:fs';

const CHANNELS = new Set(['phone', 'chat', 'email', 'counter', 'social', 'assistant']);
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node corpus/tools/check-lines.mjs FILE…');
  process.exit(2);
}
let errors = 0;
let total = 0;
let needed = 0;
const ids = new Set();
const texts = new Set();
const categories = new Map();
const fail = (file, line, message) => {
  errors++;
  if (errors <= 60) console.error(`${file}:${line}: ${message}`);
};
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((raw, index) => {
    const n = index + 1;
    if (raw.trim() === '') {
      if (index !== lines.length - 1) fail(file, n, 'blank line');
      return;
    }
    let item;
    try {
      item = JSON.parse(raw);
    } catch {
      return fail(file, n, 'not JSON');
    }
    total++;
    const keys = Object.keys(item).sort().join(',');
    if (keys !== 'category,channel,id,lang,needed,text') fail(file, n, `fields must be id, lang, channel, text, needed, category (found ${keys})`);
    if (typeof item.id !== 'string' || !/^[a-z]+-(en|de)-\d{4}$/.test(item.id)) fail(file, n, 'id like cl-en-0001');
    else if (ids.has(item.id)) fail(file, n, `duplicate id ${item.id}`);
    ids.add(item.id);
    if (item.lang !== 'en' && item.lang !== 'de') fail(file, n, 'lang en or de');
    if (!CHANNELS.has(item.channel)) fail(file, n, `channel "${item.channel}" unknown`);
    if (typeof item.text !== 'string' || item.text.trim() === '') fail(file, n, 'text missing');
    else {
      const words = item.text.trim().split(/\s+/).length;
      if (words > 60) fail(file, n, `text has ${words} words (at most 60)`);
      if (texts.has(item.text)) fail(file, n, 'the same text occurs twice');
      texts.add(item.text);
    }
    if (typeof item.needed !== 'boolean') fail(file, n, 'needed must be true or false');
    else if (item.needed) needed++;
    if (typeof item.category !== 'string' || item.category === '') fail(file, n, 'category missing');
    else categories.set(item.category, (categories.get(item.category) ?? 0) + 1);
  });
}
console.log(`lines: ${total}; needed ${needed}, not needed ${total - needed}`);
console.log(`categories: ${[...categories].map(([c, k]) => `${c} ${k}`).join(', ')}`);
if (errors > 0) {
  console.error(`${errors} problem(s)`);
  process.exit(1);
}
console.log('ok');
