import { useLocale, type MessageKey } from "./i18n.ts";

const TITLES: Record<string, MessageKey> = {
  "enroll.link_invalid": "link.title.invalid",
  "enroll.link_wrong_purpose": "link.title.invalid",
  "enroll.link_expired": "link.title.expired",
  "enroll.link_used": "link.title.used",
  "enroll.link_revoked": "link.title.revoked",
  "enroll.link_exhausted": "link.title.exhausted",
  missing: "link.title.missing",
};

const HELP: Record<string, MessageKey> = {
  "enroll.link_invalid": "link.invalidHelp",
  "enroll.link_expired": "link.expiredHelp",
  "enroll.link_used": "link.usedHelp",
};

interface Props {
  /** The server's code (enroll.link_expired…), `missing` for an address without a token, null for anything else. */
  code: string | null;
  message: string;
  onRetry?: (() => void) | undefined;
}

/** A link that cannot be used: what happened, in the server's words, and what to do. */
export function LinkProblem({ code, message, onRetry }: Props) {
  const { t } = useLocale();
  const title = t(TITLES[code ?? ""] ?? "link.title.unavailable");
  return (
    <section className="card problem" role="alert" aria-labelledby="problem-title" data-testid="link-problem" data-code={code ?? "unavailable"}>
      <div className="problem-icon" aria-hidden="true">
        !
      </div>
      <h2 className="card-title" id="problem-title">
        {title}
      </h2>
      <p className="problem-message" data-testid="link-problem-message">
        {message}
      </p>
      <p className="note">{t(HELP[code ?? ""] ?? "link.help")}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </section>
  );
}
