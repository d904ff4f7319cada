// Secrets (the access token, the app secret) must never reach an error or a
// log line; phone numbers only in masked form.

const REDACTED = "[redacted]";

/** `value` with every occurrence of `secret` replaced, in a string or anywhere inside JSON. */
export function redact<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  if (typeof value === "string") return value.split(secret).join(REDACTED) as T;
  const json = JSON.stringify(value);
  return json?.includes(secret) ? JSON.parse(redact(json, secret)) : value;
}

/** Every digit but the last four hidden: `13800138000` → `*******8000`. */
export const maskPhoneNumber = (phoneNumber: string) =>
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
