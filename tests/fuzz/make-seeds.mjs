// Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/seed-*) and the fixed
// key set the JWT targets verify against (tests/fuzz/data/jwt-setup.json). The tokens are signed
// with jose, an independent implementation, so the fuzzers start from inputs that reach the
// signature and claim checks. jose is installed in tests/conformance (npm ci there):
//   node tests/fuzz/make-seeds.mjs [TARGET...]   (default: every corpus, and the key set)
// The keys are new on every run; the committed output is what the targets read. Files in the
// corpora that are not named seed-* (crash reproducers) are left alone.
import { createPrivateKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const requireFromConformance = createRequire(join(here, '../conformance/package.json'));
const { SignJWT, UnsecuredJWT, base64url, exportJWK, generateKeyPair } = await import(
  pathToFileURL(requireFromConformance.resolve('jose')).href);

const NOW = 1757144304; // the fuzz targets' fixed "now"
const LEEWAY = 60;
const CLIENT_ID = 'client_01JFUZZSEEDS000000000000000';
const ISSUER = `https://api.workos.com/user_management/${CLIENT_ID}`;
const LEGACY_ISSUER = 'https://api.workos.com';
const KID1 = 'sso_oidc_key_pair_01JFUZZKEY00000000000000001';
const KID2 = 'sso_oidc_key_pair_01JFUZZKEY00000000000000002';
const KID_EC = 'sso_oidc_key_pair_01JFUZZKEY000000000000000EC';
const KID_WEAK = 'sso_oidc_key_pair_01JFUZZKEY00000000000000WEAK';

const corpora = {};
const seed = (target, name, content) => {
  (corpora[target] ??= []).push([name, content]);
};
const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const b64 = (value) => base64url.encode(typeof value === 'string' ? value : JSON.stringify(value));

// --- JWT and JWKS -------------------------------------------------------------------------------
const key1 = await generateKeyPair('RS256', { extractable: true });
const key2 = await generateKeyPair('RS256', { extractable: true });
const keyEc = await generateKeyPair('ES256', { extractable: true });
const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }); // jose refuses < 2048 bits

const jwk = async (key, extra) => ({ ...(await exportJWK(key)), ...extra });
const jwk1 = await jwk(key1.publicKey, { kid: KID1, alg: 'RS256', use: 'sig' });
const jwk2 = await jwk(key2.publicKey, { kid: KID2, use: 'sig' });
const jwkEc = await jwk(keyEc.publicKey, { kid: KID_EC, alg: 'ES256', use: 'sig' });
const jwkWeak = { ...weak.publicKey.export({ format: 'jwk' }), kid: KID_WEAK, alg: 'RS256', use: 'sig' };
const jwks = { keys: [jwk1, jwk2, jwkEc, jwkWeak] };

const claims = (overrides = {}) => {
  const out = {
    iss: ISSUER, sub: 'user_01K4GZ7C2Y4T2Q3H1V5J8X9ABC', sid: 'session_01K4GZ7D4M8N0P2R4T6V8X0ZDE',
    jti: '01K4GZ7E6Q0S2U4W6Y8A0C2EFG', org_id: 'org_01K4GZ7F8S2U4W6Y8A0C2E4GHJ', role: 'admin',
    roles: ['admin', 'member'], permissions: ['posts:read', 'posts:write'],
    entitlements: ['sso'], feature_flags: ['beta-search'], act: { sub: 'support@example.com' },
    iat: NOW - 10, exp: NOW + 290, ...overrides,
  };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out;
};
const rs256 = (payload, { key = key1.privateKey, kid = KID1, header = {} } = {}) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, ...header }).sign(key);
// Any header and payload text, signed with node:crypto (shapes jose will not produce).
const rawRs256 = (header, payloadText, key = weak.privateKey) => {
  const input = `${b64(header)}.${b64(payloadText)}`;
  return `${input}.${base64url.encode(nodeSign('sha256', Buffer.from(input), key))}`;
};
const key1Node = createPrivateKey({ key: await exportJWK(key1.privateKey), format: 'jwk' });

