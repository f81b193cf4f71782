// The Open Badges issuer key, from JALONS_ISSUER_KEY: light (node:crypto only), so the server can
// check it at start without loading the signing libraries.
import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export const ISSUER_KEY_ENV = 'JALONS_ISSUER_KEY';

/** The issuer's Ed25519 key pair. The private half is a KeyObject, so JSON.stringify cannot leak it. */
export interface IssuerKey {
	readonly privateKey: KeyObject;
	/** The public key as a JWK (`kty: 'OKP'`, `crv: 'Ed25519'`, `x`), safe to publish. */
	readonly publicJwk: JsonWebKey;
}

const HOW_TO_FIX =
	`Set ${ISSUER_KEY_ENV} to an Ed25519 private key, either as a JWK ({"kty":"OKP","crv":"Ed25519","d":…,"x":…}) ` +
	'or as a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----); `openssl genpkey -algorithm ed25519` makes one. ' +
	`Unset ${ISSUER_KEY_ENV} to issue unsigned credentials. See docs/credentials.md.`;

/** The issuer key from `JALONS_ISSUER_KEY`; null when unset (credentials are then unsigned). */
export function issuerKeyFromEnv(env: Record<string, string | undefined>): IssuerKey | null {
	const text = env[ISSUER_KEY_ENV]?.trim();
	if (!text) return null;
	let privateKey: KeyObject;
	try {
		privateKey = text.startsWith('{')
			? createPrivateKey({ key: parseJwk(text), format: 'jwk' })
			: createPrivateKey(text.replaceAll('\\n', '\n'));
	} catch (e) {
		throw new Error(
			`${ISSUER_KEY_ENV} is not a private key: ${(e as Error).message}. ${HOW_TO_FIX}`,
			{ cause: e }
		);
	}
	if (privateKey.asymmetricKeyType !== 'ed25519')
		throw new Error(
			`${ISSUER_KEY_ENV} is a ${privateKey.asymmetricKeyType} key; Jalons signs with Ed25519. ${HOW_TO_FIX}`
		);
	const { kty, crv, x } = privateKey.export({ format: 'jwk' });
	return { privateKey, publicJwk: { kty, crv, x } };
}

function parseJwk(text: string): JsonWebKey {
	let jwk: JsonWebKey;
	try {
		jwk = JSON.parse(text);
	} catch (e) {
		throw new Error(`its JSON does not parse (${(e as Error).message})`, { cause: e });
	}
	if (!jwk.d) throw new Error('the JWK has no "d": it is a public key, the private one is needed');
	return jwk;
}
