// Makes the value vectors of tst_convexvalue with the official client (convexToJson and
// jsonToConvex from `convex/values`), so the C++ encoding is checked against the real thing and
// not against itself. Resolves `convex` from tests/conformance (npm ci there), or from the
// folder named by CONVEX_NODE_DIR (any folder with node_modules/convex):
//   cd tests/conformance && node ../convex/vectors/make-value-vectors.mjs > ../convex/data/value-vectors.json
// The output is deterministic; the committed file is what the test reads, so it needs no Node.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = process.env.CONVEX_NODE_DIR ?? path.join(here, '../../conformance');
const require = createRequire(path.join(path.resolve(base), 'package.json'));
const { convexToJson, jsonToConvex } = require('convex/values');
const { version } = require('convex/package.json');

// A typed description the C++ test can rebuild a ConvexValue from.
function describe(value) {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'bigint') return { kind: 'int64', text: value.toString() };
  if (typeof value === 'number') {
    // bits: the 8 little-endian IEEE-754 bytes, which also tell NaN payloads apart.
    const bits = Buffer.alloc(8);
    bits.writeDoubleLE(value);
    return { kind: 'float64', text: Object.is(value, -0) ? '-0' : String(value), bits: bits.toString('hex') };
  }
  if (typeof value === 'string') return { kind: 'string', text: value };
  if (value instanceof ArrayBuffer) {
    return { kind: 'bytes', hex: Buffer.from(new Uint8Array(value)).toString('hex') };
  }
  if (Array.isArray(value)) return { kind: 'array', items: value.map(describe) };
  // convexToJson drops undefined fields; so does the description.
  const fields = Object.entries(value).filter(([, v]) => v !== undefined);
  return { kind: 'object', fields: fields.map(([k, v]) => [k, describe(v)]) };
}

const bytes = (...values) => new Uint8Array(values).buffer;
const errorOf = (fn) => {
  try {
    fn();
  } catch (e) {
    return e.message;
  }
  throw new Error('expected an error');
};

const values = {
  'null': null,
  'true': true,
  'false': false,
  'int64 0': 0n,
  'int64 1': 1n,
  'int64 -1': -1n,
  'int64 256': 256n,
  'int64 -42': -42n,
  'int64 big': 1234567890123456789n,
  'int64 max': 2n ** 63n - 1n,
  'int64 min': -(2n ** 63n),
  'float64 0': 0,
  'float64 -0': -0,
  'float64 1': 1,
  'float64 -1': -1,
  'float64 5 (integral)': 5,
  'float64 1.5': 1.5,
  'float64 0.1': 0.1,
  'float64 -123.456': -123.456,
  'float64 1e21': 1e21,
  'float64 1e-7': 1e-7,
  'float64 2^53+2': 2 ** 53 + 2,
  'float64 max': Number.MAX_VALUE,
  'float64 min denormal': Number.MIN_VALUE,
  'float64 NaN': NaN,
  'float64 +Infinity': Infinity,
  'float64 -Infinity': -Infinity,
  'string empty': '',
  'string ascii': 'hello',
  'string escapes': 'with "quotes", \\ and \n',
  'string unicode': 'é ☃ 😀',
  'string NUL': 'nul\u0000inside',
  'string dollar': '$integer',
  'bytes empty': bytes(),
  'bytes NUL': bytes(0),
  'bytes NULs': bytes(0, 0, 0, 0, 0),
  'bytes +/': bytes(0xfb, 0xff, 0xbf),
  'bytes 1..10': bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
  'bytes high': bytes(0xff, 0xfe, 0x80, 0x7f, 0x00),
  'array empty': [],
  'array mixed': [1n, 1, '1', null, true, bytes(1)],
  'array nested': [[[]], [[-0]], [NaN, [Infinity]]],
  'object empty': {},
  'object key order': { b: 1, a: 2, C: 3, _: 4, '~': 5, ' ': 6, a1: 7, 'a ': 8, A: 9 },
  'object nested': { z: { y: [{ x: -0, w: 2n ** 62n }] }, a: {} },
  'object undefined field dropped': { a: 1, b: undefined },
  'object printable ASCII key': { [' !"#%&\'()*+,-./0123456789:;<=>?@[\\]^_`{|}~']: true },
  'object 1024-char key': { ['k'.repeat(1024)]: 'longest allowed' },
  'object special-looking keys': { integer: 1n, float: 1.5, bytes: bytes(2) },
};

