/** How one answered question is shown after grading (built by src/lib/server/quiz/index.ts). */
export interface QuestionResult {
	id: string;
	promptHtml: string;
	score: number;
	max: number;
	correct: boolean;
	/** The learner's answer and the right one, as HTML (inline Markdown, learner text escaped). */
	yoursHtml: string;
	rightHtml: string;
	explanationHtml: string;
	/** Per-option feedback of the options picked, as HTML. */
	feedbackHtml: string[];
	/** The id of the lesson heading the question is about (quiz.yaml `section`), if given. */
	section: string | null;
}
