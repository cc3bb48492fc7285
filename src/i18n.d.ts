// The engine's interface strings, so that `Astro.locals.t('currents.…')` knows their keys.
declare namespace StarlightApp {
	type CurrentsStrings = import('./lib/i18n/ui/index.ts').UiStrings;
	// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Starlight's documented way to add keys.
	interface I18n extends CurrentsStrings {}
}
