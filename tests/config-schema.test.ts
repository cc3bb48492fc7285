import { describe, expect, it } from 'vitest';
import { parseYaml, validate } from '../src/lib/curriculum/frontmatter.ts';
import { curriculumConfigSchema } from '../src/lib/curriculum/schema/config.ts';

const FILE = 'content/curriculum.yaml';

/** Checks a config with the given site and repository, as `npm run check` would, and returns its findings. */
function check(site: string, repository: string) {
	const text = `title: Steeped\ntagline: Tea.\nsite: ${JSON.stringify(site)}\nrepository: ${JSON.stringify(repository)}\n`;
	const { parsed } = parseYaml(text, FILE);
	return validate(curriculumConfigSchema, parsed!, FILE, 'the curriculum config').findings;
}

const GOOD_SITE = 'https://steeped.example.org';
const GOOD_REPOSITORY = 'https://github.com/example/steeped';

describe('site and repository addresses', () => {
	it('accepts https addresses, a site with a path, and a repository on each known forge', () => {
		expect(check(GOOD_SITE, GOOD_REPOSITORY)).toEqual([]);
		expect(check('https://example.org/curriculum/', 'https://gitlab.com/example/steeped/')).toEqual([]);
		expect(check(GOOD_SITE, 'https://codeberg.org/example/steeped')).toEqual([]);
		expect(check(GOOD_SITE, 'https://bitbucket.org/example/steeped.docs')).toEqual([]);
	});

	it('refuses a user name before "@", which sends readers to another host', () => {
		expect(check(GOOD_SITE, 'https://github.com@evil.example/example/steeped')).toEqual([
			{
				rule: 'schema',
				severity: 'error',
				file: FILE,
				line: 4,
				column: 1,
				message:
					'`repository`: "https://github.com@evil.example/example/steeped" has a user name before "@", so browsers would open evil.example, not the host written before the "@".',
				fix: 'Remove everything between "https://" and "@"; if evil.example is not the intended host, write the intended address instead.',
			},
		]);
		expect(check('https://steeped.example.org@evil.example/', GOOD_REPOSITORY).map((f) => [f.line, f.message])).toEqual([
			[
				3,
				'`site`: "https://steeped.example.org@evil.example/" has a user name before "@", so browsers would open evil.example, not the host written before the "@".',
			],
		]);
		expect(check('https://user:secret@steeped.example.org', GOOD_REPOSITORY)).toHaveLength(1);
	});

	it.each([
		['http://steeped.example.org', 'does not start with https://.', 'Use the https:// address: "https://steeped.example.org/".'],
		['javascript:alert(1)', 'does not start with https://.', 'Use the https:// address, like "https://curriculum.example.org".'],
		['steeped.example.org', 'is not a full web address.', 'Write the whole address, starting with https://, like "https://curriculum.example.org".'],
		['https://steeped.example.org:8443/', 'has a port number after the host.', 'Remove the port: "https://steeped.example.org/".'],
		['https://steeped.example.org/?from=pr', 'has a query ("?…") or a fragment ("#…").', 'Remove everything from the "?" or "#": "https://steeped.example.org/".'],
		['https://steeped.example.org/#top', 'has a query ("?…") or a fragment ("#…").', 'Remove everything from the "?" or "#": "https://steeped.example.org/".'],
		[
			'https://steeped.exa\tmple.org/',
			'contains a space, a control character or a backslash.',
			'Write `site` as a plain address, like "https://curriculum.example.org".',
		],
	])('refuses the site %j', (site, message, fix) => {
		expect(check(site, GOOD_REPOSITORY).map((f) => [f.rule, f.message, f.fix])).toEqual([['schema', `\`site\`: ${JSON.stringify(site)} ${message}`, fix]]);
	});

	it('refuses a repository off the known forges', () => {
		expect(check(GOOD_SITE, 'https://git.evil.example/example/steeped').map((f) => [f.message, f.fix])).toEqual([
			[
				'`repository`: "https://git.evil.example/example/steeped" is not on a known forge (github.com, gitlab.com, codeberg.org, bitbucket.org).',
				'Use the repository\'s address on one of them, like "https://github.com/owner/name". Supporting another forge is a change to the engine, for a maintainer.',
			],
		]);
		expect(check(GOOD_SITE, 'https://github.com.evil.example/example/steeped')).toHaveLength(1);
	});

	it.each(['https://github.com/example', 'https://github.com/example/steeped/tree/main', 'https://github.com/example/steeped.git', 'https://github.com/'])(
		'refuses the repository %j, which is not an owner and a name',
		(repository) => {
			expect(check(GOOD_SITE, repository).map((f) => [f.message, f.fix])).toEqual([
				[
					`\`repository\`: ${JSON.stringify(repository)} is not the address of a repository: it needs the owner and the repository name, and nothing after them.`,
					'Write it as "https://github.com/<owner>/<name>", without ".git" or a path inside the repository.',
				],
			]);
		}
	);
});

describe('image hosts', () => {
	const hosts = (...values: string[]) => {
		const text = `title: Steeped\ntagline: Tea.\nsite: ${JSON.stringify(GOOD_SITE)}\nrepository: ${JSON.stringify(GOOD_REPOSITORY)}\nimageHosts:\n${values.map((value) => `  - ${JSON.stringify(value)}`).join('\n')}\n`;
		const { parsed } = parseYaml(text, FILE);
		return validate(curriculumConfigSchema, parsed!, FILE, 'the curriculum config').findings.map((f) => [f.line, f.message, f.fix]);
	};

	it('accepts host names', () => {
		expect(hosts('upload.wikimedia.org', 'images.example.org.', 'Img-1.Example.org')).toEqual([]);
	});

	it('refuses anything else, which every page would carry into its security policy', () => {
		expect(hosts("img.example.org; script-src * 'unsafe-inline'", 'https://img.example.org/photos/', '*.example.org', 'img.example.org:8443')).toEqual([
			[6, '`imageHosts[0]`: "img.example.org; script-src * \'unsafe-inline\'" is not a host name.', 'Write a host name alone, such as "upload.wikimedia.org": no scheme, path, port, wildcard, space or ";".'],
			[7, '`imageHosts[1]`: "https://img.example.org/photos/" is not a host name.', 'Write the host alone: "img.example.org".'],
			[8, '`imageHosts[2]`: "*.example.org" is not a host name.', 'Write a host name alone, such as "upload.wikimedia.org": no scheme, path, port, wildcard, space or ";".'],
			[9, '`imageHosts[3]`: "img.example.org:8443" is not a host name.', 'Write a host name alone, such as "upload.wikimedia.org": no scheme, path, port, wildcard, space or ";".'],
		]);
	});
});
