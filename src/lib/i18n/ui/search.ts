/** TODO(helper): the strings of this group of components. */
export const en = {} as const;

export const fi: Record<keyof typeof en, string> = {};