const valid = await rs256(claims());
const [vh, vp, vs] = valid.split('.');
const jwtSeeds = {
  'valid': valid,
  'valid second key': await rs256(claims(), { key: key2.privateKey, kid: KID2 }),
  'valid legacy issuer': await rs256(claims({ iss: LEGACY_ISSUER, act: undefined, org_id: undefined })),
  'valid fractional dates': await rs256(claims({ iat: NOW - 10.5, exp: NOW + 290.25 })),
  'valid nbf': await rs256(claims({ nbf: NOW - 5 })),
  'nbf in the future': await rs256(claims({ nbf: NOW + 600 })),
  'nbf a string': await rs256(claims({ nbf: 'soon' })),
  'expired': await rs256(claims({ iat: NOW - 400, exp: NOW - LEEWAY - 1 })),
  'iat in the future': await rs256(claims({ iat: NOW + LEEWAY + 1, exp: NOW + 400 })),
  'wrong issuer': await rs256(claims({ iss: 'https://evil.example.com' })),
  'issuer missing': await rs256(claims({ iss: undefined })),
  'sub missing': await rs256(claims({ sub: undefined })),
  'sid empty': await rs256(claims({ sid: '' })),
  'exp missing': await rs256(claims({ exp: undefined })),
  'exp huge': await rs256(claims({ exp: 1e300 })),
  'iat negative': await rs256(claims({ iat: -1 })),
  'roles not strings': await rs256(claims({ roles: [1, null, 'a', ['b']], act: 'x' })),
  'payload an array': rawRs256({ alg: 'RS256', kid: KID1 }, '[1,2]', key1Node),
  'payload not json': rawRs256({ alg: 'RS256', kid: KID1 }, 'not json', key1Node),
  'weak key': rawRs256({ alg: 'RS256', kid: KID_WEAK }, JSON.stringify(claims())),
  'unknown kid': await rs256(claims(), { kid: 'sso_oidc_key_pair_unknown' }),
  'kid a number': `${b64({ alg: 'RS256', kid: 7 })}.${vp}.${vs}`,
  'crit header': rawRs256({ alg: 'RS256', kid: KID1, crit: ['exp'], exp: 1 }, JSON.stringify(claims()), key1Node),
  'alg none': new UnsecuredJWT(claims()).encode(),
  'alg HS256': `${b64({ alg: 'HS256', kid: KID1 })}.${vp}.${vs}`,
  'signed by key 2 with kid 1': await rs256(claims(), { key: key2.privateKey, kid: KID1 }),
  'empty signature': `${vh}.${vp}.`,
  'padding': `${vh}.${vp}==.${vs}`,
  'two parts': `${vh}.${vp}`,
  'empty': '',
};
for (const [name, token] of Object.entries(jwtSeeds)) {
  seed('jwt', name, token);
  seed('convex_token', name, token); // the emulator's Convex deployment checks the same tokens
}
seed('convex_token', 'valid legacy issuer with aud', await rs256(claims({ iss: `${LEGACY_ISSUER}/`, aud: [CLIENT_ID, 'x'] })));
seed('convex_token', 'nested claims', await rs256(claims({ org: { id: 'o', meta: { a: [1], b: null } }, 'a.b': 1 })));
seed('convex_token', 'jwks', JSON.stringify(jwks));
seed('convex_token', 'jwks one key', JSON.stringify({ keys: [jwk2] }));
seed('convex_token', 'jwks short exponent', JSON.stringify({ keys: [{ ...jwk1, e: 'Aw' }, { ...jwk2, n: 'AAAA' }] }));

const jwksSeeds = {
  'full set': jwks,
  'one key': { keys: [jwk1] },
  'both rsa keys': { keys: [jwk2, jwk1] },
  'duplicate kid': { keys: [jwk1, { ...jwk2, kid: KID1 }] },
  'key ops': { keys: [{ ...jwk1, use: undefined, key_ops: ['verify'] }] },
  'key ops encrypt': { keys: [{ ...jwk1, key_ops: ['encrypt'] }] },
  'use enc': { keys: [{ ...jwk1, use: 'enc' }] },
  'alg RS512': { keys: [{ ...jwk1, alg: 'RS512' }] },
  'even exponent': { keys: [{ ...jwk1, e: 'AAE' }, { ...jwk2, e: 'Ag' }] },
  'exponent one': { keys: [{ ...jwk1, e: 'AQ' }] },
  'exponent too long': { keys: [{ ...jwk1, e: 'AQABAQABAQAB' }] },
  'modulus padded': { keys: [{ ...jwk1, n: `AA${jwk1.n}` }] },
  'no kid': { keys: [{ ...jwk1, kid: undefined }] },
  'entries not objects': { keys: [1, 'a', null, [], jwk1] },
  'no keys': { keys: [] },
  'keys not an array': { keys: { kid: KID1 } },
};
for (const [name, set] of Object.entries(jwksSeeds)) seed('jwks', name, JSON.stringify(set));
seed('jwks', 'not json', '{"keys": [');

