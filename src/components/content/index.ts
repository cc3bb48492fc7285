import { Aside, Steps } from '@astrojs/starlight/components';
import Case from './Case.astro';
import Discussion from './Discussion.astro';
import Example from './Example.astro';
import Exercise from './Exercise.astro';
import InstructorNotes from './InstructorNotes.astro';

/**
 * The components modules may use without imports, by the names in `src/lib/safety/components.ts`.
 * A test checks that the two lists agree.
 */
export const contentComponents = { Aside, Case, Discussion, Example, Exercise, InstructorNotes, Steps };
