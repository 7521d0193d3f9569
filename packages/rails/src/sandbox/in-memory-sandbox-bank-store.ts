import type { BusinessDate } from "@sunap/core";
import {
  registrationKeyOf,
  type SandboxBankStore,
  type SandboxBankStoreTransaction,
  type SandboxFileKind,
  type SandboxRegistration,
  type SandboxRegistrationKey,
  type SandboxResultFile,
  type SandboxSubmission,
} from "./sandbox-bank-store.ts";

interface State {
  submissions: Map<string, SandboxSubmission>;
  results: Map<string, SandboxResultFile>;
  registrations: Map<string, SandboxRegistration>;
}

function copy(state: State): State {
  return { submissions: new Map(state.submissions), results: new Map(state.results), registrations: new Map(state.registrations) };
}

/**
 * The store for unit tests: a transaction works on a copy that replaces the state only when
 * the work succeeds, and transactions queue behind each other, as they would in PostgreSQL.
 */
export class InMemorySandboxBankStore implements SandboxBankStore {
  private state: State = { submissions: new Map(), results: new Map(), registrations: new Map() };
  private queue: Promise<unknown> = Promise.resolve();

  transaction<T>(work: (tx: SandboxBankStoreTransaction) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const draft = copy(this.state);
      const result = await work(transactionOver(draft));
      this.state = draft;
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function transactionOver(state: State): SandboxBankStoreTransaction {
  const resultFor = (submissionId: string) => [...state.results.values()].find((r) => r.submissionId === submissionId);
  return {
    findSubmission: async (id) => state.submissions.get(id),
    addSubmission: async (submission) => {
      state.submissions.set(submission.id, { ...submission, bytes: Uint8Array.from(submission.bytes) });
    },
    dueSubmissions: async (date: BusinessDate) =>
      [...state.submissions.values()].filter((s) => s.availableOn <= date && !resultFor(s.id)),
    addResultFile: async (file) => {
      if (resultFor(file.submissionId)) return;
      state.results.set(file.id, { ...file, bytes: Uint8Array.from(file.bytes) });
    },
    resultFiles: async (kind: SandboxFileKind, from: BusinessDate | undefined, to: BusinessDate) =>
      [...state.results.values()].filter((r) => r.kind === kind && r.availableOn <= to && (from === undefined || r.availableOn >= from)),
    findRegistration: async (key: SandboxRegistrationKey) => state.registrations.get(registrationKeyOf(key)),
    saveRegistration: async (registration) => {
      state.registrations.set(registrationKeyOf(registration), registration);
    },
    deleteRegistration: async (key) => {
      state.registrations.delete(registrationKeyOf(key));
    },
  };
}
