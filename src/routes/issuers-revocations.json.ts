import type { APIRoute, GetStaticPaths } from 'astro';
import { config } from '../data.ts';
import { loadIssuers, type IssuerEntry } from '../lib/credentials/issuers.ts';
import { revocationListDocument } from '../lib/credentials/profile.ts';
import { contentDir } from '../lib/curriculum/paths.ts';

/** One revocation list per issuer profile, empty or not: every credential the issuer signs names it. */
export const getStaticPaths = (() => loadIssuers(contentDir()).issuers.map((issuer) => ({ params: { issuer: issuer.id }, props: { issuer } }))) satisfies GetStaticPaths;

/**
 * The certificates an issuer has revoked, in the 1EdTech Revocation List Status Method's form: the
 * document a credential's `credentialStatus.id` names, which verifiers elsewhere read.
 */
export const GET: APIRoute<{ issuer: IssuerEntry }> = ({ props: { issuer } }) =>
	new Response(`${JSON.stringify(revocationListDocument(config.site, issuer), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
