// SES wire formats tests assert against (ses-facts §A.6).

/** An SES MessageId: 16 hex (region prefix + epoch ms), a UUID, `-000000`; 60 characters. */
export const SES_MESSAGE_ID = /^[0-9a-f]{16}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-000000$/;
