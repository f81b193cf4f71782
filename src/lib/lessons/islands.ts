// Interactive lesson components, for the browser. A lesson arrives as server-rendered HTML; each
// component in it is a `data-island` element (see ToolFrame.svelte), which this replaces with the
// live component. The browser downloads the components a page uses, not the compiled lesson.
import { mount, unmount, type Component } from 'svelte';

const islands: Record<string, () => Promise<{ default: Component }>> = {
	TokenCounter: () => import('$lib/components/lesson/TokenCounter.svelte'),
	OverlapCalculator: () => import('$lib/components/lesson/OverlapCalculator.svelte'),
	InjectionSpotter: () => import('$lib/components/lesson/InjectionSpotter.svelte'),
	PolicyEvaluator: () => import('$lib/components/lesson/PolicyEvaluator.svelte'),
	DriftCalculator: () => import('$lib/components/lesson/DriftCalculator.svelte'),
	RedactionTester: () => import('$lib/components/lesson/RedactionTester.svelte'),
	FlowChecker: () => import('$lib/components/lesson/FlowChecker.svelte'),
	ThresholdExplorer: () => import('$lib/components/lesson/ThresholdExplorer.svelte'),
	SamplingExplorer: () => import('$lib/components/lesson/SamplingExplorer.svelte'),
	ServingPlanner: () => import('$lib/components/lesson/ServingPlanner.svelte'),
	PolicyChecker: () => import('$lib/components/lesson/PolicyChecker.svelte'),
	IntentScorer: () => import('$lib/components/lesson/IntentScorer.svelte')
};

/** Brings every island under `root` to life; returns a function that removes them again. */
export async function liven(root: HTMLElement): Promise<() => void> {
	const mounted: ReturnType<typeof mount>[] = [];
	for (const el of root.querySelectorAll<HTMLElement>('[data-island]')) {
		const load = islands[el.dataset.island ?? ''];
		if (!load) continue;
		const { default: Island } = await load();
		if (!el.isConnected) continue;
		const typed = fieldsOf(el).map((f) => ({ f, value: f.value, checked: checkedOf(f) }));
		// So is where they were typing: focus and caret move to the live twin of the field.
		const active = typed.find(({ f }) => f === document.activeElement);
		const caret = active && selectionOf(active.f);
		const target = document.createElement('div');
		target.className = 'island';
		el.replaceWith(target);
		mounted.push(mount(Island, { target }));
		// What the learner typed before the component came alive is kept.
		const fresh = fieldsOf(target);
		for (const { f, value, checked } of typed) {
			// A radio or checkbox is one of several of its name: its twin also has its value.
			const twin = twinOf(fresh, { f, value, checked });
			if (!twin || (twin.value === value && checkedOf(twin) === checked)) continue;
			if (checked === null) twin.value = value;
			else (twin as HTMLInputElement).checked = checked;
			twin.dispatchEvent(new Event('input', { bubbles: true }));
			twin.dispatchEvent(new Event('change', { bubbles: true }));
		}
		if (active) {
			const twin = twinOf(fresh, active);
			twin?.focus();
			if (twin && caret) (twin as HTMLInputElement).setSelectionRange(caret[0], caret[1]);
		}
	}
	return () => mounted.forEach((m) => unmount(m));
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const fieldsOf = (root: HTMLElement) =>
	[...root.querySelectorAll<Field>('input[name], textarea[name], select[name]')].filter(
		(f) => f.type !== 'hidden'
	);
const checkedOf = (f: Field) =>
	f instanceof HTMLInputElement && (f.type === 'checkbox' || f.type === 'radio') ? f.checked : null;

/** The live field that stands for `f`: same name and type; for a radio or checkbox, same value. */
const twinOf = (
	fresh: Field[],
	{ f, value, checked }: { f: Field; value: string; checked: boolean | null }
) =>
	fresh.find(
		(x) => x.name === f.name && x.type === f.type && (checked === null || x.value === value)
	);
/** The caret or selection of a text field; null where the field has none (a number, a select). */
function selectionOf(f: Field): [number, number] | null {
	try {
		if (f instanceof HTMLSelectElement || f.selectionStart === null || f.selectionEnd === null)
			return null;
		return [f.selectionStart, f.selectionEnd];
	} catch {
		return null;
	}
}
