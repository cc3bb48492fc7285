/**
 * The progress page: what this browser keeps, track by track; export and import; data set aside;
 * and clearing it all. It loads the validating store from the start: reading, repairing and
 * importing progress are what the page is for.
 */
import { isObject } from '../lib/progress/basics.ts';
import { LEARNER_DATA_HREF, type Catalogue } from '../lib/progress/catalogue.ts';
import { changesSince } from '../lib/progress/changes.ts';
import { EXPORT_FORMAT, type Progress, type SetAsideEntry } from '../lib/progress/shape.ts';
import { rewrittenSincePass } from '../lib/progress/passes.ts';
import type { ProgressView } from '../lib/progress/peek.ts';
import { catalogueTrackStatus, viewOf } from '../lib/progress/summary.ts';
import { NOT_SAVED, setAsideSummary } from '../lib/progress/text.ts';
import { completedCount, exportFileName, exportProgress, mergeProgress, readImport } from '../lib/progress/transfer.ts';
import { showSetAside } from './progress-aside.ts';
import { fetchCatalogue, onProgressChange } from './progress-common.ts';
import { modulesCompleteText, wordsOf, type Say } from './progress-text.ts';
import { controlAfter, formatDay, keepingFocus } from './progress-ui.ts';
import { changeProgress, changeSetAside, clearEverything, loadAll } from './progress-store.ts';

const $ = <T extends HTMLElement = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector);

