import { QueryClient } from "@tanstack/react-query";

/** One query cache for Refine's hooks and the typed tRPC queries of non-CRUD screens. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: false, retry: (count, error) => count < 1 && (error as { statusCode?: number }).statusCode === 0 },
  },
});
