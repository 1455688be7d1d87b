// Makes the JWT vectors of tst_tokenverifier with an independent implementation (jose), so the
// C++ verifier is not checked against tokens it made itself. jose is installed in
// tests/conformance (npm ci there):
//   cd tests/conformance && node ../core/vectors/make-jwt-vectors.mjs > ../core/data/jwt-vectors.json
// The keys are new on every run; the committed output is what the test reads.
import { KeyObject, sign as nodeSign, generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// A bare `import 'jose'` resolves next to this file, not in tests/conformance.
const requireFromConformance = createRequire(new URL('../../conformance/package.json', import.meta.url));
const {
  CompactSign, SignJWT, UnsecuredJWT, base64url, createLocalJWKSet, exportJWK, exportSPKI,
  generateKeyPair, importJWK, jwtVerify,
} = await import(pathToFileURL(requireFromConformance.resolve('jose')).href);

const NOW = 1757144304; // a fixed "now" for every check (a real WorkOS iat)
const LEEWAY = 60;
const CLIENT_ID = 'client_01JTESTVECTORS00000000000';
const ISSUER = `https://api.workos.com/user_management/${CLIENT_ID}`;
const LEGACY_ISSUER = 'https://api.workos.com';
// The bare issuer with a trailing slash: shared by every environment, so aud must name us.
const BARE_ISSUER = 'https://api.workos.com/';
const KID1 = 'sso_oidc_key_pair_01JTESTKEY0000000000000001';
const KID2 = 'sso_oidc_key_pair_01JTESTKEY0000000000000002';
const KID_EC = 'sso_oidc_key_pair_01JTESTKEY00000000000000EC';
const KID_ENC = 'sso_oidc_key_pair_01JTESTKEY0000000000000ENC';
const KID_WEAK = 'sso_oidc_key_pair_01JTESTKEY000000000000WEAK';

const enc = new TextEncoder();
const b64 = (value) => base64url.encode(typeof value === 'string' ? value : JSON.stringify(value));

const key1 = await generateKeyPair('RS256', { extractable: true });
const key2 = await generateKeyPair('RS256', { extractable: true });
const keyEc = await generateKeyPair('ES256', { extractable: true });
const keyEnc = await generateKeyPair('RS256', { extractable: true });
// jose refuses RSA keys under 2048 bits, so the weak key comes from node:crypto.
const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });

const jwk = async (key, extra) => ({ ...(await exportJWK(key)), ...extra });
const jwks = {
  keys: [
    await jwk(key1.publicKey, { kid: KID1, alg: 'RS256', use: 'sig' }),
    await jwk(key2.publicKey, { kid: KID2, use: 'sig' }), // no alg: still an RS256 candidate
    await jwk(keyEc.publicKey, { kid: KID_EC, alg: 'ES256', use: 'sig' }),
    await jwk(keyEnc.publicKey, { kid: KID_ENC, alg: 'RSA-OAEP-256', use: 'enc' }),
    { ...weak.publicKey.export({ format: 'jwk' }), kid: KID_WEAK, alg: 'RS256', use: 'sig' },
  ],
};

const claims = (overrides = {}) => {
  const base = {
    iss: ISSUER,
    sub: 'user_01K4GZ7C2Y4T2Q3H1V5J8X9ABC',
    sid: 'session_01K4GZ7D4M8N0P2R4T6V8X0ZDE',
    jti: '01K4GZ7E6Q0S2U4W6Y8A0C2EFG',
    org_id: 'org_01K4GZ7F8S2U4W6Y8A0C2E4GHJ',
    role: 'admin',
    roles: ['admin', 'member'],
    permissions: ['posts:read', 'posts:write', 'billing:manage'],
    entitlements: ['audit-logs', 'sso'],
    feature_flags: ['new-dashboard', 'beta-search'],
    act: { sub: 'support-agent@example.com' },
    iat: NOW - 10,
    exp: NOW + 290,
  };
  const out = { ...base, ...overrides };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out;
};

const rs256 = (payload, { key = key1.privateKey, kid = KID1 } = {}) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(key);

// Signs any header and payload bytes with node:crypto (for shapes jose will not produce).
const rawRs256 = (header, payloadB64, key = KeyObject.from(key1.privateKey)) => {
  const input = `${b64(header)}.${payloadB64}`;
  return `${input}.${base64url.encode(nodeSign('sha256', Buffer.from(input), key))}`;
};

const parts = (token) => token.split('.');
const flipBit = (sigB64) => {
  const bytes = Buffer.from(base64url.decode(sigB64));
  bytes[bytes.length >> 1] ^= 0x01;
  return base64url.encode(bytes);
};
// The last base64url character of a 256-byte signature carries 4 unused bits; setting one
// keeps the bytes but makes the encoding non-canonical.
const nonCanonical = (sigB64) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = alphabet.indexOf(sigB64.at(-1));
  return sigB64.slice(0, -1) + alphabet[last | 0x01];
};

const valid = await rs256(claims());
const [vh, vp, vs] = parts(valid);

const vectors = [];
const add = (name, token, expected, extra = {}) => vectors.push({ name, expected, token, ...extra });

