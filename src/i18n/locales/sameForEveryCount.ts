// Slovenian has four plural forms (one, two, few, other). Where a sentence is worded so the number needs no
// agreement ("Računi …: {{count}}", "{{count}}-krat"), every form is the same text.

type SlovenianPluralKeys<K extends string> = `${K}_${'one' | 'two' | 'few' | 'other'}`;

/** `key_one`, `key_two`, `key_few` and `key_other`, all set to `text`. */
export function sameForEveryCount<K extends string>(
  key: K,
  text: string,
): Record<SlovenianPluralKeys<K>, string> {
  return {
    [`${key}_one`]: text,
    [`${key}_two`]: text,
    [`${key}_few`]: text,
    [`${key}_other`]: text,
  } as Record<SlovenianPluralKeys<K>, string>;
}
