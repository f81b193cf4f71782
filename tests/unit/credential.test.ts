import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	buildCredential,
	issuerKeyFromEnv,
	issuerOf,
	issuerProfile,
	signCredential,
	verifyCredential,
	type CredentialInput,
	type IssuerKey
} from '../../src/lib/server/portfolio/credential';

const origin = 'https://jalons.example';
const credentialId = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';

function input(overrides: Partial<CredentialInput> = {}): CredentialInput {
	// A learner row as a caller might hold it: the email must not travel into the credential.
	const learner = {
		id: 'b7e1c0de-0000-4000-8000-000000000001',
		displayName: 'Ada Lovelace',
		email: 'ada@example.com'
	};
	return {
		credentialId,
		issuer: issuerOf(origin),
		origin,
		roadmap: {
			id: 'prompt-engineer',
			title: 'Prompt Engineer',
			summary: 'Design, test and run prompts.',
			phases: [
				{ id: 'foundations', title: 'Foundations', months: [1, 3], modules: ['a'] },
				{ id: 'intermediate', title: 'Intermediate', months: [4, 6], modules: ['b'] }
			]
		},
		competencies: [
			{ id: 'prompt-design', title: 'Prompt design', description: 'Writing structured prompts.' },
			{ id: 'rag', title: 'RAG', description: 'Retrieval-augmented generation.' },
			{ id: 'rag', title: 'RAG', description: 'Retrieval-augmented generation.' }
		],
		learner,
		achievedOn: '2026-11-01',
		...overrides
	};
}

function newKey(format: 'pem' | 'jwk' = 'pem'): IssuerKey {
	const { privateKey } = generateKeyPairSync('ed25519');
	const text =
		format === 'pem'
			? privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
			: JSON.stringify(privateKey.export({ format: 'jwk' }));
	return issuerKeyFromEnv({ JALONS_ISSUER_KEY: text })!;
}

describe('buildCredential', () => {
	it('is an OpenBadgeCredential with the VC 2.0, OB 3.0.3 and OB extensions contexts', () => {
		const c = buildCredential(input());
		expect(c['@context']).toEqual([
			'https://www.w3.org/ns/credentials/v2',
			'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
			'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'
		]);
		expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(c.id).toBe(`urn:uuid:${credentialId}`);
		expect(c.issuer).toEqual({
			id: `${origin}/issuer`,
			type: ['Profile'],
			name: 'Jalons',
			url: origin
		});
		expect(c.validFrom).toBe('2026-11-01T00:00:00Z');
		expect(c.credentialSubject.type).toEqual(['AchievementSubject']);
		const a = c.credentialSubject.achievement;
		expect(a.id).toBe(`${origin}/roadmaps/prompt-engineer#achievement`);
		expect(a.type).toEqual(['Achievement']);
		expect(a.name).toBe('Prompt Engineer roadmap');
		expect(a.description).toBe('Design, test and run prompts.');
		expect(a.criteria.narrative).toContain('Foundations (months 1–3), Intermediate (months 4–6)');
		expect(a.image).toEqual({
			id: `${origin}/badges/roadmap.svg`,
			type: 'Image',
			caption: 'Jalons badge for the Prompt Engineer roadmap'
		});
		expect(c.credentialSchema).toEqual([
			{
				id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
				type: '1EdTechJsonSchemaValidator2019'
			}
		]);
	});

	it('aligns the achievement with each competency once, linking its page', () => {
		const { alignment } = buildCredential(input()).credentialSubject.achievement;
		expect(alignment.map((x) => x.targetUrl)).toEqual([
			`${origin}/competencies/prompt-design`,
			`${origin}/competencies/rag`
		]);
		expect(alignment[0]).toEqual({
			type: ['Alignment'],
			targetName: 'Prompt design',
			targetDescription: 'Writing structured prompts.',
			targetUrl: `${origin}/competencies/prompt-design`,
			targetCode: 'prompt-design',
			targetType: 'ceasn:Competency',
			targetFramework: 'Jalons competencies'
		});
	});

	it('never writes the email, the display name or the account id, only a salted hash of the name', () => {
		const c = buildCredential(input());
		const json = JSON.stringify(c);
		expect(json).not.toContain('ada@example.com');
		expect(json).not.toContain('@example');
		expect(json).not.toContain('Ada Lovelace');
		expect(json).not.toContain('b7e1c0de');
		expect(c.credentialSubject).not.toHaveProperty('id');
		const [identity] = c.credentialSubject.identifier;
		const expected = createHash('sha256')
			.update('Ada Lovelace' + credentialId)
			.digest('hex');
		expect(identity).toEqual({
			type: 'IdentityObject',
			identityHash: `sha256$${expected}`,
			identityType: 'name',
			hashed: true,
			salt: credentialId
		});
	});

	it('hashes the account id when the learner has no display name', () => {
		const learner = { id: 'b7e1c0de-0000-4000-8000-000000000001', displayName: '  ' };
		const [identity] = buildCredential(input({ learner })).credentialSubject.identifier;
		expect(identity.identityType).toBe('systemId');
		expect(identity.identityHash).toBe(
			`sha256$${createHash('sha256')
				.update(learner.id + credentialId)
				.digest('hex')}`
		);
	});

	it('is deterministic: the same input gives the same JSON, whatever form the date takes', () => {
		const a = JSON.stringify(buildCredential(input()));
		expect(JSON.stringify(buildCredential(input()))).toBe(a);
		expect(
			JSON.stringify(buildCredential(input({ achievedOn: new Date('2026-11-01T00:00:00Z') })))
		).toBe(a);
		expect(
			buildCredential(input({ credentialId: '00000000-0000-4000-8000-000000000000' }))
		).not.toEqual(JSON.parse(a));
	});

	it('says what is wrong with a bad id, origin or date', () => {
		expect(() => buildCredential(input({ credentialId: 'abc' }))).toThrow(
			/credentialId must be a UUID/
		);
		expect(() => buildCredential(input({ origin: 'jalons.example' }))).toThrow(/origin must be/);
		expect(() => buildCredential(input({ achievedOn: '2026-13-45' }))).toThrow(
			/achievedOn must be a date/
		);
	});
});

