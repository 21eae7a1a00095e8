import { signTestToken } from '@bff/testing';
import { Pool } from 'undici';
import { productPageDocument } from './authorizationOverhead.js';
const url = new URL(process.argv[2]!);
const pool = new Pool(url.origin, { connections: 1 });
const body = JSON.stringify(productPageDocument);
const tokens = Array.from({ length: 5000 }, (_, i) => `Bearer ${signTestToken('web', { sub: String(100000 + i), roles: ['customer'], expiresIn: '2h' })}`);
const one = tokens[0]!;
let n = 0;
const variants: Record<string, () => Record<string, string>> = { anonymous: () => ({}), sameToken: () => ({ authorization: one }), distinct: () => ({ authorization: tokens[n++ % tokens.length]! }) };
for (let round = 0; round < 3; round++) for (const [name, headers] of Object.entries(variants)) {
  const lat: number[] = []; const end = performance.now() + 1500;
  while (performance.now() < end) { const t = performance.now(); const r = await pool.request({ method: 'POST', path: url.pathname, headers: { 'content-type': 'application/json', ...headers() }, body }); const text = await r.body.text(); if (r.statusCode !== 200 || text.includes('"errors"')) throw new Error(text); lat.push(performance.now() - t); }
  lat.sort((a, b) => a - b); if (round) console.log(name.padEnd(12), 'p50', lat[lat.length >> 1]!.toFixed(3), 'n', lat.length);
}
process.exit(0);
