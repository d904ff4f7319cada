/** `1 person`, `2 people`: a count with its noun in the number it takes. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