const setup = {
  generator: 'tests/fuzz/make-seeds.mjs (jose 6)',
  now: NOW,
  leewaySecs: LEEWAY,
  acceptedIssuers: [ISSUER, LEGACY_ISSUER],
  jwks,
  // Verified by fuzz_jwks against each key set it parses: valid with key 1 and key 2.
  probeTokens: [valid, jwtSeeds['valid second key']],
};

// --- Redirects ----------------------------------------------------------------------------------
const redirects = {
  'code': 'http://127.0.0.1:53123/callback?code=01K4GZ7C2Y4T2Q3H1V5J8X9ABC&state=abc123',
  'code trailing slash': 'http://127.0.0.1:1/callback/?state=s&code=c',
  'error': 'http://127.0.0.1:8080/callback?error=access_denied&error_description=The+user+said+no%0A&state=s',
  'both': 'http://127.0.0.1/callback?code=a&error=b',
  'repeated code': 'http://127.0.0.1/callback?code=a&code=b',
  'bad percent': 'http://127.0.0.1/callback?code=%zz',
  'not utf8': 'http://127.0.0.1/callback?code=%ff%fe',
  'userinfo': 'http://evil@127.0.0.1/callback?code=a',
  'ipv6 loopback': 'http://[::1]:4000/callback?code=a&state=b',
  'localhost': 'http://LOCALHOST:4000/callback?code=a',
  'other path': 'http://127.0.0.1/other?code=a',
  'https app': 'https://app.example.com:8443/auth/callback?code=a&state=b',
  'https wrong port': 'https://app.example.com/auth/callback?code=a',
  'custom scheme': 'com.example.app:/callback?code=a&state=%E2%9C%93',
  'empty values': 'http://127.0.0.1/callback?code=&state=&&=&error',
  'fragment': 'http://127.0.0.1/callback?code=a#state=b',
};
for (const [name, url] of Object.entries(redirects)) seed('redirect', name, url);

// --- The keychain envelope -----------------------------------------------------------------------
// Placeholder values only: the secret scan of the test suite looks for real-looking tokens.
const envelope = (extra = {}) => JSON.stringify({
  v: 2, refresh_token: 'placeholder-refresh', session_id: 'session_01K4', user_id: 'user_01K4',
  organization_id: 'org_01K4', user: { id: 'user_01K4', email: 'ada@example.com', first_name: 'Ada' },
  saved_at: '2026-01-15T12:00:00Z', ...extra,
});
const envelopes = {
  'refresh only': envelope(),
  'version 1': JSON.stringify({ v: 1, refresh_token: 'placeholder-refresh' }),
  'version 3': envelope({ v: 3 }),
  'with access token': envelope({ access_token: 'placeholder-access', access_token_lifetime: 300, access_token_expires_at: NOW + 290, authentication_method: 'Password', impersonation_reason: 'support' }),
  'times out of range': envelope({ access_token: 'a', access_token_lifetime: 1e300, access_token_expires_at: -1e300 }),
  'times of other types': envelope({ access_token: 'a', access_token_lifetime: '300', access_token_expires_at: null, saved_at: 5 }),
  'empty refresh token': envelope({ refresh_token: '' }),
};
for (const [name, text] of Object.entries(envelopes)) seed('session_envelope', name, text);

// --- .env.local and profiles.ini -----------------------------------------------------------------
const dotenvs = {
  'convex template': 'CONVEX_DEPLOYMENT=dev:happy-otter-123\nVITE_CONVEX_URL=https://happy-otter-123.convex.cloud\nVITE_WORKOS_CLIENT_ID=client_01J00000000000000000000DEV\nWORKOS_API_KEY=sk_test_not_read\n',
  'quotes and comments': '# comment\nexport WORKOS_CLIENT_ID="client_01J00000000000000000000DEV"\nCONVEX_URL=\'http://127.0.0.1:3210\' \nWORKOS_API_HOSTNAME=127.0.0.1 # local\nWORKOS_API_HTTPS=false\nWORKOS_API_PORT=4598\n',
  'next names': 'NEXT_PUBLIC_WORKOS_CLIENT_ID=client_x\r\nNEXT_PUBLIC_CONVEX_URL=https://x.convex.cloud\r\n',
  'secret key as client id': 'WORKOS_CLIENT_ID=sk_test_123\n',
  'garbage': '=\n==\nA\n"B"=1\n export  \tX = "\n\'\n\u00e9=1\nY=\u00e9\u0000\n',
  'hostname url': 'VITE_WORKOS_API_HOSTNAME=http://127.0.0.1:4598/\nVITE_WORKOS_CLIENT_ID=c\n',
};
for (const [name, text] of Object.entries(dotenvs)) seed('dotenv', name, text);

