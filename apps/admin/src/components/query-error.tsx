import { Result } from "antd";
import type { HttpError } from "@refinedev/core";
import { Forbidden, NotFound } from "./forbidden.tsx";

/** What a detail page shows when its record cannot be read: 403, 404, or the server's message. */
export function QueryError({ error }: { error: HttpError | null | undefined }) {
  if (!error) return null;
  if (error.statusCode === 403) return <Forbidden />;
  if (error.statusCode === 404) return <NotFound />;
  return <Result status="error" title={error.message} />;
}
