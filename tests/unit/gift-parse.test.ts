// The GIFT parser, one fixture per construct of Moodle's documented syntax (tests/fixtures/gift).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGift, type GiftItem, type GiftQuestion } from '../../src/lib/content/gift/parse';
import { decodeUtf8 } from '../../src/lib/content/gift/utf8';

const dir = join(import.meta.dirname, '..', 'fixtures', 'gift');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const parse = (name: string) => {
	const r = parseGift(read(name));
	expect(r.errors).toEqual([]);
	return r.items;
};
const questions = (items: GiftItem[]) =>
	items.filter((i): i is GiftQuestion => i.kind === 'question');

describe('GIFT structure', () => {
	it('reads ::title:: and keeps multi-line question text', () => {
		const [kanji, grant, untitled] = questions(parse('title.gift'));
		expect(kanji!.title).toBe('Kanji origins');
		expect(kanji!.text).toEqual({
			format: 'moodle',
			text: 'Japanese characters originally\ncame from what country?'
		});
		expect(grant!.line).toBe(4);
		expect(untitled!.title).toBeUndefined();
		expect(untitled!.line).toBe(6);
	});

	it('reads the four formats, for the question text and, inherited or not, for its parts', () => {
		const qs = questions(parse('formats.gift'));
		expect(qs.map((q) => q.text.format)).toEqual(['markdown', 'html', 'plain', 'moodle', 'moodle']);
		const last = qs[4]!.body;
		expect(last.kind).toBe('multichoice');
		if (last.kind !== 'multichoice') return;
		expect(last.answers[0]!.text).toEqual({ format: 'html', text: '<b>six</b>' });
		expect(last.answers[1]!.text).toEqual({ format: 'markdown', text: '**6**' });
		expect(last.answers[1]!.feedback).toEqual({ format: 'plain', text: '*right*' });
	});

	it('drops whole-line // comments, keeps them with their block, and only whole lines', () => {
		const items = parse('comments.gift');
		expect(items[0]).toMatchObject({ kind: 'comments', comments: [{ line: 1 }] });
		const [commented, next] = questions(items);
		expect(commented!.comments.map((c) => c.line)).toEqual([3, 5, 9]);
		expect(commented!.body).toMatchObject({ kind: 'multichoice' });
		expect(next!.text.text).toBe('http://example.org is not a comment: // only whole lines are.');
	});

	it('reads $CATEGORY: as a category, not a question', () => {
		const items = parse('category.gift');
		expect(items[0]).toEqual({ kind: 'category', line: 1, name: '$course$/top/Security/Secrets' });
		expect(questions(items)).toHaveLength(1);
	});

	it('tells question types apart as Moodle does', () => {
		const kinds = (name: string) => questions(parse(name)).map((q) => q.body.kind);
		expect(kinds('multiple-choice.gift')).toEqual(Array(4).fill('multichoice'));
		expect(kinds('true-false.gift')).toEqual([...Array(4).fill('true-false'), 'short-answer']);
		expect(kinds('short-answer.gift')).toEqual(Array(4).fill('short-answer'));
		expect(kinds('matching.gift')).toEqual(Array(3).fill('matching'));
		expect(kinds('numerical.gift')).toEqual(Array(8).fill('numerical'));
		expect(kinds('essay.gift')).toEqual(['essay', 'essay']);
		expect(kinds('description.gift')).toEqual(['description', 'true-false']);
	});

	it('reads answer marks, weights and per-answer feedback with their lines', () => {
		const hometown = questions(parse('multiple-choice.gift'))[2]!;
		expect(hometown.text.text).toBe('Jesus Christ was from _____.');
		if (hometown.body.kind !== 'multichoice') throw new Error('not multichoice');
		expect(
			hometown.body.answers.map((a) => [a.line, a.mark, a.weight, a.text.text, a.feedback?.text])
		).toEqual([
			[10, '~', undefined, 'Jerusalem', 'An important city, but the wrong answer.'],
			[11, '~', 25, 'Bethlehem', 'He was born here, but not raised here.'],
			[12, '~', 50, 'Galilee', 'You need to be more specific.'],
			[13, '=', undefined, 'Nazareth', "Yes! That's right!"]
		]);
		const weights = questions(parse('multiple-answers.gift')).map((q) =>
			q.body.kind === 'multichoice' ? q.body.answers.map((a) => a.weight) : []
		);
		expect(weights[0]).toEqual([50, 50, -50, -50]);
		expect(weights[1]).toEqual([33.33333, 33.33333, 33.33333, -33.33333]);
		expect(weights[3]).toEqual([50, 50, undefined]);
	});

	it('reads {T} {F} {TRUE} {FALSE} and the wrong#right feedback of true/false', () => {
		const qs = questions(parse('true-false.gift'));
		expect(qs.slice(0, 4).map((q) => q.body.kind === 'true-false' && q.body.answer)).toEqual([
			true,
			false,
			true,
			false
		]);
		expect(qs[3]!.body).toEqual({
			kind: 'true-false',
			answer: false,
			wrongFeedback: { format: 'moodle', text: 'No one is buried there: he is entombed.' },
			rightFeedback: { format: 'moodle', text: 'Right: entombed, not buried.' }
		});
		expect(qs[4]!.generalFeedback?.text).toBe(
			"Moodle's documentation writes T, TRUE, F and FALSE."
		);
	});

	it('reads several short answers, with or without =', () => {
		const [several, bare] = questions(parse('short-answer.gift'));
		const texts = (q: GiftQuestion) =>
			q.body.kind === 'short-answer' ? q.body.answers.map((a) => a.text.text) : [];
		expect(texts(several!)).toEqual(['no one', 'nobody', 'none']);
		expect(texts(bare!)).toEqual(['four']);
		expect(bare!.text.text).toBe('Two plus two equals _____.');
	});

	it('reads matching pairs, with = -> distractors', () => {
		const [capitals, distractors, compact] = questions(parse('matching.gift'));
		const pairs = (q: GiftQuestion) =>
			q.body.kind === 'matching' ? q.body.pairs.map((p) => [p.left.text, p.right]) : [];
		expect(pairs(capitals!)).toEqual([
			['Canada', 'Ottawa'],
			['Italy', 'Rome'],
			['Japan', 'Tokyo'],
			['India', 'New Delhi']
		]);
		expect(pairs(distractors!).slice(2)).toEqual([
			['', 'Chat'],
			['', 'Database']
		]);
		expect(distractors!.generalFeedback?.text).toBe('Chat and Database are left over.');
		expect(pairs(compact!)).toEqual([
			['a', '1'],
			['b', '2']
		]);
	});

	it('reads numbers: value:tolerance, low..high, exact, weighted and the ~# catch-all', () => {
		const qs = questions(parse('numerical.gift'));
		const nums = qs.map((q) =>
			q.body.kind === 'numerical'
				? q.body.answers.map((a) => [a.value, a.tolerance, a.form, a.weight ?? 100])
				: []
		);
		expect(nums[0]).toEqual([[3, 2, 'tolerance', 100]]);
		expect(nums[1]).toEqual([[3, 2, 'range', 100]]);
		expect(nums[2]).toEqual([[1822, 0, 'exact', 100]]);
		expect(nums[3]).toEqual([[3.1415, 0.0005, 'tolerance', 100]]);
		expect(nums[4]).toEqual([
			[1822, 0, 'tolerance', 100],
			[1822, 2, 'tolerance', 50]
		]);
		expect(nums[7]).toEqual([[-6, 0, 'exact', 100]]);
		const catchAll = qs[5]!.body;
		expect(catchAll.kind === 'numerical' && catchAll.otherFeedback?.text).toBe(
			'A byte has 8 bits.'
		);
		expect(qs[5]!.generalFeedback?.text).toBe('Octets are 8 bits.');
	});

	it('marks a missing word with _____ when text follows the answers', () => {
		expect(questions(parse('missing-word.gift')).map((q) => q.text.text)).toEqual([
			"Grant is _____ in Grant's tomb.",
			'Two plus _____ equals four.',
			'The answer follows the question:'
		]);
	});

	it('reads general feedback after ####, beside per-answer feedback', () => {
		const [, general, both] = questions(parse('feedback.gift'));
		expect(general!.generalFeedback?.text).toBe('We hope you are feeling well.');
		expect(both!.generalFeedback?.text).toBe('It is an oblate spheroid.');
		expect(both!.body).toMatchObject({
			wrongFeedback: { text: 'It is not flat.' },
			rightFeedback: { text: 'Right.' }
		});
	});
});

