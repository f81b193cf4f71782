/** What the server's token counter returns (see src/lib/server/tools/tokens.ts). */
export interface TokenCount {
	encoding: 'o200k_base' | 'cl100k_base';
	tokens: number;
	characters: number;
	words: number;
	/** The first pieces of text, one per token, to show how text is split. */
	pieces: string[];
}
