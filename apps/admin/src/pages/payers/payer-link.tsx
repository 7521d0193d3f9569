import { Typography } from "antd";
import { Link } from "react-router";
import { hasPermission, useMe } from "../../auth/session.ts";

/** A payer's name and code, linked to the payer page for users who may read payers. */
export function PayerLink({ payer }: { payer: { id: number; name: string | null; payerCode: string | null } | null | undefined }) {
  const { data: me } = useMe();
  if (!payer) return <Typography.Text type="secondary">—</Typography.Text>;
  const label = (
    <>
      {payer.name ?? `#${payer.id}`}
      {payer.payerCode && <Typography.Text type="secondary"> · {payer.payerCode}</Typography.Text>}
    </>
  );
  return hasPermission(me, "payer.read") ? <Link to={`/payers/show/${payer.id}`}>{label}</Link> : <span>{label}</span>;
}
