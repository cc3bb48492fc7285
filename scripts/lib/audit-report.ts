/**
 * From Lighthouse results to what the audit says: the median score of each category over the runs,
 * the table, and, where a median is below its target, the audits that cost the points.
 */
import type { Result } from 'lighthouse';

/** The categories the audit scores, with their targets out of 100 (issue 14). */
export const TARGETS = {
	performance: 98,
	accessibility: 100,
	'best-practices': 100,
	seo: 100,
} as const;
export type Category = keyof typeof TARGETS;
export const CATEGORIES = Object.keys(TARGETS) as Category[];

export interface FailingAudit {
	id: string;
	title: string;
	/** 0 to 1. */
	score: number;
	/** Lighthouse's short value, e.g. "2.1 s" or "3 elements", when it has one. */
	displayValue?: string;
	/** What the audit points at: element selectors or snippets, or URLs, at most five. */
	items: string[];
}

export interface CategoryScore {
	/** The median over the runs, 0 to 100, rounded as Lighthouse's report rounds. */
	median: number;
	/** Each run's score, 0 to 1, in run order. */
	runs: number[];
	target: number;
	passed: boolean;
	/** The audits below full marks in the run whose score is the median, when the category missed its target. */
	failing: FailingAudit[];
}

export interface PageSummary {
	name: string;
	path: string;
	url: string;
	/** The JSON reports of the runs, relative to the summary. */
	reports: string[];
	scores: Record<Category, CategoryScore>;
}

export interface AuditSummary {
	date: string;
	site: string;
	runs: number;
	lighthouse: string;
	formFactor: string;
	/** The machine's cores and its one-minute load average before each run, in run order. */
	machine: { cpus: number; loadAverages: number[] };
	targets: typeof TARGETS;
	passed: boolean;
	pages: PageSummary[];
}

/** The median of a list of numbers; the mean of the middle two for an even count. */
export function median(values: number[]): number {
	if (values.length === 0) throw new Error('The median of no values is undefined.');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A 0 to 1 score out of 100, as Lighthouse's report shows it. */
export const percent = (score: number) => Math.round(score * 100);

const IGNORED_MODES = new Set(['notApplicable', 'manual', 'informative', 'error']);

interface NodeValue {
	type?: string;
	selector?: string;
	snippet?: string;
	explanation?: string;
}

/**
 * Short descriptions of what an audit found: an element's selector and markup with the reason
 * (a contrast ratio and its colours, say), a console message with its URL, or a URL.
 */
function itemsOf(audit: Result['audits'][string]): string[] {
	const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
	const found: string[] = [];
	for (const item of details?.items ?? []) {
		const node = [item.node, item.source].find((value): value is NodeValue => (value as NodeValue | undefined)?.type === 'node');
		const location = item.sourceLocation as { url?: string } | undefined;
		let text: string | undefined;
		if (node) {
			const reason = node.explanation?.split('\n').map((line) => line.trim()).find((line) => line && !/^Fix (any|all) of the following:$/.test(line));
			text = [node.selector, node.snippet && node.snippet !== node.selector ? node.snippet : undefined, reason].filter(Boolean).join(' ');
		} else if (location?.url) {
			text = `${location.url}: ${String(item.description ?? '')}`;
		} else if (typeof item.url === 'string') {
			text = item.url;
		}
		if (text && !found.includes(text)) found.push(text);
		if (found.length === 5) break;
	}
	return found;
}

/**
 * The audits of a category that cost it points in one run. For accessibility, best practices and
 * SEO every weighted audit below full marks. For performance the metrics below full marks, and the
 * insights and diagnostics that fail (below 0.9), which say why a metric is slow.
 */
export function failingAudits(lhr: Result, category: Category): FailingAudit[] {
	const refs = lhr.categories[category]?.auditRefs ?? [];
	const failing: FailingAudit[] = [];
	for (const ref of refs) {
		const audit = lhr.audits[ref.id];
		if (!audit || audit.score === null || IGNORED_MODES.has(audit.scoreDisplayMode)) continue;
		const counts = ref.weight > 0 ? audit.score < 1 : category === 'performance' && audit.score < 0.9;
		if (!counts) continue;
		failing.push({ id: audit.id, title: audit.title, score: audit.score, ...(audit.displayValue ? { displayValue: audit.displayValue } : {}), items: itemsOf(audit) });
	}
	return failing;
}

/** The scores of one page over its runs. */
export function scorePage(runs: Result[]): Record<Category, CategoryScore> {
	const scores = {} as Record<Category, CategoryScore>;
	for (const category of CATEGORIES) {
		const values = runs.map((lhr) => lhr.categories[category]?.score ?? 0);
		const middle = median(values);
		const target = TARGETS[category];
		const passed = percent(middle) >= target;
		// The run closest to the median stands for the page: its failing audits are the ones listed.
		const typical = runs.reduce((best, lhr, i) => (Math.abs(values[i]! - middle) < Math.abs((best.categories[category]?.score ?? 0) - middle) ? lhr : best), runs[0]!);
		scores[category] = { median: percent(middle), runs: values, target, passed, failing: passed ? [] : failingAudits(typical, category) };
	}
	return scores;
}

const LABELS: Record<Category, string> = { performance: 'performance', accessibility: 'accessibility', 'best-practices': 'best practices', seo: 'SEO' };

/** The table: a row per page, a column per category, each cell the median and, after it, each run. */
export function formatTable(pages: PageSummary[]): string {
	const cell = (score: CategoryScore) => `${score.median}${score.passed ? '' : ' ✗'}${score.runs.length > 1 ? ` (${score.runs.map(percent).join(', ')})` : ''}`;
	const lines = [
		`| page | ${CATEGORIES.map((category) => `${LABELS[category]} (≥ ${TARGETS[category]})`).join(' | ')} |`,
		`| --- | ${CATEGORIES.map(() => '---').join(' | ')} |`,
		...pages.map((page) => `| ${page.name} ${page.path} | ${CATEGORIES.map((category) => cell(page.scores[category])).join(' | ')} |`),
	];
	return lines.join('\n');
}

/** What missed its target, page by page, with the audits to fix; empty when everything passed. */
export function formatFailures(pages: PageSummary[]): string {
	const blocks: string[] = [];
	for (const page of pages) {
		for (const category of CATEGORIES) {
			const score = page.scores[category];
			if (score.passed) continue;
			const audits = score.failing.map((audit) => {
				const value = audit.displayValue ? ` (${audit.displayValue})` : '';
				const items = audit.items.map((item) => `\n      ${item}`).join('');
				return `    ${audit.id}: ${audit.title}${value}, score ${percent(audit.score)}${items}`;
			});
			blocks.push(`${page.name} ${page.path}: ${LABELS[category]} ${score.median}, below the target of ${score.target}.${audits.length ? `\n${audits.join('\n')}` : ''}`);
		}
	}
	return blocks.join('\n');
}
