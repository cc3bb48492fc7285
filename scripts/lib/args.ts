import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A script's command line, read with Node's `parseArgs`: `--help` prints the usage and stops, and an
 * option the script does not know, or one missing its value, is named in plain words above the usage
 * instead of ending in a stack trace. Exit status 2 means the command itself was wrong.
 */
export function readArgs<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string) {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		console.log(usage);
		process.exit(0);
	}
	try {
		return parseArgs({ args, options, allowPositionals: true, strict: true });
	} catch (error) {
		console.error(`${explain(error as Error & { code?: string })}\n\n${usage}`);
		process.exit(2);
	}
}

function explain(error: Error & { code?: string }): string {
	const option = /'(--?[\w-]+)/.exec(error.message)?.[1] ?? 'given';
	if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `This command has no option ${option}: check its spelling against the usage below.`;
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take/.test(error.message)) return `The option ${option} takes no value: write it on its own.`;
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `The option ${option} needs a value after it, as in ${option} <value> (quote a value with spaces).`;
	return error.message;
}