// Accepted.
add('valid', valid, 'None', { claims: claims() });
{
  const c = claims({ iss: LEGACY_ISSUER, org_id: undefined, role: undefined, roles: undefined,
    permissions: undefined, entitlements: undefined, feature_flags: undefined, act: undefined });
  add('valid legacy issuer, no organization', await rs256(c), 'None', { claims: c });
}
{
  const c = claims();
  add('valid, second key', await rs256(c, { key: key2.privateKey, kid: KID2 }), 'None', { claims: c });
}
{
  const c = claims({ iat: NOW - 330, exp: NOW - 30 });
  add('expired within leeway', await rs256(c), 'None', { claims: c });
}
{
  // The verifier's rule is now <= exp + leeway; jose's is now < exp + leeway (RFC 7519 "before").
  const c = claims({ iat: NOW - 360, exp: NOW - LEEWAY });
  add('expired exactly at the leeway', await rs256(c), 'None', { claims: c, joseDiffers: true });
}
{
  const c = claims({ iat: NOW + LEEWAY, exp: NOW + LEEWAY + 300 });
  add('iat in the future within leeway', await rs256(c), 'None', { claims: c });
}

// Algorithm confusion.
add('alg none', new UnsecuredJWT(claims()).encode(), 'UnsupportedAlgorithm');
add('alg none with a known kid', `${b64({ alg: 'none', kid: KID1 })}.${vp}.`, 'UnsupportedAlgorithm');
{
  const pem = await exportSPKI(key1.publicKey);
  add('HS256 signed with the public key PEM',
    await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: KID1 }).sign(enc.encode(pem)),
    'UnsupportedAlgorithm');
}
{
  const rs512 = await importJWK(await exportJWK(key1.privateKey), 'RS512');
  add('RS512', await new SignJWT(claims()).setProtectedHeader({ alg: 'RS512', kid: KID1 }).sign(rs512),
    'UnsupportedAlgorithm');
}
add('ES256 with the EC key',
  await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: KID_EC }).sign(keyEc.privateKey),
  'UnsupportedAlgorithm');
add('alg missing', rawRs256({ kid: KID1 }, vp), 'UnsupportedAlgorithm');
add('alg lower case', rawRs256({ alg: 'rs256', kid: KID1 }, vp), 'UnsupportedAlgorithm');

// Keys.
add('unknown kid', await rs256(claims(), { kid: 'sso_oidc_key_pair_01JTESTKEY00000000000UNKNOWN' }), 'UnknownKey');
add('kid of the use=enc key', await rs256(claims(), { key: keyEnc.privateKey, kid: KID_ENC }), 'UnknownKey');
add('kid of the 1024-bit key', rawRs256({ alg: 'RS256', kid: KID_WEAK }, vp, weak.privateKey), 'UnknownKey');
add('kid missing', rawRs256({ alg: 'RS256' }, vp), 'Malformed');

// Signatures.
add('tampered payload', `${vh}.${b64(claims({ role: 'owner' }))}.${vs}`, 'BadSignature');
add('tampered signature (one bit)', `${vh}.${vp}.${flipBit(vs)}`, 'BadSignature');
add('signed by key 2, kid of key 1', await rs256(claims(), { key: key2.privateKey, kid: KID1 }), 'BadSignature');
add('empty signature', `${vh}.${vp}.`, 'BadSignature');
add('truncated signature', `${vh}.${vp}.${vs.slice(0, 100)}`, 'BadSignature');

// Claims.
add('wrong issuer', await rs256(claims({ iss: 'https://evil.example.com' })), 'WrongIssuer');
add('issuer with a trailing slash', await rs256(claims({ iss: `${ISSUER}/` })), 'WrongIssuer');
add('issuer in another case', await rs256(claims({ iss: ISSUER.replace('api.workos', 'API.WorkOS') })), 'WrongIssuer');
add('issuer missing', await rs256(claims({ iss: undefined })), 'MissingClaim');
add('expired', await rs256(claims({ iat: NOW - 361, exp: NOW - LEEWAY - 1 })), 'Expired');
add('not yet valid (iat in the future)', await rs256(claims({ iat: NOW + LEEWAY + 1, exp: NOW + 400 })), 'NotYetValid');
add('sub missing', await rs256(claims({ sub: undefined })), 'MissingClaim');
add('sub empty', await rs256(claims({ sub: '' })), 'MissingClaim');
add('sid missing', await rs256(claims({ sid: undefined })), 'MissingClaim');
add('exp missing', await rs256(claims({ exp: undefined })), 'MissingClaim');
add('exp a string', rawRs256({ alg: 'RS256', kid: KID1 }, b64(claims({ exp: String(NOW + 290) }))), 'MissingClaim');
add('iat missing', await rs256(claims({ iat: undefined })), 'MissingClaim');

