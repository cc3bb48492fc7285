/**
 * The home page's part of progress: "Continue where you left off" and "Updated since your last
 * visit". It runs only when the learner's browser holds something of this site's; then it loads the
 * validating store and the curriculum's versions in the page's language (`/learner.json`, or
 * `/<language>/learner.json`, as the page names it).
 */
import { STORAGE_KEYS } from '../lib/progress/basics.ts';
import { LEARNER_DATA_HREF } from '../lib/progress/catalogue.ts';
import { changesSince } from '../lib/progress/changes.ts';
import { catalogueTrackStatus, continueAt, nextVisit, updatedSince, viewOf } from '../lib/progress/summary.ts';
import { moduleHref, trackHref } from '../lib/curriculum/model.ts';
import { el, fetchCatalogue, readStored } from './progress-common.ts';
import { modulesCompleteText, wordsOf } from './progress-text.ts';

async function mount(root: HTMLElement): Promise<void> {
	const messages = root.querySelector<HTMLElement>('[data-progress-messages]');
	const resume = root.querySelector<HTMLElement>('[data-learner-continue]');
	const updates = root.querySelector<HTMLElement>('[data-learner-updated]');
	if (!messages || !resume || !updates) return;
	const say = wordsOf(root);
	const [{ showSetAside }, { changeVisits }, data] = await Promise.all([import('./progress-aside.ts'), import('./progress-store.ts'), fetchCatalogue(root.dataset.catalogue ?? LEARNER_DATA_HREF)]);
	const loaded = showSetAside(messages);
	root.hidden = messages.childElementCount === 0;
	if (!data) return;
	const view = viewOf(loaded.progress.data);
	const modules = data.modules;

	// Each track's card says how much of it the learner has completed, once they have begun it, in the
	// page's language (a card of a track not translated is in the original's).
	for (const track of data.tracks) {
		const meta = document.querySelector<HTMLElement>(`[data-track-card="${CSS.escape(track.id)}"] .currents-card__meta`);
		const status = catalogueTrackStatus(view, data, track);
		if (!meta || status.done === 0) continue;
		meta.querySelector('[data-track-progress]')?.remove();
		meta.append(el('span', { 'data-track-progress': '', lang: document.documentElement.lang }, ` · ${modulesCompleteText(say, status.done, status.total)}${status.complete ? say('trackCompleteSuffix', ': track complete') : ''}`));
	}

	const next = continueAt(loaded.visits.data.last?.module, view, data);
	const module = next && modules[next.module];
	if (next && module) {
		const track = data.tracks.find((t) => t.id === next.track);
		const where = track ? el('a', { href: track.href ?? trackHref(track.id) }, track.title) : undefined;
		// Why this module: the page the learner was reading, or the first of its track left to do.
		const why =
			next.why === 'reading'
				? [say('reading', 'The module you were reading'), ...(where ? [say('readingIn', ' in '), where] : []), '.']
				: where
					? [next.why === 'reread' ? say('rereadIn', 'Revised in a major way since you completed it: read it again before going on in ') : say('firstOpenIn', 'The first module you have not completed in '), where, '.']
					: [];
		resume.replaceChildren(
			el('h2', {}, say('continue', 'Continue where you left off')),
			el(
				'div',
				{ class: 'currents-learner__card', 'data-continue': next.module },
				el('a', { href: module.href ?? moduleHref(next.module) }, module.title),
				el('p', { class: 'currents-learner__meta' }, ...why)
			)
		);
	}

	// The versions now, compared with those of the learner's previous visit.
	const versions = Object.fromEntries(Object.entries(modules).map(([id, m]) => [id, m.version]));
	let baseline: Record<string, string> | undefined;
	changeVisits((visits) => {
		const look = nextVisit(visits, versions, new Date());
		baseline = look.baseline;
		return look.visits;
	});
	const updated = baseline ? updatedSince(baseline, versions) : [];
	if (updated.length > 0) {
		updates.replaceChildren(
			el('h2', {}, say('updatedSince', 'Updated since your last visit')),
			el(
				'ul',
				{},
				...updated.map(({ id, from, to }) => {
					const major = changesSince(modules[id]?.changelog ?? [], from, to)?.major;
					const completed = view.completed.get(id);
					return el(
						'li',
						{ 'data-updated': id },
						el('a', { href: modules[id]?.href ?? moduleHref(id) }, modules[id]?.title ?? id),
						' ',
						el('span', { class: 'currents-learner__meta' }, `${from} → ${to}${major ? say('majorRevision', ', a major revision') : ''}${completed ? say('youCompleted', `; you completed ${completed.version}`, { version: completed.version }) : ''}`)
					);
				})
			)
		);
	}
	root.hidden = messages.childElementCount === 0 && resume.childElementCount === 0 && updates.childElementCount === 0;
}

const root = document.querySelector<HTMLElement>('[data-learner-home]');
// A first-time visitor has nothing stored: nothing to show, and nothing more to download.
if (root && Object.values(STORAGE_KEYS).some((key) => readStored(key) !== null)) void mount(root);
