import { List } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { useMatch, useNavigate } from "react-router";
import { ConsentsTable } from "./consents-table.tsx";
import { ConsentDrawer } from "./consent-drawer.tsx";

/** Every withdrawal consent (masked), filterable; a consent's evidence opens at /consents/show/:id. */
export function ConsentList() {
  const t = useTranslate();
  const navigate = useNavigate();
  const match = useMatch("/consents/show/:id");
  const openId = match?.params.id ? Number(match.params.id) : null;
  return (
    <List title={t("consents.titles.list")} headerButtons={() => null}>
      <ConsentsTable onOpen={(id) => navigate(`/consents/show/${id}`)} />
      <ConsentDrawer id={openId} onClose={() => navigate("/consents")} />
    </List>
  );
}
