import { useEffect, useState } from "react";
import { Badge, Tooltip } from "antd";
import { useTranslate } from "@refinedev/core";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { CONSENTS_QUERY_KEY } from "../consents/query-keys.ts";
import { REGISTRATIONS_QUERY_KEYS } from "./query-keys.ts";

export type LiveMode = "connecting" | "sse" | "polling";

/** How often the pages re-read registrations when the server's event feed is not available. */
export const POLL_MS = 5_000;

/**
 * Keeps registration pages current without a reload. It listens to the server's Server-Sent
 * Events feed (GET /events/registrations: one event per history row); each event refetches the
 * registration queries. If the feed cannot be opened (not mounted, a proxy in the way, or the
 * connection drops) the pages poll every 5 s instead, through react-query's refetchInterval:
 * pass `refetchInterval(mode)` to their queries.
 */
export function useRegistrationsLive(): LiveMode {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<LiveMode>(typeof EventSource === "undefined" ? "polling" : "connecting");
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/events/registrations", { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      // A burst of events (a result file applies many rows) becomes one refetch.
      clearTimeout(timer);
      timer = setTimeout(() => void invalidateRegistrations(queryClient), 250);
    };
    source.onopen = () => setMode("sse");
    source.addEventListener("registration", refresh);
    // Closed: the feed refused us (404, 401) and will not retry. Connecting: it is retrying; poll meanwhile.
    source.onerror = () => setMode("polling");
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [queryClient]);
  return mode;
}

/** Every cached registration (lists and records) and what shows a registration's status (consents). */
export function invalidateRegistrations(queryClient: QueryClient) {
  return Promise.all([
    ...REGISTRATIONS_QUERY_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    queryClient.invalidateQueries({ queryKey: CONSENTS_QUERY_KEY }),
    queryClient.invalidateQueries({ queryKey: ["sunap", "consents.get"] }),
  ]);
}

export function refetchInterval(mode: LiveMode): number | false {
  return mode === "sse" ? false : POLL_MS;
}

export function LiveBadge({ mode }: { mode: LiveMode }) {
  const t = useTranslate();
  const status = mode === "sse" ? "processing" : mode === "polling" ? "warning" : "default";
  const hint = mode === "sse" ? t("registrations.live.sseHint") : mode === "polling" ? t("registrations.live.pollingHint") : undefined;
  return (
    <Tooltip title={hint}>
      <Badge status={status} text={t(`registrations.live.${mode}`)} data-testid="registrations-live" data-mode={mode} />
    </Tooltip>
  );
}
