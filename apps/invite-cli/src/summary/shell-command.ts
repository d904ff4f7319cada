/** The words as one line to paste into a POSIX shell: quoted where the shell would split or expand them. */
export function shellCommand(words: readonly string[]): string {
  return words
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`))
    .join(" ");
}

/**
 * `what: command`, a step that ends with the command to copy. The command never holds
 * the token; a user who gave it with --token is told to give it again, as pasting the
 * command alone would then stop for want of one.
 */
export function commandStep(
  what: string,
  words: readonly string[],
  tokenFromFlag: boolean,
): string {
  const note = tokenFromFlag ? " (give the token again: DINGTALK_ACCESS_TOKEN or --token)" : "";
  return `${what}${note}: ${shellCommand(words)}`;
}
