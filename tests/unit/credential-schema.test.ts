import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/lib/server/content';
import {
	issuerKeyFromEnv,
	issuerProfile,
	verifyCredential,
	type SignedCredential
} from '../../src/lib/server/portfolio/credential';
import { roadmapCredential } from '../../src/lib/server/portfolio/issuer';
import { asVendored, published } from './ob-schema';

const origin = 'https://jalons.example';
const { privateKey } = generateKeyPairSync('ed25519');
const key = issuerKeyFromEnv({
	JALONS_ISSUER_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
})!;

// Every roadmap, for a learner with a display name (hashed name) and one without (hashed id).
const learners = [
	{ id: 'b7e1c0de-0000-4000-8000-000000000001', displayName: 'Ada Lovelace' },
	{ id: 'b7e1c0de-0000-4000-8000-000000000002', displayName: '' }
];
const cases = [...catalog.roadmaps.keys()].flatMap((roadmapId) =>
	learners.map((learner) => ({ roadmapId, learner, achievedOn: '2026-11-23', origin }))
);

describe("credentials against 1EdTech's OB 3.0 JSON Schema", () => {
	it('covers every roadmap of the catalog', () => {
		expect(catalog.roadmaps.size).toBeGreaterThanOrEqual(4);
		expect(cases).toHaveLength(catalog.roadmaps.size * learners.length);
	});

	it.each(cases)(
		'$roadmapId ($learner.displayName): signed, it validates and verifies against /issuer',
		async (input) => {
			const signed = (await roadmapCredential(input, key)) as SignedCredential;
			expect(published(signed)).toEqual([]);
			expect(Array.isArray(signed.proof)).toBe(true);
			const profile = (await issuerProfile(origin, key)) as {
				assertionMethod: { id: string; publicKeyMultibase: string }[];
			};
			const [method] = profile.assertionMethod;
			expect(signed.proof[0].verificationMethod).toBe(method!.id);
			expect(await verifyCredential(structuredClone(signed), method!.publicKeyMultibase)).toEqual({
				verified: true
			});
		}
	);

	it.each(cases)('$roadmapId ($learner.displayName): unsigned, it validates', async (input) => {
		const unsigned = await roadmapCredential(input, null);
		expect(unsigned).not.toHaveProperty('proof');
		expect(published(unsigned)).toEqual([]);
	});

	it('meets the vendored file as written, but for the VC 1.1 issuanceDate it requires', async () => {
		const signed = await roadmapCredential(cases[0]!, key);
		expect(asVendored(signed)).toEqual(["/ must have required property 'issuanceDate'"]);
	});

	it('names the schema, and the achievement has an image the app serves', async () => {
		const c = await roadmapCredential(cases[0]!, null);
		expect(c.credentialSchema).toEqual([
			{
				id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
				type: '1EdTechJsonSchemaValidator2019'
			}
		]);
		const image = c.credentialSubject.achievement.image;
		expect(image).toMatchObject({ id: `${origin}/badges/roadmap.svg`, type: 'Image' });
		const file = readFileSync(new URL('../../static/badges/roadmap.svg', import.meta.url), 'utf8');
		expect(file).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	});

	it('refuses what 1EdTech refuses: a single proof object, a missing image type, no validFrom', async () => {
		const signed = (await roadmapCredential(cases[0]!, key)) as SignedCredential;
		expect(published({ ...signed, proof: signed.proof[0] })).toContain('/proof must be array');
		const noType = structuredClone(signed) as unknown as {
			credentialSubject: { achievement: { image: Record<string, unknown> } };
		};
		delete noType.credentialSubject.achievement.image.type;
		expect(published(noType)).toContain(
			"/credentialSubject/achievement/image must have required property 'type'"
		);
		const { validFrom: _, ...undated } = signed;
		expect(published(undated)).toContain("/ must have required property 'validFrom'");
	});
});

describe('the sample credential in docs/', () => {
	const sample = JSON.parse(readFileSync('docs/sample-credential.json', 'utf8'));
	const issuer = JSON.parse(readFileSync('docs/sample-issuer.json', 'utf8'));

	it("validates against 1EdTech's schema", () => {
		expect(published(sample)).toEqual([]);
	});

	it('verifies with the key its issuer profile publishes', async () => {
		expect(issuer.id).toBe(sample.issuer.id);
		expect(sample.proof[0].verificationMethod).toBe(issuer.assertionMethod[0].id);
		expect(await verifyCredential(sample, issuer.assertionMethod[0].publicKeyMultibase)).toEqual({
			verified: true
		});
	});
});
