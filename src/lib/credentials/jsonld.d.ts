/** The few functions of jsonld.js (it ships no types) that the credentials code calls. */
declare module 'jsonld' {
	export interface RemoteDocument {
		contextUrl: string | null;
		documentUrl: string;
		document: unknown;
	}
	export interface JsonLdOptions {
		documentLoader?: (url: string) => Promise<RemoteDocument>;
		/** The canonicalization algorithm; `RDFC-1.0` for Data Integrity. */
		algorithm?: string;
		format?: 'application/n-quads';
		/** Throws instead of silently dropping a term no context defines. */
		safe?: boolean;
		base?: string | null;
	}
	const jsonld: {
		canonize(input: unknown, options?: JsonLdOptions): Promise<string>;
		expand(input: unknown, options?: JsonLdOptions): Promise<unknown[]>;
	};
	export default jsonld;
}
