/** How one answered question is shown after grading (built by src/lib/server/quiz.ts). */
export interface QuestionResult {
	id: string;
	promptHtml: string;
	score: number;
	max: number;
	correct: boolean;
	yours: string;
	right: string;
	explanationHtml: string;
	feedback: string[];
}