const profiles = {
  'local': '[local]\nclient_id=client_01J00000000000000000000DEV\napi_base_url=http://127.0.0.1:4598\nredirect_uri=http://127.0.0.1/callback\n',
  'development': '[development]\nclient_id=client_01JDEV\napi_base_url=https://api.workos.com\nissuers=https://api.workos.com, https://api.workos.com/user_management/client_01JDEV\nconvex_url=https://x.convex.cloud\nlogout_return_uri=http://127.0.0.1/\n',
  'both profiles': '[local]\nclient_id=a\n[development]\nclient_id=b\nredirect_uri=myapp:/callback\n[General]\nx=1\n',
  'escapes': '[development]\nclient_id="client_\\x41\\n"\napi_base_url=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x1)\nissuers=a, "b,c", @ByteArray(x)\n',
  'bad urls': '[local]\napi_base_url=ht tp://::\nredirect_uri=javascript:alert(1)\nconvex_url=%\n',
  'garbage': '[\n]]\n=\n[local\nclient_id\n;comment\n\\\n',
};
for (const [name, text] of Object.entries(profiles)) seed('profiles', name, text);

// --- Convex values and messages -----------------------------------------------------------------
const values = {
  'null': null, 'number': 1.5, 'string': 'h\u00e9llo', 'bool': true,
  'integer': { $integer: 'AgAAAAAAAAA=' }, 'float nan': { $float: 'AAAAAAAA+H8=' },
  'float negative zero': { $float: 'AAAAAAAAAIA=' }, 'bytes': { $bytes: 'AAEC/w==' },
  'object': { a: [true, null, { $integer: '//////////8=' }], b: { c: 'd' }, 'e f': 0 },
  'array of objects': [{ _id: 'k1', body: 'hi', n: { $integer: 'AQAAAAAAAAA=' } }, { $bytes: '' }],
  'dollar key': { $bad: 1 }, 'set': { $set: [] }, 'map': { $map: [] }, 'commit ts': { $commitTs: null },
  'float that is a number': { $float: 'AAAAAAAA8D8=' }, 'short integer': { $integer: 'AQ==' },
  'two special keys': { $integer: 'AgAAAAAAAAA=', $bytes: '' }, 'big number': 1e308,
};
for (const [name, value] of Object.entries(values)) seed('convex_value', name, JSON.stringify(value));
seed('convex_value', 'deep', '['.repeat(1100) + ']'.repeat(1100));

const v = (querySet, identity, ts) => ({ querySet, identity, ts });
const serverMessages = {
  'transition': {
    type: 'Transition', startVersion: v(0, 0, 'AAAAAAAAAAA='), endVersion: v(1, 1, 'AQAAAAAAAAA='),
    modifications: [
      { type: 'QueryUpdated', queryId: 0, value: [{ body: 'hi', n: { $integer: 'AgAAAAAAAAA=' } }], logLines: ['[LOG] x'], journal: null },
      { type: 'QueryFailed', queryId: 1, errorMessage: 'boom', logLines: [], journal: 'j', errorData: { code: 'E1' } },
      { type: 'QueryRemoved', queryId: 3 },
    ],
    clientClockSkew: -12, serverTs: 1724300000123456789,
  },
  'empty transition': { type: 'Transition', startVersion: v(1, 1, 'AQAAAAAAAAA='), endVersion: v(1, 1, 'AQAAAAAAAAA='), modifications: [] },
  'mutation response': { type: 'MutationResponse', requestId: 3, success: true, result: { $integer: 'AQAAAAAAAAA=' }, ts: 'AAEAAAAAAAA=', logLines: [] },
  'mutation failure': { type: 'MutationResponse', requestId: 4, success: false, result: 'Uncaught ConvexError: no', logLines: [], errorData: { why: 'no' } },
  'action response': { type: 'ActionResponse', requestId: 5, success: true, result: null, logLines: ['a'] },
  'auth error': { type: 'AuthError', error: 'Token expired', baseVersion: 2, authUpdateAttempted: true },
  'fatal error': { type: 'FatalError', error: 'bye' },
  'ping': { type: 'Ping' },
  'unknown': { type: 'Hello' },
  'client connect': { type: 'Connect', sessionId: '9b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', connectionCount: 0, lastCloseReason: null },
  'client modify query set': { type: 'ModifyQuerySet', baseVersion: 0, newVersion: 1, modifications: [{ type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}] }, { type: 'Remove', queryId: 7 }] },
  'client mutation': { type: 'Mutation', requestId: 12, udfPath: 'messages:send', args: [{ body: 'hi' }] },
  'client authenticate': { type: 'Authenticate', tokenType: 'User', value: 'eyJ.x.y', baseVersion: 0 },
};
for (const [name, message] of Object.entries(serverMessages))
  seed('convex_messages', name, JSON.stringify(message));
