import { compile } from 'mdsvex';
import { describe, expect, it } from 'vitest';
import { mdsvexOptions } from '../../src/lib/content/mdsvex.config.js';
import { checkYourself, withoutModelAnswers } from '../../src/lib/content/lesson-text';

const answer =
	'The key points are the score distribution and one input drift measure such as PSI against the training window, and which of the two alerts first when the traffic changes; a learner who names labels alone has missed the delay.';

const lesson = (section: string) =>
	[
		'Intro.',
		'',
		'## Check yourself',
		'',
		section,
		'',
		'## References',
		'',
		'- [A](https://a.example/)'
	].join('\n');

describe('Check yourself: every question has a model answer', () => {
	it('accepts questions with indented answers after a blank line', () => {
		const body = lesson(
			[
				'- First question, on',
				'  two lines?',
				'',
				`  ${answer}`,
				'',
				'- Second?',
				'',
				`  ${answer}`
			].join('\n')
		);
		expect(checkYourself(body)).toEqual([]);
	});

	it('reads an answer over several lines and paragraphs, and leaves it out of the reading', () => {
		const body = lesson(
			[
				'- Question?',
				'',
				'  First line of the answer',
				'  and its second line.',
				'',
				`  ${answer}`
			].join('\n')
		);
		expect(checkYourself(body)).toEqual([]);
		expect(withoutModelAnswers(body)).not.toContain('answer');
		expect(withoutModelAnswers(body)).toContain('- Question?');
	});

	it('names the question without an answer, and the one too short, by line', () => {
		const body = lesson(['- No answer here?', '', '- Short?', '', '  Yes, because.'].join('\n'));
		expect(checkYourself(body)).toEqual([
			{ line: 5, message: expect.stringContaining('has no model answer') },
			{ line: 7, message: expect.stringContaining('has 2 words') }
		]);
	});

	it('refuses an answer that is not indented under its question, and a lesson without the section', () => {
		expect(checkYourself(lesson(['- Question?', '', answer].join('\n')))).toEqual([
			{ line: 7, message: expect.stringContaining('outside its list') }
		]);
		expect(checkYourself('Just text.\n\n## References\n')).toEqual([
			{ line: 1, message: expect.stringContaining('no "## Check yourself" section') }
		]);
	});
});

describe('Check yourself: model answers render folded', () => {
	const render = async (md: string) =>
		(await compile(md, { ...mdsvexOptions, layout: undefined }))!.code;

	it('puts what follows each question in a closed <details> "Model answer"', async () => {
		const html = await render(
			lesson(
				[
					'- Which shift is it?',
					'',
					`  ${answer}`,
					'',
					'  A second paragraph.',
					'',
					'- Next?',
					'',
					`  ${answer}`
				].join('\n')
			)
		);
		expect(html).toContain('<ul class="check-yourself">');
		expect(
			html.match(/<details class="model-answer"><summary>Model answer<\/summary>/g)
		).toHaveLength(2);
		// The question stays outside, both answer paragraphs inside.
		expect(html).toMatch(
			/<p>Which shift is it\?<\/p>\s*<details class="model-answer"><summary>Model answer<\/summary>\s*<p>The key points[^]*<p>A second paragraph.<\/p>\s*<\/details>/
		);
		expect(html).not.toMatch(/<details[^>]*open/);
	});

	it('leaves other lists alone', async () => {
		const html = await render(['## Steps', '', '- One', '', '  More about one.', ''].join('\n'));
		expect(html).not.toContain('<details');
	});
});
