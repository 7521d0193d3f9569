/** The notify outbox as the rest of the server uses it: queue inside a transaction, dispatch as a job. */
export {
  enqueueMessage,
  countRecentMessages,
  cancelQueuedMessages,
  recipientSearchIndex,
  emailSearchIndex,
  maskRecipient,
  NOTIFY_FIELD_CONTEXT,
  type EnqueueMessageInput,
  type EnqueuedMessage,
} from "./notify-outbox.ts";
export { dispatchDueMessages, retryDelayMs, DISPATCH_DEFAULTS, type DispatchOptions, type DispatchResult } from "./notify-dispatcher.ts";
export { presentMessage, type PresentedMessage } from "./notify-messages.ts";
export { createNotifyDispatchJob, notifyProvidersFor, NOTIFY_DISPATCH_JOB, NotifyDispatchData, type NotifyDispatchJobOptions, type NotifyRailsConfig } from "../jobs/notify-dispatch.ts";
export { messagesRouter } from "../routers/messages-router.ts";
