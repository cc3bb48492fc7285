import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A script's command line, read with Node's `parseArgs`: `--help` prints the usage and stops, and an
 * option the script does not know, or one missing its value, is named in plain words above the usage
 * instead of ending in a stack trace. A command that takes options only (`positionals: false`) also
 * refuses a bare word, and one that takes a number of words (`positionals: 3`) refuses more, since the
 * shell splits a value with spaces that was not quoted into words, and taking the first of them alone
 * would write a summary or a title cut short. Exit status 2 means the command itself was wrong.
 */
export function readArgs<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string, { positionals = true }: { positionals?: boolean | number } = {}) {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		console.log(usage);
		process.exit(0);
	}
	let parsed;
	try {
		parsed = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
	} catch (error) {
		console.error(`${explain(error as Error & { code?: string })}\n\n${usage}`);
		process.exit(2);
	}
	// A command of options only: a bare word is an option whose name was left out (\`bench 2000\`), not something to ignore.
	if (!positionals && parsed.positionals.length > 0) {
		console.error(`This command takes options only, and "${parsed.positionals[0]}" is not one: write the option's name before its value, as the usage below shows.\n\n${usage}`);
		process.exit(2);
	}
	if (typeof positionals === 'number') atMostWords(parsed, positionals, usage);
	givenOnce(parsed.tokens ?? [], options, usage);
	return parsed;
}

/**
 * Stops (exit status 2) when an option that takes one value is given more than once: Node's
 * `parseArgs` keeps the last value without a word, so the first would be lost. An option declared
 * `multiple` collects every value instead, and a flag (no value) said twice is still one flag.
 */
function givenOnce(tokens: readonly Token[], options: NonNullable<ParseArgsConfig['options']>, usage: string): void {
	const given = new Map<string, string[]>();
	for (const token of tokens) {
		if (token.kind !== 'option' || typeof token.value !== 'string') continue;
		const option = options[token.name];
		if (!option || option.type !== 'string' || option.multiple) continue;
		given.set(token.name, [...(given.get(token.name) ?? []), token.value]);
	}
	for (const [name, values] of given) {
		if (values.length < 2) continue;
		const times = values.length === 2 ? 'twice' : `${values.length} times`;
		const quoted = values.map((value) => JSON.stringify(value));
		console.error(`The option --${name} is given ${times}, as ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}, and takes one value: give it once.\n\n${usage}`);
		process.exit(2);
	}
}

/** Stops (exit status 2) when the command line has more than `most` words besides its options, saying which value to quote. */
export function atMostWords(parsed: { positionals: string[]; tokens?: Token[] }, most: number, usage: string): void {
	if (parsed.positionals.length <= most || !parsed.tokens) return;
	console.error(`${unquoted(parsed.tokens, most)}\n\n${usage}`);
	process.exit(2);
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/**
 * Why words beyond the `most` a command takes are refused, with the value they most likely belong to
 * written in quotes: the option's value they follow (`--title Carousel storytelling`), or else the
 * command's last word (`release x patch Corrected the figure`).
 */
function unquoted(tokens: readonly Token[], most: number): string {
	const words = tokens.filter((token) => token.kind === 'positional');
	const first = words[most]!;
	const at = tokens.indexOf(first);
	// The words in a row from the first extra one, up to the next option.
	const extra: string[] = [];
	for (const token of tokens.slice(at)) {
		if (token.kind !== 'positional') break;
		extra.push(token.value);
	}
	const before = tokens[at - 1];
	if (before?.kind === 'option' && typeof before.value === 'string') {
		const whole = [before.value, ...extra].join(' ');
		return `"${extra.join(' ')}" follows ${before.rawName} ${JSON.stringify(before.value)} and is not part of it: the shell splits a value with spaces into words. Write it in quotes: ${before.rawName} "${whole}".`;
	}
	const last = words[most - 1];
	const whole = [last?.kind === 'positional' ? last.value : '', ...extra].join(' ').trim();
	return `This command takes ${most} word${most === 1 ? '' : 's'} besides its options, and "${extra.join(' ')}" ${extra.length === 1 ? 'is one' : 'are'} more: the shell splits a value with spaces into words. Write the value in quotes: "${whole}".`;
}

/**
 * An option's value as a whole number of at least `least`, or a plain-words stop (exit status 2)
 * naming the option and what it was given.
 */
export function wholeNumber(value: string, option: string, usage: string, least = 1): number {
	const number = Number(value);
	if (/^\s*$/.test(value) || !Number.isInteger(number) || number < least) {
		console.error(`The option --${option} takes a whole number, ${least} or more, not "${value}".\n\n${usage}`);
		process.exit(2);
	}
	return number;
}

function explain(error: Error & { code?: string }): string {
	const option = /'(--?[\w-]+)/.exec(error.message)?.[1] ?? 'given';
	if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `This command has no option ${option}: check its spelling against the usage below.`;
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take/.test(error.message)) return `The option ${option} takes no value: write it on its own.`;
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `The option ${option} needs a value after it, as in ${option} <value> (quote a value with spaces).`;
	return error.message;
}