/** Offers text as a file to save. */
function download(name: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * One module's line: complete or not, at which version, how, and what changed since. A check passed
 * at an earlier major than the version completed (or, for a module not complete, the current one) is
 * named with its version, as one to take again (passes.ts).
 */
function describeModule(id: string, progress: Progress, view: ProgressView, data: Catalogue, say: Say): string {
	const { completed: done, quiz } = progress.modules[id] ?? {};
	const module = data.modules[id];
	// A pass is judged against the version completed, as the track's counts judge it (summary.ts), or the
	// current version for a module not complete: a pass of 1.x beside a completion of 1.x counts, even now 2.x is out.
	const rewritten = module ? rewrittenSincePass(view, id, done?.version ?? module.version) : undefined;
	const check = !quiz
		? undefined
		: rewritten
			? say('checkPassedEarlier', `knowledge check of version ${quiz.version} passed with ${quiz.score}%, before a major revision: take it again`, { version: quiz.version, score: quiz.score })
			: say('checkPassed', `knowledge check passed with ${quiz.score}%`, { score: quiz.score });
	if (!done) return check ? say('notCompleteCheck', `Not complete; ${check}`, { check }) : say('notComplete', 'Not complete');
	const changes = module ? changesSince(module.changelog, done.version, module.version) : undefined;
	return [
		say('completedOn', `✓ Completed version ${done.version} on ${formatDay(done.at)}`, { version: done.version, date: formatDay(done.at) }),
		done.via === 'quiz' ? say('viaQuiz', ' by passing the knowledge check') : '',
		check ? `; ${check}` : '',
		changes
			? `${say('updatedSinceYou', `; updated since you completed it: ${changes.from} → ${changes.to}`, { from: changes.from, to: changes.to })}${changes.major ? say('majorReread', ', a major revision to re-read') : ''}`
			: '',
	].join('');
}

function renderProgress(root: HTMLElement, data: Catalogue, progress: Progress): void {
	const view = viewOf(progress);
	const say = wordsOf(root);
	const countText = (done: number, all: number) => modulesCompleteText(say, done, all);
	for (const row of root.querySelectorAll<HTMLElement>('[data-progress-row]')) {
		const state = $(row, '[data-progress-state]');
		const id = row.dataset.progressRow ?? '';
		if (!state) continue;
		state.textContent = describeModule(id, progress, view, data, say);
		state.toggleAttribute('data-done', view.completed.has(id));
	}
	for (const group of root.querySelectorAll<HTMLElement>('[data-progress-group]')) {
		const track = data.tracks.find((t) => t.id === group.dataset.progressGroup);
		const count = $(group, '[data-progress-group-count]');
		if (!track || !count) continue;
		const status = catalogueTrackStatus(view, data, track);
		count.textContent = `${countText(status.done, status.total)}${status.complete ? say('trackCompleteSuffix', ': track complete') : ''}`;
	}
	const total = $(root, '[data-progress-total]');
	if (total) total.textContent = say('inAll', `${countText(view.completed.size, Object.keys(data.modules).length)} in all.`, { count: countText(view.completed.size, Object.keys(data.modules).length) });
	// Records of modules this site no longer lists (renamed or retired) are kept, and counted here.
	const unknown = Object.keys(progress.modules).filter((id) => !data.modules[id]);
	const note = $(root, '[data-progress-unknown]');
	if (note) {
		note.hidden = unknown.length === 0;
		note.textContent = say(
			unknown.length === 1 ? 'unknownOne' : 'unknown',
			`This browser also holds progress for ${unknown.length} module${unknown.length === 1 ? '' : 's'} this site no longer lists: ${unknown.join(', ')}.`,
			{ count: unknown.length, list: unknown.join(', ') }
		);
	}
}

/** A set-aside entry to download: data of a newer version is wrapped as an export file, to import there. */
function setAsideFile(entry: SetAsideEntry, site: string): string {
	if (entry.key === 'progress' && entry.reason === 'future') {
		try {
			const data: unknown = JSON.parse(entry.raw);
			if (isObject(data)) return `${JSON.stringify({ ...data, format: EXPORT_FORMAT, site, exportedAt: new Date().toISOString() }, null, '\t')}\n`;
		} catch {
			// Kept as it was, below.
		}
	}
	return entry.raw;
}

function renderSetAside(root: HTMLElement, site: string, entries: SetAsideEntry[], refresh: () => void): void {
	const box = $(root, '[data-progress-set-aside]');
	const list = $(root, '[data-progress-set-aside-list]');
	if (!box || !list) return;
	const say = wordsOf(root);
	box.hidden = entries.length === 0;
	list.replaceChildren(
		...entries.map((entry) => {
			const item = document.createElement('li');
			item.dataset.setAside = entry.reason;
			const save = Object.assign(document.createElement('button'), { type: 'button', textContent: say('download', 'Download') });
			save.addEventListener('click', () => download(`set-aside-${entry.at.slice(0, 10)}.json`, setAsideFile(entry, site)));
			const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: say('delete', 'Delete') });
			remove.dataset.setAsideDelete = '';
			remove.addEventListener('click', () => {
				changeSetAside((all) => all.filter((other) => !(other.raw === entry.raw && other.at === entry.at)));
				// The entry goes with its button: focus moves to the next entry's, or, with none left, on to what follows the list.
				const at = entries.indexOf(entry);
				keepingFocus(box, refresh, () => {
					const left = list.querySelectorAll<HTMLElement>('[data-set-aside-delete]');
					return left[Math.min(at, left.length - 1)] ?? controlAfter(box);
				});
			});
			item.append(`${formatDay(entry.at)}: ${setAsideSummary(entry, say)} `, save, ' ', remove);
			return item;
		})
	);
}

/** What a set of progress holds, written the same way whatever order it was stored in: to tell whether an import changed it. */
const progressKey = (progress: Progress) =>
	JSON.stringify(
		Object.keys(progress.modules)
			.filter((id) => progress.modules[id]?.completed || progress.modules[id]?.quiz)
			.sort()
			.map((id) => [id, progress.modules[id]?.completed ?? null, progress.modules[id]?.quiz ?? null])
	);

