/**
 * Synthetic curricula for the benchmark: the same realistic module pages (about 1,200 words with
 * headings, a list, a table, a code block and a knowledge check) written once as a Currents content
 * folder and once as a plain Starlight project with Starlight's default settings.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SENTENCES = [
	'Steep the leaves, taste, adjust the time, and write down what changed so the next pot is better.',
	'A cooler kettle keeps green tea sweet, while black tea wants water close to the boil.',
	'Measure leaf by weight rather than by spoon, because leaves differ in size and density.',
	'Warm the pot first so the water does not lose its heat to cold porcelain.',
	'Record the water, the leaf, the time and the taste, and compare one change at a time.',
	'Serve soon after steeping, since tea left on the leaves turns bitter within minutes.',
];

/** About 1,200 words of body: five sections of prose, a list, a table and a code block. */
export function moduleBody(n: number): string {
	const paragraph = (k: number) => Array.from({ length: 9 }, (_, i) => SENTENCES[(n + k + i) % SENTENCES.length]).join(' ');
	const section = (k: number) => `## Part ${k + 1} of module ${n}\n\n${paragraph(k)}\n\n${paragraph(k + 1)}\n\n${paragraph(k + 2)}\n`;
	return [
		section(0),
		'- Weigh the leaf.\n- Heat the water to the right temperature.\n- Time the steep.\n- Taste and note the result.\n',
		section(1),
		'| Tea | Water | Time |\n| --- | --- | --- |\n| Green | 80 °C | 2 min |\n| Oolong | 90 °C | 3 min |\n| Black | 95 °C | 4 min |\n',
		section(2),
		'```yaml\nleaf: 3 g\nwater: 250 ml\ntemperature: 85\ntime: 180\n```\n',
		section(3),
		section(4),
	].join('\n');
}

const QUIZ = `quiz:
  - question: A pot tastes bitter. What do you change first?
    choices:
      - text: Add more leaf to the pot
        explanation: More leaf makes it stronger and more bitter.
      - text: Steep for less time
        correct: true
        explanation: Bitterness comes out with time.
      - text: Use water straight off the boil, every time
        explanation: Hotter water draws out more bitterness.
      - text: Stir it
        explanation: Stirring changes little.
`;

/** The fixture's levels, in turn, as a real curriculum spreads its modules over its levels. */
const LEVELS = ['beginner', 'expert'];

/**
 * A module's releases, newest first: as in a curriculum that has been revised, some modules are at
 * their first release and others at their second to fourth (so that share cards, which show the
 * level and version, differ from module to module as they do in a real curriculum).
 */
function changelog(i: number): { version: string; date: string; kind: string; summary: string }[] {
	const minor = [0, 1, 1, 2, 0, 1, 3, 0, 2, 1][i % 10]!;
	return Array.from({ length: minor + 1 }, (_, step) => {
		const release = minor - step;
		return {
			version: `1.${release}.0`,
			date: `2026-${String(7 + release).padStart(2, '0')}-01`,
			kind: release === 0 ? 'added' : 'platform-change',
			summary: release === 0 ? 'First release.' : `Revised for a platform change (release ${release}).`,
		};
	});
}

export interface Generated {
	ids: string[];
	currents: string;
	starlight: string;
}

export function generate(work: string, root: string, count: number, perTrack = 25): Generated {
	rmSync(work, { recursive: true, force: true });
	const currents = join(work, 'currents', 'content');
	const starlight = join(work, 'starlight');
	for (const dir of [join(currents, 'modules'), join(currents, 'tracks'), join(starlight, 'src', 'content', 'docs', 'modules')]) mkdirSync(dir, { recursive: true });
	cpSync(join(root, 'tests', 'fixtures', 'valid-course', 'content', 'curriculum.yaml'), join(currents, 'curriculum.yaml'));
	const ids = Array.from({ length: count }, (_, i) => `module-${String(i).padStart(5, '0')}`);
	for (const [i, id] of ids.entries()) {
		const body = moduleBody(i);
		const releases = changelog(i);
		writeFileSync(
			join(currents, 'modules', `${id}.mdx`),
			`---\ntitle: Module ${i}\nsummary: A generated module for the benchmark.\nversion: ${releases[0]!.version}\nlevel: ${LEVELS[i % LEVELS.length]}\nduration: 30\noutcomes:\n  - Adjust one thing at a time in case ${i}.\nreviewed: 2026-11-01\nchangelog:\n${releases.map((release) => `  - version: ${release.version}\n    date: ${release.date}\n    kind: ${release.kind}\n    summary: ${release.summary}\n`).join('')}${QUIZ}---\n\n${body}`
		);
		writeFileSync(join(starlight, 'src', 'content', 'docs', 'modules', `${id}.mdx`), `---\ntitle: Module ${i}\ndescription: A generated module for the benchmark.\n---\n\n${body}`);
	}
	for (let t = 0; t * perTrack < count; t++) {
		const members = ids.slice(t * perTrack, (t + 1) * perTrack);
		writeFileSync(join(currents, 'tracks', `track-${t}.yaml`), `title: Track ${t}\nsummary: Generated.\naudience: Benchmarks.\nmodules:\n${members.map((id) => `  - ${id}`).join('\n')}\ncertificate:\n  title: Track ${t}\n`);
	}
	// Plain Starlight as its docs describe it: the integration with a title, default sidebar, default search.
	writeFileSync(join(starlight, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n\nexport default defineConfig({ integrations: [starlight({ title: 'Benchmark' })] });\n`);
	writeFileSync(
		join(starlight, 'src', 'content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`
	);
	writeFileSync(join(starlight, 'src', 'content', 'docs', 'index.mdx'), `---\ntitle: Benchmark\ntemplate: splash\n---\n\nGenerated pages.\n`);
	// Astro finds the packages whose components it must bundle from the dependencies listed here; they
	// resolve to this repository's node_modules.
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
	const dependencies = { astro: pkg.dependencies.astro, '@astrojs/starlight': pkg.dependencies['@astrojs/starlight'] };
	writeFileSync(join(starlight, 'package.json'), `${JSON.stringify({ name: 'bench-starlight', private: true, type: 'module', dependencies }, null, '\t')}\n`);
	return { ids, currents, starlight };
}
