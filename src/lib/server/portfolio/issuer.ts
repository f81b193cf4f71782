// The issuer key for Open Badges credentials, read once from JALONS_ISSUER_KEY (see
// docs/credentials.md). Unset: credentials are issued unsigned. Malformed: the server refuses to start.
import { createHash } from 'node:crypto';
import { env } from '$env/dynamic/private';
import { catalog } from '../content';
import { roadmapCompetencies } from '.';
import { buildCredential, issuerOf, signCredential } from './credential';
import { issuerKeyFromEnv, type IssuerKey } from './issuer-key';

export const issuerKey = issuerKeyFromEnv(env);

/** A UUID that names one learner's credential for one roadmap: downloading it again gives the same. */
function credentialUuid(userId: string, roadmapId: string): string {
	const h = createHash('sha256').update(`${userId}/${roadmapId}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The OpenBadgeCredential of a completed roadmap, signed when an issuer key is configured. */
export async function roadmapCredential(
	input: {
		origin: string;
		roadmapId: string;
		learner: { id: string; displayName: string };
		achievedOn: string;
	},
	key: IssuerKey | null = issuerKey
) {
	const roadmap = catalog.roadmaps.get(input.roadmapId)!;
	const credential = buildCredential({
		credentialId: credentialUuid(input.learner.id, roadmap.id),
		issuer: issuerOf(input.origin),
		roadmap,
		competencies: roadmapCompetencies(roadmap.id),
		origin: input.origin,
		learner: input.learner,
		achievedOn: input.achievedOn
	});
	return key ? signCredential(credential, key) : credential;
}