describe('GIFT escapes', () => {
	it('turns \\~ \\= \\# \\{ \\} \\: \\\\ and \\n into the characters themselves', () => {
		const [control, equals, newline, colon] = questions(parse('escapes.gift'));
		expect(control!.text.text).toBe(
			'Which of the following is NOT a control character for GIFT: ~ = # { }?'
		);
		if (control!.body.kind !== 'multichoice') throw new Error('not multichoice');
		expect(control!.body.answers.map((a) => a.text.text)).toEqual(['~', '=', '#', '{', '}', '\\']);
		expect(control!.body.answers[5]!.mark).toBe('=');
		expect(control!.body.answers[5]!.feedback?.text).toBe(
			'Correct! \\ is not a control character; it escapes them.'
		);
		if (equals!.body.kind !== 'multichoice') throw new Error('not multichoice');
		expect(equals!.body.answers.map((a) => [a.mark, a.text.text])).toEqual([
			['~', '= 2 + 2'],
			['=', '= 2 + 3'],
			['~', '= 2 + 4']
		]);
		expect(newline!.text.text).toBe('First line\nsecond line, and a literal backslash-n\\n.');
		expect(colon!.title).toBe('Colon : in title');
	});
});

describe('GIFT errors', () => {
	it('reports every malformed question on its own line', () => {
		const { errors } = parseGift(read('errors.gift'));
		expect(errors.map((e) => e.line)).toEqual([3, 5, 7, 9, 11, 13, 16]);
		expect(errors[0]!.message).toMatch(/not closed with "}"/);
		expect(errors[1]!.message).toMatch(/title opened with "::" is not closed/);
		expect(errors[2]!.message).toMatch(/a "}" without its "{"/);
		expect(errors[3]!.message).toMatch(/one answer section/);
		expect(errors[4]!.message).toMatch(/"three" is not a number/);
		expect(errors[5]!.message).toMatch(/"b" is not a pair/);
		expect(errors[6]!.message).toMatch(/\$CATEGORY: line stands alone/);
	});

	it('counts lines the same with CRLF line ends', () => {
		const { errors } = parseGift(read('errors.gift').replace(/\n/g, '\r\n'));
		expect(errors.map((e) => e.line)).toEqual([3, 5, 7, 9, 11, 13, 16]);
	});
});

