import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A script's command line, read with Node's `parseArgs`: `--help` prints the usage and stops, and an
 * option the script does not know, or one missing its value, is named in plain words above the usage
 * instead of ending in a stack trace. A command that takes options only (`positionals: false`) also
 * refuses a bare word. Exit status 2 means the command itself was wrong.
 */
export function readArgs<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string, { positionals = true } = {}) {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		console.log(usage);
		process.exit(0);
	}
	let parsed;
	try {
		parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
	} catch (error) {
		console.error(`${explain(error as Error & { code?: string })}\n\n${usage}`);
		process.exit(2);
	}
	// A command of options only: a bare word is an option whose name was left out (\`bench 2000\`), not something to ignore.
	if (!positionals && parsed.positionals.length > 0) {
		console.error(`This command takes options only, and "${parsed.positionals[0]}" is not one: write the option's name before its value, as the usage below shows.\n\n${usage}`);
		process.exit(2);
	}
	return parsed;
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
