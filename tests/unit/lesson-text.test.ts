import { describe, expect, it } from 'vitest';
import { LESSON_COMPONENTS, lintLesson, proseWords } from '../../src/lib/content/lesson-text';

describe('prose word count', () => {
	it('counts prose, not code, markup or link targets', () => {
		const body = [
			'## Two words',
			'',
			'One [linked text](https://example.org/a/very/long/path) here.',
			'',
			'```python',
			'print("these words are code")',
			'```',
			'',
			'- a list item `code span`',
			'<TokenCounter />'
		].join('\n');
		expect(proseWords(body)).toBe(11);
	});
});

describe('lesson lint', () => {
	it('names unknown components', () => {
		expect(lintLesson('<Quiz />')).toEqual([
			{
				line: 1,
				message: 'unknown component <Quiz> — lesson components are ' + LESSON_COMPONENTS.join(', ')
			}
		]);
	});
	it('accepts a multi-line script block and inline code with braces', () => {
		expect(lintLesson("<script>\n\timport X from 'y';\n</script>\nUse `{a}` and `<b>`.")).toEqual(
			[]
		);
	});
});

describe('tables', () => {
	it('need a heading in every header cell', () => {
		expect(lintLesson('| | A |\n| --- | --- |\n| x | y |')).toEqual([
			{
				line: 1,
				message: 'a table header cell is empty — give every column a heading, for screen readers'
			}
		]);
		expect(lintLesson('| Aspect | A |\n| --- | --- |\n| | y |')).toEqual([]);
	});
});
