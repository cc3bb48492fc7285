/**
 * `npm run bench:cards`: times the images against their budgets and exits non-zero when one is over.
 *
 * - a share card (1200×630 PNG) on one core, warm: at most 25 ms; and the same cards spread over
 *   every core as the build draws them, reported per card and core;
 * - a certificate at screen size (1754×1240), warm: at most 150 ms; print size is reported too;
 * - a roster of 100 certificates with names in many scripts, from a cold start of their fonts: at most 20 s.
 *
 * "Warm" means after the first image, which loads satori's layout engine and the fonts.
 */
import { availableParallelism } from 'node:os';
import { certificateSvg, renderCertificate, type CertificateInput } from '../src/lib/cards/certificate.ts';
import { nodeAssets, nodeEnvironment, releaseImages } from '../src/lib/cards/node.ts';
import { drawShareCards } from '../src/lib/cards/pool.ts';
import { renderShareCard, type ShareCardInput } from '../src/lib/cards/share-card.ts';
import { drawShareCard } from '../src/lib/cards/share-card-draw.ts';
import { readArgs, wholeNumber } from './lib/args.ts';
import { drawInDrawingProcess } from './lib/draw-process.ts';

const USAGE = 'Usage: npm run bench:cards -- [--cards 60] [--roster 100]';
const { values } = readArgs({ cards: { type: 'string', default: '60' }, roster: { type: 'string', default: '100' } }, USAGE, { positionals: false });
const count = wholeNumber(values.cards, 'cards', USAGE);
const rosterSize = wholeNumber(values.roster, 'roster', USAGE);
// Everything below is drawn with the allocator settings of the build's card processes (large pages, memory
// kept for reuse), which the command-line certificates get too: in a process started without them, a
// 1754×1240 certificate took 89 to 123 ms instead of 41 to 50 ms.
drawInDrawingProcess();
const BUDGETS = { shareCard: 25, certificate: 150, roster: 20_000 };

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
/** How long `work` took; afterwards the event loop turns, so that its images' memory is freed (releaseImages). */
async function time<T>(work: () => Promise<T>): Promise<number> {
	const start = performance.now();
	await work();
	const took = performance.now() - start;
	await releaseImages();
	return took;
}

const card = (i: number): ShareCardInput => ({
	curriculum: 'Tea School',
	kind: 'Module',
	title: `Steeping green tea at the right temperature, part ${i}`,
	track: 'Brewing basics',
	level: 'Foundation',
	// A few versions, as the modules of a track have.
	version: `1.${Math.abs(i) % 4}.0`,
	site: 'tea.example.org',
});

const NAMES = [
	'Zoë Ångström',
	'Дмитрий Шостакович',
	'Αλέξανδρος Παπαδόπουλος',
	'محمد بن عبد الله',
	'שרה לוי',
	'अनुष्का क्षत्रिय',
	'王小明',
	'山田たろう',
	'김민준',
	'สมชาย ใจดี',
	'Sam 🌱',
];
const certificate = (i: number): CertificateInput => ({
	name: `${NAMES[i % NAMES.length]} ${i}`,
	track: 'Brewing basics',
	title: 'Tea Brewing',
	curriculum: 'Tea School',
	date: '2026-11-23',
	modules: Array.from({ length: 8 }, (_, m) => ({ title: `Module ${m + 1}: water, leaves and time`, version: `${m + 1}.0.0` })),
	issuer: 'Kyoto Tea Institute',
	verified: true,
	url: `https://tea.example.org/verify/#learner-${i}`,
});

const results: { label: string; value: number; unit: string; budget?: number }[] = [];

// Share cards first, on one core, warm, as a build's worker draws them (in parts, keeping the headers
// and footers that cards share: share-card-draw.ts), with the fonts of the scripts their titles use;
// and drawn whole, as a card with nothing to share with the cards before it is. After the roster,
// every script's fonts are loaded, and each card takes longer.
await renderShareCard(card(-1), nodeEnvironment);
await drawShareCard(card(-1));
const single: number[] = [];
for (let i = 0; i < count; i++) single.push(await time(() => drawShareCard(card(i))));
results.push({ label: 'share card, one core, in parts (median)', value: median(single), unit: 'ms', budget: BUDGETS.shareCard });
const whole: number[] = [];
for (let i = 0; i < count; i++) whole.push(await time(() => renderShareCard(card(i), nodeEnvironment)));
results.push({ label: 'share card, one core, whole (median)', value: median(whole), unit: 'ms', budget: BUDGETS.shareCard });

// Share cards over every core, as the build draws them; worker start-up included.
const cores = availableParallelism();
const inputs = Array.from({ length: count * cores }, (_, i) => card(i));
const spread = await time(() => drawShareCards(inputs, cores));
results.push({ label: `share card, ${inputs.length} over ${cores} cores (per card and core)`, value: (spread * cores) / inputs.length, unit: 'ms' });

// The roster, from a cold start of its fonts (only satori itself is loaded already), as the command-line tool meets it.
const roster = await time(async () => {
	for (let i = 0; i < rosterSize; i++) {
		await renderCertificate(certificate(i), nodeEnvironment);
		await releaseImages();
	}
});
results.push({
	label: `${rosterSize} certificates (screen size, cold start)`,
	value: roster,
	unit: 'ms',
	budget: rosterSize === 100 ? BUDGETS.roster : undefined,
});

// Certificates, warm: the satori layout and the PNG separately, then whole.
const layout: number[] = [];
const screen: number[] = [];
const print: number[] = [];
for (let i = 0; i < 10; i++) {
	layout.push(await time(() => certificateSvg(certificate(i), nodeAssets)));
	screen.push(await time(() => renderCertificate(certificate(i), nodeEnvironment)));
	print.push(await time(() => renderCertificate(certificate(i), nodeEnvironment, 'print')));
}
results.push({ label: 'certificate layout (satori, median)', value: median(layout), unit: 'ms' });
results.push({ label: 'certificate 1754×1240 PNG (median)', value: median(screen), unit: 'ms', budget: BUDGETS.certificate });
results.push({ label: 'certificate 3508×2480 PNG (median)', value: median(print), unit: 'ms' });

for (const { label, value, unit, budget } of results) {
	const over = budget !== undefined && value > budget;
	if (over) process.exitCode = 1;
	const verdict = budget === undefined ? '' : over ? `  OVER the budget of ${budget} ${unit}` : `  within ${budget} ${unit}`;
	console.log(`${label.padEnd(58)} ${value.toFixed(1).padStart(8)} ${unit}${verdict}`);
}
