import { describe, expect, it } from 'vitest';
import { inlineHtml, inlinePlain } from '../../src/lib/quiz/inline';

describe('inline Markdown of quiz options, items and labels', () => {
	it('renders code spans, strong and emphasis', () => {
		expect(inlineHtml('`r` `e` `s` `train`')).toBe(
			'<code>r</code> <code>e</code> <code>s</code> <code>train</code>'
		);
		expect(inlineHtml('a **bold** and *soft* and __also__ _this_')).toBe(
			'a <strong>bold</strong> and <em>soft</em> and <strong>also</strong> <em>this</em>'
		);
		expect(inlineHtml('``a ` b``')).toBe('<code>a ` b</code>');
		expect(inlineHtml('` x `')).toBe('<code>x</code>');
	});

	it('escapes HTML everywhere, code spans included', () => {
		expect(inlineHtml('<img src=x onerror=alert(1)> & "q"')).toBe(
			'&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;'
		);
		expect(inlineHtml('`<script>`')).toBe('<code>&lt;script&gt;</code>');
		expect(inlineHtml('**<b>x</b>**')).toBe('<strong>&lt;b&gt;x&lt;/b&gt;</strong>');
	});

	it('leaves links, snake_case, lone stars and escaped markers as text', () => {
		expect(inlineHtml('[site](https://example.org)')).toBe('[site](https://example.org)');
		expect(inlineHtml('max_tokens and top_p')).toBe('max_tokens and top_p');
		expect(inlineHtml('2 * 3 = 6')).toBe('2 * 3 = 6');
		expect(inlineHtml('\\*not em\\*')).toBe('&#42;not em&#42;');
		expect(inlineHtml('no code: ` alone')).toBe('no code: ` alone');
	});

	it('strips the markup for text-only places', () => {
		expect(inlinePlain('`r` `e` **bold** *em* _u_ max_tokens')).toBe('r e bold em u max_tokens');
		expect(inlinePlain('<b>')).toBe('<b>');
	});
});
