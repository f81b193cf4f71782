// npm run docs:credential — remakes docs/sample-credential.json and docs/sample-issuer.json: the
// MLOps Engineer roadmap's credential for "Ada Lovelace", signed with a key made here and thrown
// away, and the issuer profile that verifies it. Run it after changing what a credential says;
// tests/unit/credential-schema.test.ts checks the result against 1EdTech's schema and its proof.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { checkCatalog } from '../src/lib/content/catalog';
import {
	buildCredential,
	issuerKeyFromEnv,
	issuerOf,
	issuerProfile,
	signCredential
} from '../src/lib/server/portfolio/credential';
import { readCourseFiles } from './catalog-files';

const origin = 'https://jalons.example';
const { catalog } = checkCatalog(readCourseFiles(process.cwd()));
const roadmap = catalog.roadmaps.get('mlops-engineer')!;
const competencies = [
	...new Set(
		roadmap.phases.flatMap((p) => p.modules.flatMap((m) => catalog.modules.get(m)!.competencies))
	)
].map((id) => catalog.competencies.get(id)!);

const { privateKey } = generateKeyPairSync('ed25519');
const key = issuerKeyFromEnv({
	JALONS_ISSUER_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
})!;
const credential = buildCredential({
	credentialId: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
	issuer: issuerOf(origin),
	roadmap,
	competencies,
	origin,
	learner: { id: '00000000-0000-4000-8000-000000000000', displayName: 'Ada Lovelace' },
	achievedOn: '2026-11-23'
});
const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
writeFileSync('docs/sample-credential.json', json(await signCredential(credential, key)));
writeFileSync('docs/sample-issuer.json', json(await issuerProfile(origin, key)));
console.log('wrote docs/sample-credential.json and docs/sample-issuer.json');
