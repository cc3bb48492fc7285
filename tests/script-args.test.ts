import { describe, expect, it } from 'vitest';
import { fixtureContent, runScript } from './utils.ts';

/** What a contributor sees after `npm run <name> -- <args>`. */
function script(name: string, ...args: string[]) {
	const { status, stdout, stderr } = runScript(name, args);
	return { status, out: stdout, err: stderr };
}

describe('the command line of every contributor script', () => {
	it.each(['check', 'new', 'release', 'export', 'certificate'])('`npm run %s -- --help` prints the usage and succeeds', (name) => {
		const { status, out, err } = script(name, '--help');
		expect(status).toBe(0);
		expect(out).toMatch(/^Usage/);
		expect(out).toContain(`npm run ${name} --`);
		expect(err).not.toMatch(/at .*\.js:\d+|TypeError/);
	});

	it('names an unknown option in plain words above the usage, with no stack trace', () => {
		const { status, err } = script('check', '--bsae', 'main');
		expect(status).toBe(2);
		expect(err).toMatchInlineSnapshot(`
			"This command has no option --bsae: check its spelling against the usage below.

			Usage: npm run check -- [--base <ref> | --no-base] [--format human|github|json] [--content <dir>]
			"
		`);
	});

	it.each([
		['bench', 'bench'],
		['bench:cards', 'cards-bench'],
		['fuzz', 'fuzz'],
		['audit', 'audit'],
	])('`npm run %s -- --help`, a maintainer command, prints the usage and succeeds', (name, file) => {
		const { status, out, err } = script(file, '--help');
		expect(status).toBe(0);
		expect(out).toContain(`Usage: npm run ${name} --`);
		expect(err).toBe('');
	});

	it('refuses a bare value or a number that is not a whole one, before any work starts', () => {
		const bare = script('bench', '2000');
		expect(bare.status).toBe(2);
		expect(bare.err.split('\n')[0]).toBe('This command takes options only, and "2000" is not one: write the option\'s name before its value, as the usage below shows.');
		const half = script('bench', '--modules', '12.5');
		expect(half.status).toBe(2);
		expect(half.err.split('\n')[0]).toBe('The option --modules takes a whole number, 1 or more, not "12.5".');
		expect(script('audit', '--runs', '0').err.split('\n')[0]).toBe('The option --runs takes a whole number, 1 or more, not "0".');
		expect(script('fuzz', '--minutes', 'soon').err.split('\n')[0]).toBe('The option --minutes takes a number of minutes above 0, such as 30 or 0.5, not "soon".');
		expect(script('cards-bench', '--cards', '').err.split('\n')[0]).toBe('The option --cards takes a whole number, 1 or more, not "".');
	});

	it('refuses a value with spaces the shell split into words, rather than keep its first word, and says what to quote', () => {
		// Content that does not exist: were the words taken, the command would stop there instead of writing anything.
		const nowhere = ['--content', 'tests/.tmp/no-such-content'];
		const summary = script('release', 'goals-and-kpis', 'patch', 'Corrected', 'the', 'figure', ...nowhere);
		expect(summary.status).toBe(2);
		expect(summary.err.split('\n')[0]).toBe('This command takes 3 words besides its options, and "the figure" are more: the shell splits a value with spaces into words. Write the value in quotes: "Corrected the figure".');
		const title = script('new', 'module', '--title', 'Carousel', 'storytelling', '--track', 'x', ...nowhere);
		expect(title.status).toBe(2);
		expect(title.err.split('\n')[0]).toBe('"storytelling" follows --title "Carousel" and is not part of it: the shell splits a value with spaces into words. Write it in quotes: --title "Carousel storytelling".');
		// A signed certificate would carry half a name.
		const name = script('certificate', 'issue', '--name', 'Ada', 'Lovelace', '--issuer', 'x', ...nowhere);
		expect(name.status).toBe(2);
		expect(name.err.split('\n')[0]).toBe('"Lovelace" follows --name "Ada" and is not part of it: the shell splits a value with spaces into words. Write it in quotes: --name "Ada Lovelace".');
		expect(script('export', 'cartridge', '--out', 'my', 'folder').err.split('\n')[0]).toContain('Write it in quotes: --out "my folder".');
		// `verify` takes its file, and the check takes options only.
		expect(script('certificate', 'verify', 'a.png', 'b.png').err.split('\n')[0]).toContain('"b.png" is one more');
		expect(script('check', 'content').err.split('\n')[0]).toBe('This command takes options only, and "content" is not one: write the option\'s name before its value, as the usage below shows.');
	});

	it('names the track meant when one is misspelt, and lists the tracks only when none is near', () => {
		// Nothing is written: each stops at the track, before the module is made or the site built.
		const content = ['--content', fixtureContent('valid-course')];
		const module = script('new', 'module', '--title', 'Iced tea', '--track', 'tea-foundationz', ...content);
		expect(module.status).toBe(1);
		expect(module.err.split('\n')[0]).toBe('--track "tea-foundationz": Unknown track: tea-foundationz. Did you mean "tea-foundations"?');
		const cartridge = script('export', 'cartridge', '--track', 'tea-foundationz', ...content);
		expect(cartridge.status).toBe(2);
		expect(cartridge.err.split('\n')[0]).toBe('There is no track "tea-foundationz". Did you mean "tea-foundations"?');
		expect(script('export', 'cartridge', '--track', 'oolong', ...content).err.split('\n')[0]).toBe('There is no track "oolong". Tracks: tea-foundations.');
		// A language the curriculum does not have is named with those it has, before the site is built.
		const lang = script('export', 'cartridge', '--track', 'tea-foundations', '--lang', 'fi', ...content);
		expect(lang.status).toBe(2);
		expect(lang.err.split('\n')[0]).toBe("--lang fi: the curriculum's languages are en (`locales` in curriculum.yaml), and it has no other to export in.");
	});

	it('refuses an option of one value given twice, rather than keep the last without a word', () => {
		const kind = script('release', 'x', 'patch', 'Fixed.', '--kind', 'fixed', '--kind', 'changed');
		expect(kind.status).toBe(2);
		expect(kind.err.split('\n')[0]).toBe('The option --kind is given twice, as "fixed" and "changed", and takes one value: give it once.');
		const title = script('new', 'module', '--title', 'Iced tea', '--title=Cold brew', '--title', 'Chai', '--track', 'tea-foundations', '--content', fixtureContent('valid-course'));
		expect(title.err.split('\n')[0]).toBe('The option --title is given 3 times, as "Iced tea", "Cold brew" and "Chai", and takes one value: give it once.');
	});

	it('says when an option is missing its value, or was given one it does not take', () => {
		expect(script('release', 'x', 'patch', 'Fixed.', '--kind').err.split('\n')[0]).toBe('The option --kind needs a value after it, as in --kind <value> (quote a value with spaces).');
		expect(script('export', 'cartridge', '--links=yes').err.split('\n')[0]).toBe('The option --links takes no value: write it on its own.');
	});
});