describe('UTF-8', () => {
	it('refuses a Latin-1 file, naming the line and the byte', () => {
		const r = decodeUtf8(readFileSync(join(dir, 'latin1.gift')));
		expect(r).toMatchObject({ line: 1, offset: 14 });
		expect('message' in r && r.message).toMatch(/not UTF-8: byte 0xE9 at offset 14/);
	});

	it('refuses UTF-16 and finds a bad byte on a later line', () => {
		expect(decodeUtf8(readFileSync(join(dir, 'utf16.gift')))).toMatchObject({
			message: expect.stringMatching(/UTF-16/)
		});
		const bytes = new Uint8Array([...Buffer.from('a\nb\nc'), 0xc3, 0x28]);
		expect(decodeUtf8(bytes)).toMatchObject({ line: 3, offset: 5 });
		expect(decodeUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toMatchObject({ offset: 0 });
	});

	it('accepts UTF-8, with or without a byte-order mark', () => {
		expect(decodeUtf8(Buffer.from('\uFEFFCafé {T}'))).toEqual({ text: 'Café {T}' });
		const { items, errors } = parseGift('\uFEFF::Café::Crème brûlée?{T}');
		expect(errors).toEqual([]);
		expect(items[0]).toMatchObject({ title: 'Café', text: { text: 'Crème brûlée?' } });
	});
});