describe('issuerKeyFromEnv', () => {
	it('is null when the variable is unset or blank', () => {
		expect(issuerKeyFromEnv({})).toBeNull();
		expect(issuerKeyFromEnv({ JALONS_ISSUER_KEY: '' })).toBeNull();
		expect(issuerKeyFromEnv({ JALONS_ISSUER_KEY: '  \n' })).toBeNull();
	});

	it('reads a PKCS#8 PEM (also with escaped newlines) and a JWK', () => {
		const { privateKey } = generateKeyPairSync('ed25519');
		const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
		const x = privateKey.export({ format: 'jwk' }).x;
		expect(issuerKeyFromEnv({ JALONS_ISSUER_KEY: pem })!.publicJwk).toEqual({
			kty: 'OKP',
			crv: 'Ed25519',
			x
		});
		expect(
			issuerKeyFromEnv({ JALONS_ISSUER_KEY: pem.trim().replaceAll('\n', '\\n') })!.publicJwk.x
		).toBe(x);
		expect(
			issuerKeyFromEnv({ JALONS_ISSUER_KEY: JSON.stringify(privateKey.export({ format: 'jwk' })) })!
				.publicJwk.x
		).toBe(x);
	});

	it('never serialises the private key', () => {
		const { privateKey } = generateKeyPairSync('ed25519');
		const jwk = privateKey.export({ format: 'jwk' });
		const key = issuerKeyFromEnv({ JALONS_ISSUER_KEY: JSON.stringify(jwk) })!;
		expect(JSON.stringify(key)).not.toContain(jwk.d!);
	});

	it('rejects a malformed, public or non-Ed25519 key with a message that says how to fix it', () => {
		const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
			.privateKey.export({ format: 'pem', type: 'pkcs8' })
			.toString();
		const publicJwk = JSON.stringify(
			generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' })
		);
		const cases: [string, RegExp][] = [
			['not a key', /JALONS_ISSUER_KEY is not a private key/],
			['{"kty": "OKP",', /JSON does not parse/],
			[publicJwk, /it is a public key/],
			[rsa, /JALONS_ISSUER_KEY is a rsa key; Jalons signs with Ed25519/]
		];
		for (const [value, message] of cases) {
			expect(() => issuerKeyFromEnv({ JALONS_ISSUER_KEY: value })).toThrow(message);
			expect(() => issuerKeyFromEnv({ JALONS_ISSUER_KEY: value })).toThrow(
				/openssl genpkey -algorithm ed25519/
			);
		}
	});
});