// Several frames, one per line: a chunked Transition reassembled, then interrupted.
{
  const text = JSON.stringify(serverMessages.transition);
  const cut = [text.slice(0, 40), text.slice(40, 90), text.slice(90)];
  const chunk = (part, i, total = cut.length, id = 't-1') =>
    JSON.stringify({ type: 'TransitionChunk', chunk: part, partNumber: i, totalParts: total, transitionId: id });
  seed('convex_messages', 'chunks', cut.map((part, i) => chunk(part, i)).join('\n'));
  seed('convex_messages', 'chunks with ping', [chunk(cut[0], 0), '{"type":"Ping"}', chunk(cut[1], 1), chunk(cut[2], 2)].join('\n'));
  seed('convex_messages', 'chunks interrupted', [chunk(cut[0], 0), JSON.stringify(serverMessages['fatal error']), chunk(cut[1], 1)].join('\n'));
  seed('convex_messages', 'chunks out of order', [chunk(cut[1], 1), chunk(cut[0], 0, 3, 't-2')].join('\n'));
}

// --- Claims signed by fuzz_jwt_claims itself: "header JSON\npayload JSON", or the payload alone --
const CLAIMS_HEADER = JSON.stringify({ alg: 'RS256', kid: 'fuzz-claims-key' });
const claimSeeds = {
  'valid': JSON.stringify(claims()),
  'valid with header': `${CLAIMS_HEADER}\n${JSON.stringify(claims())}`,
  'legacy issuer minimal': JSON.stringify({ iss: LEGACY_ISSUER, sub: 'u', sid: 's', iat: NOW, exp: NOW + 1 }),
  'expired at the leeway': JSON.stringify(claims({ iat: NOW - 400, exp: NOW - LEEWAY })),
  'nbf': JSON.stringify(claims({ nbf: NOW + LEEWAY })),
  'dates at the limits': JSON.stringify(claims({ iat: 0, exp: 1e12, nbf: 999999999999.9 })),
  'dates out of range': JSON.stringify(claims({ iat: -0.5, exp: 1e12 + 1, nbf: 1e308 })),
  'claims of other types': JSON.stringify(claims({ sub: 1, sid: ['s'], roles: 'admin', permissions: { a: 1 }, act: [] })),
  'duplicate keys': `{"iss":"x","iss":${JSON.stringify(ISSUER)},"sub":"u","sid":"s","iat":${NOW},"exp":${NOW + 60}}`,
  'crit header': `{"alg":"RS256","kid":"fuzz-claims-key","crit":[]}\n${JSON.stringify(claims())}`,
  'alg none header': `{"alg":"none","kid":"fuzz-claims-key"}\n${JSON.stringify(claims())}`,
  'other kid': `{"alg":"RS256","kid":"other"}\n${JSON.stringify(claims())}`,
  'payload an array': '[]',
};
for (const [name, text] of Object.entries(claimSeeds)) seed('jwt_claims', name, text);

