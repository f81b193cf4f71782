import { describe, expect, it } from 'vitest';
import { roadmapContext } from '../../src/lib/content/context';

describe('the roadmap a module page is read in', () => {
	const containing = ['mlops-engineer', 'prompt-engineer', 'chatbot-project-manager'];

	it('is the one the learner came from, when it holds the module', () => {
		expect(roadmapContext(containing, 'prompt-engineer', new Set(['mlops-engineer']))).toEqual({
			current: 'prompt-engineer',
			others: ['mlops-engineer', 'chatbot-project-manager']
		});
	});

	it('else the first the learner follows that holds it', () => {
		const followed = new Set(['cloud-security-specialist', 'chatbot-project-manager']);
		expect(roadmapContext(containing, 'cloud-security-specialist', followed).current).toBe(
			'chatbot-project-manager'
		);
		expect(roadmapContext(containing, null, followed).current).toBe('chatbot-project-manager');
	});

	it('else the first that holds it; none for a module in no roadmap', () => {
		expect(roadmapContext(containing, 'no-such-roadmap', new Set()).current).toBe('mlops-engineer');
		expect(roadmapContext([], 'prompt-engineer', new Set())).toEqual({ current: null, others: [] });
	});
});
