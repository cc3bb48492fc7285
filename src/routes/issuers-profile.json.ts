import type { APIRoute, GetStaticPaths } from 'astro';
import { config } from '../data.ts';
import { loadIssuers, type IssuerEntry } from '../lib/credentials/issuers.ts';
import { issuerProfileDocument } from '../lib/credentials/profile.ts';
import { contentDir } from '../lib/curriculum/paths.ts';

/** One page per issuer profile in the content folder; a profile the content check refuses is not published. */
export const getStaticPaths = (() => loadIssuers(contentDir()).issuers.map((issuer) => ({ params: { issuer: issuer.id }, props: { issuer } }))) satisfies GetStaticPaths;

/**
 * An issuer's Open Badges profile with its public keys: the document a credential's `issuer.id`
 * names, which verifiers elsewhere read to learn who the issuer is and which keys it signs with.
 */
export const GET: APIRoute<{ issuer: IssuerEntry }> = ({ props: { issuer } }) =>
	new Response(`${JSON.stringify(issuerProfileDocument(config.site, issuer), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