// --- The emulator's HTTP requests and forms -----------------------------------------------------
const form = 'grant_type=authorization_code&client_id=client_01J00000000000000000000DEV&code=01K4&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const crlf = (...lines) => lines.join('\r\n');
const requests = {
  'get': crlf('GET /user_management/authorize?client_id=c&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&response_type=code&state=s HTTP/1.1', 'Host: 127.0.0.1:4598', 'Cookie: authkit_emulator_session=abc; other=1', '', ''),
  'post form': crlf('POST /user_management/authenticate HTTP/1.1', 'Host: localhost:4598', 'Content-Type: application/x-www-form-urlencoded; charset=utf-8', `Content-Length: ${form.length}`, 'Origin: http://127.0.0.1:4598', '', form),
  'post json keep-alive twice': crlf('POST /user_management/authenticate HTTP/1.1', 'Host: [::1]:4598', 'Content-Type: application/json', 'Content-Length: 2', '', '{}GET /sso/jwks/c HTTP/1.1', 'Host: 127.0.0.1:4598', 'Connection: close', '', ''),
  'http 1.0': crlf('\r\nGET / HTTP/1.0', 'Connection: keep-alive', '', 'GET /x HTTP/1.0', '', ''),
  'expect continue': crlf('PUT /_emulator/clock HTTP/1.1', 'Host: 127.0.0.1:4598', 'Expect: 100-continue', 'Content-Length: 5', '', 'hello'),
  'bare newlines': 'GET /a?b=c HTTP/1.1\nHost: 127.0.0.1\n\n',
  'transfer encoding': crlf('POST / HTTP/1.1', 'Host: 127.0.0.1:4598', 'Transfer-Encoding: chunked', '', '0', '', ''),
  'conflicting lengths': crlf('POST / HTTP/1.1', 'Host: 127.0.0.1:4598', 'Content-Length: 1', 'Content-Length: 2', '', 'ab'),
  'two hosts': crlf('GET / HTTP/1.1', 'Host: 127.0.0.1:4598', 'Host: evil.example', '', ''),
  'folded header': crlf('GET / HTTP/1.1', 'Host: 127.0.0.1:4598', 'X-A: 1', ' folded', '', ''),
  'absolute target': crlf('GET http://evil.example/ HTTP/1.1', 'Host: evil.example', '', ''),
  'http 2': crlf('PRI * HTTP/2.0', '', 'SM', '', ''),
  'long request line': `GET /${'a'.repeat(600)} HTTP/1.1\r\n`,
  'many headers': crlf('GET / HTTP/1.1', 'Host: 127.0.0.1:4598', ...Array.from({ length: 20 }, (_, i) => `X-${i}: ${i}`), '', ''),
  'body too large': crlf('POST / HTTP/1.1', 'Host: 127.0.0.1:4598', 'Content-Length: 999999999999999999', '', ''),
  'incomplete body': crlf('POST / HTTP/1.1', 'Host: 127.0.0.1:4598', 'Content-Length: 10', '', 'abc'),
};
for (const [name, request] of Object.entries(requests)) seed('http_request', name, request);

const forms = {
  'authenticate': form,
  'hosted sign in': 'attempt=la_01K4&csrf=Zm9v&email=ada%40example.com&password=pass+word%2B1',
  'duplicates': 'code=a&code=b&code=&=x&y&&',
  'bad escapes': 'a=%zz&b=%&c=%4&d=%E2%9C%93&e=%ff',
  'cookie style': 'authkit_emulator_session=abc; a=1;a=2; =3;b',
  'media type': ' Application/X-WWW-Form-URLEncoded ; charset=UTF-8',
};
for (const [name, body] of Object.entries(forms)) seed('form', name, body);

// --- Output -------------------------------------------------------------------------------------
const only = process.argv.slice(2);
if (['jwt', 'jwks', 'convex_token'].some((t) => only.includes(t)))
  only.push('jwt', 'jwks', 'convex_token'); // all three are bound to the key set
if (only.length === 0 || only.includes('jwt')) {
  mkdirSync(join(here, 'data'), { recursive: true });
  writeFileSync(join(here, 'data/jwt-setup.json'), `${JSON.stringify(setup, null, 2)}\n`);
}
for (const [target, seeds] of Object.entries(corpora)) {
  if (only.length > 0 && !only.includes(target))
    continue;
  const dir = join(here, 'corpus', target);
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.startsWith('seed-')) rmSync(join(dir, file));
  for (const [name, content] of seeds) writeFileSync(join(dir, `seed-${slug(name)}`), content);
}
console.log(Object.entries(corpora).map(([t, s]) => `${t}: ${s.length}`).join(', '));
