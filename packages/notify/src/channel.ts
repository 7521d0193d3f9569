/** The ways a message reaches a payer. */
export const NOTIFY_CHANNELS = ["sms", "alimtalk", "email"] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/**
 * What a message actually went out as: an SMS too long for 90 bytes goes as an LMS, and an
 * Alimtalk whose template the provider does not know falls back to an SMS or LMS.
 */
export const DELIVERY_TYPES = ["sms", "lms", "alimtalk", "email"] as const;
export type DeliveryType = (typeof DELIVERY_TYPES)[number];

export type NotifyLocale = "ko" | "en";
