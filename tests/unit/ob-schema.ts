// 1EdTech's OB 3.0 AchievementCredential JSON Schema, compiled with ajv as a verifier would (draft
// 2019-09, formats checked). tests/fixtures/ob-schema/README.md says where the file comes from and
// why `published` adds two rules to it.
import { readFileSync } from 'node:fs';
import { Ajv2019, type ErrorObject } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';

type Schema = { required: string[]; properties: Record<string, unknown> } & Record<string, unknown>;

const vendored: Schema = JSON.parse(
	readFileSync(
		new URL('../fixtures/ob-schema/ob_v3p0_achievementcredential_schema.json', import.meta.url),
		'utf8'
	)
);

/** The file as 1EdTech's repository holds it (the VC 1.1 revision: `issuanceDate` required). */
export const asVendored = compile(vendored);

/** With the two rules of the VC 2.0 revision 1EdTech serves: `validFrom` required, `proof` an array. */
export const published = compile({
	...vendored,
	required: vendored.required.map((r) => (r === 'issuanceDate' ? 'validFrom' : r)),
	properties: {
		...vendored.properties,
		validFrom: vendored.properties.issuanceDate,
		proof: { type: 'array', items: { $ref: '#/$defs/Proof' } }
	}
});

function compile(schema: Schema) {
	const ajv = new Ajv2019({ allErrors: true, strict: false });
	addFormats(ajv);
	const validate = ajv.compile(schema);
	return (credential: unknown): string[] =>
		validate(credential) ? [] : (validate.errors ?? []).map(describe);
}

const describe = (e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`;
