import { resolve } from 'node:path';

/**
 * The content folder to build: the `--content` flag, else `CURRENTS_CONTENT`, else `content/`.
 * A fixture curriculum in tests builds by pointing this elsewhere.
 */
export function contentDir(flag?: string, env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
	return resolve(cwd, flag ?? env.CURRENTS_CONTENT ?? 'content');
}