async function mount(root: HTMLElement): Promise<void> {
	const site = root.dataset.site ?? '';
	const messages = $(root, '[data-progress-messages]');
	const exportStatus = $(root, '[data-progress-export-status]');
	const importStatus = $(root, '[data-progress-import-status]');
	const clearStatus = $(root, '[data-progress-clear-status]');
	const file = $<HTMLInputElement>(root, '[data-progress-file]');
	const confirm = $(root, '[data-progress-confirm]');
	const clear = $<HTMLButtonElement>(root, '[data-progress-clear]');
	if (!messages || !exportStatus || !importStatus || !clearStatus || !file || !confirm || !clear) return;
	/**
	 * One message at a time in the page's three status lines, the newest: each action empties them as it
	 * starts, so that a screen reader announces its message even when it repeats the last one.
	 */
	const quiet = () => {
		for (const status of [exportStatus, importStatus, clearStatus]) {
			status.textContent = '';
			delete status.dataset.result;
		}
	};
	const tell = (status: HTMLElement, result: 'exported' | 'imported' | 'refused' | 'cleared', text: string) => {
		quiet();
		status.dataset.result = result;
		status.textContent = text;
	};
	const say = wordsOf(root);
	// The versions and changes of the modules listed; without them the lists cannot say what is complete,
	// but export, import and deleting need only what this browser holds.
	const data = await fetchCatalogue(root.dataset.catalogue ?? LEARNER_DATA_HREF);
	const total = $(root, '[data-progress-total]');
	const show = (progress: Progress) => {
		if (data) renderProgress(root, data, progress);
		else if (total) total.textContent = say('catalogueFailed', 'The list of this site’s modules could not be loaded, so your progress cannot be shown here. Reload the page to try again; exporting, importing and deleting still work.');
	};

	const refresh = () => {
		const loaded = showSetAside(messages, false);
		show(loaded.progress.data);
		renderSetAside(root, site, loaded.setAside, refresh);
	};

	$(root, '[data-progress-export]')?.addEventListener('click', () => {
		const now = new Date();
		const progress = loadAll().progress.data;
		const name = exportFileName(site, now);
		download(name, exportProgress(progress, site, now));
		const count = completedCount(progress);
		const english = `Saved ${name} with ${count} completed module${count === 1 ? '' : 's'}. Import it in another browser or on another device to carry on there.`;
		tell(exportStatus, 'exported', say(count === 1 ? 'exportedOne' : 'exported', english, { file: name, count }));
	});

	$(root, '[data-progress-import]')?.addEventListener('click', async () => {
		quiet();
		const chosen = file.files?.[0];
		const refuse = (text: string) => tell(importStatus, 'refused', text);
		if (!chosen) return refuse(say('chooseFile', 'Choose a progress file first, then import it.'));
		const result = readImport(await chosen.text(), site);
		if (!result.ok) return refuse(result.reason);
		// What the browser held, as the change read it, to say what the import added.
		let before: Progress = { version: 1, modules: {} };
		const saved = changeProgress((progress) => mergeProgress((before = progress), result.progress));
		if (!saved.saved) return refuse(say('notSaved', NOT_SAVED));
		const name = chosen.name;
		const total = completedCount(saved.data);
		const added = total - completedCount(before);
		const [key, english] =
			progressKey(saved.data) === progressKey(before)
				? ['importedNothingNew', `Imported ${name}: this browser already held all of its progress, so nothing changed.`]
				: added === 0
					? ['importedNewer', `Imported ${name}: no completed module in it was new to this browser, but it updated what this browser holds for modules already here.`]
					: added === 1
						? ['importedOne', `Imported ${name}: 1 completed module in it was new to this browser, whose progress now has ${total}.`]
						: ['imported', `Imported ${name}: ${added} completed modules in it were new to this browser, whose progress now has ${total}.`];
		tell(importStatus, 'imported', say(key, english, { file: name, added, total }));
		file.value = '';
		refresh();
	});

	const showConfirm = (open: boolean) => {
		confirm.hidden = !open;
		clear.setAttribute('aria-expanded', String(open));
	};
	clear.addEventListener('click', () => {
		showConfirm(true);
		$(confirm, '[data-progress-clear-cancel]')?.focus();
	});
	$(confirm, '[data-progress-clear-cancel]')?.addEventListener('click', () => {
		showConfirm(false);
		clear.focus();
	});
	$(confirm, '[data-progress-clear-confirm]')?.addEventListener('click', () => {
		clearEverything();
		showConfirm(false);
		tell(clearStatus, 'cleared', say('cleared', 'Your progress in this browser was deleted.'));
		refresh();
		clear.focus();
	});

	onProgressChange(() => show(loadAll().progress.data));
	refresh();
	document.querySelector<HTMLElement>('[data-progress-nojs]')?.remove();
	root.hidden = false;
}

const root = document.querySelector<HTMLElement>('[data-progress-page]');
if (root) void mount(root);
