#!/usr/bin/env node
// Validates corpus item files (format of corpus/LABEL-GUIDE.md) and prints counts.
// Usage: node corpus/tools/check-items.mjs FILE… [--labels-only]
// Plain Node, no dependencies: writers and labellers run it without installing the project.
import { readFileSync } from 'node:fs';

const ACTS = new Set(['asks_open', 'asks_closed', 'gives_info', 'offers_step', 'names_time', 'proposes_contact', 'apologises', 'acknowledges', 'summarises', 'justifies', 'lectures', 'blames', 'refuses', 'sets_boundary', 'ends_call', 'wind_up']);
const FAILURES = new Set(['none', 'sarcasm', 'mock_sympathy', 'lecturing', 'condescension', 'passive_aggressive', 'blame', 'minimising', 'brush_off', 'threat', 'insult', 'shouting', 'defensive', 'other']);
const VERDICTS = new Set(['not_needed', 'set_well', 'missing', 'unnecessary', 'too_harsh']);
const LEVELS = new Set(['none', 'generic', 'specific']);
const DOMAINS = new Set(['banking', 'insurance', 'telecom', 'energy', 'retail', 'travel', 'public_office', 'healthcare_reception', 'it_helpdesk', 'hospitality']);
const CHANNELS = new Set(['phone', 'chat', 'email', 'counter']);

const args = process.argv.slice(2);
const labelsOnly = args.includes('--labels-only');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: node corpus/tools/check-items.mjs FILE… [--labels-only]');
  process.exit(2);
}

let errors = 0;
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const byCategory = new Map(), byDomain = new Map(), byLength = new Map(), byLevel = new Map(), byVerdict = new Map(), byAct = new Map();
let composed = 0, notComposed = 0, withHistory = 0, total = 0;
const ids = new Set(), replies = new Set();

function fail(file, line, message) {
  errors++;
  if (errors <= 60) console.error(`${file}:${line}: ${message}`);
}

function checkLabels(file, n, labels) {
  if (typeof labels !== 'object' || labels === null) return fail(file, n, 'labels missing');
  const { composure, empathy, boundary, acts } = labels;
  if (!composure || ![1, 2, 3, 4, 5].includes(composure.score)) fail(file, n, 'composure.score must be 1-5');
  else {
    if (!FAILURES.has(composure.failure)) fail(file, n, `composure.failure "${composure.failure}" unknown`);
    if (composure.score <= 2 && composure.failure === 'none') fail(file, n, 'composure score 1-2 needs a failure');
    if (composure.score >= 4 && composure.failure !== 'none') fail(file, n, 'composure score 4-5 has failure "none"');
    if (composure.score >= 3) composed++; else notComposed++;
  }
  if (!empathy) fail(file, n, 'empathy missing');
  else {
    for (const key of ['emotionalReaction', 'interpretation', 'exploration']) if (![0, 1, 2].includes(empathy[key])) fail(file, n, `empathy.${key} must be 0, 1 or 2`);
    if (!LEVELS.has(empathy.level)) fail(file, n, 'empathy.level must be none, generic or specific');
    else {
      count(byLevel, empathy.level);
      if (composure && composure.score <= 2 && empathy.level !== 'none') fail(file, n, 'a reply with composure 1-2 has empathy level "none"');
    }
  }
  if (!boundary || typeof boundary.needed !== 'boolean' || !VERDICTS.has(boundary.verdict)) fail(file, n, 'boundary needs needed (boolean) and a verdict');
  else {
    count(byVerdict, boundary.verdict);
    // needed: the insult is answered (set_well), swallowed (missing) or hit back (too_harsh);
    // not needed: no boundary (not_needed), a reprimand (unnecessary) or a hostile one (too_harsh).
    const allowed = boundary.needed ? ['set_well', 'missing', 'too_harsh'] : ['not_needed', 'unnecessary', 'too_harsh'];
    if (!allowed.includes(boundary.verdict)) fail(file, n, `needed=${boundary.needed} allows ${allowed.join(', ')}, not ${boundary.verdict}`);
  }
  if (!Array.isArray(acts)) fail(file, n, 'acts must be a list');
  else for (const act of acts) { if (!ACTS.has(act)) fail(file, n, `unknown act "${act}"`); else count(byAct, act); }
}

for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((raw, index) => {
    const n = index + 1;
    if (raw.trim() === '') { if (index < lines.length - 1) fail(file, n, 'blank line'); return; }
    let item;
    try { item = JSON.parse(raw); } catch (e) { return fail(file, n, `not JSON: ${e.message}`); }
    total++;
    if (typeof item.id !== 'string' || item.id === '') fail(file, n, 'id missing');
    else if (ids.has(item.id)) fail(file, n, `duplicate id ${item.id}`);
    else ids.add(item.id);
    checkLabels(file, n, item.labels);
    if (labelsOnly) return;
    if (!['en', 'de'].includes(item.lang)) fail(file, n, 'lang must be en or de');
    if (!DOMAINS.has(item.domain)) fail(file, n, `domain "${item.domain}" unknown`);
    if (!CHANNELS.has(item.channel)) fail(file, n, `channel "${item.channel}" unknown`);
    for (const key of ['situation', 'customer', 'reply', 'category']) if (typeof item[key] !== 'string' || item[key].trim() === '') fail(file, n, `${key} missing`);
    if (!Array.isArray(item.history)) fail(file, n, 'history must be a list ([] if none)');
    else {
      if (item.history.length > 0) withHistory++;
      for (const turn of item.history) if (!['customer', 'trainee'].includes(turn?.role) || typeof turn.text !== 'string') fail(file, n, 'history turns are {role: customer|trainee, text}');
      const last = item.history.at(-1);
      if (last && last.role !== 'trainee') fail(file, n, 'history ends with a trainee turn (the customer line comes next)');
    }
    if (typeof item.reply === 'string') {
      const key = item.reply.trim().toLowerCase();
      if (replies.has(key)) fail(file, n, 'the same reply occurs twice');
      replies.add(key);
      const words = item.reply.trim().split(/\s+/).length;
      count(byLength, words < 8 ? '<8' : words <= 35 ? '8-35' : words <= 70 ? '36-70' : '>70');
    }
    count(byCategory, item.category);
    count(byDomain, item.domain);
  });
}

const show = (title, map) => console.log(`${title}: ${[...map].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`items: ${total}; composed ${composed}, not composed ${notComposed}${labelsOnly ? '' : `; with history ${withHistory}`}`);
if (!labelsOnly) { show('categories', byCategory); show('domains', byDomain); show('reply words', byLength); }
show('empathy level', byLevel); show('boundary', byVerdict); show('acts', byAct);
if (errors > 0) { console.error(`${errors} problem(s)`); process.exit(1); }
console.log('ok');
