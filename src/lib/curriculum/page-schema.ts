/**
 * The docs collection's schema, built once for every `<StarlightPage>`.
 *
 * Starlight checks the frontmatter a `<StarlightPage>` is given against the docs collection's schema,
 * and builds that schema anew for every page it renders: Starlight's whole frontmatter schema (hero,
 * head, sidebar, pagination…) and, with Zod 4, a freshly compiled parser for it. Every engine page
 * (module, track, update, home…) is a `<StarlightPage>`, so at 1,000 modules this took about 1.5 s
 * of a cold build's rendering, on the thread every page waits for.
 *
 * The schema depends on its context only through `image`. The content layer passes a helper that
 * resolves image paths against the entry being read, which differs from entry to entry, so those
 * schemas are built as before. `<StarlightPage>` passes a check that an imported image object was
 * given, which holds no state and is written the same for every page: a schema built with it serves
 * every page. It is recognised by its source text, so that a Starlight whose check reads
 * differently, or holds state, is served by a schema built for each page again, as before.
 */
/** Words of `<StarlightPage>`'s image check, from `@astrojs/starlight/utils/starlight-page.ts`. */
const STARLIGHT_PAGE_IMAGE_CHECK = 'Invalid image passed to `<StarlightPage>` component.';

export function starlightPageSchemaOnce<C extends { image: unknown }, S>(build: (context: C) => S): (context: C) => S {
	const built = new Map<string, S>();
	return (context) => {
		const source = String(context.image);
		if (!isStarlightPageCheck(source)) return build(context);
		let schema = built.get(source);
		if (schema === undefined) built.set(source, (schema = build(context)));
		return schema;
	};
}

/** Whether an image helper is `<StarlightPage>`'s: a function of no arguments that only makes that check. */
function isStarlightPageCheck(source: string): boolean {
	return source.includes(STARLIGHT_PAGE_IMAGE_CHECK) && /^\(\)\s*=>/.test(source);
}
