// Secrets (the access token, the app secret) must never reach an error or a
// log line; phone numbers only in masked form.

const REDACTED = "[redacted]";

/**
 * `value` with every occurrence of `secret` replaced inside its strings (keys
 * included). It works on parsed values, never on serialized JSON, so a secret
 * that happens to occur in the JSON syntax (`t` in `true`) corrupts nothing.
 */
export function redact<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  if (typeof value === "string") return value.split(secret).join(REDACTED) as T;
  if (Array.isArray(value)) return value.map((item) => redact(item, secret)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key, secret), redact(item, secret)]),
    ) as T;
  }
  return value;
}

/** Every digit but the last four hidden: `13800138000` → `*******8000`. */
export const maskPhoneNumber = (phoneNumber: string): string =>
  phoneNumber.replace(/\d(?=(?:\D*\d){4})/g, "*");

/** A copy of an invite body fit for logs: phone numbers masked. */
export function maskInviteBody(body: unknown): unknown {
  const list = (body as { phoneInviteeList?: unknown })?.phoneInviteeList;
  if (!Array.isArray(list)) return body;
  return {
    ...(body as object),
    phoneInviteeList: list.map((invitee) =>
      typeof invitee?.phoneNumber === "string"
        ? { ...invitee, phoneNumber: maskPhoneNumber(invitee.phoneNumber) }
        : invitee,
    ),
  };
}