const encode = Object.entries(values).map(([name, value]) => ({
  name,
  value: describe(value),
  json: convexToJson(value),
}));

const encodeErrors = Object.entries({
  'key starts with $': { $a: 1 },
  'key is $integer': { $integer: 1 },
  'key with NUL': { 'a\u0000': 1 },
  'key with tab': { 'a\tb': 1 },
  'key with DEL': { 'a\u007f': 1 },
  'key non-ASCII': { 'é': 1 },
  'key 1025 chars': { ['k'.repeat(1025)]: 1 },
  'nested bad key': { ok: [{ $bad: 1 }] },
}).map(([name, value]) => ({ name, value: describe(value), error: errorOf(() => convexToJson(value)) }));

const decodeInputs = {
  'plain integer is float64': 5,
  'plain fraction': 5.5,
  'plain large integer': 9007199254740993,
  '$integer 1': { $integer: 'AQAAAAAAAAA=' },
  '$integer -1': { $integer: '//////////8=' },
  '$integer -1 URL-safe': { $integer: '__________8=' },
  '$integer min': { $integer: 'AAAAAAAAAIA=' },
  '$float NaN': { $float: 'AAAAAAAA+H8=' },
  '$float NaN with payload': { $float: 'AQAAAAAA+H8=' }, // V8 keeps the payload bits
  '$float -0': { $float: 'AAAAAAAAAIA=' },
  '$float +Inf': { $float: 'AAAAAAAA8H8=' },
  '$float -Inf URL-safe': { $float: 'AAAAAAAA8P8=' },
  '$bytes URL-safe': { $bytes: '-_-_' },
  '$bytes empty': { $bytes: '' },
  'nested specials': { a: [{ $integer: 'AgAAAAAAAAA=' }, { $bytes: 'AAA=' }], b: { c: { $float: 'AAAAAAAA8P8=' } } },
  'object with unsorted keys': { z: 1, a: 2, m: [3] },
};
const decode = Object.entries(decodeInputs).map(([name, json]) => {
  const value = jsonToConvex(json);
  return { name, json, value: describe(value), reencoded: convexToJson(value) };
});

const decodeErrorInputs = {
  '$float 1.0': { $float: 'AAAAAAAA8D8=' },
  '$float +0': { $float: 'AAAAAAAAAAA=' },
  '$float 1.5': { $float: 'AAAAAAAA+D8=' },
  '$integer 4 bytes': { $integer: 'AQAAAA==' },
  '$integer 9 bytes': { $integer: 'AQAAAAAAAAAA' },
  '$float 10 bytes': { $float: 'AAAAAAAAAAAAAA==' },
  '$integer length not a multiple of 4': { $integer: 'AQAAAAAAAAA' },
  '$integer not a string': { $integer: 1 },
  '$float not a string': { $float: null },
  '$bytes not a string': { $bytes: [1] },
  '$set': { $set: [] },
  '$map': { $map: [] },
  '$integer with a second key': { $integer: 'AQAAAAAAAAA=', x: 1 },
  'unknown $ key': { $unknown: 1 },
  'key non-ASCII': { 'é': 1 },
  'key with control character': { 'a\u0001': 1 },
  'key 1025 chars': { ['k'.repeat(1025)]: 1 },
  'nested error': { a: [1, { $float: 'AAAAAAAA8D8=' }] },
};
const decodeErrors = Object.entries(decodeErrorInputs).map(([name, json]) => ({
  name,
  json,
  error: errorOf(() => jsonToConvex(json)),
}));

process.stdout.write(
  JSON.stringify({ generator: 'tests/convex/vectors/make-value-vectors.mjs', convex: version, encode, encodeErrors, decode, decodeErrors }, null, 1) + '\n',
);