// Audience (RFC 7519 §4.1.3): when present it must name the client ID; the bare issuer needs it.
{
  const c = claims({ aud: CLIENT_ID });
  add('aud the client ID', await rs256(c), 'None', { claims: c });
}
{
  const c = claims({ aud: ['https://convex.example.com', CLIENT_ID] });
  add('aud an array with the client ID', await rs256(c), 'None', { claims: c });
}
{
  const c = claims({ iss: BARE_ISSUER, aud: CLIENT_ID });
  add('bare issuer, aud the client ID', await rs256(c), 'None', { claims: c });
}
{
  const c = claims({ iss: BARE_ISSUER, aud: [CLIENT_ID] });
  add('bare issuer, aud a one-element array', await rs256(c), 'None', { claims: c });
}
add('bare issuer without aud', await rs256(claims({ iss: BARE_ISSUER })), 'MissingClaim');
add('bare issuer, aud another client', await rs256(claims({ iss: BARE_ISSUER, aud: 'client_01JOTHERCLIENT000000000000' })), 'WrongAudience');
add('aud another client', await rs256(claims({ aud: 'client_01JOTHERCLIENT000000000000' })), 'WrongAudience');
add('aud an array without the client ID', await rs256(claims({ aud: ['a', 'b'] })), 'WrongAudience');
add('aud an empty array', await rs256(claims({ aud: [] })), 'WrongAudience');
add('aud the client ID in another case', await rs256(claims({ aud: CLIENT_ID.toLowerCase() })), 'WrongAudience');
add('aud the client ID with a suffix', await rs256(claims({ aud: `${CLIENT_ID}/` })), 'WrongAudience');
add('aud the empty string', await rs256(claims({ aud: '' })), 'WrongAudience');
add('aud a number', rawRs256({ alg: 'RS256', kid: KID1 }, b64(claims({ aud: 42 }))), 'Malformed');
add('aud an array with a number', rawRs256({ alg: 'RS256', kid: KID1 }, b64(claims({ aud: [CLIENT_ID, 42] }))), 'Malformed');
add('aud null', rawRs256({ alg: 'RS256', kid: KID1 }, b64(claims({ aud: null }))), 'Malformed');

// Structure.
add('malformed base64 (invalid character)', `${vh}.${vp.slice(0, 10)}!${vp.slice(11)}.${vs}`, 'Malformed');
add('malformed base64 (standard alphabet)', `${vh}.${vp}.${vs.replace(/-/g, '+').replace(/_/g, '/')}+/`, 'Malformed');
add('malformed base64 (padding)', `${vh}.${vp}==.${vs}`, 'Malformed');
add('malformed base64 (non-canonical trailing bits)', `${vh}.${vp}.${nonCanonical(vs)}`, 'Malformed');
{
  const sign = (bytes) => new CompactSign(enc.encode(bytes)).setProtectedHeader({ alg: 'RS256', kid: KID1 }).sign(key1.privateKey);
  add('payload not JSON', await sign('not json at all'), 'Malformed');
  add('payload a JSON array', await sign(JSON.stringify([claims()])), 'Malformed');
  add('payload a JSON string', await sign(JSON.stringify('user_01')), 'Malformed');
}
add('header not JSON', `${b64('{"alg":"RS256",')}.${vp}.${vs}`, 'Malformed');
add('two parts', `${vh}.${vp}`, 'Malformed');
add('four parts', `${valid}.${vs}`, 'Malformed');
add('empty', '', 'Malformed');
add('oversized (> 16 KiB)', await rs256(claims({ pad: 'x'.repeat(17 * 1024) })), 'Oversized');

// jose must agree with every accepted vector, and refuse the algorithm and signature ones.
const keySet = createLocalJWKSet({ keys: jwks.keys.filter((k) => k.kid === KID1 || k.kid === KID2) });
for (const v of vectors) {
  let joseOk = true;
  // jose's audience option makes aud required, which is our rule for the bare issuer only.
  let payload = {};
  try { payload = JSON.parse(Buffer.from(parts(v.token)[1] ?? '', 'base64url')); } catch {}
  const audience = payload?.aud !== undefined || payload?.iss === BARE_ISSUER ? CLIENT_ID : undefined;
  try {
    await jwtVerify(v.token, keySet, {
      algorithms: ['RS256'], issuer: [ISSUER, LEGACY_ISSUER, BARE_ISSUER], audience,
      currentDate: new Date(NOW * 1000), clockTolerance: LEEWAY,
      requiredClaims: ['exp', 'iat', 'sub', 'sid'],
    });
  } catch {
    joseOk = false;
  }
  const mustAgree = v.expected === 'None' || ['UnsupportedAlgorithm', 'BadSignature', 'WrongIssuer', 'Expired', 'UnknownKey', 'WrongAudience'].includes(v.expected);
  if (mustAgree && !v.joseDiffers && joseOk !== (v.expected === 'None'))
    throw new Error(`jose disagrees on "${v.name}": jose ${joseOk ? 'accepts' : 'rejects'}`);
}

process.stdout.write(`${JSON.stringify({
  generator: 'tests/core/vectors/make-jwt-vectors.mjs (jose 6)',
  now: NOW,
  leewaySecs: LEEWAY,
  acceptedIssuers: [ISSUER, LEGACY_ISSUER, BARE_ISSUER],
  audience: CLIENT_ID,
  usableKids: [KID1, KID2],
  jwks,
  vectors,
}, null, 2)}\n`);
