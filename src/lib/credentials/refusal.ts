/**
 * Why a certificate was refused, as words to fill rather than a sentence: the key of its interface
 * string and the values it names. The verify page words a refusal in its own language from these;
 * the command line and the tests read the English sentence, made from the same interface string.
 */
import { en } from '../i18n/ui/verify.ts';

const PREFIX = 'currents.verify.';
type Keys = keyof typeof en;
/** The short keys of the refusals: `reasonExpired` for `currents.verify.reasonExpired`. */
export type ReasonKey = Keys extends infer K ? (K extends `${typeof PREFIX}${infer Short}` ? (Short extends `reason${string}` ? Short : never) : never) : never;

export interface Refusal {
	key: ReasonKey;
	values?: Record<string, string>;
	/**
	 * The language of each value written in a language of its own, whatever the page's: a library's
	 * message is English, an issuer's reason is in the language its profile is written in. A page in
	 * another language marks each such value with its language, so that a screen reader reads it so.
	 */
	languages?: Record<string, string>;
}

/** The refusal as an English sentence. */
export function refusalText(refusal: Refusal): string {
	return en[`${PREFIX}${refusal.key}`].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => refusal.values?.[name] ?? whole);
}
