// Makes the hostile vectors of tst_tokenverifier_hostile: tokens and key sets shaped to hurt a
// verifier (names given twice, crit, absurd times, control characters in kid, depth bombs, weak
// and absurd RSA keys, ambiguous kids). Tokens are signed with node:crypto and jose, never by
// the C++ code under test. jose is installed in tests/conformance (npm ci there); the x5c
// certificates come from the openssl command:
//   cd tests/conformance && node ../core/vectors/make-hostile-vectors.mjs > ../core/data/hostile-vectors.json
// The keys are new on every run (the 8192-bit one takes a minute); the committed output is what
// the test reads.
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, sign as nodeSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const requireFromConformance = createRequire(new URL('../../conformance/package.json', import.meta.url));
const { base64url, createLocalJWKSet, jwtVerify } =
  await import(pathToFileURL(requireFromConformance.resolve('jose')).href);

const NOW = 1757144304;
const LEEWAY = 60;
const MAX_TOKEN_BYTES = 16 * 1024; // TokenVerifier::kMaxTokenBytes
const MAX_JSON_DEPTH = 16;         // TokenVerifier::kMaxJsonDepth
const CLIENT_ID = 'client_01JTESTVECTORS00000000000';
const ISSUER = `https://api.workos.com/user_management/${CLIENT_ID}`;
const BARE_ISSUER = 'https://api.workos.com/';
const KID1 = 'sso_oidc_key_pair_01JHOSTILE0000000000000001';
const KID_BIG = 'sso_oidc_key_pair_01JHOSTILE00000000000008192';

const rsa = (bits) => generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 65537 });
const key1 = rsa(2048);
const keyOther = rsa(2048);
const keyAttacker = rsa(2048);
const keyBig = rsa(8192);

const pub = (key, extra = {}) => ({ ...key.publicKey.export({ format: 'jwk' }), ...extra });
const b64 = (value) => base64url.encode(typeof value === 'string' ? value : JSON.stringify(value));
const b64bytes = (bytes) => Buffer.from(bytes).toString('base64url');