describe('signCredential and verifyCredential', () => {
	it('signs with an eddsa-rdfc-2022 proof that verifies with the published key', async () => {
		const key = newKey();
		const credential = buildCredential(input());
		const before = JSON.stringify(credential);
		const signed = await signCredential(credential, key);
		expect(JSON.stringify(credential)).toBe(before);
		expect(signed.proof).toHaveLength(1);
		expect(signed.proof[0]).toMatchObject({
			type: 'DataIntegrityProof',
			cryptosuite: 'eddsa-rdfc-2022',
			proofPurpose: 'assertionMethod'
		});
		expect(signed.proof[0].verificationMethod).toMatch(/^https:\/\/jalons\.example\/issuer#z6Mk/);
		expect(await verifyCredential(signed, key.publicJwk)).toEqual({ verified: true });

		// What a third party does: take the key from the issuer profile, and check through JSON.
		const profile = (await issuerProfile(origin, key)) as {
			assertionMethod: { id: string; publicKeyMultibase: string }[];
		};
		const [method] = profile.assertionMethod;
		expect(method!.id).toBe(signed.proof[0].verificationMethod);
		expect(
			await verifyCredential(JSON.parse(JSON.stringify(signed)), method!.publicKeyMultibase)
		).toEqual({ verified: true });
	});

	it('rejects a credential changed after signing', async () => {
		const key = newKey('jwk');
		const signed = await signCredential(buildCredential(input()), key);
		const renamed = structuredClone(signed);
		renamed.credentialSubject.achievement.name = 'Chief AI Officer roadmap';
		const redated = structuredClone(signed);
		redated.validFrom = '2020-01-01T00:00:00Z';
		const realigned = structuredClone(signed);
		realigned.credentialSubject.achievement.alignment.pop();
		for (const tampered of [renamed, redated, realigned]) {
			const result = await verifyCredential(tampered, key.publicJwk);
			expect(result).toEqual({ verified: false, reason: 'Invalid signature.' });
		}
	});

	it('rejects a proof made with another key, even one claiming to be the issuer key', async () => {
		const issuer = newKey();
		const other = newKey();
		const signed = await signCredential(buildCredential(input()), other);
		const result = await verifyCredential(signed, issuer.publicJwk);
		expect(result.verified).toBe(false);
		expect(!result.verified && result.reason).toMatch(/not the one given/);

		const forged = structuredClone(signed);
		const published = (await issuerProfile(origin, issuer)) as {
			assertionMethod: { id: string }[];
		};
		forged.proof[0].verificationMethod = published.assertionMethod[0]!.id;
		expect(await verifyCredential(forged, issuer.publicJwk)).toEqual({
			verified: false,
			reason: 'Invalid signature.'
		});
	});

	it('works offline: a context that is not bundled is refused, not fetched', async () => {
		const key = newKey();
		const signed = await signCredential(buildCredential(input()), key);
		const extended = {
			...signed,
			'@context': [...signed['@context'], 'https://example.org/ctx.json']
		};
		const result = await verifyCredential(extended, key.publicJwk);
		expect(result.verified).toBe(false);
		expect(!result.verified && result.reason).toMatch(/checked offline/);
	});
});

describe('issuerProfile', () => {
	it('is a plain Profile when credentials are unsigned', async () => {
		expect(await issuerProfile(`${origin}/`, null)).toEqual({
			'@context': [
				'https://www.w3.org/ns/credentials/v2',
				'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
			],
			id: `${origin}/issuer`,
			type: ['Profile'],
			name: 'Jalons',
			url: origin
		});
	});

	it('publishes the public key as a Multikey for assertionMethod, and nothing private', async () => {
		const { privateKey } = generateKeyPairSync('ed25519');
		const jwk = privateKey.export({ format: 'jwk' });
		const key = issuerKeyFromEnv({ JALONS_ISSUER_KEY: JSON.stringify(jwk) })!;
		const profile = await issuerProfile(origin, key);
		expect(profile).toMatchObject({
			id: `${origin}/issuer`,
			type: ['Profile'],
			assertionMethod: [
				{
					type: 'Multikey',
					controller: `${origin}/issuer`,
					publicKeyMultibase: expect.stringMatching(/^z6Mk/)
				}
			]
		});
		expect(JSON.stringify(profile)).not.toContain(jwk.d!);
	});
});
