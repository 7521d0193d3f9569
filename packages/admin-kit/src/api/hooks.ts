import { useEffect } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useOnError } from "@refinedev/core";
import { App } from "antd";
import { toHttpError, type ApiError } from "./errors.ts";
import { hashQueryKey } from "./query-key-hash.ts";

/**
 * A typed tRPC query for screens that are not plain CRUD (dashboard, periods, accounts...).
 * Errors become ApiError; an expired session goes through the auth provider like Refine's hooks.
 */
export function useApiQuery<T>(key: readonly unknown[], run: () => Promise<T>, options: { enabled?: boolean; keepPrevious?: boolean; refetchInterval?: number | false } = {}) {
  const { mutate: onError } = useOnError();
  const query = useQuery<T, ApiError>({
    queryKey: ["sunap", ...key],
    queryKeyHashFn: hashQueryKey,
    queryFn: () => run().catch((error: unknown) => Promise.reject(toHttpError(error))),
    enabled: options.enabled,
    placeholderData: options.keepPrevious ? (previous) => previous : undefined,
    refetchInterval: options.refetchInterval,
  });
  useEffect(() => {
    if (query.error) onError(query.error);
  }, [query.error, onError]);
  return query;
}

/** A typed tRPC mutation; on success the given query keys (or everything) are refetched. */
export function useApiMutation<TInput, TOutput>(run: (input: TInput) => Promise<TOutput>, options: { invalidate?: readonly unknown[][]; notifyError?: boolean } = {}) {
  const queryClient = useQueryClient();
  const { mutate: onError } = useOnError();
  const { notification } = App.useApp();
  return useMutation<TOutput, ApiError, TInput>({
    mutationFn: (input) => run(input).catch((error: unknown) => Promise.reject(toHttpError(error))),
    onSuccess: async () => {
      if (options.invalidate) await Promise.all(options.invalidate.map((key) => queryClient.invalidateQueries({ queryKey: key })));
      // Everything but Refine's auth check: refetching it makes <Authenticated> show its loader,
      // which unmounts the page — and with it the caller's onSuccess (a navigation, a message).
      else await queryClient.invalidateQueries({ predicate: (query) => !query.queryKey.includes("auth") });
    },
    onError: (error) => {
      onError(error);
      if (options.notifyError !== false) notification.error({ message: error.name, description: error.message });
    },
  });
}