// The DER certificate of a key, from the openssl command (node:crypto cannot make one).
const certificate = (key) => {
  const dir = mkdtempSync(join(tmpdir(), 'authkit-x5c-'));
  try {
    writeFileSync(join(dir, 'key.pem'), key.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    execFileSync('openssl', ['req', '-x509', '-new', '-key', join(dir, 'key.pem'), '-subj', '/CN=authkit-test',
      '-days', '36500', '-outform', 'DER', '-out', join(dir, 'cert.der')], { stdio: 'ignore' });
    return readFileSync(join(dir, 'cert.der'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
const cert1 = certificate(key1);
const certOther = certificate(keyOther);
const thumbprint = (der) => createHash('sha256').update(der).digest('base64url');

const jwks = {
  keys: [
    pub(key1, { kid: KID1, alg: 'RS256', use: 'sig', x5c: [cert1.toString('base64')], 'x5t#S256': thumbprint(cert1) }),
    pub(keyBig, { kid: KID_BIG, alg: 'RS256', use: 'sig' }),
  ],
};

const claims = (overrides = {}) => {
  const out = {
    iss: ISSUER,
    sub: 'user_01K4GZ7C2Y4T2Q3H1V5J8X9ABC',
    sid: 'session_01K4GZ7D4M8N0P2R4T6V8X0ZDE',
    jti: '01K4GZ7E6Q0S2U4W6Y8A0C2EFG',
    iat: NOW - 10,
    exp: NOW + 290,
    ...overrides,
  };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out;
};
// The claims as JSON text with the last "}" cut off, to append members by hand.
const open = (c = claims()) => JSON.stringify(c).slice(0, -1);

// Signs any header and payload text exactly as given (names twice, raw escapes, odd types).
const signRaw = (headerText, payloadText, key = key1) => {
  const input = `${b64(headerText)}.${b64(payloadText)}`;
  return `${input}.${b64bytes(nodeSign('sha256', Buffer.from(input), key.privateKey))}`;
};
const HEADER = JSON.stringify({ alg: 'RS256', kid: KID1 });
const signed = (payload, header = { alg: 'RS256', kid: KID1 }, key = key1) =>
  signRaw(typeof header === 'string' ? header : JSON.stringify(header),
    typeof payload === 'string' ? payload : JSON.stringify(payload), key);

const tokens = [];
// expectClaims: a few claims an accepted token must show (checked by the test).
const add = (name, token, expected, extra = {}) => tokens.push({ name, expected, token, ...extra });

// Accepted controls, so the rows below fail for their one reason only.
add('control: valid', signed(claims()), 'None');
add('control: 8192-bit key', signed(claims(), { alg: 'RS256', kid: KID_BIG }, keyBig), 'None');
add('control: typ JWT', signed(claims(), { alg: 'RS256', kid: KID1, typ: 'JWT' }), 'None');
add('control: typ at+jwt', signed(claims(), { alg: 'RS256', kid: KID1, typ: 'at+jwt' }), 'None');
add('control: escaped names that are not duplicates',
  signRaw('{"\\u0061lg":"RS\\u0032\\u0035\\u0036","kid":"' + KID1 + '"}', open() + ',"x\\u0079z":1}'), 'None');
add('control: the same name in different objects',
  signed(claims({ act: { sub: 'support@example.com' }, org: { sub: 'x', sid: 'y' } })), 'None');
add('control: nbf within the leeway', signed(claims({ nbf: NOW + LEEWAY })), 'None');
add('control: fractional exp', signed(claims({ exp: NOW + 100.75, iat: NOW - 10.5 })), 'None',
  { expiresAt: NOW + 100, issuedAt: NOW - 11 });
add('control: many members', signed(claims(Object.fromEntries(
  Array.from({ length: 800 }, (_, i) => [`c${i}`, i])))), 'None');
add('control: a 10 KiB string claim', signed(claims({ blob: 'x'.repeat(10 * 1024) })), 'None');

// A member named twice: QJsonDocument would silently keep one of them.
add('header: alg twice (none, RS256)', signRaw(`{"alg":"none","alg":"RS256","kid":"${KID1}"}`, JSON.stringify(claims())), 'Malformed');
add('header: alg twice (RS256, HS256)', signRaw(`{"alg":"RS256","kid":"${KID1}","alg":"HS256"}`, JSON.stringify(claims())), 'Malformed');
add('header: kid twice', signRaw(`{"alg":"RS256","kid":"other","kid":"${KID1}"}`, JSON.stringify(claims())), 'Malformed');
add('header: alg twice, once escaped', signRaw(`{"alg":"RS256","\\u0061lg":"RS256","kid":"${KID1}"}`, JSON.stringify(claims())), 'Malformed');
add('payload: sub twice', signRaw(HEADER, `${open()},"sub":"user_01ATTACKER"}`), 'Malformed');
add('payload: sub twice, same value', signRaw(HEADER, `${open()},"sub":"${claims().sub}"}`), 'Malformed');
add('payload: iss twice, once escaped', signRaw(HEADER, `${open()},"\\u0069ss":"https://evil.example.com"}`), 'Malformed');
add('payload: exp twice', signRaw(HEADER, `${open()},"exp":${NOW + 999999}}`), 'Malformed');
add('payload: aud twice', signRaw(HEADER, `${open()},"aud":"${CLIENT_ID}","aud":"other"}`), 'Malformed');
add('payload: a nested name twice', signRaw(HEADER, `${open()},"act":{"sub":"a@example.com","sub":"b@example.com"}}`), 'Malformed');
add('payload: a name twice deep in an array', signRaw(HEADER, `${open()},"x":[1,[{"a":1,"b":{"c":1,"c":2}}]]}`), 'Malformed');

// crit, cty and typ.
add('crit with a claim name', signed(claims(), { alg: 'RS256', kid: KID1, crit: ['exp'] }), 'Malformed');
add('crit b64 false', signed(claims(), { alg: 'RS256', kid: KID1, b64: false, crit: ['b64'] }), 'Malformed');
add('crit an empty array', signed(claims(), { alg: 'RS256', kid: KID1, crit: [] }), 'Malformed');
add('cty JWT (nested token)', signed(claims(), { alg: 'RS256', kid: KID1, cty: 'JWT' }), 'Malformed');
add('typ JWE', signed(claims(), { alg: 'RS256', kid: KID1, typ: 'JWE' }), 'Malformed');
add('typ logout+jwt', signed(claims(), { alg: 'RS256', kid: KID1, typ: 'logout+jwt' }), 'Malformed');
add('typ a number', signed(claims(), { alg: 'RS256', kid: KID1, typ: 42 }), 'Malformed');
add('typ with a NUL', signed(claims(), { alg: 'RS256', kid: KID1, typ: 'JWT\u0000' }), 'Malformed');

// Keys named in the header are never used.
{
  const attackerJwk = pub(keyAttacker, { kid: 'attacker' });
  add('embedded jwk, attacker kid', signed(claims(), { alg: 'RS256', kid: 'attacker', jwk: attackerJwk }, keyAttacker), 'UnknownKey');
  add('embedded jwk, our kid', signed(claims(), { alg: 'RS256', kid: KID1, jwk: attackerJwk }, keyAttacker), 'BadSignature');
  add('jku to another key set', signed(claims(), { alg: 'RS256', kid: KID1, jku: 'https://evil.example.com/jwks' }, keyAttacker), 'BadSignature');
}

// alg oddities.
add('alg with a trailing space', signed(claims(), { alg: 'RS256 ', kid: KID1 }), 'UnsupportedAlgorithm');
add('alg with a NUL', signed(claims(), { alg: 'RS256\u0000', kid: KID1 }), 'UnsupportedAlgorithm');
add('alg an array', signed(claims(), { alg: ['RS256'], kid: KID1 }), 'UnsupportedAlgorithm');

// Times.
add('nbf in the future', signed(claims({ nbf: NOW + LEEWAY + 1 })), 'NotYetValid');
add('nbf far in the future', signed(claims({ nbf: NOW + 10 ** 9 })), 'NotYetValid');
add('nbf a string', signed(claims({ nbf: String(NOW) })), 'Malformed');
add('nbf huge', signed(claims({ nbf: 1e300 })), 'Malformed');
add('exp huge', signed(claims({ exp: 1e13 })), 'MissingClaim');
add('exp 1e308', signed(claims({ exp: 1e308 })), 'MissingClaim');
add('exp 1e400 (overflows a double)', signRaw(HEADER, `${open(claims({ exp: undefined }))},"exp":1e400}`), 'Malformed');
add('exp negative', signed(claims({ exp: -1 })), 'MissingClaim');
add('exp most negative', signed(claims({ exp: -9007199254740991 })), 'MissingClaim');
add('exp fractional, just past the leeway', signed(claims({ iat: NOW - 400, exp: NOW - LEEWAY - 0.5 })), 'Expired');
add('exp a string', signed(claims({ exp: String(NOW + 290) })), 'MissingClaim');
add('exp true', signed(claims({ exp: true })), 'MissingClaim');
add('exp null', signed(claims({ exp: null })), 'MissingClaim');
add('exp an array', signed(claims({ exp: [NOW + 290] })), 'MissingClaim');
add('iat huge', signed(claims({ iat: 1e13 })), 'MissingClaim');
add('iat negative', signed(claims({ iat: -5 })), 'MissingClaim');
add('iat far in the future', signed(claims({ iat: NOW + 10 ** 9, exp: NOW + 10 ** 9 + 300 })), 'NotYetValid');

// Control characters and other tricks in values that end up in reasons.
add('kid with CR LF', signed(claims(), { alg: 'RS256', kid: `${KID1}\r\nauthkit.token: Access token accepted` }), 'UnknownKey');
add('kid with escape codes', signed(claims(), { alg: 'RS256', kid: '\u001b[2J\u001b[31mkid\u001b[0m\u0007' }), 'UnknownKey');
add('kid with a bidi override', signed(claims(), { alg: 'RS256', kid: `\u202e${KID1}` }), 'UnknownKey');
add('kid with a NUL', signed(claims(), { alg: 'RS256', kid: `${KID1}\u0000` }), 'UnknownKey');
add('kid with a line separator', signed(claims(), { alg: 'RS256', kid: `a\u2028b\u2029c\u0085d` }), 'UnknownKey');
add('kid 8 KiB long', signed(claims(), { alg: 'RS256', kid: 'k'.repeat(8 * 1024) }), 'UnknownKey');
add('kid a number', signed(claims(), { alg: 'RS256', kid: 1 }), 'Malformed');
add('kid an object', signed(claims(), { alg: 'RS256', kid: { kid: KID1 } }), 'Malformed');
add('issuer with CR LF', signed(claims({ iss: 'https://evil.example.com\r\nauthkit.token: Access token accepted' })), 'WrongIssuer');
add('issuer with escape codes', signed(claims({ iss: '\u001b]0;title\u0007https://evil.example.com' })), 'WrongIssuer');
add('issuer an array', signed(claims({ iss: [ISSUER] })), 'MissingClaim');
add('sub a number', signed(claims({ sub: 12345 })), 'MissingClaim');
add('sid an object', signed(claims({ sid: { id: 'session_01' } })), 'MissingClaim');
add('bare issuer, aud with CR LF', signed(claims({ iss: BARE_ISSUER, aud: `${CLIENT_ID}\r\n` })), 'WrongAudience');
add('aud a nested array', signed(claims({ aud: [[CLIENT_ID]] })), 'Malformed');

// Structure.
add('header an array', signRaw(JSON.stringify([{ alg: 'RS256', kid: KID1 }]), JSON.stringify(claims())), 'Malformed');
add('header a string', signRaw(JSON.stringify('RS256'), JSON.stringify(claims())), 'Malformed');
add('header null', signRaw('null', JSON.stringify(claims())), 'Malformed');
add('header an empty object', signRaw('{}', JSON.stringify(claims())), 'UnsupportedAlgorithm');
add('payload an empty object', signed({}), 'MissingClaim');
add('payload with garbage after the object', signRaw(HEADER, `${JSON.stringify(claims())} x`), 'Malformed');
add('payload invalid UTF-8', (() => {
  const input = `${b64(HEADER)}.${b64bytes(Buffer.concat([Buffer.from(open()), Buffer.from(',"n":"\xff\xfe"}', 'latin1')]))}`;
  return `${input}.${b64bytes(nodeSign('sha256', Buffer.from(input), key1.privateKey))}`;
})(), 'Malformed');
{
  const [h, p, s] = signed(claims()).split('.');
  add('empty signature', `${h}.${p}.`, 'BadSignature');
  add('one-byte signature', `${h}.${p}.AA`, 'BadSignature');
  add('signature of zeros', `${h}.${p}.${b64bytes(Buffer.alloc(256))}`, 'BadSignature');
  add('signature 16 bytes too long', `${h}.${p}.${b64bytes(Buffer.concat([Buffer.from(s, 'base64url'), randomBytes(16)]))}`, 'BadSignature');
  add('empty header', `.${p}.${s}`, 'Malformed');
  add('a newline at the end', `${h}.${p}.${s}\n`, 'Malformed');
  add('a space in front', ` ${h}.${p}.${s}`, 'Malformed');
}

// Nesting: QJsonDocument goes 1024 deep; tokens may go kMaxJsonDepth deep (the root included).
const nested = (depth) => '['.repeat(depth) + ']'.repeat(depth);
add('payload nested at the limit', signRaw(HEADER, `${open()},"deep":${nested(MAX_JSON_DEPTH - 1)}}`), 'None');
add('payload nested one past the limit', signRaw(HEADER, `${open()},"deep":${nested(MAX_JSON_DEPTH)}}`), 'Malformed');
add('payload nested 5000 deep', signRaw(HEADER, `${open()},"deep":${nested(5000)}}`), 'Malformed');
add('payload objects nested 1500 deep', signRaw(HEADER, `${open()},"deep":${'{"a":'.repeat(1500)}1${'}'.repeat(1500)}}`), 'Malformed');
add('header nested 3000 deep', signRaw(`{"alg":"RS256","kid":"${KID1}","x":${nested(3000)}}`, JSON.stringify(claims())), 'Malformed');
add('payload unbalanced brackets', signRaw(HEADER, `${open()},"deep":${'['.repeat(4000)}}`), 'Malformed');

// Size: exactly at the cap is read, one byte more is not.
const ofLength = (length) => {
  // base64url never has a length of 1 mod 4, so a longer header may be needed to hit it.
  for (let hp = 0; hp < 4; ++hp) {
    const header = hp ? { alg: 'RS256', kid: KID1, h: 'h'.repeat(hp) } : { alg: 'RS256', kid: KID1 };
    const start = Math.max(0, Math.floor((length - signed(claims({ pad: '' }), header).length) * 3 / 4) - 8);
    for (let pad = start; pad < start + 16; ++pad) {
      const token = signed(claims({ pad: 'p'.repeat(pad) }), header);
      if (token.length === length)
        return token;
    }
  }
  throw new Error(`no token of length ${length}`);
};
add('exactly 16 KiB', ofLength(MAX_TOKEN_BYTES), 'None');
add('16 KiB + 1', ofLength(MAX_TOKEN_BYTES + 1), 'Oversized');

// Key sets. usableKids empty: the set is refused and error must contain errorContains.
const keySets = [];
const addSet = (name, set, usableKids, errorContains = '') =>
  keySets.push({ name, ...(typeof set === 'string' ? { jwksText: set } : { jwks: set }), usableKids, errorContains });
const base = (extra = {}, key = key1) => pub(key, { kid: 'k', alg: 'RS256', use: 'sig', ...extra });
const nBytes = (bytes) => {
  const n = randomBytes(bytes);
  n[0] |= 0x80;
  n[n.length - 1] |= 0x01;
  return n;
};
const withN = (bytes, topByte) => {
  const n = nBytes(bytes);
  if (topByte !== undefined) n[0] = topByte;
  return b64bytes(n);
};

addSet('control: one good key', { keys: [base()] }, ['k']);
addSet('control: x5c and x5t#S256 that match', { keys: [base({ x5c: [cert1.toString('base64')], 'x5t#S256': thumbprint(cert1) })] }, ['k']);
addSet('e = 1', { keys: [base({ e: 'AQ' })] }, [], 'the public exponent is 1');
addSet('e = 0', { keys: [base({ e: 'AA' })] }, [], 'the public exponent is even');
addSet('e even (65536)', { keys: [base({ e: b64bytes([1, 0, 0]) })] }, [], 'the public exponent is even');
addSet('e of 9 bytes', { keys: [base({ e: b64bytes([1, 0, 0, 0, 0, 0, 0, 0, 1]) })] }, [], 'the public exponent is too large');
addSet('e empty', { keys: [base({ e: '' })] }, [], 'n or e is empty');
addSet('n of 8193 bits', { keys: [base({ n: withN(1025, 0x01) })] }, [], 'the modulus is 8193 bits');
addSet('n of 16384 bits', { keys: [base({ n: withN(2048) })] }, [], 'not 2048 to 8192');
addSet('n of 1024 bits', { keys: [base({ n: withN(128) })] }, [], 'the modulus is 1024 bits');
addSet('n of 2047 bits', { keys: [base({ n: withN(256, 0x7f) })] }, [], 'the modulus is 2047 bits');
addSet('n of 8192 bits (not a real key)', { keys: [base({ n: withN(1024) })] }, ['k']);
addSet('n even', { keys: [base({ n: b64bytes(Buffer.from(withN(256), 'base64url').map((b, i, a) => (i === a.length - 1 ? b & 0xfe : b))) })] }, [], 'the modulus is even');
addSet('n with one leading zero byte', { keys: [base({ n: b64bytes(Buffer.concat([Buffer.alloc(1), Buffer.from(pub(key1).n, 'base64url')])) })] }, ['k']);
addSet('n with 2000 leading zero bytes', { keys: [base({ n: b64bytes(Buffer.concat([Buffer.alloc(2000), Buffer.from(pub(key1).n, 'base64url')])) })] }, [], 'not 2048 to 8192');
addSet('n a number', { keys: [base({ n: 12345 })] }, [], 'n or e is not base64url');
addSet('n in base64 with padding', { keys: [base({ n: `${Buffer.from(pub(key1).n, 'base64url').toString('base64')}=` })] }, [], 'n or e is not base64url');
addSet('not RSA (EC, oct, OKP)', { keys: [
  { kty: 'EC', crv: 'P-256', kid: 'ec', x: 'AA', y: 'AA' }, { kty: 'oct', kid: 'oct', k: 'c2VjcmV0' }, { kty: 'OKP', crv: 'Ed25519', kid: 'ed', x: 'AA' },
] }, [], 'not an RSA key');
addSet('use enc', { keys: [base({ use: 'enc' })] }, [], 'not a signing key');
addSet('alg RS512', { keys: [base({ alg: 'RS512' })] }, [], 'not an RS256 key');
addSet('alg PS256', { keys: [base({ alg: 'PS256' })] }, [], 'not an RS256 key');
addSet('key_ops encrypt', { keys: [base({ key_ops: ['encrypt'] })] }, [], 'not a verification key');
addSet('x5c of another key', { keys: [base({ x5c: [certOther.toString('base64')] })] }, [], 'the x5c certificate holds another key');
addSet('x5c not base64', { keys: [base({ x5c: ['***'] })] }, [], 'the x5c certificate is not base64');
addSet('x5c not DER', { keys: [base({ x5c: [Buffer.from('not a certificate').toString('base64')] })] }, [], 'not DER X.509');
addSet('x5c with bytes after the certificate', { keys: [base({ x5c: [Buffer.concat([cert1, Buffer.alloc(3)]).toString('base64')] })] }, [], 'not DER X.509');
addSet('x5c a string, not an array', { keys: [base({ x5c: cert1.toString('base64') })] }, [], 'x5c is not an array');
addSet('x5c an empty array', { keys: [base({ x5c: [] })] }, [], 'x5c is not an array');
addSet('x5c of numbers', { keys: [base({ x5c: [1, 2] })] }, [], 'x5c is not an array');
addSet('x5t#S256 of another certificate', { keys: [base({ x5c: [cert1.toString('base64')], 'x5t#S256': thumbprint(certOther) })] }, [], 'thumbprint');
addSet('kid too long', { keys: [base({ kid: 'k'.repeat(257) })] }, [], 'the kid is too long');
addSet('kid missing', { keys: [base({ kid: undefined })] }, [], 'no kid');
addSet('kid with CR LF and escape codes (unusable key)', { keys: [base({ kid: 'a\r\nb\u001b[31m', e: 'AQ' })] }, [], 'the public exponent is 1');
addSet('entries that are not objects', { keys: [1, 'k', null, [], base()] }, ['k']);
addSet('duplicate kid, two different keys', { keys: [base(), base({}, keyOther)] }, [], 'the kid names two different keys');
addSet('duplicate kid, two different keys, another kid kept', { keys: [base(), base({ kid: 'other' }, keyOther), base({}, keyOther)] }, ['other']);
addSet('duplicate kid, A B A', { keys: [base(), base({}, keyOther), base(), base({ kid: 'k2' })] }, ['k2']);
addSet('duplicate kid, the same key twice', { keys: [base(), base()] }, ['k']);
addSet('duplicate kid, one of them unusable', { keys: [base({ alg: 'RS512' }, keyOther), base()] }, ['k']);
addSet('a member named twice in a key', `{"keys":[${JSON.stringify(base()).slice(0, -1)},"n":"${withN(256)}"}]}`, [], 'names a member twice');
addSet('"keys" named twice', `{"keys":[],"keys":[${JSON.stringify(base())}]}`, [], 'names a member twice');
addSet('keys nested 500 deep', `{"keys":[${JSON.stringify(base())}],"x":${nested(500)}}`, [], 'nested deeper than 8 levels');

// jose must agree on every token with one of these outcomes.
const keySet = createLocalJWKSet(jwks);
for (const v of tokens) {
  let joseOk = true;
  try {
    await jwtVerify(v.token, keySet, {
      algorithms: ['RS256'], issuer: [ISSUER, BARE_ISSUER], currentDate: new Date(NOW * 1000),
      clockTolerance: LEEWAY, requiredClaims: ['exp', 'iat', 'sub', 'sid'], typ: undefined,
    });
  } catch {
    joseOk = false;
  }
  // (jose does not check that iat is in the past.)
  const joseMustReject = ['BadSignature', 'UnknownKey', 'Expired', 'NotYetValid', 'UnsupportedAlgorithm'];
  if (joseMustReject.includes(v.expected) && !v.name.startsWith('iat') && joseOk)
    throw new Error(`jose accepts "${v.name}"`);
  // jose has no depth or typ rules and reads names given twice the JavaScript way.
  if (v.expected === 'None' && !joseOk && !v.name.startsWith('payload nested') && !v.name.startsWith('exactly'))
    throw new Error(`jose rejects "${v.name}"`);
}

process.stdout.write(`${JSON.stringify({
  generator: 'tests/core/vectors/make-hostile-vectors.mjs (jose 6, node:crypto, openssl)',
  now: NOW,
  leewaySecs: LEEWAY,
  acceptedIssuers: [ISSUER, BARE_ISSUER],
  audience: CLIENT_ID,
  jwks,
  tokens,
  keySets,
}, null, 1)}\n`);
